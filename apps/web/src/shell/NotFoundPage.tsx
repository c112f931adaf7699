import { Button, Container, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader.tsx';

/** Unknown address. Inside the shell when signed in, on its own otherwise. */
export function NotFoundPage({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
  const body = (
    <Stack>
      <PageHeader title={t('notFound.title')} />
      <Text>{t('notFound.body')}</Text>
      <div>
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
      </div>
    </Stack>
  );
  if (!standalone) return body;
  return (
    <main id="main" tabIndex={-1}>
      <Container size="sm" py="xl">
        {body}
      </Container>
    </main>
  );
}
