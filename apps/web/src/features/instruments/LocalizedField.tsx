import type { LocalizedText } from '@alongside/contracts/instruments';
import type { Language } from '@alongside/contracts/vocabulary';
import { Badge, Button, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../components/Icons.tsx';
import { LANGUAGE_NAMES } from '../../i18n/index.ts';
import { isMissing, withText } from './editor-model.ts';

/** A dark amber for "needs attention" marks: 6.6:1 on white (Mantine's orange.9 is 4.3:1). */
export const ATTENTION_COLOR = '#9c4200';

export interface LocalizedFieldProps {
  label: string;
  value: LocalizedText | undefined;
  languages: readonly Language[];
  source: Language;
  onChange: (next: LocalizedText) => void;
  /** Long wording (item text, information) gets a growing text area; names and labels a single line. */
  multiline?: boolean;
  /** A field that may be left empty in every language (help, description). */
  optional?: boolean;
  error?: string;
  /** Languages whose translation waits for review since the source changed, with the action that clears it. */
  stale?: readonly Language[];
  onReviewed?: (language: Language) => void;
}

/**
 * One text in every language of the instrument, side by side (stacked on a phone): the source language first and
 * marked, a missing translation marked in words, a translation whose source changed marked with "mark reviewed".
 */
export const LocalizedField = memo(function LocalizedField({ label, value, languages, source, onChange, multiline = false, optional = false, error, stale = [], onReviewed }: LocalizedFieldProps) {
  const { t } = useTranslation();
  const ordered = [source, ...languages.filter((l) => l !== source)];
  return (
    <SimpleGrid cols={{ base: 1, md: Math.min(ordered.length, 3) }} spacing="sm" verticalSpacing="xs">
      {ordered.map((language, column) => {
        const missing = isMissing(value, language, source);
        const isStale = stale.includes(language);
        const fieldLabel = `${label} (${LANGUAGE_NAMES[language]})`;
        // Inline: Mantine puts the description in a <p>.
        const marks = (
          <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 6 }}>
            {language === source ? (
              <Badge component="span" variant="outline" color="gray.8" radius="sm" tt="none">
                {t('instrumentEditor.languages.sourceBadge')}
              </Badge>
            ) : null}
            {missing ? (
              <Badge component="span" variant="outline" color={ATTENTION_COLOR} radius="sm" tt="none" leftSection={<AlertIcon />}>
                {t('instrumentEditor.languages.missing')}
              </Badge>
            ) : null}
            {isStale ? (
              <Badge component="span" variant="outline" color={ATTENTION_COLOR} radius="sm" tt="none" leftSection={<AlertIcon />}>
                {t('instrumentEditor.languages.stale')}
              </Badge>
            ) : null}
          </span>
        );
        const common = {
          label: fieldLabel,
          description: missing || isStale || language === source ? marks : undefined,
          value: value?.[language] ?? '',
          onChange: (e: { currentTarget: { value: string } }) => onChange(withText(value, language, e.currentTarget.value)),
          // The contract's message names the text; shown under the source column, where the wording is needed.
          error: column === 0 ? error : undefined,
          required: language === source && !optional,
          lang: language,
        };
        return (
          <Stack key={language} gap={4}>
            {multiline ? <Textarea {...common} autosize minRows={2} maxRows={8} /> : <TextInput {...common} />}
            {isStale && onReviewed ? (
              <Group>
                <Button size="xs" variant="outline" onClick={() => onReviewed(language)} aria-label={t('instrumentEditor.languages.markReviewedFor', { field: fieldLabel })}>
                  {t('instrumentEditor.languages.markReviewed')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        );
      })}
    </SimpleGrid>
  );
});
