import type { Organization } from '@alongside/contracts';
import { Anchor, Button, Card, Group, Loader, NativeSelect, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, ErrorAlert, LoadError, SuccessAlert } from '../../components/Feedback.tsx';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { AdminPage } from './AdminLayout.tsx';
import { useCreateTeam, usePrograms, useTeams } from './queries.ts';

function CreateTeamForm({ organization, defaultProgramId }: { organization: Organization; defaultProgramId: string }) {
  const { t } = useTranslation();
  const programs = usePrograms(organization.id);
  const create = useCreateTeam(organization.id);
  const [programId, setProgramId] = useState(defaultProgramId);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string>();
  const [local, setLocal] = useState<{ programId?: string; name?: string }>({});
  const { errors, fromError, clear, clearField } = useFormErrors(t, ['programId', 'name']);

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    setCreated(undefined);
    const problems: typeof local = {};
    if (!programId) problems.programId = t('validation.choose');
    if (!name.trim()) problems.name = t('validation.required');
    setLocal(problems);
    if (problems.programId || problems.name) return;
    create.mutate(
      { programId, name: name.trim() },
      {
        onSuccess: (team) => {
          setCreated(t('teams.created', { name: team.name }));
          setName('');
        },
        onError: fromError,
      },
    );
  };

  const programList = programs.data ?? [];
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="team-create-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={480}>
          <Title order={2} fz="xl" id="team-create-title">
            {t('teams.createTitle')}
          </Title>
          {programs.isSuccess && programList.length === 0 ? (
            <EmptyState
              title={t('teams.needProgramTitle')}
              action={
                <Button component={Link} to="/admin/programs" variant="outline">
                  {t('teams.needProgramAction')}
                </Button>
              }
            >
              {t('teams.needProgramBody')}
            </EmptyState>
          ) : (
            <>
              <NativeSelect
                label={t('fields.program')}
                required
                value={programId}
                onChange={(e) => {
                  setProgramId(e.currentTarget.value);
                  clearField('programId');
                  setLocal((x) => ({ ...x, programId: undefined }));
                }}
                data={[
                  { value: '', label: t('teams.chooseProgram') },
                  ...programList.map((p) => ({ value: p.id, label: p.name })),
                ]}
                error={local.programId ?? errors.fields.programId}
              />
              <TextInput
                label={t('fields.name')}
                required
                value={name}
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  clearField('name');
                  setLocal((x) => ({ ...x, name: undefined }));
                }}
                error={local.name ?? errors.fields.name}
              />
              <ErrorAlert message={create.isError ? errors.summary : undefined} />
              <SuccessAlert message={created} onClose={() => setCreated(undefined)} closeLabel={t('common.dismiss')} />
              <Group>
                <Button type="submit" loading={create.isPending}>
                  {t('teams.submit')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </form>
    </Card>
  );
}

function TeamsBody({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [programFilter, setProgramFilter] = useState('');
  const programs = usePrograms(organization.id);
  const teams = useTeams(organization.id, programFilter || undefined);
  const programName = (id: string) => programs.data?.find((p) => p.id === id)?.name ?? '';
  const listTitle = t('teams.listTitle', { organization: organization.name });

  return (
    <Stack gap="lg">
      <section aria-labelledby="team-list-title">
        <Title order={2} fz="xl" mb="sm" id="team-list-title">
          {listTitle}
        </Title>
        {(programs.data?.length ?? 0) > 1 ? (
          <NativeSelect
            label={t('teams.filterLabel')}
            value={programFilter}
            onChange={(e) => setProgramFilter(e.currentTarget.value)}
            data={[
              { value: '', label: t('teams.allPrograms') },
              ...(programs.data ?? []).map((p) => ({
                value: p.id,
                label: p.name,
              })),
            ]}
            maw={420}
            mb="md"
          />
        ) : null}
        {teams.isPending ? (
          <Loader role="status" aria-label={t('common.loading')} />
        ) : teams.isError ? (
          <LoadError
            message={describeError(teams.error, t)}
            onRetry={() => void teams.refetch()}
            retryLabel={t('common.tryAgain')}
          />
        ) : teams.data.length === 0 ? (
          <EmptyState title={t('teams.emptyTitle')}>{t('teams.emptyBody')}</EmptyState>
        ) : (
          <DataTable
            caption={listTitle}
            head={[t('fields.name'), t('fields.program'), t('teams.members'), t('fields.created')]}
            minWidth={560}
          >
            {teams.data.map((team) => (
              <Table.Tr key={team.id}>
                <Table.Td fw={600}>
                  <Anchor component={Link} to={`/admin/teams/${team.id}`} underline="always">
                    {team.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{programName(team.programId)}</Table.Td>
                <Table.Td>{t('teams.memberCount', { count: team.memberCount })}</Table.Td>
                <Table.Td>{format.date(team.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </section>
      <CreateTeamForm organization={organization} defaultProgramId={programFilter} />
    </Stack>
  );
}

/** Teams of the chosen organization; open one to manage its members. */
export function TeamsPage() {
  const { t } = useTranslation();
  return (
    <AdminPage title={t('teams.title')} description={t('teams.intro')}>
      {(organization) => <TeamsBody key={organization.id} organization={organization} />}
    </AdminPage>
  );
}
