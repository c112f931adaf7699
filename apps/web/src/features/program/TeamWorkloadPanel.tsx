import type { TeamWorkload } from '@alongside/contracts';
import { Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/Feedback.tsx';
import { describeError } from '../../lib/errors.ts';
import { useValueText, type Unit } from './cells.tsx';
import { useTeamWorkload } from './queries.ts';
import { spreadOf } from './sustainability.ts';

const WEEKS = 4;

const MEASURES: {
  key: keyof Pick<TeamWorkload, 'activeCaseload' | 'contactsPerWeek' | 'contactHoursPerWeek' | 'peerWorkSharePct'>;
  unit: Unit;
}[] = [
  // Quartiles of a caseload can fall between two people: one decimal, as a ratio.
  { key: 'activeCaseload', unit: 'ratio' },
  { key: 'contactsPerWeek', unit: 'ratio' },
  { key: 'contactHoursPerWeek', unit: 'hours' },
  { key: 'peerWorkSharePct', unit: 'percent' },
];

function WorkloadFigures({ data }: { data: TeamWorkload }) {
  const { t } = useTranslation();
  const value = useValueText();
  const say = (d: TeamWorkload['activeCaseload'], unit: Unit): string => {
    const s = spreadOf(d);
    if (s.kind === 'hidden') return t('program.suppressed', { k: data.k });
    if (s.kind === 'none') return t('program.noData');
    if (s.p25 === null || s.p75 === null) return value(s.median, unit);
    return t('sustainability.workload.spread', {
      median: value(s.median, unit),
      low: value(s.p25, unit),
      high: value(s.p75, unit),
    });
  };
  if (MEASURES.every((m) => data[m.key].suppressed))
    return <Text size="sm">{t('sustainability.workload.hidden', { k: data.k })}</Text>;
  return (
    <>
      <Text size="sm">{t('sustainability.workload.intro', { count: data.psps })}</Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" component="dl" m={0}>
        {MEASURES.map((m) => (
          <div key={m.key}>
            <Text component="dt" size="sm" fw={600}>
              {t(`sustainability.workload.${m.key}`)}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {say(data[m.key], m.unit)}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </>
  );
}

/**
 * A team's workload over the last four weeks as the middle value and middle half across its PSPs — never a
 * person's figure, never a ranking; hidden below k PSPs.
 */
export function TeamWorkloadPanel({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const workload = useTeamWorkload(teamId, WEEKS);

  return (
    <Stack gap="xs">
      <Title order={4} fz="md">
        {t('sustainability.workload.title', { count: WEEKS })}
      </Title>
      {workload.isPending ? (
        <Loader size="sm" role="status" aria-label={t('common.loading')} />
      ) : workload.isError ? (
        <LoadError
          message={describeError(workload.error, t)}
          onRetry={() => void workload.refetch()}
          retryLabel={t('common.tryAgain')}
        />
      ) : (
        <WorkloadFigures data={workload.data} />
      )}
    </Stack>
  );
}
