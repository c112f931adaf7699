import type { StepAway, Workload } from '@alongside/contracts';
import { Anchor, Box, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CheckIcon, PeopleIcon, PlusIcon } from '../../components/Icons.tsx';
import { useFormat } from '../../lib/format.ts';
import { coveringColleagues, stepAwayPath, type SupervisedTeam, type SupervisionStatus } from './rules.ts';


function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div>
      <Text component="dt" size="sm" c="gray.7">
        {label}
      </Text>
      <Text component="dd" m={0} fw={600}>
        {value}
        {note ? (
          <Text component="span" display="block" size="sm" fw={400}>
            {note}
          </Text>
        ) : null}
      </Text>
    </div>
  );
}

/** "Away since …, covered by …": who covers whom, never why the PSP stepped away. */
function AwayLine({ away }: { away: StepAway }) {
  const { t } = useTranslation();
  const format = useFormat();
  const covering = coveringColleagues(away);
  const names = covering.map((c) => t('supervision.coveringName', { name: c.name, count: c.persons })).join(', ');
  return (
    <Paper withBorder radius="sm" p="sm" bg="gray.0">
      <Stack gap={2}>
        <Text fw={600}>
          {covering.length ? t('supervision.awayCoveredBy', { names }) : t('supervision.awayNoCoverage')}
        </Text>
        <Text size="sm">
          {away.endsOn
            ? t('supervision.awayFromTo', { from: format.day(away.startsOn), to: format.day(away.endsOn) })
            : t('supervision.awayFromOpen', { from: format.day(away.startsOn) })}
        </Text>
        <Anchor component={Link} to={`/step-away/${away.id}`} size="sm" underline="always">
          {t('supervision.awayOpen')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

/**
 * One PSP I supervise: coverage, supervision, workload with gentle notes where it passes the organization's
 * guides. Cards keep the server's name order; nothing here ranks or colours PSPs by load.
 */
export function PspCard({
  workload,
  status,
  away,
  teams,
  showTeamNames,
  sharesTrendAnchor,
  onRecordSession,
}: {
  workload: Workload;
  status: SupervisionStatus | undefined;
  away: StepAway | undefined;
  /** Undefined while the teams are still being looked up. */
  teams: SupervisedTeam[] | undefined;
  showTeamNames: boolean;
  sharesTrendAnchor: string | undefined;
  onRecordSession: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = workload;
  const headingId = `psp-${user.id}-name`;
  const one = (v: number) => format.number(v, { maximumFractionDigits: 1 });
  const share = (pct: number | null) =>
    pct === null
      ? t('supervision.figures.noContacts')
      : format.number(pct / 100, { style: 'percent', maximumFractionDigits: 0 });
  const before = (value: string) => t('wellbeing.workload.before', { weeks: workload.period.weeks, value });
  const last = status?.last;

  return (
    <Card component="li" withBorder radius="md" padding="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={3} fz="lg" id={headingId}>
            {user.name}
          </Title>
          {showTeamNames && teams?.length ? (
            <Text size="sm" c="gray.7">
              {teams.map((tm) => tm.teamName).join(' · ')}
            </Text>
          ) : null}
        </Stack>

        {away ? <AwayLine away={away} /> : null}

        {status?.isDue ? (
          <Text size="sm" fw={600}>
            {last
              ? t('supervision.dueSince', { date: format.date(last.heldAt) })
              : t('supervision.dueNever')}
          </Text>
        ) : last ? (
          <Text size="sm" style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
            <CheckIcon />
            <span>
              {t('supervision.lastSession', {
                date: format.date(last.heldAt),
                kind: t(`supervision.kinds.${last.kind}`),
              })}
            </span>
          </Text>
        ) : null}

        <SimpleGrid component="dl" cols={2} spacing="xs" verticalSpacing="xs" m={0}>
          <Figure
            label={t('supervision.figures.caseload')}
            value={t('supervision.figures.persons', { count: workload.activeCaseload })}
            note={
              workload.coveringPersons > 0
                ? t('supervision.figures.caseloadCovering', { count: workload.coveringPersons })
                : undefined
            }
          />
          <Figure
            label={t('supervision.figures.contactsPerWeek')}
            value={one(workload.contactsPerWeek)}
            note={before(one(workload.previous.contactsPerWeek))}
          />
          <Figure
            label={t('supervision.figures.hoursPerWeek')}
            value={one(workload.contactHoursPerWeek)}
            note={before(one(workload.previous.contactHoursPerWeek))}
          />
          <Figure
            label={t('supervision.figures.crisis')}
            value={format.number(workload.crisisContacts)}
            note={before(format.number(workload.previous.crisisContacts))}
          />
          <Figure
            label={t('supervision.figures.peerWork')}
            value={share(workload.peerWorkSharePct)}
            note={before(share(workload.previous.peerWorkSharePct))}
          />
        </SimpleGrid>

        {workload.flags.length ? (
          <Box component="ul" m={0} pl="md">
            {workload.flags.map((f) => (
              <Text component="li" size="sm" key={f.kind}>
                {f.kind === 'caseload'
                  ? t('supervision.flags.caseload', { value: format.number(f.value), threshold: format.number(f.threshold) })
                  : t('supervision.flags.hours', { value: one(f.value), threshold: format.number(f.threshold) })}
              </Text>
            ))}
          </Box>
        ) : null}

        {sharesTrendAnchor ? (
          <Anchor
            href={`#${sharesTrendAnchor}`}
            size="sm"
            underline="always"
            style={{ display: 'inline-flex', gap: 6, alignItems: 'center', minHeight: 44 }}
          >
            <PeopleIcon />
            <span>{t('supervision.sharesTrend')}</span>
          </Anchor>
        ) : null}

        <Group gap="sm" wrap="wrap">
          {!away && teams
            ? teams.map((tm) => (
                <Button
                  key={tm.teamId}
                  component={Link}
                  to={stepAwayPath(user.id, tm.teamId)}
                  variant="light"
                  aria-label={
                    teams.length > 1
                      ? t('supervision.planStepAwayForInTeam', { name: user.name, team: tm.teamName })
                      : t('supervision.planStepAwayFor', { name: user.name })
                  }
                >
                  {teams.length > 1
                    ? t('supervision.planStepAwayInTeam', { team: tm.teamName })
                    : t('supervision.planStepAway')}
                </Button>
              ))
            : null}
          <Button
            variant="outline"
            leftSection={<PlusIcon />}
            onClick={onRecordSession}
            aria-label={t('supervision.recordFor', { name: user.name })}
          >
            {t('supervision.record')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
