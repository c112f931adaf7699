import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  TextInput,
  type ComboboxStringGroupData,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PARTS, MIN_PARTS, type CompositeDraft, type CompositePart } from './analysis-form.ts';

/**
 * The composite outcome: a name, its parts (a variable and a weight each, 2–12) and whether each part is z-scored
 * first. `error` gives the message of a field path (the request's, e.g. `composites.0.parts.1.weight`).
 */
export function CompositeBuilder({
  composite,
  onChange,
  variables,
  error,
  isOutcome,
  onUseAsOutcome,
}: {
  composite: CompositeDraft;
  onChange: (composite: CompositeDraft) => void;
  /** The variables a part can be, grouped (scales, program profile, indicators). */
  variables: ComboboxStringGroupData;
  error: (field: string) => string | undefined;
  isOutcome: boolean;
  /** Offered once the composite has a name and two parts. */
  onUseAsOutcome?: () => void;
}) {
  const { t } = useTranslation();
  const { label, parts, standardize } = composite;
  const selects = useRef<(HTMLSelectElement | null)[]>([]);
  // After a part is added or removed, focus moves to the part in its place (keyboard users keep their place).
  const [focusPart, setFocusPart] = useState<number>();
  useEffect(() => {
    if (focusPart === undefined) return;
    selects.current[focusPart]?.focus();
    setFocusPart(undefined);
  }, [focusPart]);

  const setPart = (i: number, part: Partial<CompositePart>) =>
    onChange({ ...composite, parts: parts.map((p, j) => (j === i ? { ...p, ...part } : p)) });
  const add = () => {
    onChange({ ...composite, parts: [...parts, { variable: '', weight: 1 }] });
    setFocusPart(parts.length);
  };
  const remove = (i: number) => {
    onChange({ ...composite, parts: parts.filter((_, j) => j !== i) });
    setFocusPart(Math.min(i, parts.length - 2));
  };
  const options: ComboboxStringGroupData = [{ value: '', label: t('analyses.composite.choose') }, ...variables];

  return (
    <Stack gap="sm">
      <Text size="sm">{t('analyses.composite.intro')}</Text>
      <TextInput
        label={t('analyses.composite.label')}
        description={t('analyses.composite.labelHelp')}
        value={label}
        maxLength={120}
        onChange={(e) => onChange({ ...composite, label: e.currentTarget.value })}
        error={error('composites.0.label') ?? error('composites.0.key') ?? error('composites.0') ?? error('composites')}
      />
      <Fieldset
        variant="unstyled"
        legend={
          <Text component="span" size="sm" fw={500}>
            {t('analyses.composite.parts')}
          </Text>
        }
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('analyses.composite.partsHelp', { min: MIN_PARTS, max: MAX_PARTS })}
          </Text>
          {error('composites.0.parts') ? (
            <Text size="sm" c="red.8">
              {error('composites.0.parts')}
            </Text>
          ) : null}
          {parts.map((part, i) => {
            const n = i + 1;
            return (
              <Group key={i} gap="sm" align="flex-start" wrap="wrap">
                <NativeSelect
                  ref={(el) => {
                    selects.current[i] = el;
                  }}
                  style={{ flex: '1 1 16rem', minWidth: 0 }}
                  label={t('analyses.composite.part', { n })}
                  value={part.variable}
                  onChange={(e) => setPart(i, { variable: e.currentTarget.value })}
                  data={options}
                  error={error(`composites.0.parts.${i}.variable`) ?? error(`composites.0.parts.${i}`)}
                />
                <Group gap="xs" align="flex-end" wrap="nowrap">
                  <NumberInput
                    w={120}
                    label={t('analyses.composite.weight')}
                    aria-label={t('analyses.composite.weightOf', { n })}
                    min={-100}
                    max={100}
                    step={0.5}
                    decimalScale={3}
                    value={part.weight}
                    onChange={(weight) => setPart(i, { weight })}
                    error={error(`composites.0.parts.${i}.weight`)}
                  />
                  {parts.length > MIN_PARTS ? (
                    <Button
                      variant="outline"
                      color="red.9"
                      aria-label={t('analyses.composite.removePart', { n })}
                      onClick={() => remove(i)}
                    >
                      {t('analyses.composite.remove')}
                    </Button>
                  ) : null}
                </Group>
              </Group>
            );
          })}
          <Group gap="sm">
            <Button variant="light" onClick={add} disabled={parts.length >= MAX_PARTS}>
              {t('analyses.composite.addPart')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
      <Checkbox
        size="md"
        label={t('analyses.composite.standardize')}
        description={t('analyses.composite.standardizeHelp')}
        checked={standardize}
        onChange={(e) => onChange({ ...composite, standardize: e.currentTarget.checked })}
      />
      {isOutcome ? (
        <Text size="sm" fw={500}>
          {t('analyses.composite.isOutcome')}
        </Text>
      ) : onUseAsOutcome ? (
        <Group>
          <Button variant="outline" onClick={onUseAsOutcome}>
            {t('analyses.composite.useAsOutcome')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
