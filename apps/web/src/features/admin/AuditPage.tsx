import type { Organization } from '@alongside/contracts';
import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiHref } from '../../api/client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, LoadError } from '../../components/Feedback.tsx';
import { describeError, formErrorsFrom, NO_FORM_ERRORS } from '../../lib/errors.ts';
import { localInputToIsoWithOffset, useFormat } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { AdminPage } from './AdminLayout.tsx';
import { useAuditEvents, useUsers, type AuditQuery } from './queries.ts';

interface Filters {
  entity: string;
  actor: string;
  action: string;
  from: string;
  to: string;
  limit: string;
}

const EMPTY: Filters = {
  entity: '',
  actor: '',
  action: '',
  from: '',
  to: '',
  limit: '200',
};
const LIMITS = ['50', '200', '500', '1000'];
const FILTER_FIELDS = ['entity', 'actor', 'action', 'from', 'to', 'limit'] as const;

function toQuery(organizationId: string, f: Filters): AuditQuery {
  return {
    organizationId,
    entity: f.entity.trim() || undefined,
    actor: f.actor || undefined,
    action: f.action.trim() || undefined,
    from: localInputToIsoWithOffset(f.from),
    to: localInputToIsoWithOffset(f.to),
    limit: Number(f.limit),
  };
}

function AuditBody({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const users = useUsers(organization.id);
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<AuditQuery>(() => toQuery(organization.id, EMPTY));
  const [local, setLocal] = useState<{ to?: string }>({});
  const events = useAuditEvents(applied);
  // Field problems (a bad date, say) are shown beside the filter; the rest above the list.
  const errors = events.isError ? formErrorsFrom(events.error, t, FILTER_FIELDS) : NO_FORM_ERRORS;
  const title = t('audit.listTitle', { organization: organization.name });

  const set = (key: keyof Filters, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (draft.from && draft.to && new Date(draft.from) > new Date(draft.to)) {
      setLocal({ to: t('audit.toBeforeFrom') });
      return;
    }
    setLocal({});
    setApplied(toQuery(organization.id, draft));
  };
  const reset = () => {
    setLocal({});
    setDraft(EMPTY);
    setApplied(toQuery(organization.id, EMPTY));
  };

  const csvHref = apiHref('/api/audit-events.csv', { query: applied });

  return (
    <Stack gap="lg">
      <Alert color="gray" variant="light" role="note" title={t('audit.appendOnlyTitle')}>
        {t('audit.appendOnly')}
      </Alert>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="audit-filter-title">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <Title order={2} fz="xl" id="audit-filter-title">
              {t('audit.filterTitle')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
              <NativeSelect
                label={t('audit.actor')}
                value={draft.actor}
                onChange={(e) => set('actor', e.currentTarget.value)}
                data={[
                  { value: '', label: t('audit.anyone') },
                  ...(users.data ?? []).map((u) => ({
                    value: u.id,
                    label: u.name,
                  })),
                ]}
                error={errors.fields.actor}
              />
              <TextInput
                label={t('audit.entity')}
                description={t('audit.entityHelp')}
                value={draft.entity}
                onChange={(e) => set('entity', e.currentTarget.value)}
                error={errors.fields.entity}
              />
              <TextInput
                label={t('audit.action')}
                description={t('audit.actionHelp')}
                value={draft.action}
                onChange={(e) => set('action', e.currentTarget.value)}
                error={errors.fields.action}
              />
              <TextInput
                type="datetime-local"
                label={t('audit.from')}
                value={draft.from}
                onChange={(e) => set('from', e.currentTarget.value)}
                error={errors.fields.from}
              />
              <TextInput
                type="datetime-local"
                label={t('audit.to')}
                value={draft.to}
                onChange={(e) => {
                  set('to', e.currentTarget.value);
                  setLocal({});
                }}
                error={local.to ?? errors.fields.to}
              />
              <NativeSelect
                label={t('audit.limit')}
                value={draft.limit}
                onChange={(e) => set('limit', e.currentTarget.value)}
                data={LIMITS.map((l) => ({
                  value: l,
                  label: format.number(Number(l)),
                }))}
                error={errors.fields.limit}
              />
            </SimpleGrid>
            <Text size="sm">
              {t('audit.timezoneNote', {
                zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
              })}
            </Text>
            <Group gap="sm">
              <Button type="submit">{t('audit.apply')}</Button>
              <Button type="button" variant="outline" onClick={reset}>
                {t('audit.reset')}
              </Button>
              <Button component="a" href={csvHref} download variant="subtle">
                {t('audit.exportCsv')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>

      <section aria-labelledby="audit-list-title">
        <Title order={2} fz="xl" mb="sm" id="audit-list-title">
          {title}
        </Title>
        {events.isPending ? (
          <Loader role="status" aria-label={t('common.loading')} />
        ) : events.isError ? (
          <LoadError
            message={errors.summary ?? describeError(events.error, t)}
            onRetry={() => void events.refetch()}
            retryLabel={t('common.tryAgain')}
          />
        ) : events.data.length === 0 ? (
          <EmptyState title={t('audit.emptyTitle')}>{t('audit.emptyBody')}</EmptyState>
        ) : (
          <>
            <Text size="sm" mb="xs" role="status">
              {t('audit.count', { count: events.data.length })}
            </Text>
            <DataTable
              caption={title}
              head={[
                t('audit.when'),
                t('audit.actor'),
                t('audit.action'),
                t('audit.entity'),
                t('audit.purpose'),
                t('audit.origin'),
              ]}
              minWidth={960}
            >
              {events.data.map((ev) => (
                <Table.Tr key={ev.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(ev.at)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {ev.actorName ?? t('audit.system')}
                    </Text>
                    {ev.actorRole ? <Text size="sm">{labels.roles(ev.actorRole)}</Text> : null}
                  </Table.Td>
                  <Table.Td className="mono">{ev.action}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{ev.entityType}</Text>
                    {ev.entityId ? (
                      <Text size="xs" className="mono">
                        {ev.entityId}
                      </Text>
                    ) : null}
                    {ev.ids.length > 0 ? (
                      <details>
                        <summary>
                          <Text size="xs" component="span">
                            {t('audit.ids', { count: ev.ids.length })}
                          </Text>
                        </summary>
                        <Text size="xs" className="mono" style={{ overflowWrap: 'anywhere' }}>
                          {ev.ids.join(' ')}
                        </Text>
                      </details>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{ev.purpose ?? ''}</Table.Td>
                  <Table.Td>
                    <Text size="xs" className="mono">
                      {ev.ip ?? ''}
                    </Text>
                    {ev.requestId ? (
                      <Text size="xs" className="mono">
                        {ev.requestId}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </>
        )}
      </section>
    </Stack>
  );
}

/** The append-only record of who did what, filterable and exportable. */
export function AuditPage() {
  const { t } = useTranslation();
  return (
    <AdminPage title={t('audit.title')} description={t('audit.intro')}>
      {(organization) => <AuditBody key={organization.id} organization={organization} />}
    </AdminPage>
  );
}
