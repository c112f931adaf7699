import type { Team, TeamMember } from '@alongside/contracts';
import { TEAM_ROLES, type TeamRole } from '@alongside/contracts/vocabulary';
import { Anchor, Button, Card, Group, Loader, Modal, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, ErrorAlert, LoadError, SuccessAlert } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { useAddTeamMember, usePrograms, useRemoveTeamMember, useTeam, useTeamMembers, useUsers } from './queries.ts';

function AddMemberForm({ team, members }: { team: Team; members: TeamMember[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const users = useUsers(team.organizationId);
  const add = useAddTeamMember(team);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<TeamRole | ''>('');
  const [added, setAdded] = useState<string>();
  const [local, setLocal] = useState<{ userId?: string; role?: string }>({});
  const { errors, fromError, clear, clearField } = useFormErrors(t, ['userId', 'role']);

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    setAdded(undefined);
    const problems: typeof local = {};
    if (!userId) problems.userId = t('validation.choose');
    if (!role) problems.role = t('validation.choose');
    setLocal(problems);
    if (!userId || !role) return;
    const who = users.data?.find((u) => u.id === userId)?.name ?? '';
    add.mutate(
      { userId, role },
      {
        onSuccess: () => {
          setAdded(
            t('teamDetail.added', {
              name: who,
              role: labels.role(role),
              team: team.name,
            }),
          );
          setUserId('');
          setRole('');
        },
        onError: fromError,
      },
    );
  };

  const userOptions = (users.data ?? [])
    .slice()
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="member-add-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={520}>
          <Title order={2} fz="xl" id="member-add-title">
            {t('teamDetail.addTitle')}
          </Title>
          <Text>{t('teamDetail.addIntro')}</Text>
          <NativeSelect
            label={t('teamDetail.user')}
            required
            value={userId}
            onChange={(e) => {
              setUserId(e.currentTarget.value);
              clearField('userId');
              setLocal((x) => ({ ...x, userId: undefined }));
            }}
            data={[
              {
                value: '',
                label: users.isPending ? t('common.loading') : t('teamDetail.chooseUser'),
              },
              ...userOptions,
            ]}
            error={local.userId ?? errors.fields.userId ?? (users.isError ? describeError(users.error, t) : undefined)}
          />
          <NativeSelect
            label={t('fields.role')}
            required
            value={role}
            onChange={(e) => {
              setRole(e.currentTarget.value as TeamRole | '');
              clearField('role');
              setLocal((x) => ({ ...x, role: undefined }));
            }}
            data={[
              { value: '', label: t('fields.chooseRole') },
              ...TEAM_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })),
            ]}
            error={local.role ?? errors.fields.role}
          />
          <ErrorAlert message={add.isError ? errors.summary : undefined} />
          <SuccessAlert message={added} onClose={() => setAdded(undefined)} closeLabel={t('common.dismiss')} />
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('teamDetail.addSubmit')}
            </Button>
            {members.length === 0 ? null : (
              <Text size="sm">{t('teamDetail.memberTotal', { count: members.length })}</Text>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function RemoveMemberModal({
  team,
  member,
  onClose,
  onRemoved,
}: {
  team: Team;
  member: TeamMember;
  onClose: () => void;
  onRemoved: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const remove = useRemoveTeamMember(team);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('teamDetail.removeTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text>
          {t('teamDetail.removeBody', {
            name: member.name,
            role: labels.role(member.role),
            team: team.name,
          })}
        </Text>
        <ErrorAlert message={remove.isError ? describeError(remove.error, t) : undefined} />
        <Group justify="flex-end">
          <Button variant="outline" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(member.membershipId, {
                onSuccess: () =>
                  onRemoved(
                    t('teamDetail.removed', {
                      name: member.name,
                      team: team.name,
                    }),
                  ),
              })
            }
          >
            {t('teamDetail.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** One team: who is in it, add someone who already has an account, remove, or invite someone new. */
export function TeamDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const team = useTeam(id);
  const members = useTeamMembers(id);
  const programs = usePrograms(team.data?.organizationId);
  const [removing, setRemoving] = useState<TeamMember>();
  const [notice, setNotice] = useState<string>();

  if (team.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (team.isError) {
    const notFound = team.error instanceof ApiError && team.error.status === 404;
    return (
      <Stack>
        <PageHeader title={notFound ? t('teamDetail.notFoundTitle') : t('teamDetail.title')} />
        {notFound ? (
          <Text>{t('teamDetail.notFoundBody')}</Text>
        ) : (
          <LoadError
            message={describeError(team.error, t)}
            onRetry={() => void team.refetch()}
            retryLabel={t('common.tryAgain')}
          />
        )}
        <div>
          <Button component={Link} to="/admin/teams" variant="outline">
            {t('teamDetail.backToTeams')}
          </Button>
        </div>
      </Stack>
    );
  }

  const tm = team.data;
  const programName = programs.data?.find((p) => p.id === tm.programId)?.name;
  const memberList = members.data ?? [];

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/admin/teams" underline="always" size="sm">
        {t('teamDetail.backToTeams')}
      </Anchor>
      <PageHeader
        title={tm.name}
        description={programName ? t('teamDetail.subtitle', { program: programName }) : undefined}
      >
        <Group>
          <Button component={Link} to={`/admin/invitations?teamId=${encodeURIComponent(tm.id)}`}>
            {t('teamDetail.invite')}
          </Button>
        </Group>
      </PageHeader>
      <SuccessAlert message={notice} onClose={() => setNotice(undefined)} closeLabel={t('common.dismiss')} />
      <section aria-labelledby="member-list-title">
        <Title order={2} fz="xl" mb="sm" id="member-list-title">
          {t('teamDetail.membersTitle')}
        </Title>
        {members.isPending ? (
          <Loader role="status" aria-label={t('common.loading')} />
        ) : members.isError ? (
          <LoadError
            message={describeError(members.error, t)}
            onRetry={() => void members.refetch()}
            retryLabel={t('common.tryAgain')}
          />
        ) : memberList.length === 0 ? (
          <EmptyState title={t('teamDetail.emptyTitle')}>{t('teamDetail.emptyBody')}</EmptyState>
        ) : (
          <DataTable
            caption={t('teamDetail.membersCaption', { team: tm.name })}
            head={[t('fields.name'), t('fields.email'), t('fields.role'), t('teamDetail.since'), t('common.actions')]}
            minWidth={680}
          >
            {memberList.map((m) => (
              <Table.Tr key={m.membershipId}>
                <Table.Td fw={600}>{m.name}</Table.Td>
                <Table.Td className="mono">{m.email}</Table.Td>
                <Table.Td>{labels.role(m.role)}</Table.Td>
                <Table.Td>{format.date(m.since)}</Table.Td>
                <Table.Td>
                  <Button
                    size="sm"
                    variant="outline"
                    color="red.9"
                    className="tap-target"
                    onClick={() => setRemoving(m)}
                    aria-label={t('teamDetail.removeLabel', {
                      name: m.name,
                      role: labels.role(m.role),
                    })}
                  >
                    {t('teamDetail.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </section>
      <AddMemberForm team={tm} members={memberList} />
      {removing ? (
        <RemoveMemberModal
          team={tm}
          member={removing}
          onClose={() => setRemoving(undefined)}
          onRemoved={(msg) => {
            setRemoving(undefined);
            setNotice(msg);
          }}
        />
      ) : null}
    </Stack>
  );
}
