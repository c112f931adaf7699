import type { Nudge, Workload } from '@alongside/contracts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorAlert, LoadError, SuccessAlert } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PrivacyLabel } from '../../components/PrivacyLabel.tsx';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useSignedInMe } from '../session/RequireAuth.tsx';
import { useStepAways } from '../step-away/queries.ts';
import { useSupervisionSessions } from '../supervision/queries.ts';
import { RecordSessionModal } from '../supervision/RecordSessionModal.tsx';
import { SessionsList } from '../supervision/SessionsList.tsx';
import {
  useCreatePulse,
  useCreateShare,
  useDismissNudge,
  useMyCheckIns,
  useMyWellbeing,
  useMyWorkload,
  useRevokeShare,
  useShares,
} from './queries.ts';
import { checkedInThisMonth, fromFirstActiveMonth } from './rules.ts';
import { TrendChart } from './TrendChart.tsx';

function Section({ id, title, label, children }: { id: string; title: string; label?: ReactNode; children: ReactNode }) {
  return (
    <Card component="section" withBorder radius="md" padding="md" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} fz="lg" id={id}>
            {title}
          </Title>
          {label}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

const SCALE = ['1', '2', '3', '4', '5'];

/** One 1–5 choice with its two ends named, as a radio group. */
function ScaleChoice({
  id,
  label,
  low,
  high,
  value,
  onChange,
}: {
  id: string;
  label: string;
  low: string;
  high: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <Stack gap={4}>
      <Text fw={600} id={id}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={id} value={value} onChange={onChange} data={SCALE} fullWidth size="md" />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          1 · {low}
        </Text>
        <Text size="sm" c="dimmed">
          5 · {high}
        </Text>
      </Group>
    </Stack>
  );
}

function PulseForm() {
  const { t } = useTranslation();
  const create = useCreatePulse();
  const [energy, setEnergy] = useState('3');
  const [load, setLoad] = useState('3');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const { errors, fromError, clear } = useFormErrors(t, ['energy', 'load', 'note']);
  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    setSaved(false);
    create.mutate(
      { energy: Number(energy), load: Number(load), note: note.trim() || undefined },
      {
        onSuccess: () => {
          setNote('');
          setSaved(true);
        },
        onError: fromError,
      },
    );
  };
  return (
    <Section id="pulse-title" title={t('wellbeing.pulse.title')} label={<PrivacyLabel kind="onlyYou" />}>
      <Text size="sm">{t('wellbeing.pulse.intro')}</Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ScaleChoice
            id="pulse-energy"
            label={t('wellbeing.pulse.energyQuestion')}
            low={t('wellbeing.pulse.energyLow')}
            high={t('wellbeing.pulse.energyHigh')}
            value={energy}
            onChange={setEnergy}
          />
          <ScaleChoice
            id="pulse-load"
            label={t('wellbeing.pulse.loadQuestion')}
            low={t('wellbeing.pulse.loadLow')}
            high={t('wellbeing.pulse.loadHigh')}
            value={load}
            onChange={setLoad}
          />
          <Textarea
            label={t('wellbeing.pulse.note')}
            description={t('wellbeing.pulse.noteHelp')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.fields.note}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <ErrorAlert message={create.isError ? errors.summary : undefined} />
          <SuccessAlert message={saved ? t('wellbeing.pulse.saved') : undefined} />
          <Group>
            <Button type="submit" size="md" loading={create.isPending}>
              {t('wellbeing.pulse.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function NudgeCard({ nudge }: { nudge: Nudge }) {
  const { t } = useTranslation();
  const format = useFormat();
  const dismiss = useDismissNudge();
  return (
    <Alert color="alongside" variant="light" title={t('wellbeing.nudge.title')} role="note">
      <Stack gap="xs">
        <Text size="sm">{nudge.message}</Text>
        <Text size="xs" c="dimmed">
          {t('wellbeing.nudge.onlyYou', { date: format.date(nudge.createdAt) })}
        </Text>
        <Group gap="xs">
          {nudge.offers.includes('step_away') ? (
            <Button component={Link} to="/step-away/new" size="sm" variant="filled">
              {t('wellbeing.stepAway.start')}
            </Button>
          ) : null}
          {nudge.offers.includes('supervision') ? (
            <Button component="a" href="#supervision-title" size="sm" variant="outline">
              {t('wellbeing.nudge.talk')}
            </Button>
          ) : null}
          <Button size="sm" variant="subtle" loading={dismiss.isPending} onClick={() => dismiss.mutate(nudge.id)}>
            {t('wellbeing.nudge.dismiss')}
          </Button>
        </Group>
        <ErrorAlert message={dismiss.isError ? describeError(dismiss.error, t) : undefined} />
      </Stack>
    </Alert>
  );
}

function CheckInCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const checkIns = useMyCheckIns(1);
  const last = checkIns.data?.[0];
  const done = checkedInThisMonth(checkIns.data ?? [], new Date());
  return (
    <Section id="check-in-title" title={t('wellbeing.checkIn.cardTitle')} label={<PrivacyLabel kind="onlyYou" />}>
      {checkIns.isPending ? (
        <Loader size="sm" role="status" aria-label={t('common.loading')} />
      ) : (
        <Text size="sm">
          {last
            ? done
              ? t('wellbeing.checkIn.doneThisMonth', { date: format.date(last.createdAt) })
              : t('wellbeing.checkIn.due', { date: format.date(last.createdAt) })
            : t('wellbeing.checkIn.first')}
        </Text>
      )}
      <Group>
        <Button component={Link} to="/wellbeing/check-in" size="md" variant={done ? 'outline' : 'filled'}>
          {done ? t('wellbeing.checkIn.again') : t('wellbeing.checkIn.start')}
        </Button>
      </Group>
    </Section>
  );
}

function WorkloadFigures({ workload }: { workload: Workload }) {
  const { t } = useTranslation();
  const format = useFormat();
  const one = (v: number) => format.number(v, { maximumFractionDigits: 1 });
  const share = (pct: number | null) =>
    pct === null ? t('program.noData') : format.number(pct / 100, { style: 'percent', maximumFractionDigits: 0 });
  const previous = workload.previous;
  // Each figure with the same weeks just before, where the data has a past (a caseload is only known now).
  const figures: [string, string, string | null][] = [
    [t('wellbeing.workload.caseload'), format.number(workload.activeCaseload), null],
    [t('wellbeing.workload.covering'), format.number(workload.coveringPersons), null],
    [t('wellbeing.workload.contactsPerWeek'), one(workload.contactsPerWeek), one(previous.contactsPerWeek)],
    [t('wellbeing.workload.hoursPerWeek'), one(workload.contactHoursPerWeek), one(previous.contactHoursPerWeek)],
    [t('wellbeing.workload.crisis'), format.number(workload.crisisContacts), format.number(previous.crisisContacts)],
    [t('wellbeing.workload.peerShare'), share(workload.peerWorkSharePct), share(previous.peerWorkSharePct)],
  ];
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('wellbeing.workload.period', {
          weeks: workload.period.weeks,
          from: format.day(workload.period.from.slice(0, 10)),
          to: format.day(workload.period.to.slice(0, 10)),
        })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" component="dl" m={0}>
        {figures.map(([label, value, before]) => (
          <div key={label}>
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} fz="xl" fw={700}>
              {value}
            </Text>
            {before !== null ? (
              <Text component="dd" m={0} size="xs" c="dimmed">
                {t('wellbeing.workload.before', { weeks: workload.period.weeks, value: before })}
              </Text>
            ) : null}
          </div>
        ))}
      </SimpleGrid>
      {workload.flags.map((f) => (
        <Alert key={f.kind} color="yellow" variant="light" role="note">
          {f.kind === 'caseload'
            ? t('wellbeing.workload.flagCaseload', { value: f.value, threshold: f.threshold })
            : t('wellbeing.workload.flagHours', { value: one(f.value), threshold: f.threshold })}
        </Alert>
      ))}
    </Stack>
  );
}

function WorkloadCard() {
  const { t } = useTranslation();
  const workload = useMyWorkload();
  return (
    <Section id="workload-title" title={t('wellbeing.workload.title')}>
      {workload.isPending ? (
        <Loader size="sm" role="status" aria-label={t('common.loading')} />
      ) : workload.isError ? (
        <LoadError message={describeError(workload.error, t)} onRetry={() => void workload.refetch()} retryLabel={t('common.tryAgain')} />
      ) : (
        <WorkloadFigures workload={workload.data} />
      )}
      <Text size="xs" c="dimmed">
        {t('wellbeing.workload.whoSees')}
      </Text>
    </Section>
  );
}

function StepAwayCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSignedInMe();
  const stepAways = useStepAways({ active: 'true' });
  const mine = (stepAways.data ?? []).find((s) => s.user.id === me.user.id && !s.returnedAt);
  return (
    <Section id="step-away-title" title={t('wellbeing.stepAway.title')}>
      {mine ? (
        <>
          <Text size="sm">
            {mine.endsOn
              ? t('wellbeing.stepAway.awayUntil', { date: format.day(mine.endsOn) })
              : t('wellbeing.stepAway.awayOpen', { date: format.day(mine.startsOn) })}
          </Text>
          <Group>
            <Button component={Link} to={`/step-away/${mine.id}`} size="md">
              {t('wellbeing.stepAway.view')}
            </Button>
          </Group>
        </>
      ) : (
        <>
          <Text size="sm">{t('wellbeing.stepAway.intro')}</Text>
          <Group>
            <Button component={Link} to="/step-away/new" size="md" variant="outline">
              {t('wellbeing.stepAway.start')}
            </Button>
            <Anchor component={Link} to="/step-away" size="sm" underline="always">
              {t('wellbeing.stepAway.history')}
            </Anchor>
          </Group>
        </>
      )}
    </Section>
  );
}

/** Supervision sessions the PSP had (with the notes only the two of them read), and recording one. */
function SupervisionCard() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const sessions = useSupervisionSessions(true);
  const supervisors = useShares();
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState<string>();
  const mine = (sessions.data ?? []).filter((s) => s.psp.id === me.user.id);
  const candidates = supervisors.data?.candidates ?? [];
  return (
    <Section id="supervision-title" title={t('wellbeing.supervision.title')}>
      <Text size="sm">{t('wellbeing.supervision.intro')}</Text>
      <SuccessAlert message={recorded} onClose={() => setRecorded(undefined)} closeLabel={t('common.dismiss')} />
      {sessions.isPending ? (
        <Loader size="sm" role="status" aria-label={t('common.loading')} />
      ) : sessions.isError ? (
        <LoadError message={describeError(sessions.error, t)} onRetry={() => void sessions.refetch()} retryLabel={t('common.tryAgain')} />
      ) : mine.length === 0 ? (
        <Text size="sm" fw={600}>
          {t('wellbeing.supervision.none')}
        </Text>
      ) : (
        <SessionsList sessions={mine} with="supervisor" />
      )}
      {candidates.length > 0 ? (
        <Group>
          <Button variant="outline" size="md" onClick={() => setRecording(true)}>
            {t('wellbeing.supervision.record')}
          </Button>
        </Group>
      ) : null}
      {recording ? (
        <RecordSessionModal
          with="supervisor"
          counterparts={candidates}
          myId={me.user.id}
          initialCounterpartId={undefined}
          onClose={() => setRecording(false)}
          onRecorded={(s) => {
            setRecording(false);
            setRecorded(t('wellbeing.supervision.recorded', { name: s.supervisor.name }));
          }}
        />
      ) : null}
    </Section>
  );
}

function SharingCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const shares = useShares();
  const create = useCreateShare();
  const revoke = useRevokeShare();
  const [supervisorId, setSupervisorId] = useState('');
  const active = (shares.data?.shares ?? []).filter((s) => !s.revokedAt);
  const candidates = (shares.data?.candidates ?? []).filter((c) => !active.some((s) => s.supervisor.id === c.id));
  const chosen = supervisorId || candidates[0]?.id || '';
  const chosenName = candidates.find((c) => c.id === chosen)?.name ?? '';
  return (
    <Section id="sharing-title" title={t('wellbeing.sharing.title')}>
      <Text size="sm">{t('wellbeing.sharing.intro')}</Text>
      {shares.isPending ? (
        <Loader size="sm" role="status" aria-label={t('common.loading')} />
      ) : shares.isError ? (
        <LoadError message={describeError(shares.error, t)} onRetry={() => void shares.refetch()} retryLabel={t('common.tryAgain')} />
      ) : (
        <Stack gap="sm">
          {active.length === 0 ? (
            <Text size="sm" fw={600}>
              {t('wellbeing.sharing.none')}
            </Text>
          ) : (
            <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
              {active.map((s) => (
                <Group component="li" key={s.id} justify="space-between" wrap="wrap" gap="xs">
                  <Group gap="xs">
                    <Badge variant="outline" color="alongside.9" radius="sm" tt="none">
                      {t('wellbeing.sharing.sharedBadge')}
                    </Badge>
                    <Text size="sm">
                      {t('wellbeing.sharing.sharedWith', { name: s.supervisor.name, date: format.date(s.createdAt) })}
                    </Text>
                  </Group>
                  <Button
                    size="sm"
                    variant="outline"
                    color="red.9"
                    loading={revoke.isPending && revoke.variables === s.id}
                    onClick={() => revoke.mutate(s.id)}
                    aria-label={t('wellbeing.sharing.stopFor', { name: s.supervisor.name })}
                  >
                    {t('wellbeing.sharing.stop')}
                  </Button>
                </Group>
              ))}
            </Stack>
          )}
          {candidates.length > 0 ? (
            <Stack gap="xs">
              <NativeSelect
                label={t('wellbeing.sharing.supervisor')}
                value={chosen}
                onChange={(e) => setSupervisorId(e.currentTarget.value)}
                data={candidates.map((c) => ({ value: c.id, label: c.name }))}
                maw={360}
              />
              <Text size="sm">{t('wellbeing.sharing.whatTheySee', { name: chosenName })}</Text>
              <Group>
                <Button size="md" variant="outline" loading={create.isPending} onClick={() => create.mutate(chosen)}>
                  {t('wellbeing.sharing.share', { name: chosenName })}
                </Button>
              </Group>
            </Stack>
          ) : active.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('wellbeing.sharing.noCandidates')}
            </Text>
          ) : null}
          <ErrorAlert
            message={
              create.isError ? describeError(create.error, t) : revoke.isError ? describeError(revoke.error, t) : undefined
            }
          />
        </Stack>
      )}
    </Section>
  );
}

/**
 * "My wellbeing" for peer staff: a pulse at any time, the monthly check-in, the PSP's own trend with a
 * reading of it, private nudges, workload, step-away and who (if anyone) sees the trend. Only the PSP sees this.
 */
export function WellbeingPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const wellbeing = useMyWellbeing();
  const data = wellbeing.data;
  const nudges = (data?.nudges ?? []).filter((n) => !n.dismissedAt);

  return (
    <Stack gap="lg" maw={880}>
      <PageHeader title={t('wellbeing.title')} description={t('wellbeing.intro')} />
      <SuccessAlert message={notice === 'checkInSaved' ? t('wellbeing.checkIn.saved') : undefined} />
      {nudges.map((n) => (
        <NudgeCard key={n.id} nudge={n} />
      ))}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <PulseForm />
        <Stack gap="lg">
          <CheckInCard />
          <StepAwayCard />
        </Stack>
      </SimpleGrid>
      <Section id="trend-title" title={t('wellbeing.trend.title')} label={<PrivacyLabel kind="onlyYou" />}>
        {wellbeing.isError ? (
          <LoadError message={describeError(wellbeing.error, t)} onRetry={() => void wellbeing.refetch()} retryLabel={t('common.tryAgain')} />
        ) : data ? (
          <>
            <Text>{data.reading}</Text>
            <TrendChart trend={fromFirstActiveMonth(data.trend)} name={t('wellbeing.trend.yours')} />
          </>
        ) : (
          <Loader role="status" aria-label={t('common.loading')} />
        )}
      </Section>
      <WorkloadCard />
      <SupervisionCard />
      <SharingCard />
      {data && data.resources.length > 0 ? (
        <Section id="resources-title" title={t('wellbeing.resources.title')}>
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {data.resources.map((r) => (
              <li key={r.key}>
                <Text fw={600}>{r.title}</Text>
                <Text size="sm">{r.description}</Text>
                {r.action === 'step_away' ? (
                  <Anchor component={Link} to="/step-away/new" size="sm" underline="always">
                    {t('wellbeing.stepAway.start')}
                  </Anchor>
                ) : r.action === 'supervision' ? (
                  <Anchor href="#supervision-title" size="sm" underline="always">
                    {t('wellbeing.nudge.talk')}
                  </Anchor>
                ) : null}
              </li>
            ))}
          </Stack>
        </Section>
      ) : null}
    </Stack>
  );
}
