import { type Language, type StakeholderGroup } from '@alongside/contracts';
import {
  Button,
  Card,
  CopyButton,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, ErrorAlert, LoadError, SuccessAlert } from '../../components/Feedback.tsx';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useCampaignContext } from './campaign-context.ts';
import { parseEmailList } from './inputs.ts';
import { useCampaignLabels } from './labels.ts';
import { openLinkUrl } from './links.ts';
import {
  useCreateOpenLink,
  useCreateInvitation,
  useInvitations,
  useOpenLinks,
  type CampaignDetail,
} from './queries.ts';

/** The wave, program (joined ones only), group and language selects both forms share. */
function TargetFields({
  campaign,
  value,
  onChange,
  errors,
  withLanguage,
}: {
  campaign: CampaignDetail;
  value: Target;
  onChange: (next: Target) => void;
  errors: Record<string, string | undefined>;
  withLanguage: boolean;
}) {
  const { t } = useTranslation();
  const labels = useCampaignLabels();
  const joined = campaign.programs.filter((p) => p.status === 'joined');
  return (
    <Group align="start" gap="md" wrap="wrap" grow>
      <NativeSelect
        label={t('campaigns.fields.wave')}
        value={value.waveId}
        onChange={(e) => onChange({ ...value, waveId: e.currentTarget.value })}
        data={campaign.waves.map((w) => ({ value: w.id, label: w.name }))}
        error={errors.waveId}
        miw={180}
      />
      <NativeSelect
        label={t('fields.program')}
        value={value.programId}
        onChange={(e) => onChange({ ...value, programId: e.currentTarget.value })}
        data={[
          { value: '', label: t('campaigns.invitations.chooseProgram') },
          ...joined.map((p) => ({ value: p.programId, label: `${p.programName} (${labels.country(p.countryCode)})` })),
        ]}
        error={errors.programId}
        miw={220}
      />
      <NativeSelect
        label={t('campaigns.fields.group')}
        value={value.group}
        onChange={(e) => onChange({ ...value, group: e.currentTarget.value as StakeholderGroup })}
        data={campaign.groups.map((g) => ({ value: g.group, label: labels.group(g.group) }))}
        error={errors.group}
        miw={180}
      />
      {withLanguage ? (
        <NativeSelect
          label={t('campaigns.invitations.language')}
          description={t('campaigns.invitations.languageHelp')}
          value={value.language}
          onChange={(e) => onChange({ ...value, language: e.currentTarget.value as Language })}
          data={campaign.languages.map((l) => ({ value: l, label: labels.language(l) }))}
          error={errors.language}
          miw={180}
        />
      ) : null}
    </Group>
  );
}

interface Target {
  waveId: string;
  programId: string;
  group: StakeholderGroup;
  language: Language;
}

const initialTarget = (campaign: CampaignDetail): Target => ({
  waveId: campaign.waves.at(-1)?.id ?? '',
  programId: '',
  group: campaign.groups[0]?.group ?? 'psp',
  language: campaign.languages[0] ?? 'en',
});

const INVITE_FIELDS = ['waveId', 'programId', 'group', 'language', 'emails'] as const;

function InviteForm({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const invite = useCreateInvitation(campaign.id);
  const [target, setTarget] = useState(() => initialTarget(campaign));
  const [text, setText] = useState('');
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const [sent, setSent] = useState<string>();
  const { errors, fromError, clear } = useFormErrors(t, INVITE_FIELDS);
  const list = parseEmailList(text);

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    setSent(undefined);
    const problems: Record<string, string | undefined> = {};
    if (!target.programId) problems.programId = t('validation.choose');
    if (list.valid.length === 0) problems.emails = t('campaigns.invitations.noAddress');
    else if (list.invalid.length > 0)
      problems.emails = t('campaigns.invitations.fixInvalid', { count: list.invalid.length });
    setLocal(problems);
    if (Object.values(problems).some(Boolean)) return;
    invite.mutate(
      { ...target, emails: list.valid },
      {
        onSuccess: (result) => {
          setSent(t('campaigns.invitations.sent', { count: result.created }));
          setText('');
        },
        onError: fromError,
      },
    );
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="invite-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} fz="xl" id="invite-title">
            {t('campaigns.invitations.inviteTitle')}
          </Title>
          <Text size="sm">
            {t(`campaigns.invitations.whoSees.${campaign.privacyMode === 'identified' ? 'identified' : 'tracked'}`)}
          </Text>
          <TargetFields
            campaign={campaign}
            value={target}
            onChange={(next) => {
              setTarget(next);
              setLocal({});
            }}
            errors={{ ...errors.fields, ...Object.fromEntries(Object.entries(local).filter(([, v]) => v)) }}
            withLanguage
          />
          <Textarea
            label={t('campaigns.invitations.addresses')}
            description={t('campaigns.invitations.addressesHelp')}
            autosize
            minRows={4}
            maxRows={12}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setLocal((x) => ({ ...x, emails: undefined }));
            }}
            error={local.emails ?? errors.fields.emails}
          />
          <Text size="sm" role="status" aria-live="polite">
            {t('campaigns.invitations.counted', { count: list.valid.length })}
            {list.invalid.length > 0
              ? ` ${t('campaigns.invitations.invalidList', { count: list.invalid.length, list: list.invalid.join(', ') })}`
              : ''}
          </Text>
          <ErrorAlert message={invite.isError ? errors.summary : undefined} />
          <SuccessAlert message={sent} onClose={() => setSent(undefined)} closeLabel={t('common.dismiss')} />
          <Group>
            <Button type="submit" loading={invite.isPending}>
              {list.valid.length === 0
                ? t('campaigns.invitations.sendNone')
                : t('campaigns.invitations.send', { count: list.valid.length })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function InvitationList({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCampaignLabels();
  const invitations = useInvitations(campaign.id);
  const programs = new Map(campaign.programs.map((p) => [p.programId, p.programName]));
  const waves = new Map(campaign.waves.map((w) => [w.id, w.name]));
  return (
    <section aria-labelledby="invitation-list">
      <Stack gap="sm">
        <Title order={2} fz="xl" id="invitation-list">
          {t('campaigns.invitations.listTitle')}
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
          <EmptyState title={t('campaigns.invitations.emptyTitle')}>{t('campaigns.invitations.emptyBody')}</EmptyState>
        ) : (
          <>
            <Text size="sm">
              {t('campaigns.invitations.summary', {
                count: invitations.data.length,
                responded: invitations.data.filter((i) => i.respondedOn).length,
              })}
            </Text>
            <DataTable
              caption={t('campaigns.invitations.listTitle')}
              head={[
                t('fields.email'),
                t('fields.program'),
                t('campaigns.fields.group'),
                t('campaigns.invitations.language'),
                t('campaigns.fields.wave'),
                t('campaigns.invitations.sentOn'),
                t('campaigns.invitations.reminders'),
                t('campaigns.invitations.respondedOn'),
              ]}
              minWidth={960}
            >
              {invitations.data.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Th scope="row" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {i.email}
                  </Table.Th>
                  <Table.Td>{programs.get(i.programId) ?? ''}</Table.Td>
                  <Table.Td>{labels.group(i.group)}</Table.Td>
                  <Table.Td>{labels.language(i.language)}</Table.Td>
                  <Table.Td>{waves.get(i.waveId) ?? ''}</Table.Td>
                  {/* The day only: a time of day next to "responded" could narrow down whose answers are whose. */}
                  <Table.Td>{i.sentAt ? format.date(i.sentAt) : t('campaigns.invitations.notSent')}</Table.Td>
                  <Table.Td>{format.number(i.remindersSent)}</Table.Td>
                  <Table.Td>
                    {i.respondedOn ? format.day(i.respondedOn.slice(0, 10)) : t('campaigns.invitations.notYet')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </>
        )}
      </Stack>
    </section>
  );
}

const LINK_FIELDS = ['waveId', 'programId', 'group'] as const;

function OpenLinks({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const labels = useCampaignLabels();
  const links = useOpenLinks(campaign.id);
  const create = useCreateOpenLink(campaign.id);
  const [target, setTarget] = useState(() => initialTarget(campaign));
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const [created, setCreated] = useState<string>();
  const { errors, fromError, clear } = useFormErrors(t, LINK_FIELDS);
  const programs = new Map(campaign.programs.map((p) => [p.programId, p.programName]));
  const waves = new Map(campaign.waves.map((w) => [w.id, w.name]));

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    setCreated(undefined);
    if (!target.programId) {
      setLocal({ programId: t('validation.choose') });
      return;
    }
    setLocal({});
    create.mutate(
      { waveId: target.waveId, programId: target.programId, group: target.group },
      { onSuccess: () => setCreated(t('campaigns.openLinks.created')), onError: fromError },
    );
  };

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="open-link-title">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <Title order={2} fz="xl" id="open-link-title">
              {t('campaigns.openLinks.title')}
            </Title>
            <Text size="sm">{t('campaigns.openLinks.whoSees')}</Text>
            <TargetFields
              campaign={campaign}
              value={target}
              onChange={(next) => {
                setTarget(next);
                setLocal({});
              }}
              errors={{ ...errors.fields, ...Object.fromEntries(Object.entries(local).filter(([, v]) => v)) }}
              withLanguage={false}
            />
            <ErrorAlert message={create.isError ? errors.summary : undefined} />
            <SuccessAlert message={created} onClose={() => setCreated(undefined)} closeLabel={t('common.dismiss')} />
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('campaigns.openLinks.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <section aria-labelledby="open-link-list">
        <Stack gap="sm">
          <Title order={2} fz="xl" id="open-link-list">
            {t('campaigns.openLinks.listTitle')}
          </Title>
          {links.isPending ? (
            <Loader role="status" aria-label={t('common.loading')} />
          ) : links.isError ? (
            <LoadError
              message={describeError(links.error, t)}
              onRetry={() => void links.refetch()}
              retryLabel={t('common.tryAgain')}
            />
          ) : links.data.length === 0 ? (
            <EmptyState title={t('campaigns.openLinks.emptyTitle')}>{t('campaigns.openLinks.emptyBody')}</EmptyState>
          ) : (
            <DataTable
              caption={t('campaigns.openLinks.listTitle')}
              head={[
                t('fields.program'),
                t('campaigns.fields.group'),
                t('campaigns.fields.wave'),
                t('campaigns.openLinks.link'),
              ]}
              minWidth={760}
            >
              {links.data.map((l) => {
                const url = openLinkUrl(window.location.origin, l.code);
                const what = `${programs.get(l.programId) ?? ''}, ${labels.group(l.group)}`;
                return (
                  <Table.Tr key={l.id}>
                    <Table.Th scope="row" fw={500}>
                      {programs.get(l.programId) ?? ''}
                    </Table.Th>
                    <Table.Td>{labels.group(l.group)}</Table.Td>
                    <Table.Td>{waves.get(l.waveId) ?? ''}</Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="start">
                        <Text size="sm" className="mono">
                          {url}
                        </Text>
                        <CopyButton value={url}>
                          {({ copied, copy }) => (
                            <Group gap="xs">
                              <Button size="xs" variant="outline" onClick={copy}>
                                {t('campaigns.openLinks.copy')}
                                <VisuallyHidden>{` — ${what}`}</VisuallyHidden>
                              </Button>
                              <Text size="sm" role="status">
                                {copied ? t('campaigns.openLinks.copied') : ''}
                              </Text>
                            </Group>
                          )}
                        </CopyButton>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </DataTable>
          )}
        </Stack>
      </section>
    </Stack>
  );
}

/** /campaigns/:id/invitations: personal e-mail links and anonymous open links, as the privacy mode allows. */
export function CampaignInvitationsPage() {
  const { t } = useTranslation();
  const campaign = useCampaignContext();
  if (campaign.waves.length === 0) {
    return (
      <EmptyState headingOrder={2} title={t('campaigns.invitations.noWaveTitle')}>
        {t('campaigns.invitations.noWaveBody')}
      </EmptyState>
    );
  }
  const noneJoined = !campaign.programs.some((p) => p.status === 'joined');
  return (
    <Stack gap="xl">
      {noneJoined ? <Text>{t('campaigns.invitations.noneJoined')}</Text> : null}
      {campaign.privacyMode === 'anonymous' ? (
        <Text>{t('campaigns.invitations.anonymousNoInvitations')}</Text>
      ) : (
        <>
          <InviteForm campaign={campaign} />
          <InvitationList campaign={campaign} />
        </>
      )}
      {campaign.privacyMode === 'identified' ? (
        <Text>{t('campaigns.invitations.identifiedNoLinks')}</Text>
      ) : (
        <OpenLinks campaign={campaign} />
      )}
    </Stack>
  );
}
