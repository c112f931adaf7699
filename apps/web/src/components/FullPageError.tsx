import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors.ts';

/** The whole app could not start (usually: the server is unreachable). */
export function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <main id="main" tabIndex={-1}>
      <Container size="sm" py="xl">
        <Stack>
          <Title order={1}>{t('errors.startTitle')}</Title>
          <Text role="alert" aria-live="assertive">
            {describeError(error, t)}
          </Text>
          <div>
            <Button onClick={onRetry}>{t('common.tryAgain')}</Button>
          </div>
        </Stack>
      </Container>
    </main>
  );
}
