import {
  CONDITION_OPERATORS,
  ITEM_TYPES,
  type ChoiceOption,
  type Condition,
  type InstrumentDefinition,
  type Item,
  type ItemType,
} from '@alongside/contracts/instruments';
import type { Language } from '@alongside/contracts/vocabulary';
import { Badge, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../components/Icons.tsx';
import { isStale, markReviewed, renameItem, updateItem, withType } from './editor-model.ts';
import { FieldProblems } from './FieldProblems.tsx';
import { ATTENTION_COLOR, LocalizedField } from './LocalizedField.tsx';

export type Edit = (change: (definition: InstrumentDefinition) => InstrumentDefinition) => void;

const numberOrUndefined = (value: string | number) => (value === '' || value === '-' ? undefined : Number(value));

/** One item: a summary line with move/remove, and when open every field of it with its problems beside it. */
export function ItemCard({
  definition,
  index,
  open,
  onToggle,
  onMove,
  onRemove,
  problems,
  edit,
}: {
  definition: InstrumentDefinition;
  index: number;
  open: boolean;
  onToggle: () => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  problems: Map<string, string[]>;
  edit: Edit;
}) {
  const { t } = useTranslation();
  const item = definition.items[index]!;
  const languages = definition.languages.map((l) => l.code);
  const source = definition.sourceLanguage;
  const stale = languages.filter((l) => isStale(definition, l, item.name));
  const count = [...problems.values()].reduce((n, list) => n + list.length, 0);
  const change = (update: (item: Item) => Item) => edit((d) => updateItem(d, index, update));
  const say = (field: string) => problems.get(field)?.join(' ');
  const headingId = `item-${index}-heading`;
  const shown = (field: string) => ['name', 'type', 'text', 'help', 'scale', 'options', 'min', 'max', 'section', 'enableWhen', 'enableBehavior'].includes(field);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 240px', minWidth: 0 }}>
            <Title order={3} fz="md" id={headingId}>
              {t('instrumentEditor.items.heading', { number: index + 1, name: item.name || '…' })}
            </Title>
            <Text size="sm" c="dimmed" lineClamp={1}>
              {t(`instrumentEditor.itemTypes.${item.type}`)} · {item.text[source] ?? t('instrumentEditor.items.noText')}
            </Text>
            <Group gap={6}>
              {count > 0 ? (
                <Badge color="red.9" variant="outline" radius="sm" tt="none" leftSection={<AlertIcon />}>
                  {t('instrumentEditor.problems.count', { count })}
                </Badge>
              ) : null}
              {stale.length > 0 ? (
                <Badge color={ATTENTION_COLOR} variant="outline" radius="sm" tt="none" leftSection={<AlertIcon />}>
                  {t('instrumentEditor.languages.stale')}
                </Badge>
              ) : null}
            </Group>
          </Stack>
          <Group gap="xs">
            <Button variant={open ? 'filled' : 'outline'} size="sm" onClick={onToggle} aria-expanded={open} aria-controls={`item-${index}-fields`}>
              {open ? t('instrumentEditor.items.close') : t('instrumentEditor.items.open')}
            </Button>
            <Button variant="default" size="sm" onClick={() => onMove(index - 1)} disabled={index === 0} aria-label={t('instrumentEditor.items.moveUpLabel', { name: item.name })}>
              {t('instrumentEditor.items.moveUp')}
            </Button>
            <Button
              variant="default"
              size="sm"
              onClick={() => onMove(index + 1)}
              disabled={index === definition.items.length - 1}
              aria-label={t('instrumentEditor.items.moveDownLabel', { name: item.name })}
            >
              {t('instrumentEditor.items.moveDown')}
            </Button>
            <Button variant="outline" color="red.9" size="sm" onClick={onRemove} disabled={definition.items.length === 1} aria-label={t('instrumentEditor.items.removeLabel', { name: item.name })}>
              {t('instrumentEditor.items.remove')}
            </Button>
          </Group>
        </Group>

        {open ? (
          <Stack gap="md" id={`item-${index}-fields`}>
            <FieldProblems messages={[...problems].filter(([field]) => !shown(field)).flatMap(([, list]) => list)} />
            <Group align="start" grow wrap="wrap">
              <TextInput
                label={t('instrumentEditor.items.name')}
                description={t('instrumentEditor.variableNameHelp')}
                value={item.name}
                onChange={(e) => {
                  const name = e.currentTarget.value;
                  edit((d) => renameItem(d, index, name));
                }}
                error={say('name')}
                classNames={{ input: 'mono' }}
                required
                miw={200}
              />
              <NativeSelect
                label={t('instrumentEditor.items.type')}
                value={item.type}
                onChange={(e) => {
                  const type = e.currentTarget.value as ItemType;
                  change((current) => withType(current, type, definition));
                }}
                data={ITEM_TYPES.map((type) => ({ value: type, label: t(`instrumentEditor.itemTypes.${type}`) }))}
                error={say('type')}
                miw={200}
              />
              <NativeSelect
                label={t('instrumentEditor.items.section')}
                value={item.section ?? ''}
                onChange={(e) => {
                  const section = e.currentTarget.value;
                  change(({ section: _old, ...rest }) => (section ? { ...rest, section } : rest));
                }}
                data={[{ value: '', label: t('instrumentEditor.items.noSection') }, ...definition.sections.map((s) => ({ value: s.id, label: s.title[source] ?? s.id }))]}
                error={say('section')}
                miw={200}
              />
            </Group>

            <LocalizedField
              label={t('instrumentEditor.items.text')}
              value={item.text}
              languages={languages}
              source={source}
              multiline
              error={say('text')}
              stale={stale}
              onReviewed={(language) => edit((d) => markReviewed(d, language, item.name))}
              onChange={(text) => change((current) => ({ ...current, text }))}
            />
            <LocalizedField
              label={t('instrumentEditor.items.help')}
              value={item.help}
              languages={languages}
              source={source}
              multiline
              optional
              error={say('help')}
              onChange={(help) => change(({ help: _old, ...rest }) => (Object.keys(help).length > 0 ? { ...rest, help } : rest))}
            />

            {item.type === 'likert' ? (
              <NativeSelect
                label={t('instrumentEditor.items.scale')}
                value={item.scale ?? ''}
                onChange={(e) => {
                  const scale = e.currentTarget.value;
                  change((current) => ({ ...current, scale: scale || undefined }));
                }}
                data={[{ value: '', label: t('instrumentEditor.items.chooseScale') }, ...definition.scales.map((s) => ({ value: s.id, label: s.id }))]}
                error={say('scale')}
                maw={320}
              />
            ) : null}
            {item.type === 'single' || item.type === 'multiple' ? (
              <OptionsEditor options={item.options ?? []} languages={languages} source={source} error={say('options')} onChange={(options) => change((current) => ({ ...current, options }))} />
            ) : null}
            {item.type === 'number' ? (
              <Group align="start" wrap="wrap">
                <NumberInput
                  label={t('instrumentEditor.items.min')}
                  value={item.min ?? ''}
                  onChange={(v) => change((current) => ({ ...current, min: numberOrUndefined(v) }))}
                  error={say('min')}
                  maw={180}
                />
                <NumberInput
                  label={t('instrumentEditor.items.max')}
                  value={item.max ?? ''}
                  onChange={(v) => change((current) => ({ ...current, max: numberOrUndefined(v) }))}
                  error={say('max')}
                  maw={180}
                />
                <Checkbox
                  mt={32}
                  label={t('instrumentEditor.items.integer')}
                  checked={item.integer ?? false}
                  onChange={(e) => {
                    const integer = e.currentTarget.checked;
                    change((current) => ({ ...current, integer }));
                  }}
                />
              </Group>
            ) : null}

            <Group gap="lg" wrap="wrap">
              <Checkbox
                label={t('instrumentEditor.items.required')}
                checked={item.required}
                onChange={(e) => {
                  const required = e.currentTarget.checked;
                  change((current) => ({ ...current, required }));
                }}
              />
              {item.type !== 'text' && item.type !== 'multiple' ? (
                <Checkbox
                  label={t('instrumentEditor.items.reverse')}
                  description={t('instrumentEditor.items.reverseHelp')}
                  checked={item.reverse}
                  onChange={(e) => {
                    const reverse = e.currentTarget.checked;
                    change((current) => ({ ...current, reverse }));
                  }}
                />
              ) : null}
              <Checkbox
                label={t('instrumentEditor.items.identifier')}
                description={t('instrumentEditor.items.identifierHelp')}
                checked={item.identifier}
                onChange={(e) => {
                  const identifier = e.currentTarget.checked;
                  change((current) => ({ ...current, identifier }));
                }}
              />
            </Group>

            <ConditionsEditor definition={definition} index={index} error={say('enableWhen')} onChange={(update) => change(update)} />
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

function OptionsEditor({
  options,
  languages,
  source,
  error,
  onChange,
}: {
  options: ChoiceOption[];
  languages: Language[];
  source: Language;
  error?: string;
  onChange: (options: ChoiceOption[]) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, option: ChoiceOption) => onChange(options.map((o, j) => (j === i ? option : o)));
  return (
    <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={600}>
        {t('instrumentEditor.options.title')}
      </Text>
      <FieldProblems messages={error ? [error] : []} />
      {options.map((option, i) => (
        <Paper key={i} withBorder p="sm" radius="md" bg="gray.0">
          <Stack gap="xs">
            <Group align="end" wrap="wrap">
              <TextInput
                label={t('instrumentEditor.options.code')}
                value={option.code}
                onChange={(e) => set(i, { ...option, code: e.currentTarget.value })}
                classNames={{ input: 'mono' }}
                maw={200}
              />
              <NumberInput
                label={t('instrumentEditor.options.score')}
                value={option.score ?? ''}
                onChange={(v) => {
                  const score = numberOrUndefined(v);
                  const { score: _old, ...rest } = option;
                  set(i, score === undefined ? rest : { ...rest, score });
                }}
                maw={160}
              />
              <Button variant="outline" color="red.9" onClick={() => onChange(options.filter((_, j) => j !== i))} aria-label={t('instrumentEditor.options.removeLabel', { code: option.code })}>
                {t('instrumentEditor.options.remove')}
              </Button>
            </Group>
            <LocalizedField
              label={t('instrumentEditor.options.label', { code: option.code })}
              value={option.label}
              languages={languages}
              source={source}
              onChange={(label) => set(i, { ...option, label })}
            />
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button variant="outline" onClick={() => onChange([...options, { code: String(options.length + 1), label: {} }])}>
          {t('instrumentEditor.options.add')}
        </Button>
      </Group>
    </Stack>
  );
}

/** When the item is shown: conditions on earlier items' answers, all or any of them. */
function ConditionsEditor({ definition, index, error, onChange }: { definition: InstrumentDefinition; index: number; error?: string; onChange: (update: (item: Item) => Item) => void }) {
  const { t } = useTranslation();
  const item = definition.items[index]!;
  const conditions = item.enableWhen ?? [];
  const earlier = definition.items.slice(0, index);
  const setConditions = (next: Condition[]) =>
    onChange(({ enableWhen: _old, enableBehavior, ...rest }) => (next.length > 0 ? { ...rest, enableWhen: next, ...(enableBehavior ? { enableBehavior } : {}) } : rest));
  const set = (i: number, condition: Condition) => setConditions(conditions.map((c, j) => (j === i ? condition : c)));
  const source = definition.sourceLanguage;

  return (
    <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={600}>
        {t('instrumentEditor.conditions.title')}
      </Text>
      <Text size="sm" c="dimmed">
        {conditions.length === 0 ? t('instrumentEditor.conditions.none') : t('instrumentEditor.conditions.intro')}
      </Text>
      <FieldProblems messages={error ? [error] : []} />
      {conditions.length > 1 ? (
        <SegmentedControl
          value={item.enableBehavior ?? 'all'}
          onChange={(value) => onChange((current) => ({ ...current, enableBehavior: value === 'any' ? 'any' : 'all' }))}
          data={[
            { value: 'all', label: t('instrumentEditor.conditions.all') },
            { value: 'any', label: t('instrumentEditor.conditions.any') },
          ]}
          aria-label={t('instrumentEditor.conditions.behaviour')}
        />
      ) : null}
      {conditions.map((condition, i) => {
        const target = definition.items.find((x) => x.name === condition.item);
        const needsValue = condition.operator !== 'answered' && condition.operator !== 'not_answered';
        const scale = target?.type === 'likert' ? definition.scales.find((s) => s.id === target.scale) : undefined;
        const choices = scale
          ? scale.points.map((p) => ({ value: String(p.value), label: `${p.value} ${p.label[source] ?? ''}`.trim() }))
          : target?.options?.map((o) => ({ value: o.code, label: `${o.code} ${o.label[source] ?? ''}`.trim() }));
        const valueLabel = t('instrumentEditor.conditions.value');
        return (
          <Group key={i} align="end" wrap="wrap">
            <NativeSelect
              label={t('instrumentEditor.conditions.item')}
              value={condition.item}
              onChange={(e) => set(i, { ...condition, item: e.currentTarget.value })}
              data={[...(earlier.some((x) => x.name === condition.item) ? [] : [{ value: condition.item, label: condition.item }]), ...earlier.map((x) => ({ value: x.name, label: x.name }))]}
              maw={240}
            />
            <NativeSelect
              label={t('instrumentEditor.conditions.operator')}
              value={condition.operator}
              onChange={(e) => {
                const operator = e.currentTarget.value as Condition['operator'];
                const { value: _old, ...rest } = condition;
                set(i, operator === 'answered' || operator === 'not_answered' ? { ...rest, operator } : { ...condition, operator });
              }}
              data={CONDITION_OPERATORS.map((op) => ({ value: op, label: t(`instrumentEditor.operators.${op}`) }))}
              maw={240}
            />
            {needsValue && choices ? (
              <NativeSelect
                label={valueLabel}
                value={condition.value === undefined ? '' : String(condition.value)}
                onChange={(e) => {
                  const raw = e.currentTarget.value;
                  set(i, { ...condition, value: scale ? Number(raw) : raw });
                }}
                data={[{ value: '', label: t('instrumentEditor.conditions.chooseValue') }, ...choices]}
                maw={280}
              />
            ) : needsValue && target?.type === 'number' ? (
              <NumberInput label={valueLabel} value={typeof condition.value === 'number' ? condition.value : ''} onChange={(v) => set(i, { ...condition, value: numberOrUndefined(v) })} maw={180} />
            ) : needsValue ? (
              <TextInput label={valueLabel} value={condition.value === undefined ? '' : String(condition.value)} onChange={(e) => set(i, { ...condition, value: e.currentTarget.value })} maw={240} />
            ) : null}
            <Button variant="outline" color="red.9" onClick={() => setConditions(conditions.filter((_, j) => j !== i))}>
              {t('instrumentEditor.conditions.remove')}
            </Button>
          </Group>
        );
      })}
      <Group>
        <Button variant="outline" disabled={earlier.length === 0} onClick={() => setConditions([...conditions, { item: earlier.at(-1)?.name ?? '', operator: 'answered' }])}>
          {t('instrumentEditor.conditions.add')}
        </Button>
      </Group>
    </Stack>
  );
}
