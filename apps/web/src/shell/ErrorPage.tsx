import { Button, Code, Container, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { PageHeader } from '../components/PageHeader.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

/** The friendly error boundary: something broke while showing this page. */
export function ErrorPage({ inShell = false }: { inShell?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage standalone={!inShell} />;
  const detail = error instanceof Error ? error.message : undefined;
  const body = (
    <Stack>
      <PageHeader title={t('errorPage.title')} />
      <Text role="alert">{t('errorPage.body')}</Text>
      {detail ? (
        <Text size="sm">
          {t('errorPage.detail')} <Code>{detail}</Code>
        </Text>
      ) : null}
      <Group>
        <Button onClick={() => window.location.reload()}>{t('errorPage.reload')}</Button>
        <Button component={Link} to="/" variant="outline" reloadDocument>
          {t('notFound.home')}
        </Button>
      </Group>
    </Stack>
  );
  if (inShell) return body;
  return (
    <main id="main" tabIndex={-1}>
      <Container size="sm" py="xl">
        {body}
      </Container>
    </main>
  );
}
