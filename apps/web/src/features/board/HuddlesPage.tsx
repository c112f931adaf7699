import type { Huddle, TeamBoard, TeamMember } from '@alongside/contracts';
import { PEER_ROLES } from '@alongside/contracts/vocabulary';
import { Badge, Button, Card, Checkbox, Group, Loader, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorAlert, LoadError, SuccessAlert } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { localInputToIsoWithOffset, useFormat } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { toLocalInputValue } from '../../lib/time.ts';
import { AddTopicForm } from './AddTopicForm.tsx';
import { useCreateHuddle, useHuddles, useTeamBoard, useTeamMembersOf } from './queries.ts';
import { TeamPicker } from './TeamPicker.tsx';
import { useTeamChoice } from './useTeamChoice.ts';

const PEER = new Set<string>(PEER_ROLES);

function RecordHuddleForm({
  teamId,
  members,
  agenda,
}: {
  teamId: string;
  members: TeamMember[];
  agenda: TeamBoard['agenda'];
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const create = useCreateHuddle();
  const [heldAt, setHeldAt] = useState(() => toLocalInputValue(new Date()));
  const [attendeeIds, setAttendeeIds] = useState<string[]>([]);
  const [itemIds, setItemIds] = useState<string[]>([]);
  const [decisions, setDecisions] = useState('');
  const [local, setLocal] = useState<{ heldAt?: string; attendeeIds?: string }>({});
  const [saved, setSaved] = useState<string>();
  const { errors, fromError, clear } = useFormErrors(t, ['heldAt', 'attendeeIds', 'itemIds', 'decisions']);
  const people = members
    .filter((m) => m.role !== 'org_admin')
    .filter((m, i, all) => all.findIndex((x) => x.userId === m.userId) === i);

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    setSaved(undefined);
    const iso = localInputToIsoWithOffset(heldAt);
    const problems: typeof local = {};
    if (!iso) problems.heldAt = t('validation.required');
    if (attendeeIds.length === 0) problems.attendeeIds = t('huddles.chooseAttendee');
    setLocal(problems);
    if (!iso || attendeeIds.length === 0) return;
    create.mutate(
      { teamId, heldAt: iso, attendeeIds, itemIds, decisions: decisions.trim() },
      {
        onSuccess: () => {
          setSaved(t('huddles.saved'));
          setAttendeeIds([]);
          setItemIds([]);
          setDecisions('');
        },
        onError: fromError,
      },
    );
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="huddle-record-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={640}>
          <Title order={2} fz="xl" id="huddle-record-title">
            {t('huddles.recordTitle')}
          </Title>
          <TextInput
            type="datetime-local"
            label={t('huddles.heldAt')}
            required
            value={heldAt}
            onChange={(e) => setHeldAt(e.currentTarget.value)}
            error={local.heldAt ?? errors.fields.heldAt}
            maw={280}
          />
          <Checkbox.Group
            label={t('huddles.attendees')}
            description={t('huddles.attendeesHelp')}
            value={attendeeIds}
            onChange={(v) => {
              setAttendeeIds(v);
              setLocal((x) => ({ ...x, attendeeIds: undefined }));
            }}
            error={local.attendeeIds ?? errors.fields.attendeeIds}
          >
            <Stack gap="xs" mt="xs">
              {people.map((m) => (
                <Checkbox key={m.userId} value={m.userId} size="md" label={`${m.name} · ${labels.role(m.role)}`} />
              ))}
            </Stack>
          </Checkbox.Group>
          {agenda.length > 0 ? (
            <Checkbox.Group
              label={t('huddles.discussed')}
              description={t('huddles.discussedHelp')}
              value={itemIds}
              onChange={setItemIds}
              error={errors.fields.itemIds}
            >
              <Stack gap="xs" mt="xs">
                {agenda.map((a) => (
                  <Checkbox key={a.id} value={a.id} size="md" label={a.label} />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : (
            <Text size="sm">{t('huddles.noAgenda')}</Text>
          )}
          <Textarea
            label={t('huddles.decisions')}
            description={t('huddles.decisionsHelp')}
            autosize
            minRows={3}
            maxLength={4000}
            value={decisions}
            onChange={(e) => setDecisions(e.currentTarget.value)}
            error={errors.fields.decisions}
          />
          <ErrorAlert message={create.isError ? errors.summary : undefined} />
          <SuccessAlert message={saved} onClose={() => setSaved(undefined)} closeLabel={t('common.dismiss')} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('huddles.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function HuddleCard({ huddle }: { huddle: Huddle }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const peers = huddle.attendees.filter((a) => PEER.has(a.role)).length;
  const id = `huddle-${huddle.id}-title`;
  return (
    <Card component="li" withBorder radius="md" padding="md" aria-labelledby={id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} fz="md" id={id}>
            {format.dateTime(huddle.heldAt)}
          </Title>
          <Badge variant="outline" color={peers > 0 ? 'alongside.9' : 'gray.8'} radius="sm" tt="none">
            {t('huddles.peerAttendance', { count: peers })}
          </Badge>
        </Group>
        <Text size="sm">
          <strong>{t('huddles.attendees')}:</strong>{' '}
          {huddle.attendees.map((a) => `${a.name} (${labels.role(a.role)})`).join(', ')}
        </Text>
        {huddle.items.length > 0 ? (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('huddles.discussed')}
            </Text>
            <Stack component="ul" gap={2} pl="md" m={0}>
              {huddle.items.map((i) => (
                <Text component="li" size="sm" key={i.id}>
                  {i.label}
                </Text>
              ))}
            </Stack>
          </Stack>
        ) : null}
        {huddle.decisions ? (
          <Text size="sm" className="prewrap">
            <strong>{t('huddles.decisions')}:</strong> {huddle.decisions}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

/** Team huddles: what is on the next agenda, record one, and the ones held before. */
export function HuddlesPage() {
  const { t } = useTranslation();
  const { teams, team, setTeam } = useTeamChoice();
  const huddles = useHuddles(team?.teamId);
  const board = useTeamBoard(team?.teamId);
  const members = useTeamMembersOf(team?.teamId);

  if (!team) {
    return (
      <Stack>
        <PageHeader title={t('huddles.title')} />
        <EmptyState title={t('board.noTeamTitle')}>{t('board.noTeamBody')}</EmptyState>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <PageHeader title={t('huddles.title')} description={t('huddles.intro', { team: team.teamName })} />
      <TeamPicker teams={teams} value={team.teamId} onChange={setTeam} />
      <section aria-labelledby="huddle-agenda-title">
        <Stack gap="sm">
          <Title order={2} fz="xl" id="huddle-agenda-title">
            {t('board.agendaTitle')}
          </Title>
          {board.data && board.data.agenda.length > 0 ? (
            <Stack component="ul" gap={4} pl="md" m={0}>
              {board.data.agenda.map((a) => (
                <Text component="li" key={a.id}>
                  {a.label}
                </Text>
              ))}
            </Stack>
          ) : board.isPending ? null : (
            <Text>{t('board.agendaEmptyBody')}</Text>
          )}
          <AddTopicForm teamId={team.teamId} />
        </Stack>
      </section>
      {members.isPending || board.isPending ? (
        <Loader role="status" aria-label={t('common.loading')} />
      ) : members.isError ? (
        <LoadError
          message={describeError(members.error, t)}
          onRetry={() => void members.refetch()}
          retryLabel={t('common.tryAgain')}
        />
      ) : (
        <RecordHuddleForm
          key={team.teamId}
          teamId={team.teamId}
          members={members.data}
          agenda={board.data?.agenda ?? []}
        />
      )}
      <section aria-labelledby="huddle-list-title">
        <Stack gap="sm">
          <Title order={2} fz="xl" id="huddle-list-title">
            {t('huddles.pastTitle')}
          </Title>
          {huddles.isPending ? (
            <Loader role="status" aria-label={t('common.loading')} />
          ) : huddles.isError ? (
            <LoadError
              message={describeError(huddles.error, t)}
              onRetry={() => void huddles.refetch()}
              retryLabel={t('common.tryAgain')}
            />
          ) : huddles.data.length === 0 ? (
            <EmptyState title={t('huddles.emptyTitle')}>{t('huddles.emptyBody')}</EmptyState>
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {[...huddles.data]
                .sort((a, b) => b.heldAt.localeCompare(a.heldAt))
                .map((h) => (
                  <HuddleCard key={h.id} huddle={h} />
                ))}
            </Stack>
          )}
        </Stack>
      </section>
    </Stack>
  );
}
