import type { TeamBoard } from '@alongside/contracts';
import { Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, LoadError, SuccessAlert } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { usePracticeLabels } from '../../lib/practice-labels.ts';
import { formatRelative } from '../../lib/time.ts';
import { ConnectionCard } from '../people/ConnectionCard.tsx';
import { sortForBoard, type CareTier } from '../people/rules.ts';
import { VoiceItemCard } from '../people/VoiceItemCard.tsx';
import { AddTopicForm } from './AddTopicForm.tsx';
import { useTeamBoard } from './queries.ts';
import { ReferModal } from './ReferModal.tsx';
import { TeamPicker } from './TeamPicker.tsx';
import { useTeamChoice } from './useTeamChoice.ts';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} fz="xl" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </section>
  );
}

function ActivityList({ items }: { items: TeamBoard['recentActivity'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = usePracticeLabels();
  const now = new Date();
  const detail = (a: TeamBoard['recentActivity'][number]) => {
    if (!a.detail) return '';
    if (a.kind === 'connection') {
      const known = ['proposed', 'accepted', 'met', 'completed', 'declined', 'did_not_attend'] as const;
      const s = known.find((k) => k === a.detail);
      return s ? labels.connectionStatus(s) : a.detail;
    }
    const kinds = ['goal', 'preference', 'concern', 'question', 'feedback'] as const;
    const k = kinds.find((x) => x === a.detail);
    return k ? labels.voiceKind(k) : a.detail;
  };
  return (
    <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((a, i) => (
        <Text component="li" size="sm" key={`${a.kind}-${a.at}-${i}`}>
          <time dateTime={a.at} title={format.dateTime(a.at)}>
            {formatRelative(a.at, now, format.locale)}
          </time>
          {' · '}
          {t(`board.activity.${a.kind}`, { name: a.personName, by: a.by, detail: detail(a) })}
        </Text>
      ))}
    </Stack>
  );
}

function BoardBody({ board, tier }: { board: TeamBoard; tier: CareTier }) {
  const { t } = useTranslation();
  const voiceItems = sortForBoard(board.voiceItems);
  const overdue = voiceItems.filter((v) => v.isOverdue).length;
  return (
    <Stack gap="xl">
      <Section id="board-voice" title={t('board.voiceTitle')}>
        <Text size="sm">
          {t('board.voiceIntro', { days: board.team.voiceAnswerTargetDays })}{' '}
          {overdue > 0 ? <strong>{t('board.overdueCount', { count: overdue })}</strong> : null}
        </Text>
        {voiceItems.length === 0 ? (
          <EmptyState title={t('board.voiceEmptyTitle')}>{t('board.voiceEmptyBody')}</EmptyState>
        ) : (
          voiceItems.map((v) => <VoiceItemCard key={v.id} item={v} tier={tier} showPerson />)
        )}
      </Section>

      <Section id="board-connections" title={t('board.connectionsTitle')}>
        {board.connectionsToAccept.length === 0 ? (
          <EmptyState title={t('board.connectionsEmptyTitle')}>{t('board.connectionsEmptyBody')}</EmptyState>
        ) : (
          board.connectionsToAccept.map((c) => <ConnectionCard key={c.id} connection={c} tier={tier} showPerson />)
        )}
      </Section>

      <Section id="board-referrals" title={t('board.referralsTitle')}>
        {board.referralsToPeerSupport.length === 0 ? (
          <EmptyState title={t('board.referralsEmptyTitle')}>{t('board.referralsEmptyBody')}</EmptyState>
        ) : (
          board.referralsToPeerSupport.map((c) => <ConnectionCard key={c.id} connection={c} tier={tier} showPerson />)
        )}
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section id="board-agenda" title={t('board.agendaTitle')}>
          {board.agenda.length === 0 ? (
            <EmptyState title={t('board.agendaEmptyTitle')}>{t('board.agendaEmptyBody')}</EmptyState>
          ) : (
            <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
              {board.agenda.map((a) => (
                <Text component="li" key={a.id}>
                  {a.label}{' '}
                  <Text component="span" size="sm" c="dimmed">
                    {t('board.agendaAddedBy', { name: a.addedBy.name })}
                  </Text>
                </Text>
              ))}
            </Stack>
          )}
          <AddTopicForm teamId={board.team.id} />
          <div>
            <Button component={Link} to={`/huddles?team=${encodeURIComponent(board.team.id)}`} variant="outline">
              {t('board.recordHuddle')}
            </Button>
          </div>
        </Section>

        <Section id="board-away" title={t('board.awayTitle')}>
          {board.away.length === 0 ? (
            <EmptyState title={t('board.awayEmptyTitle')}>{t('board.awayEmptyBody')}</EmptyState>
          ) : (
            <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
              {board.away.map((a) => (
                <Text component="li" key={a.id}>
                  {a.coveredBy ? t('board.awayCovered', { name: a.name, cover: a.coveredBy }) : a.name}
                </Text>
              ))}
            </Stack>
          )}
        </Section>
      </SimpleGrid>

      <Section id="board-activity" title={t('board.activityTitle')}>
        {board.recentActivity.length === 0 ? (
          <EmptyState title={t('board.activityEmptyTitle')}>{t('board.activityEmptyBody')}</EmptyState>
        ) : (
          <Card withBorder radius="md" padding="md">
            <ActivityList items={board.recentActivity} />
          </Card>
        )}
      </Section>
    </Stack>
  );
}

/** The clinicians' home: voice items waiting for the team (overdue first), connections, referrals, the huddle agenda. */
export function BoardPage() {
  const { t } = useTranslation();
  const { teams, team, setTeam } = useTeamChoice();
  const board = useTeamBoard(team?.teamId);
  const [referring, setReferring] = useState(false);
  const [notice, setNotice] = useState<string>();

  if (!team) {
    return (
      <Stack>
        <PageHeader title={t('board.title')} />
        <EmptyState title={t('board.noTeamTitle')}>{t('board.noTeamBody')}</EmptyState>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <PageHeader title={t('board.title')} description={t('board.intro', { team: team.teamName })} />
      <Group align="end" gap="md" wrap="wrap">
        <TeamPicker teams={teams} value={team.teamId} onChange={setTeam} />
        {team.tier === 'clinician' ? <Button onClick={() => setReferring(true)}>{t('refer.open')}</Button> : null}
      </Group>
      <SuccessAlert message={notice} onClose={() => setNotice(undefined)} closeLabel={t('common.dismiss')} />
      {board.isPending ? (
        <Loader role="status" aria-label={t('common.loading')} />
      ) : board.isError ? (
        <LoadError
          message={describeError(board.error, t)}
          onRetry={() => void board.refetch()}
          retryLabel={t('common.tryAgain')}
        />
      ) : (
        <BoardBody board={board.data} tier={team.tier} />
      )}
      {referring ? (
        <ReferModal
          teamId={team.teamId}
          teamName={team.teamName}
          onClose={() => setReferring(false)}
          onSaved={() => {
            setReferring(false);
            setNotice(t('refer.saved'));
          }}
        />
      ) : null}
    </Stack>
  );
}
