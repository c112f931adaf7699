import type { Organization } from '@alongside/contracts';
import { Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, LoadError } from '../../components/Feedback.tsx';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { AdminPage } from './AdminLayout.tsx';
import { useOutbox, type OutboxMessage } from './queries.ts';

function MessageStatus({ m }: { m: OutboxMessage }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (m.error) {
    return (
      <Badge color="red" variant="light" tt="none" radius="sm">
        {t('outbox.failed')}
      </Badge>
    );
  }
  if (m.sentAt) {
    return (
      <Badge color="alongside" variant="light" tt="none" radius="sm">
        {t('outbox.sentAt', { when: format.dateTime(m.sentAt) })}
      </Badge>
    );
  }
  return (
    <Badge color="gray" variant="light" tt="none" radius="sm">
      {t('outbox.notSent')}
    </Badge>
  );
}

function OutboxBody({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const format = useFormat();
  const outbox = useOutbox(organization.id);
  return (
    <section aria-labelledby="outbox-list-title">
      <Title order={2} fz="xl" mb="sm" id="outbox-list-title">
        {t('outbox.listTitle', { organization: organization.name })}
      </Title>
      {outbox.isPending ? (
        <Loader role="status" aria-label={t('common.loading')} />
      ) : outbox.isError ? (
        <LoadError
          message={describeError(outbox.error, t)}
          onRetry={() => void outbox.refetch()}
          retryLabel={t('common.tryAgain')}
        />
      ) : outbox.data.length === 0 ? (
        <EmptyState title={t('outbox.emptyTitle')}>{t('outbox.emptyBody')}</EmptyState>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {outbox.data.map((m) => (
            <Card component="li" key={m.id} withBorder radius="md" padding="md">
              <Stack gap={6}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Title order={3} fz="md">
                    {m.subject}
                  </Title>
                  <MessageStatus m={m} />
                </Group>
                <Text size="sm">
                  <strong>{t('outbox.to')}</strong> <span className="mono">{m.to}</span>
                </Text>
                <Text size="sm">
                  <strong>{t('outbox.created')}</strong> {format.dateTime(m.createdAt)}
                </Text>
                {m.error ? (
                  <Text size="sm" c="red.9">
                    <strong>{t('outbox.error')}</strong> {m.error}
                  </Text>
                ) : null}
                <details>
                  <summary
                    style={{
                      cursor: 'pointer',
                      padding: '10px 0',
                      fontWeight: 600,
                    }}
                  >
                    {t('outbox.showBody')}
                  </summary>
                  <Text size="sm" className="prewrap" mt="xs" p="sm" bg="gray.0" style={{ borderRadius: 8 }}>
                    {m.body}
                  </Text>
                </details>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}

/** Mail the server could not send because no SMTP server is configured: read it and pass it on. */
export function OutboxPage() {
  const { t } = useTranslation();
  return (
    <AdminPage title={t('outbox.title')} description={t('outbox.intro')}>
      {(organization) => <OutboxBody key={organization.id} organization={organization} />}
    </AdminPage>
  );
}
