import { WAVE_KINDS } from '@alongside/contracts';
import {
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, SuccessAlert } from '../../components/Feedback.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormErrors } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useCampaignContext } from './campaign-context.ts';
import { ParticipationBadge } from './ParticipationBadge.tsx';
import { parseReminderDays } from './inputs.ts';
import { useCampaignLabels } from './labels.ts';
import { localDay } from '../step-away/rules.ts';
import { RESEARCH_MIN_K, termsChanges, termsDraftOf, termsProblems, type TermsDraft } from './campaign-form.ts';
import { useAddWave, useUpdateCampaign, type CampaignDetail } from './queries.ts';

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} className="prewrap">
        {children}
      </Text>
    </div>
  );
}

/** What the campaign promises: approval, controller, privacy, k, languages, retention, instruments, information. */
function Terms({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCampaignLabels();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string>();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="campaign-terms">
      <Stack gap="md">
        <Group justify="space-between" align="center" wrap="wrap">
          <Title order={2} fz="xl" id="campaign-terms">
            {t('campaigns.overview.termsTitle')}
          </Title>
          <Button
            variant="outline"
            onClick={() => {
              setSaved(undefined);
              setEditing(true);
            }}
          >
            {t('campaigns.overview.edit')}
          </Button>
        </Group>
        <SuccessAlert message={saved} onClose={() => setSaved(undefined)} closeLabel={t('common.dismiss')} />
        {campaign.description ? <Text className="prewrap">{campaign.description}</Text> : null}
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
          <Term label={t('campaigns.fields.ethicsApproval')}>{campaign.ethicsApproval}</Term>
          <Term label={t('campaigns.fields.dataController')}>{campaign.dataController}</Term>
          <Term label={t('campaigns.fields.privacyMode')}>
            <strong>{labels.privacyMode(campaign.privacyMode)}.</strong> {labels.privacyExplained(campaign.privacyMode)}
          </Term>
          <Term label={t('campaigns.fields.k')}>{t('campaigns.overview.kLine', { k: campaign.k })}</Term>
          <Term label={t('campaigns.fields.languages')}>{campaign.languages.map(labels.language).join(', ')}</Term>
          <Term label={t('campaigns.fields.retentionUntil')}>
            {t('campaigns.overview.retentionLine', { date: format.day(campaign.retentionUntil) })}
          </Term>
        </SimpleGrid>
        <DataTable
          caption={t('campaigns.overview.groupsCaption')}
          captionVisible
          head={[t('campaigns.fields.group'), t('campaigns.fields.instrument')]}
          minWidth={420}
        >
          {campaign.groups.map((g) => (
            <Table.Tr key={g.group}>
              <Table.Th scope="row" fw={500}>
                {labels.group(g.group)}
              </Table.Th>
              <Table.Td>
                {t('campaigns.form.instrumentOption', { name: g.instrumentName, version: g.versionNumber })}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <Title order={3} fz="md">
          {t('campaigns.overview.informationTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: Math.max(1, Math.min(campaign.languages.length, 3)) }} spacing="md">
          {campaign.languages.map((l) => (
            <Card key={l} withBorder radius="sm" padding="md" bg="gray.0">
              <Text size="sm" fw={600}>
                {labels.language(l)}
              </Text>
              <Text lang={l} className="prewrap">
                {campaign.information[l] ?? ''}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
      {editing ? (
        <EditTermsModal
          campaign={campaign}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(t('campaigns.overview.saved'));
          }}
        />
      ) : null}
    </Card>
  );
}

const TERMS_FIELDS = [
  'title',
  'description',
  'ethicsApproval',
  'dataController',
  'k',
  'retentionUntil',
  'information.en',
  'information.fr',
  'information.nb',
] as const;

/** Change the terms while the campaign runs; groups, programs and privacy stay as respondents were told. */
function EditTermsModal({
  campaign,
  onClose,
  onSaved,
}: {
  campaign: CampaignDetail;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const labels = useCampaignLabels();
  const update = useUpdateCampaign(campaign.id);
  const [draft, setDraft] = useState<TermsDraft>(() => termsDraftOf(campaign));
  const [local, setLocal] = useState<Record<string, string>>({});
  const { errors, fromError, clear, clearField } = useFormErrors(t, TERMS_FIELDS);
  const field = (name: string) => local[name] ?? errors.fields[name];
  const set = <K extends keyof TermsDraft>(key: K, value: TermsDraft[K], name: string = key) => {
    setDraft((d) => ({ ...d, [key]: value }));
    clearField(name);
    setLocal((x) => Object.fromEntries(Object.entries(x).filter(([n]) => n !== name)));
  };

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    const problems = termsProblems(draft, campaign.languages, localDay(new Date()));
    setLocal(
      Object.fromEntries(
        Object.entries(problems).map(([name, problem]) => [
          name,
          t(`campaigns.form.problems.${problem}`, { k: RESEARCH_MIN_K }),
        ]),
      ),
    );
    if (Object.keys(problems).length > 0) return;
    const changes = termsChanges(campaign, draft);
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    update.mutate({ ...changes, version: campaign.version }, { onSuccess: onSaved, onError: fromError });
  };

  return (
    <FormModal
      title={t('campaigns.overview.editTitle')}
      size="xl"
      onClose={onClose}
      onSubmit={onSubmit}
      error={update.isError ? errors.summary : undefined}
      submitLabel={t('campaigns.overview.save')}
      pending={update.isPending}
    >
      <Text size="sm">{t('campaigns.overview.editIntro')}</Text>
      <TextInput
        label={t('campaigns.fields.title')}
        required
        value={draft.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        error={field('title')}
        data-autofocus
      />
      <Textarea
        label={t('campaigns.fields.description')}
        autosize
        minRows={2}
        value={draft.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        error={field('description')}
      />
      <TextInput
        label={t('campaigns.fields.ethicsApproval')}
        required
        value={draft.ethicsApproval}
        onChange={(e) => set('ethicsApproval', e.currentTarget.value)}
        error={field('ethicsApproval')}
      />
      <TextInput
        label={t('campaigns.fields.dataController')}
        required
        value={draft.dataController}
        onChange={(e) => set('dataController', e.currentTarget.value)}
        error={field('dataController')}
      />
      <Group grow align="start" wrap="wrap">
        <NumberInput
          label={t('campaigns.fields.k')}
          description={t('campaigns.form.kHelp', { k: RESEARCH_MIN_K })}
          required
          min={RESEARCH_MIN_K}
          max={1000}
          allowDecimal={false}
          value={draft.k}
          onChange={(v) => set('k', v)}
          error={field('k')}
          miw={200}
        />
        <TextInput
          type="date"
          label={t('campaigns.fields.retentionUntil')}
          description={t('campaigns.form.retentionHelp')}
          required
          value={draft.retentionUntil}
          onChange={(e) => set('retentionUntil', e.currentTarget.value)}
          error={field('retentionUntil')}
          miw={200}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, md: Math.max(1, Math.min(campaign.languages.length, 3)) }} spacing="md">
        {campaign.languages.map((l) => (
          <Textarea
            key={l}
            lang={l}
            label={t('campaigns.form.informationFor', { language: labels.language(l) })}
            required
            autosize
            minRows={6}
            value={draft.information[l] ?? ''}
            onChange={(e) =>
              set('information', { ...draft.information, [l]: e.currentTarget.value }, `information.${l}`)
            }
            error={field(`information.${l}`)}
          />
        ))}
      </SimpleGrid>
    </FormModal>
  );
}

function Programs({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCampaignLabels();
  const joined = campaign.programs.filter((p) => p.status === 'joined').length;
  return (
    <section aria-labelledby="campaign-programs">
      <Stack gap="sm">
        <Title order={2} fz="xl" id="campaign-programs">
          {t('campaigns.overview.programsTitle')}
        </Title>
        <Text size="sm">{t('campaigns.overview.programsIntro', { joined, count: campaign.programs.length })}</Text>
        <DataTable
          caption={t('campaigns.overview.programsTitle')}
          head={[
            t('fields.program'),
            t('campaigns.fields.organization'),
            t('campaigns.fields.country'),
            t('campaigns.fields.status'),
            t('campaigns.fields.decidedOn'),
          ]}
          minWidth={640}
        >
          {campaign.programs.map((p) => (
            <Table.Tr key={p.programId}>
              <Table.Th scope="row" fw={500}>
                {p.programName}
              </Table.Th>
              <Table.Td>{p.organizationName}</Table.Td>
              <Table.Td>{labels.country(p.countryCode)}</Table.Td>
              <Table.Td>
                <ParticipationBadge status={p.status} />
              </Table.Td>
              <Table.Td>{p.decidedAt ? format.date(p.decidedAt) : t('campaigns.overview.notDecided')}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Stack>
    </section>
  );
}

const WAVE_FIELDS = ['name', 'kind', 'opensOn', 'closesOn', 'reminderDays'] as const;

function AddWaveModal({
  campaign,
  onClose,
  onAdded,
}: {
  campaign: CampaignDetail;
  onClose: () => void;
  onAdded: (name: string) => void;
}) {
  const { t } = useTranslation();
  const labels = useCampaignLabels();
  const add = useAddWave(campaign.id);
  const first = campaign.waves.length === 0;
  const [name, setName] = useState(first ? t('campaigns.waves.defaultBaseline') : '');
  const [kind, setKind] = useState<'baseline' | 'follow_up'>(first ? 'baseline' : 'follow_up');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [reminders, setReminders] = useState('7, 14');
  const [local, setLocal] = useState<Partial<Record<(typeof WAVE_FIELDS)[number], string>>>({});
  const { errors, fromError, clear, clearField } = useFormErrors(t, WAVE_FIELDS);
  const field = (f: (typeof WAVE_FIELDS)[number]) =>
    local[f] ?? errors.fields[f] ?? (f === 'reminderDays' ? errors.fields['reminderDays.0'] : undefined);
  const touch = (f: (typeof WAVE_FIELDS)[number]) => {
    clearField(f);
    setLocal((x) => ({ ...x, [f]: undefined }));
  };

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    const problems: typeof local = {};
    if (!name.trim()) problems.name = t('validation.required');
    if (!opensOn) problems.opensOn = t('validation.required');
    if (!closesOn) problems.closesOn = t('validation.required');
    else if (opensOn && closesOn < opensOn) problems.closesOn = t('campaigns.waves.closesBeforeOpens');
    const days = parseReminderDays(reminders);
    if (!days.ok) problems.reminderDays = t(`campaigns.waves.reminderProblem.${days.problem}`);
    setLocal(problems);
    if (Object.values(problems).some(Boolean) || !days.ok) return;
    add.mutate(
      { name: name.trim(), kind, opensOn, closesOn, reminderDays: days.days },
      { onSuccess: (wave) => onAdded(wave.name), onError: fromError },
    );
  };

  return (
    <FormModal
      title={t('campaigns.waves.addTitle')}
      onClose={onClose}
      onSubmit={onSubmit}
      error={add.isError ? errors.summary : undefined}
      submitLabel={t('campaigns.waves.add')}
      pending={add.isPending}
    >
      <TextInput
        label={t('campaigns.waves.name')}
        required
        value={name}
        onChange={(e) => {
          setName(e.currentTarget.value);
          touch('name');
        }}
        error={field('name')}
        data-autofocus
      />
      <NativeSelect
        label={t('campaigns.waves.kind')}
        value={kind}
        onChange={(e) => {
          setKind(e.currentTarget.value === 'baseline' ? 'baseline' : 'follow_up');
          touch('kind');
        }}
        data={WAVE_KINDS.map((k) => ({ value: k, label: labels.waveKind(k) }))}
        error={field('kind')}
      />
      <Group grow align="start" wrap="wrap">
        <TextInput
          type="date"
          label={t('campaigns.waves.opensOn')}
          required
          value={opensOn}
          onChange={(e) => {
            setOpensOn(e.currentTarget.value);
            touch('opensOn');
          }}
          error={field('opensOn')}
          miw={160}
        />
        <TextInput
          type="date"
          label={t('campaigns.waves.closesOn')}
          required
          value={closesOn}
          onChange={(e) => {
            setClosesOn(e.currentTarget.value);
            touch('closesOn');
          }}
          error={field('closesOn')}
          miw={160}
        />
      </Group>
      <TextInput
        label={t('campaigns.waves.reminderDays')}
        description={t('campaigns.waves.reminderHelp')}
        value={reminders}
        onChange={(e) => {
          setReminders(e.currentTarget.value);
          touch('reminderDays');
        }}
        error={field('reminderDays')}
        inputMode="numeric"
      />
    </FormModal>
  );
}

function Waves({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCampaignLabels();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string>();
  const reminders = (days: number[]) =>
    days.length === 0
      ? t('campaigns.waves.noReminders')
      : t('campaigns.waves.remindersAfter', { days: days.join(', ') });
  return (
    <section aria-labelledby="campaign-waves">
      <Stack gap="sm">
        <Group justify="space-between" align="end" wrap="wrap">
          <Title order={2} fz="xl" id="campaign-waves">
            {t('campaigns.waves.title')}
          </Title>
          <Button
            onClick={() => {
              setAdded(undefined);
              setAdding(true);
            }}
          >
            {t('campaigns.waves.addTitle')}
          </Button>
        </Group>
        <SuccessAlert message={added} onClose={() => setAdded(undefined)} closeLabel={t('common.dismiss')} />
        {campaign.waves.length === 0 ? (
          <EmptyState title={t('campaigns.waves.emptyTitle')}>{t('campaigns.waves.emptyBody')}</EmptyState>
        ) : (
          <DataTable
            caption={t('campaigns.waves.title')}
            head={[
              t('campaigns.waves.name'),
              t('campaigns.waves.kind'),
              t('campaigns.waves.opensOn'),
              t('campaigns.waves.closesOn'),
              t('campaigns.waves.reminderDays'),
            ]}
            minWidth={620}
          >
            {campaign.waves.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Th scope="row" fw={500}>
                  {w.name}
                </Table.Th>
                <Table.Td>{labels.waveKind(w.kind)}</Table.Td>
                <Table.Td>{format.day(w.opensOn)}</Table.Td>
                <Table.Td>{format.day(w.closesOn)}</Table.Td>
                <Table.Td>{reminders(w.reminderDays)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>
      {adding ? (
        <AddWaveModal
          campaign={campaign}
          onClose={() => setAdding(false)}
          onAdded={(name) => {
            setAdding(false);
            setAdded(t('campaigns.waves.added', { name }));
          }}
        />
      ) : null}
    </section>
  );
}

/** /campaigns/:id: the campaign's terms, its programs and whether they joined, and its waves. */
export function CampaignOverviewPage() {
  const campaign = useCampaignContext();
  return (
    <Stack gap="xl">
      <Terms campaign={campaign} />
      <Programs campaign={campaign} />
      <Waves campaign={campaign} />
    </Stack>
  );
}
