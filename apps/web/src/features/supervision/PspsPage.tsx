import { Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, LoadError, SuccessAlert } from '../../components/Feedback.tsx';
import { PlusIcon } from '../../components/Icons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useSignedInMe } from '../session/RequireAuth.tsx';
import { PspCard } from './PspCard.tsx';
import {
  useActiveStepAways,
  useSharedTrends,
  useSupervisedWorkload,
  useSupervisionSessions,
  useTeamMembers,
  WORKLOAD_WEEKS,
} from './queries.ts';
import { RecordSessionModal } from './RecordSessionModal.tsx';
import {
  activeStepAwayByUser,
  sessionsHeldBy,
  sharedTrendAnchor,
  supervisedTeams,
  supervisionStatusByPsp,
  SUPERVISION_DUE_DAYS,
  teamsByPsp,
} from './rules.ts';
import { SessionsList } from './SessionsList.tsx';
import { SharedTrendCard } from './SharedTrendCard.tsx';

const listStyle = { listStyle: 'none' } as const;

/**
 * The peer supervisor's home (UX.md): the PSPs they supervise with coverage and "supervision due", the sessions
 * they recorded, and the wellbeing trends PSPs chose to share — and, from each PSP, planning a step-away.
 */
export function PspsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSignedInMe();
  const teams = useMemo(() => supervisedTeams(me.memberships), [me.memberships]);
  const isSupervisor = teams.length > 0;
  const workload = useSupervisedWorkload(isSupervisor);
  const sessions = useSupervisionSessions(isSupervisor);
  const stepAways = useActiveStepAways(isSupervisor);
  const trends = useSharedTrends(isSupervisor);
  // The workload list carries no team; with several supervised teams, their member lists say who works where.
  const members = useTeamMembers(teams.length > 1 ? teams.map((tm) => tm.teamId) : []);
  const [recording, setRecording] = useState<{ pspId?: string } | undefined>();
  const [recorded, setRecorded] = useState<string>();

  const psps = useMemo(() => workload.data ?? [], [workload.data]);
  const pspIds = useMemo(() => psps.map((w) => w.user.id), [psps]);
  const held = useMemo(() => sessionsHeldBy(sessions.data ?? [], me.user.id), [sessions.data, me.user.id]);
  const status = useMemo(
    () => (sessions.data ? supervisionStatusByPsp(pspIds, sessions.data, me.user.id, new Date()) : undefined),
    [pspIds, sessions.data, me.user.id],
  );
  const away = useMemo(() => activeStepAwayByUser(stepAways.data ?? []), [stepAways.data]);
  const membersReady = members.every((q) => q.isSuccess);
  const teamsOf = teamsByPsp(teams, new Map(teams.map((tm, i) => [tm.teamId, members[i]?.data ?? []])), pspIds);
  const shared = useMemo(
    () => [...(trends.data ?? [])].sort((a, b) => a.psp.name.localeCompare(b.psp.name)),
    [trends.data],
  );
  const sharing = new Set(shared.map((s) => s.psp.id));

  if (!isSupervisor) {
    return (
      <Stack>
        <PageHeader title={t('supervision.title')} />
        <EmptyState title={t('supervision.notSupervisorTitle')}>{t('supervision.notSupervisorBody')}</EmptyState>
      </Stack>
    );
  }

  const firstTeam = teams[0];
  const intro =
    teams.length === 1 && firstTeam
      ? t('supervision.introOneTeam', { team: firstTeam.teamName })
      : t('supervision.intro', { count: teams.length });
  const dueCount = status ? pspIds.filter((id) => status.get(id)?.isDue).length : undefined;
  const awayCount = pspIds.filter((id) => away.has(id)).length;
  const period = workload.data?.[0]?.period;
  const pspOptions = psps.map((w) => w.user);
  const failedMembers = members.find((q) => q.isError);

  return (
    <Stack gap="lg">
      <PageHeader title={t('supervision.title')} description={intro} />
      <Group gap="sm">
        <Button
          size="lg"
          leftSection={<PlusIcon />}
          onClick={() => setRecording({})}
          disabled={psps.length === 0}
        >
          {t('supervision.recordSession')}
        </Button>
      </Group>
      <SuccessAlert message={recorded} onClose={() => setRecorded(undefined)} closeLabel={t('common.dismiss')} />

      <section aria-labelledby="psps-list-title">
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} fz="xl" id="psps-list-title">
              {t('supervision.pspsTitle')}
            </Title>
            {period ? (
              <Text size="sm">
                {t('supervision.period', {
                  count: WORKLOAD_WEEKS,
                  from: format.date(period.from),
                  to: format.date(period.to),
                })}
              </Text>
            ) : null}
            <Text size="sm">{t('supervision.notRanked')}</Text>
          </Stack>
          {stepAways.isError ? (
            <LoadError
              message={t('supervision.stepAwaysFailed', { reason: describeError(stepAways.error, t) })}
              onRetry={() => void stepAways.refetch()}
              retryLabel={t('common.tryAgain')}
            />
          ) : null}
          {failedMembers ? (
            <LoadError
              message={t('supervision.teamsFailed', { reason: describeError(failedMembers.error, t) })}
              onRetry={() => void failedMembers.refetch()}
              retryLabel={t('common.tryAgain')}
            />
          ) : null}
          {workload.isPending ? (
            <Loader role="status" aria-label={t('common.loading')} />
          ) : workload.isError ? (
            <LoadError
              message={describeError(workload.error, t)}
              onRetry={() => void workload.refetch()}
              retryLabel={t('common.tryAgain')}
            />
          ) : psps.length === 0 ? (
            <EmptyState title={t('supervision.emptyPspsTitle')}>{t('supervision.emptyPspsBody')}</EmptyState>
          ) : (
            <>
              <Text size="sm">
                {[
                  t('supervision.countPsps', { count: psps.length }),
                  dueCount === undefined ? undefined : t('supervision.countDue', { count: dueCount }),
                  t('supervision.countAway', { count: awayCount }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" component="ul" p={0} m={0} style={listStyle}>
                {psps.map((w) => (
                  <PspCard
                    key={w.user.id}
                    workload={w}
                    status={status?.get(w.user.id)}
                    away={away.get(w.user.id)}
                    teams={membersReady ? teamsOf.get(w.user.id) : undefined}
                    showTeamNames={teams.length > 1}
                    sharesTrendAnchor={sharing.has(w.user.id) ? sharedTrendAnchor(w.user.id) : undefined}
                    onRecordSession={() => setRecording({ pspId: w.user.id })}
                  />
                ))}
              </SimpleGrid>
            </>
          )}
        </Stack>
      </section>

      <section aria-labelledby="sessions-title">
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} fz="xl" id="sessions-title">
              {t('supervision.sessionsTitle')}
            </Title>
            <Text size="sm">{t('supervision.sessionsIntro', { days: SUPERVISION_DUE_DAYS })}</Text>
          </Stack>
          {sessions.isPending ? (
            <Loader role="status" aria-label={t('common.loading')} />
          ) : sessions.isError ? (
            <LoadError
              message={describeError(sessions.error, t)}
              onRetry={() => void sessions.refetch()}
              retryLabel={t('common.tryAgain')}
            />
          ) : held.length === 0 ? (
            <EmptyState
              title={t('supervision.emptySessionsTitle')}
              action={
                psps.length ? (
                  <Button onClick={() => setRecording({})}>{t('supervision.recordSession')}</Button>
                ) : undefined
              }
            >
              {t('supervision.emptySessionsBody')}
            </EmptyState>
          ) : (
            <SessionsList sessions={held} with="psp" />
          )}
        </Stack>
      </section>

      <section aria-labelledby="trends-title">
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} fz="xl" id="trends-title">
              {t('supervision.trendsTitle')}
            </Title>
            <Text size="sm">{t('supervision.trendsIntro')}</Text>
          </Stack>
          {trends.isPending ? (
            <Loader role="status" aria-label={t('common.loading')} />
          ) : trends.isError ? (
            <LoadError
              message={describeError(trends.error, t)}
              onRetry={() => void trends.refetch()}
              retryLabel={t('common.tryAgain')}
            />
          ) : shared.length === 0 ? (
            <EmptyState title={t('supervision.emptyTrendsTitle')}>{t('supervision.emptyTrendsBody')}</EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" component="ul" p={0} m={0} style={listStyle}>
              {shared.map((s) => (
                <SharedTrendCard key={s.shareId} shared={s} />
              ))}
            </SimpleGrid>
          )}
        </Stack>
      </section>

      {recording ? (
        <RecordSessionModal
          with="psp"
          counterparts={pspOptions}
          myId={me.user.id}
          initialCounterpartId={recording.pspId}
          onClose={() => setRecording(undefined)}
          onRecorded={(s) => {
            setRecording(undefined);
            setRecorded(t('supervision.recorded', { name: s.psp.name }));
          }}
        />
      ) : null}
    </Stack>
  );
}
