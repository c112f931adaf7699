import type { Connection, ConnectionStatus } from '@alongside/contracts';
import { Anchor, Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { usePracticeLabels } from '../../lib/practice-labels.ts';
import { AddToHuddleButton } from '../board/AddToHuddleButton.tsx';
import { useUpdateConnection } from './queries.ts';
import { useSignedInMe } from '../session/RequireAuth.tsx';
import { canMoveConnection, NEXT_CONNECTION_STATUSES, type CareTier } from './rules.ts';

/** Where a connection goes, in words. */
export function useConnectionLabel() {
  const { t } = useTranslation();
  const labels = usePracticeLabels();
  return (c: Connection): string => {
    if (c.direction === 'to_peer_support') return t('connections.toPeerSupport');
    if (c.target) return t('connections.toPerson', { name: c.target.name });
    if (c.service) return t('connections.toService', { service: labels.service(c.service) });
    return t('connections.fromPeerSupport');
  };
}

function StatusModal({
  connection,
  status,
  onClose,
}: {
  connection: Connection;
  status: ConnectionStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = usePracticeLabels();
  const update = useUpdateConnection();
  const [note, setNote] = useState('');
  const [feedback, setFeedback] = useState('');
  const conflict = update.error instanceof ApiError && update.error.code === 'version_conflict';
  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    update.mutate(
      {
        id: connection.id,
        status,
        note: note.trim() || undefined,
        personFeedback: feedback.trim() || undefined,
        version: connection.version,
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('connections.changeTitle', { status: labels.connectionStatus(status), name: connection.personName })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Textarea
            label={t('connections.note')}
            description={t('connections.noteHelp')}
            autosize
            minRows={2}
            maxLength={4000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {status === 'completed' || status === 'declined' || status === 'did_not_attend' ? (
            <Textarea
              label={t('connections.feedback', { name: connection.personName })}
              description={t('common.optional')}
              autosize
              minRows={2}
              maxLength={4000}
              value={feedback}
              onChange={(e) => setFeedback(e.currentTarget.value)}
            />
          ) : null}
          <ErrorAlert
            message={
              update.isError ? (conflict ? t('connections.conflict') : describeError(update.error, t)) : undefined
            }
          />
          <Group justify="flex-end">
            <Button variant="outline" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t(`connections.action.${status}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** One connection: where it goes, its history, and the next steps that make sense now. */
export function ConnectionCard({
  connection,
  tier,
  showPerson = false,
  headingOrder = 3,
}: {
  connection: Connection;
  tier: CareTier;
  showPerson?: boolean;
  headingOrder?: 3 | 4;
}) {
  const { t } = useTranslation();
  const labels = usePracticeLabels();
  const format = useFormat();
  const describe = useConnectionLabel();
  const [changing, setChanging] = useState<ConnectionStatus>();
  const headingId = `connection-${connection.id}-title`;
  const me = useSignedInMe();
  const showHuddle = tier === 'peer' && NEXT_CONNECTION_STATUSES[connection.status].length > 0;
  const next = canMoveConnection(tier, me.user.id, connection) ? NEXT_CONNECTION_STATUSES[connection.status] : [];
  const title = showPerson
    ? t('connections.titleWithPerson', { name: connection.personName, where: describe(connection) })
    : describe(connection);

  return (
    <Card component="article" withBorder radius="md" padding="md" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="start" wrap="wrap" gap="xs">
          <Title order={headingOrder} fz="md" id={headingId}>
            {showPerson && tier !== 'none' ? (
              <Anchor component={Link} to={`/people/${connection.personId}`} inherit underline="always">
                {title}
              </Anchor>
            ) : (
              title
            )}
          </Title>
          <Group gap="xs">
            <Badge variant="outline" color="gray.8" radius="sm" tt="none">
              {labels.connectionStatus(connection.status)}
            </Badge>
            {connection.warmHandoff ? (
              <Badge variant="outline" color="alongside.9" radius="sm" tt="none">
                {t('connections.warmHandoff')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        {connection.reason ? (
          <Text size="sm" className="prewrap">
            <strong>{t('connections.reason')}</strong> {connection.reason}
          </Text>
        ) : null}
        {connection.referrerRole ? (
          <Text size="sm">{t('connections.referredBy', { role: t(`roles.${connection.referrerRole}`) })}</Text>
        ) : null}
        <Stack component="ol" gap={2} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('connections.history')}>
          {connection.events.map((ev, i) => (
            <Text component="li" size="sm" key={`${ev.status}-${i}`}>
              {t('connections.event', {
                status: labels.connectionStatus(ev.status),
                name: ev.by.name,
                date: format.date(ev.at),
              })}
              {ev.note ? ` — ${ev.note}` : ''}
            </Text>
          ))}
        </Stack>
        {connection.personFeedback ? (
          <Text size="sm">
            <strong>{t('connections.feedbackShown')}</strong> {connection.personFeedback}
          </Text>
        ) : null}
        {next.length > 0 || showHuddle ? (
          <Group gap="xs">
            {next.map((s) => (
              <Button
                key={s}
                size="sm"
                className="tap-target"
                variant={s === 'declined' || s === 'did_not_attend' ? 'outline' : 'filled'}
                onClick={() => setChanging(s)}
                aria-label={t('connections.actionFor', {
                  action: t(`connections.action.${s}`),
                  name: connection.personName,
                })}
              >
                {t(`connections.action.${s}`)}
              </Button>
            ))}
            {showHuddle ? (
              <AddToHuddleButton
                teamId={connection.teamId}
                connectionId={connection.id}
                label={t('huddles.addConnection', { name: connection.personName })}
              />
            ) : null}
          </Group>
        ) : null}
      </Stack>
      {changing ? (
        <StatusModal connection={connection} status={changing} onClose={() => setChanging(undefined)} />
      ) : null}
    </Card>
  );
}
