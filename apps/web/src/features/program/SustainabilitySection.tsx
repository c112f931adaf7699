import { Card, Group, Loader, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, LoadError } from '../../components/Feedback.tsx';
import { LockIcon } from '../../components/Icons.tsx';
import { describeError } from '../../lib/errors.ts';
import { useSignedInMe } from '../session/RequireAuth.tsx';
import type { Period } from './periods.ts';
import { useSustainability } from './queries.ts';
import { completedMonths, defaultMonth, teamAccess } from './sustainability.ts';
import { Headline, LoneFlag, Staffing, type View } from './SustainabilityFigures.tsx';
import { TeamWellbeingCard } from './TeamWellbeingCard.tsx';
import { TeamWorkloadPanel } from './TeamWorkloadPanel.tsx';

/**
 * Team sustainability on the program page (issue 4): staffing as is, and everything about the PSPs themselves —
 * retention, supervision, time away, wellbeing, workload — only as aggregates of at least k people.
 */
export function SustainabilitySection({
  programId,
  period,
  previousPeriod,
}: {
  programId: string;
  period: Period;
  previousPeriod: Period;
}) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [view, setView] = useState<View>('charts');
  const current = useSustainability(programId, period);
  const previous = useSustainability(programId, previousPeriod);
  const months = useMemo(() => completedMonths(new Date(), 12), []);
  const firstMonth = defaultMonth(months, period.to);
  const organizationId = me.memberships.find((m) => m.programId === programId)?.organizationId ?? '';

  let body: ReactNode;
  if (current.isPending) body = <Loader role="status" aria-label={t('common.loading')} />;
  else if (current.isError)
    body = (
      <LoadError
        message={describeError(current.error, t)}
        onRetry={() => void current.refetch()}
        retryLabel={t('common.tryAgain')}
      />
    );
  else if (current.data.teams.length === 0)
    body = <EmptyState title={t('sustainability.noTeamsTitle')}>{t('sustainability.noTeamsBody')}</EmptyState>;
  else if (current.data.pspHeadcount === 0)
    body = <EmptyState title={t('sustainability.noPspsTitle')}>{t('sustainability.noPspsBody')}</EmptyState>;
  else {
    const data = current.data;
    body = (
      <>
        {current.isPlaceholderData ? <Loader size="sm" role="status" aria-label={t('common.loading')} /> : null}
        <Headline data={data} previous={previous.data?.programId === programId ? previous.data : undefined} />
        <Staffing data={data} view={view} />
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {data.teams.map((team) => {
            const access = teamAccess(me.memberships, { id: team.id, programId, organizationId });
            return (
              <Card component="li" key={team.id} withBorder radius="md" padding="md">
                <Stack gap="md">
                  <Stack gap={6}>
                    <Title order={3} fz="lg">
                      {team.name}
                    </Title>
                    <Group gap="xs">
                      <Text size="sm">{t('sustainability.teamHeadcount', { count: team.pspHeadcount })}</Text>
                      {team.isLonePsp ? <LoneFlag /> : null}
                    </Group>
                    {team.isLonePsp ? <Text size="sm">{t('sustainability.loneHint')}</Text> : null}
                  </Stack>
                  {team.pspHeadcount === 0 ? (
                    <Text size="sm">{t('sustainability.noPspsInTeam')}</Text>
                  ) : (
                    <>
                      {access.wellbeing ? (
                        <TeamWellbeingCard
                          key={firstMonth}
                          teamId={team.id}
                          teamName={team.name}
                          months={months}
                          initialMonth={firstMonth}
                          view={view}
                        />
                      ) : null}
                      {access.workload ? <TeamWorkloadPanel teamId={team.id} /> : null}
                      {!access.wellbeing && !access.workload ? (
                        <Text size="sm">{t('sustainability.teamFiguresFor')}</Text>
                      ) : null}
                    </>
                  )}
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      </>
    );
  }

  return (
    <section aria-labelledby="sustainability-title">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" align="end">
          <Title order={2} fz="xl" id="sustainability-title">
            {t('sustainability.title')}
          </Title>
          <SegmentedControl
            aria-label={t('sustainability.viewLabel')}
            value={view}
            onChange={(v) => setView(v === 'table' ? 'table' : 'charts')}
            data={[
              { value: 'charts', label: t('program.viewCharts') },
              { value: 'table', label: t('program.viewTable') },
            ]}
          />
        </Group>
        <Text size="sm">{t('sustainability.intro')}</Text>
        {current.data ? (
          <Group gap="xs" wrap="nowrap" align="start">
            <Text component="span" mt={2} c="gray.8">
              <LockIcon />
            </Text>
            <Text size="sm" fw={500}>
              {t('sustainability.privacy', { k: current.data.k })}
            </Text>
          </Group>
        ) : null}
        {body}
      </Stack>
    </section>
  );
}
