import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

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

/**
 * A part of the result that could not be computed, and why. `details` is the server's English message, shown as a
 * secondary line when the interface is in another language.
 */
export function Unavailable({
  message,
  title,
  details,
  messageLang,
}: {
  message: string;
  title?: string;
  details?: string;
  /** The message's language when it is not the interface's (the server's English words). */
  messageLang?: string;
}) {
  const { t } = useTranslation();
  return (
    // Part of the result, not an event: a note, not an alert that a screen reader would announce.
    <Alert color="gray" variant="light" role="note" title={title ?? t('analyses.result.unavailable')}>
      <Stack gap={4}>
        <Text size="sm" lang={messageLang}>
          {message}
        </Text>
        {details ? <Details message={details} /> : null}
      </Stack>
    </Alert>
  );
}

/** The server's English words behind a reason said in the interface language. */
export function Details({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed">
      {t('analyses.reasons.details')} <span lang="en">{message}</span>
    </Text>
  );
}
