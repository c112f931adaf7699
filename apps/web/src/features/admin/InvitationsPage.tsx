import type { Invitation, Organization, Role } from '@alongside/contracts';
import { ROLES } from '@alongside/contracts/vocabulary';
import {
  Anchor,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, ErrorAlert, LoadError, SuccessAlert } from '../../components/Feedback.tsx';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { AdminPage, useAdmin } from './AdminLayout.tsx';
import { useCreateInvitation, useInvitations, useTeam, useTeams, type CreatedInvitation } from './queries.ts';

function InvitationResult({ result }: { result: CreatedInvitation }) {
  const { t } = useTranslation();
  const email = result.invitation.email;
  const emailed = result.delivery === 'smtp';
  return (
    <SuccessAlert message={emailed ? t('invitations.sentSmtp', { email }) : t('invitations.sentOutbox', { email })}>
      <Text size="sm">{emailed ? t('invitations.linkAlsoHere') : t('invitations.outboxExplain')}</Text>
      <Group align="end" gap="xs" wrap="wrap">
        <TextInput
          label={t('invitations.link')}
          value={result.acceptUrl}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          style={{ flex: '1 1 260px' }}
          classNames={{ input: 'mono' }}
        />
        <CopyButton value={result.acceptUrl}>
          {({ copied, copy }) => (
            <Button onClick={copy} variant={copied ? 'filled' : 'outline'} className="tap-target" aria-live="polite">
              {copied ? t('invitations.copied') : t('invitations.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      {emailed ? null : (
        <Anchor component={Link} to="/admin/outbox" underline="always" size="sm">
          {t('invitations.openOutbox')}
        </Anchor>
      )}
    </SuccessAlert>
  );
}

function CreateInvitationForm({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const presetTeam = params.get('teamId') ?? '';
  const teams = useTeams(organization.id);
  const create = useCreateInvitation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role | ''>(presetTeam ? 'peer_support_worker' : '');
  const [teamId, setTeamId] = useState(presetTeam);
  const [result, setResult] = useState<CreatedInvitation>();
  const [local, setLocal] = useState<{
    email?: string;
    role?: string;
    teamId?: string;
  }>({});
  const { errors, fromError, clear, clearField } = useFormErrors(t, ['email', 'role', 'teamId']);
  const needsTeam = role !== 'org_admin';
  const teamList = teams.data ?? [];

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    setResult(undefined);
    const problems: typeof local = {};
    if (!email.trim()) problems.email = t('validation.required');
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) problems.email = t('validation.email');
    if (!role) problems.role = t('validation.choose');
    if (role && needsTeam && !teamId) problems.teamId = t('invitations.teamNeeded');
    setLocal(problems);
    if (Object.values(problems).some(Boolean) || !role) return;
    create.mutate(
      {
        email: email.trim(),
        organizationId: organization.id,
        role,
        ...(needsTeam ? { teamId } : {}),
      },
      {
        onSuccess: (r) => {
          setResult(r);
          setEmail('');
        },
        onError: fromError,
      },
    );
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="invite-create-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={520}>
          <Title order={2} fz="xl" id="invite-create-title">
            {t('invitations.createTitle', { organization: organization.name })}
          </Title>
          <Text>{t('invitations.createIntro')}</Text>
          <TextInput
            label={t('fields.email')}
            type="email"
            inputMode="email"
            autoComplete="off"
            required
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              clearField('email');
              setLocal((x) => ({ ...x, email: undefined }));
            }}
            error={local.email ?? errors.fields.email}
          />
          <NativeSelect
            label={t('fields.role')}
            description={role === 'org_admin' ? t('invitations.orgAdminHelp') : undefined}
            required
            value={role}
            onChange={(e) => {
              setRole(e.currentTarget.value as Role | '');
              clearField('role');
              clearField('teamId');
              setLocal((x) => ({ ...x, role: undefined, teamId: undefined }));
            }}
            data={[
              { value: '', label: t('fields.chooseRole') },
              ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })),
            ]}
            error={local.role ?? errors.fields.role}
          />
          {needsTeam ? (
            teams.isSuccess && teamList.length === 0 ? (
              <EmptyState
                title={t('invitations.noTeamsTitle')}
                action={
                  <Button component={Link} to="/admin/teams" variant="outline">
                    {t('invitations.noTeamsAction')}
                  </Button>
                }
              >
                {t('invitations.noTeamsBody')}
              </EmptyState>
            ) : (
              <NativeSelect
                label={t('fields.team')}
                required
                value={teamId}
                onChange={(e) => {
                  setTeamId(e.currentTarget.value);
                  clearField('teamId');
                  setLocal((x) => ({ ...x, teamId: undefined }));
                }}
                data={[
                  {
                    value: '',
                    label: teams.isPending ? t('common.loading') : t('invitations.chooseTeam'),
                  },
                  ...teamList.map((tm) => ({ value: tm.id, label: tm.name })),
                ]}
                error={
                  local.teamId ?? errors.fields.teamId ?? (teams.isError ? describeError(teams.error, t) : undefined)
                }
              />
            )
          ) : null}
          <ErrorAlert message={create.isError ? errors.summary : undefined} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('invitations.submit')}
            </Button>
          </Group>
          {result ? <InvitationResult result={result} /> : null}
        </Stack>
      </form>
    </Card>
  );
}

function InvitationStatus({ inv }: { inv: Invitation }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (inv.acceptedAt)
    return (
      <Stack gap={2} align="flex-start">
        <Badge color="alongside" variant="light" tt="none" radius="sm">
          {t('invitations.acceptedBadge')}
        </Badge>
        <Text size="xs">{format.date(inv.acceptedAt)}</Text>
      </Stack>
    );
  if (new Date(inv.expiresAt).getTime() < Date.now())
    return (
      <Badge color="gray" variant="light" tt="none" radius="sm">
        {t('invitations.expired')}
      </Badge>
    );
  return (
    <Badge color="blue" variant="light" tt="none" radius="sm">
      {t('invitations.waiting')}
    </Badge>
  );
}

function InvitationsBody({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const invitations = useInvitations(organization.id);
  const title = t('invitations.listTitle', { organization: organization.name });
  return (
    <Stack gap="lg">
      <CreateInvitationForm organization={organization} />
      <section aria-labelledby="invite-list-title">
        <Title order={2} fz="xl" mb="sm" id="invite-list-title">
          {title}
        </Title>
        {invitations.isPending ? (
          <Loader role="status" aria-label={t('common.loading')} />
        ) : invitations.isError ? (
          <LoadError
            message={describeError(invitations.error, t)}
            onRetry={() => void invitations.refetch()}
            retryLabel={t('common.tryAgain')}
          />
        ) : invitations.data.length === 0 ? (
          <EmptyState title={t('invitations.emptyTitle')}>{t('invitations.emptyBody')}</EmptyState>
        ) : (
          <DataTable
            caption={title}
            head={[
              t('fields.email'),
              t('fields.role'),
              t('fields.team'),
              t('invitations.invitedBy'),
              t('invitations.sentOn'),
              t('invitations.expires'),
              t('invitations.status'),
            ]}
            minWidth={860}
          >
            {invitations.data.map((inv) => (
              <Table.Tr key={inv.id}>
                <Table.Td className="mono">{inv.email}</Table.Td>
                <Table.Td>{labels.role(inv.role)}</Table.Td>
                <Table.Td>{inv.teamName ?? t('invitations.wholeOrganization')}</Table.Td>
                <Table.Td>{inv.invitedByName}</Table.Td>
                <Table.Td>{format.date(inv.createdAt)}</Table.Td>
                <Table.Td>{format.date(inv.expiresAt)}</Table.Td>
                <Table.Td>
                  <InvitationStatus inv={inv} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </section>
    </Stack>
  );
}

/** Invite people by email to a team (or to run the organization); see who has joined. */
export function InvitationsPage() {
  const { t } = useTranslation();
  return (
    <AdminPage title={t('invitations.title')} description={t('invitations.intro')}>
      {(org) => (
        <>
          <FollowPresetTeam />
          <InvitationsBody key={org.id} organization={org} />
        </>
      )}
    </AdminPage>
  );
}

/** Arriving from a team's page (?teamId=…): work in that team's organization. */
function FollowPresetTeam() {
  const [params] = useSearchParams();
  const teamId = params.get('teamId') ?? '';
  const { organization, organizations, setOrganizationId } = useAdmin();
  const team = useTeam(teamId, Boolean(teamId) && organizations.length > 1);
  const targetOrg = team.data?.organizationId;
  useEffect(() => {
    if (targetOrg && targetOrg !== organization?.id && organizations.some((o) => o.id === targetOrg)) {
      setOrganizationId(targetOrg);
    }
  }, [targetOrg, organization?.id, organizations, setOrganizationId]);
  return null;
}
