import type { InstrumentDefinition, ResponseScale, Section, Subscale } from '@alongside/contracts/instruments';
import { Button, Checkbox, Group, MultiSelect, NativeSelect, NumberInput, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/Feedback.tsx';
import { freshName, problemsUnder, renameScale, renameSection, type Problem } from './editor-model.ts';
import { FieldProblems } from './FieldProblems.tsx';
import type { Edit } from './ItemCard.tsx';
import { LocalizedField } from './LocalizedField.tsx';

const numberOr = (value: string | number, fallback: number) => (value === '' || Number.isNaN(Number(value)) ? fallback : Number(value));

/** Response scales: an id and labelled points (value, optional score), shared by Likert items. */
export function ScalesPanel({ definition, problems, edit }: { definition: InstrumentDefinition; problems: readonly Problem[]; edit: Edit }) {
  const { t } = useTranslation();
  const languages = definition.languages.map((l) => l.code);
  const setScale = (index: number, scale: ResponseScale) => edit((d) => ({ ...d, scales: d.scales.map((s, i) => (i === index ? scale : s)) }));
  return (
    <Stack gap="md">
      <Text>{t('instrumentEditor.scales.intro')}</Text>
      {definition.scales.length === 0 ? <EmptyState title={t('instrumentEditor.scales.emptyTitle')}>{t('instrumentEditor.scales.emptyBody')}</EmptyState> : null}
      {definition.scales.map((scale, index) => {
        const found = problemsUnder(problems, `scales.${index}`, `scales.${scale.id}`);
        return (
          <Paper key={index} withBorder p="md" radius="md" component="section" aria-label={t('instrumentEditor.scales.heading', { id: scale.id })}>
            <Stack gap="sm">
              <Group justify="space-between" align="end" wrap="wrap">
                <TextInput
                  label={t('instrumentEditor.scales.id')}
                  description={t('instrumentEditor.variableNameHelp')}
                  value={scale.id}
                  onChange={(e) => {
                    const id = e.currentTarget.value;
                    edit((d) => renameScale(d, index, id));
                  }}
                  error={found.get('id')?.join(' ')}
                  classNames={{ input: 'mono' }}
                  required
                />
                <Button variant="outline" color="red.9" onClick={() => edit((d) => ({ ...d, scales: d.scales.filter((_, i) => i !== index) }))}>
                  {t('instrumentEditor.scales.remove')}
                </Button>
              </Group>
              <FieldProblems messages={[...(found.get('') ?? []), ...(found.get('points') ?? [])]} />
              {scale.points.map((point, p) => (
                <Paper key={p} withBorder p="sm" radius="md" bg="gray.0">
                  <Stack gap="xs">
                    <Group align="end" wrap="wrap">
                      <NumberInput
                        label={t('instrumentEditor.scales.value')}
                        value={point.value}
                        allowDecimal={false}
                        onChange={(v) => setScale(index, { ...scale, points: scale.points.map((x, j) => (j === p ? { ...x, value: numberOr(v, x.value) } : x)) })}
                        maw={140}
                      />
                      <NumberInput
                        label={t('instrumentEditor.scales.score')}
                        description={t('instrumentEditor.scales.scoreHelp')}
                        value={point.score ?? ''}
                        onChange={(v) =>
                          setScale(index, {
                            ...scale,
                            points: scale.points.map((x, j) => {
                              if (j !== p) return x;
                              const { score: _old, ...rest } = x;
                              return v === '' ? rest : { ...rest, score: numberOr(v, 0) };
                            }),
                          })
                        }
                        maw={200}
                      />
                      <Button
                        variant="outline"
                        color="red.9"
                        disabled={scale.points.length <= 2}
                        onClick={() => setScale(index, { ...scale, points: scale.points.filter((_, j) => j !== p) })}
                        aria-label={t('instrumentEditor.scales.removePointLabel', { value: point.value })}
                      >
                        {t('instrumentEditor.scales.removePoint')}
                      </Button>
                    </Group>
                    <LocalizedField
                      label={t('instrumentEditor.scales.label', { value: point.value })}
                      value={point.label}
                      languages={languages}
                      source={definition.sourceLanguage}
                      optional
                      onChange={(label) => setScale(index, { ...scale, points: scale.points.map((x, j) => (j === p ? { ...x, label } : x)) })}
                    />
                  </Stack>
                </Paper>
              ))}
              <Group>
                <Button
                  variant="outline"
                  disabled={scale.points.length >= 21}
                  onClick={() => setScale(index, { ...scale, points: [...scale.points, { value: Math.max(0, ...scale.points.map((x) => x.value)) + 1, label: {} }] })}
                >
                  {t('instrumentEditor.scales.addPoint')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="outline"
          onClick={() =>
            edit((d) => ({
              ...d,
              scales: [...d.scales, { id: freshName(d.scales.map((s) => s.id), 'scale'), points: [1, 2, 3, 4, 5].map((value) => ({ value, label: {} })) }],
            }))
          }
        >
          {t('instrumentEditor.scales.add')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Sections: pages, and groups inside pages through `parent`. */
export function SectionsPanel({ definition, problems, edit }: { definition: InstrumentDefinition; problems: readonly Problem[]; edit: Edit }) {
  const { t } = useTranslation();
  const languages = definition.languages.map((l) => l.code);
  const source = definition.sourceLanguage;
  const setSection = (index: number, section: Section) => edit((d) => ({ ...d, sections: d.sections.map((s, i) => (i === index ? section : s)) }));
  return (
    <Stack gap="md">
      <Text>{t('instrumentEditor.sections.intro')}</Text>
      {definition.sections.length === 0 ? <EmptyState title={t('instrumentEditor.sections.emptyTitle')}>{t('instrumentEditor.sections.emptyBody')}</EmptyState> : null}
      {definition.sections.map((section, index) => {
        const found = problemsUnder(problems, `sections.${index}`, `sections.${section.id}`);
        const used = definition.items.filter((i) => i.section === section.id).length;
        return (
          <Paper key={index} withBorder p="md" radius="md" component="section" aria-label={t('instrumentEditor.sections.heading', { id: section.id })}>
            <Stack gap="sm">
              <Group align="end" wrap="wrap">
                <TextInput
                  label={t('instrumentEditor.sections.id')}
                  description={t('instrumentEditor.variableNameHelp')}
                  value={section.id}
                  onChange={(e) => {
                    const id = e.currentTarget.value;
                    edit((d) => renameSection(d, index, id));
                  }}
                  error={found.get('id')?.join(' ')}
                  classNames={{ input: 'mono' }}
                  required
                />
                <NativeSelect
                  label={t('instrumentEditor.sections.parent')}
                  value={section.parent ?? ''}
                  onChange={(e) => {
                    const parent = e.currentTarget.value;
                    const { parent: _old, ...rest } = section;
                    setSection(index, parent ? { ...rest, parent } : rest);
                  }}
                  data={[
                    { value: '', label: t('instrumentEditor.sections.topLevel') },
                    ...definition.sections.filter((_, i) => i !== index).map((s) => ({ value: s.id, label: s.title[source] ?? s.id })),
                  ]}
                  error={found.get('parent')?.join(' ')}
                />
                <Button variant="outline" color="red.9" onClick={() => edit((d) => ({ ...d, sections: d.sections.filter((_, i) => i !== index) }))}>
                  {t('instrumentEditor.sections.remove')}
                </Button>
              </Group>
              <Text size="sm" c="dimmed">
                {t('instrumentEditor.sections.itemCount', { count: used })}
              </Text>
              <FieldProblems messages={found.get('') ?? []} />
              <LocalizedField
                label={t('instrumentEditor.sections.title')}
                value={section.title}
                languages={languages}
                source={source}
                error={found.get('title')?.join(' ')}
                onChange={(title) => setSection(index, { ...section, title })}
              />
              <LocalizedField
                label={t('instrumentEditor.sections.description')}
                value={section.description}
                languages={languages}
                source={source}
                multiline
                optional
                onChange={(description) => {
                  const { description: _old, ...rest } = section;
                  setSection(index, Object.keys(description).length > 0 ? { ...rest, description } : rest);
                }}
              />
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button variant="outline" onClick={() => edit((d) => ({ ...d, sections: [...d.sections, { id: freshName(d.sections.map((s) => s.id), 'section'), title: {} }] }))}>
          {t('instrumentEditor.sections.add')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Subscales: which items, mean or sum, the fewest answered items for a score, and the 0–100 transform. */
export function SubscalesPanel({ definition, problems, edit }: { definition: InstrumentDefinition; problems: readonly Problem[]; edit: Edit }) {
  const { t } = useTranslation();
  const languages = definition.languages.map((l) => l.code);
  const setSubscale = (index: number, subscale: Subscale) => edit((d) => ({ ...d, subscales: d.subscales.map((s, i) => (i === index ? subscale : s)) }));
  return (
    <Stack gap="md">
      <Text>{t('instrumentEditor.subscales.intro')}</Text>
      {definition.subscales.length === 0 ? <EmptyState title={t('instrumentEditor.subscales.emptyTitle')}>{t('instrumentEditor.subscales.emptyBody')}</EmptyState> : null}
      {definition.subscales.map((subscale, index) => {
        const found = problemsUnder(problems, `subscales.${index}`, `subscales.${subscale.id}`);
        const byFraction = 'fraction' in subscale.minAnswered;
        return (
          <Paper key={index} withBorder p="md" radius="md" component="section" aria-label={t('instrumentEditor.subscales.heading', { id: subscale.id })}>
            <Stack gap="sm">
              <Group justify="space-between" align="end" wrap="wrap">
                <TextInput
                  label={t('instrumentEditor.subscales.id')}
                  description={t('instrumentEditor.variableNameHelp')}
                  value={subscale.id}
                  onChange={(e) => setSubscale(index, { ...subscale, id: e.currentTarget.value })}
                  error={found.get('id')?.join(' ')}
                  classNames={{ input: 'mono' }}
                  required
                />
                <Button variant="outline" color="red.9" onClick={() => edit((d) => ({ ...d, subscales: d.subscales.filter((_, i) => i !== index) }))}>
                  {t('instrumentEditor.subscales.remove')}
                </Button>
              </Group>
              <FieldProblems messages={found.get('') ?? []} />
              <LocalizedField label={t('instrumentEditor.subscales.name')} value={subscale.name} languages={languages} source={definition.sourceLanguage} onChange={(name) => setSubscale(index, { ...subscale, name })} />
              <MultiSelect
                label={t('instrumentEditor.subscales.items')}
                data={[...new Set([...definition.items.map((i) => i.name), ...subscale.items])]}
                value={subscale.items}
                onChange={(items) => setSubscale(index, { ...subscale, items })}
                error={found.get('items')?.join(' ')}
                searchable
                size="md"
              />
              <Group align="end" wrap="wrap">
                <Stack gap={4}>
                  <Text size="sm" fw={500} id={`subscale-${index}-aggregate`}>
                    {t('instrumentEditor.subscales.aggregate')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby={`subscale-${index}-aggregate`}
                    value={subscale.aggregate}
                    onChange={(value) => setSubscale(index, { ...subscale, aggregate: value === 'sum' ? 'sum' : 'mean' })}
                    data={[
                      { value: 'mean', label: t('instrumentEditor.subscales.mean') },
                      { value: 'sum', label: t('instrumentEditor.subscales.sum') },
                    ]}
                  />
                </Stack>
                <NativeSelect
                  label={t('instrumentEditor.subscales.transform')}
                  value={subscale.transform}
                  onChange={(e) => setSubscale(index, { ...subscale, transform: e.currentTarget.value === 'percent' ? 'percent' : 'none' })}
                  data={[
                    { value: 'none', label: t('instrumentEditor.subscales.transformNone') },
                    { value: 'percent', label: t('instrumentEditor.subscales.transformPercent') },
                  ]}
                />
              </Group>
              <Group align="end" wrap="wrap">
                <NativeSelect
                  label={t('instrumentEditor.subscales.minAnswered')}
                  value={byFraction ? 'fraction' : 'count'}
                  onChange={(e) => setSubscale(index, { ...subscale, minAnswered: e.currentTarget.value === 'count' ? { count: 1 } : { fraction: 0.5 } })}
                  data={[
                    { value: 'fraction', label: t('instrumentEditor.subscales.byFraction') },
                    { value: 'count', label: t('instrumentEditor.subscales.byCount') },
                  ]}
                />
                <NumberInput
                  label={byFraction ? t('instrumentEditor.subscales.fraction') : t('instrumentEditor.subscales.count')}
                  value={'fraction' in subscale.minAnswered ? subscale.minAnswered.fraction : subscale.minAnswered.count}
                  min={byFraction ? 0.05 : 1}
                  max={byFraction ? 1 : 200}
                  step={byFraction ? 0.05 : 1}
                  decimalScale={byFraction ? 2 : 0}
                  onChange={(v) => setSubscale(index, { ...subscale, minAnswered: byFraction ? { fraction: numberOr(v, 0.5) } : { count: numberOr(v, 1) } })}
                  error={found.get('minAnswered')?.join(' ')}
                  maw={200}
                />
              </Group>
              <Checkbox
                label={t('instrumentEditor.subscales.outcome')}
                checked={subscale.outcome}
                onChange={(e) => {
                  const outcome = e.currentTarget.checked;
                  setSubscale(index, { ...subscale, outcome });
                }}
              />
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="outline"
          onClick={() =>
            edit((d) => ({
              ...d,
              subscales: [...d.subscales, { id: freshName(d.subscales.map((s) => s.id), 'subscale'), name: {}, items: [], aggregate: 'mean', minAnswered: { fraction: 0.5 }, transform: 'none', outcome: false }],
            }))
          }
        >
          {t('instrumentEditor.subscales.add')}
        </Button>
      </Group>
    </Stack>
  );
}
