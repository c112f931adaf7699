import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnavailablePart } from './analysis-shape.ts';

/** How the result is read: with its charts, or as tables only. */
export type View = 'chart' | 'table';

/** A card with a heading: one part of the result. */
export function Part({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={4} fz="md" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** A part of the result that could not be computed, and why. */
export function Unavailable({ message, title }: { message: string; title?: string }) {
  const { t } = useTranslation();
  return (
    // Part of the result, not an event: a note, not an alert that a screen reader would announce.
    <Alert color="gray" variant="light" role="note" title={title ?? t('analyses.result.unavailable')}>
      <Text size="sm">{message}</Text>
    </Alert>
  );
}

/**
 * A part of the result the server could not compute: its own words, except for an outcome with one value per program
 * (said in the interface language, pointing to the program level that answers instead).
 */
export function UnavailableNote({ part, outcome }: { part: UnavailablePart; outcome: string }) {
  const { t } = useTranslation();
  const message =
    part.unavailable.code === 'program_level_outcome'
      ? t('analyses.unavailable.programLevelOutcome', { outcome, section: t('analyses.importance.title') })
      : part.unavailable.message;
  return <Unavailable message={message} />;
}
