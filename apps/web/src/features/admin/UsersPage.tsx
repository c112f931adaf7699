import type { Organization } from '@alongside/contracts';
import { Badge, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, LoadError } from '../../components/Feedback.tsx';
import { isLanguage, LANGUAGE_NAMES } from '../../i18n/index.ts';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { AdminPage } from './AdminLayout.tsx';
import { useUsers } from './queries.ts';

function UsersBody({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const users = useUsers(organization.id);
  const [search, setSearch] = useState('');
  const title = t('users.listTitle', { organization: organization.name });
  const needle = search.trim().toLocaleLowerCase();
  const shown = (users.data ?? []).filter(
    (u) => !needle || u.name.toLocaleLowerCase().includes(needle) || u.email.toLocaleLowerCase().includes(needle),
  );

  return (
    <section aria-labelledby="user-list-title">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="xl" id="user-list-title">
          {title}
        </Title>
        <Button component={Link} to="/admin/invitations" variant="outline">
          {t('users.invite')}
        </Button>
      </Group>
      {users.isPending ? (
        <Loader role="status" aria-label={t('common.loading')} />
      ) : users.isError ? (
        <LoadError
          message={describeError(users.error, t)}
          onRetry={() => void users.refetch()}
          retryLabel={t('common.tryAgain')}
        />
      ) : users.data.length === 0 ? (
        <EmptyState title={t('users.emptyTitle')}>{t('users.emptyBody')}</EmptyState>
      ) : (
        <>
          <TextInput
            type="search"
            label={t('users.search')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            maw={420}
            mb="xs"
          />
          <Text size="sm" mb="sm" role="status">
            {t('users.shown', {
              count: shown.length,
              total: users.data.length,
            })}
          </Text>
          {shown.length === 0 ? (
            <EmptyState title={t('users.noMatchTitle')}>{t('users.noMatchBody')}</EmptyState>
          ) : (
            <DataTable
              caption={title}
              head={[
                t('fields.name'),
                t('fields.email'),
                t('users.rolesColumn'),
                t('common.language'),
                t('users.since'),
              ]}
              minWidth={760}
            >
              {shown.map((u) => {
                const roles = u.roles.filter((r) => r.organizationId === organization.id);
                return (
                  <Table.Tr key={u.id}>
                    <Table.Td fw={600}>
                      <Stack gap={4}>
                        <span>{u.name}</span>
                        {u.isPlatformAdmin ? (
                          <div>
                            <Badge variant="light" color="grape" tt="none" radius="sm">
                              {t('roles.platform_admin')}
                            </Badge>
                          </div>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td className="mono">{u.email}</Table.Td>
                    <Table.Td>
                      {roles.length === 0 ? (
                        <Text size="sm">{t('users.noRoles')}</Text>
                      ) : (
                        <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                          {roles.map((r, i) => (
                            <Text component="li" size="sm" key={`${r.role}-${r.teamId ?? 'org'}-${i}`}>
                              {r.teamName
                                ? t('users.roleInTeam', {
                                    role: labels.role(r.role),
                                    team: r.teamName,
                                  })
                                : labels.role(r.role)}
                            </Text>
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>{isLanguage(u.language) ? LANGUAGE_NAMES[u.language] : u.language}</Table.Td>
                    <Table.Td>{format.date(u.createdAt)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </DataTable>
          )}
        </>
      )}
    </section>
  );
}

/** Everyone with an account in the chosen organization, and what they do where. */
export function UsersPage() {
  const { t } = useTranslation();
  return (
    <AdminPage title={t('users.title')} description={t('users.intro')}>
      {(organization) => <UsersBody key={organization.id} organization={organization} />}
    </AdminPage>
  );
}
