import type { VoiceItem } from '@alongside/contracts';
import { Anchor, Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { AlertIcon, CheckIcon } from '../../components/Icons.tsx';
import { PrivacyLabel } from '../../components/PrivacyLabel.tsx';
import { ApiError } from '../../api/client.ts';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { usePracticeLabels } from '../../lib/practice-labels.ts';
import { wholeDaysBetween } from '../../lib/time.ts';
import { AddToHuddleButton } from '../board/AddToHuddleButton.tsx';
import { useVoiceStep } from './queries.ts';
import { VOICE_LOOP, voiceLoopIndex, type CareTier } from './rules.ts';

/** Open → acknowledged → answered → returned, each step with who and when; words, not colour. */
function LoopSteps({ item }: { item: VoiceItem }) {
  const { t } = useTranslation();
  const labels = usePracticeLabels();
  const format = useFormat();
  const reached = voiceLoopIndex(item.status);
  const stepInfo = (step: (typeof VOICE_LOOP)[number]) => {
    switch (step) {
      case 'open':
        return item.sharedAt ? { at: item.sharedAt, by: null } : { at: item.created.at, by: item.created.by.name };
      case 'acknowledged':
        return item.acknowledged ? { at: item.acknowledged.at, by: item.acknowledged.by.name } : undefined;
      case 'answered':
        return item.answered ? { at: item.answered.at, by: item.answered.by.name } : undefined;
      case 'returned':
        return item.returned ? { at: item.returned.at, by: item.returned.by.name } : undefined;
    }
  };
  return (
    <Group component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('voice.loopLabel')}>
      {VOICE_LOOP.map((step, i) => {
        const done = i <= reached;
        const info = done ? stepInfo(step) : undefined;
        return (
          <Group component="li" key={step} gap={4} wrap="nowrap" c={done ? undefined : 'dimmed'}>
            {done ? <CheckIcon /> : <span aria-hidden>○</span>}
            <Text size="sm" fw={done ? 600 : 400}>
              {step === 'open' ? t('voice.stepShared') : labels.voiceStatus(step)}
            </Text>
            <VisuallyHidden>{done ? t('voice.stepDone') : t('voice.stepNotYet')}</VisuallyHidden>
            {info ? (
              <Text size="xs" c="dimmed">
                {info.by ? t('voice.stepByOn', { name: info.by, date: format.date(info.at) }) : format.date(info.at)}
              </Text>
            ) : null}
          </Group>
        );
      })}
    </Group>
  );
}

/** "Overdue by N days" with an icon, or when the answer is due. */
export function DueLine({ item }: { item: VoiceItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!item.dueAt || (item.status !== 'open' && item.status !== 'acknowledged')) return null;
  if (item.isOverdue) {
    return (
      <Badge color="red.9" variant="filled" radius="sm" tt="none" size="lg" leftSection={<AlertIcon />}>
        {t('voice.overdueBy', { count: Math.max(1, wholeDaysBetween(item.dueAt, new Date())) })}
      </Badge>
    );
  }
  return <Text size="sm">{t('voice.dueOn', { date: format.date(item.dueAt) })}</Text>;
}

type Confirming = 'share' | 'withdraw' | undefined;

/** One voice item with the actions this reader may take at its current step. */
export function VoiceItemCard({
  item: fromList,
  tier,
  showPerson = false,
  headingOrder = 3,
  sharingBlocked = false,
}: {
  item: VoiceItem;
  tier: CareTier;
  showPerson?: boolean;
  headingOrder?: 3 | 4;
  /** The person's consent (lockbox, or "share nothing") keeps even agreed items from clinicians. */
  sharingBlocked?: boolean;
}) {
  const { t } = useTranslation();
  const labels = usePracticeLabels();
  const step = useVoiceStep();
  // The server answers each step with the item's new version; use it at once, so a quick
  // "Mark as seen" then "Send answer" does not race the list refresh and hit a stale version.
  const [latest, setLatest] = useState<VoiceItem>();
  const item = latest && latest.id === fromList.id && latest.version > fromList.version ? latest : fromList;
  const [confirming, setConfirming] = useState<Confirming>();
  const [answer, setAnswer] = useState('');
  const [reaction, setReaction] = useState('');
  const [returning, setReturning] = useState(false);
  const answerErrors = useFormErrors(t, ['answer']);
  const [answerProblem, setAnswerProblem] = useState<string>();
  const headingId = `voice-${item.id}-title`;
  const withdrawn = item.status === 'withdrawn';
  const conflict = step.error instanceof ApiError && step.error.code === 'version_conflict';

  const submitAnswer = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    answerErrors.clear();
    if (!answer.trim()) {
      setAnswerProblem(t('validation.required'));
      return;
    }
    step.mutate(
      { step: 'answer', item, answer: answer.trim() },
      {
        onSuccess: (saved) => {
          setLatest(saved);
          setAnswer('');
        },
        onError: answerErrors.fromError,
      },
    );
  };

  const submitReturn = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    step.mutate(
      { step: 'return', item, reaction: reaction.trim() || undefined },
      {
        onSuccess: (saved) => {
          setLatest(saved);
          setReturning(false);
          setReaction('');
        },
      },
    );
  };

  const title = showPerson
    ? t('voice.titleWithPerson', { kind: labels.voiceKind(item.kind), name: item.personName })
    : labels.voiceKind(item.kind);

  return (
    <Card
      component="article"
      withBorder
      radius="md"
      padding="md"
      aria-labelledby={headingId}
      className={item.isOverdue ? 'overdue-card' : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="start" wrap="wrap" gap="xs">
          <Title order={headingOrder} fz="md" id={headingId}>
            {showPerson ? (
              <Anchor component={Link} to={`/people/${item.personId}`} inherit underline="always">
                {title}
              </Anchor>
            ) : (
              title
            )}
          </Title>
          <Group gap="xs">
            <Badge variant="outline" color="gray.8" radius="sm" tt="none">
              {labels.voiceStatus(item.status)}
            </Badge>
            {tier === 'peer' ? (
              <PrivacyLabel kind={item.shareAgreed && !withdrawn && !sharingBlocked ? 'shared' : 'notShared'} />
            ) : null}
          </Group>
        </Group>
        <DueLine item={item} />
        <blockquote className="voice-words">
          <Text>{item.words}</Text>
        </blockquote>
        {item.context ? (
          <Text size="sm">
            <strong>{t('voice.context')}</strong> {item.context}
          </Text>
        ) : null}
        {item.writtenTogether ? <Text size="sm">{t('voice.writtenTogetherYes')}</Text> : null}
        {withdrawn ? (
          <Text size="sm">{t('voice.withdrawnNote')}</Text>
        ) : item.shareAgreed ? (
          <LoopSteps item={item} />
        ) : null}
        {item.answer ? (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('voice.teamAnswer')}
            </Text>
            <Text className="prewrap">{item.answer}</Text>
          </Stack>
        ) : null}
        {item.reaction ? (
          <Text size="sm">
            <strong>{t('voice.reaction')}</strong> {item.reaction}
          </Text>
        ) : null}

        {/* Clinicians answer in place. */}
        {tier === 'clinician' && (item.status === 'open' || item.status === 'acknowledged') ? (
          <form onSubmit={submitAnswer} noValidate>
            <Stack gap="xs">
              {item.status === 'open' ? (
                <div>
                  <Button
                    variant="outline"
                    size="sm"
                    className="tap-target"
                    loading={step.isPending && step.variables.step === 'acknowledge'}
                    onClick={() => step.mutate({ step: 'acknowledge', item }, { onSuccess: setLatest })}
                  >
                    {t('voice.acknowledge')}
                  </Button>
                </div>
              ) : null}
              <Textarea
                label={t('voice.answerLabel')}
                description={t('voice.answerHelp', { name: item.personName })}
                autosize
                minRows={2}
                maxLength={4000}
                value={answer}
                onChange={(e) => {
                  setAnswer(e.currentTarget.value);
                  setAnswerProblem(undefined);
                }}
                error={answerProblem ?? answerErrors.errors.fields.answer}
              />
              <div>
                <Button
                  type="submit"
                  size="sm"
                  className="tap-target"
                  loading={step.isPending && step.variables.step === 'answer'}
                >
                  {t('voice.sendAnswer')}
                </Button>
              </div>
            </Stack>
          </form>
        ) : null}

        {tier === 'peer' && !withdrawn ? (
          <Group gap="xs">
            {!item.shareAgreed && item.status === 'open' ? (
              <Button size="sm" variant="outline" className="tap-target" onClick={() => setConfirming('share')}>
                {t('voice.shareNow')}
              </Button>
            ) : null}
            {item.status === 'answered' && !returning ? (
              <Button size="sm" className="tap-target" onClick={() => setReturning(true)}>
                {t('voice.markReturned')}
              </Button>
            ) : null}
            {item.shareAgreed && item.status !== 'returned' ? (
              <AddToHuddleButton
                teamId={item.teamId}
                voiceItemId={item.id}
                label={t('huddles.addVoiceItem', { kind: labels.voiceKind(item.kind), name: item.personName })}
              />
            ) : null}
            <Button
              size="sm"
              variant="outline"
              color="red.9"
              className="tap-target"
              onClick={() => setConfirming('withdraw')}
            >
              {t('voice.withdraw')}
            </Button>
          </Group>
        ) : null}

        {returning ? (
          <form onSubmit={submitReturn} noValidate>
            <Stack gap="xs">
              <Textarea
                label={t('voice.reactionLabel')}
                description={t('common.optional')}
                autosize
                minRows={2}
                maxLength={4000}
                value={reaction}
                onChange={(e) => setReaction(e.currentTarget.value)}
              />
              <Group gap="xs">
                <Button type="submit" size="sm" className="tap-target" loading={step.isPending}>
                  {t('voice.confirmReturned')}
                </Button>
                <Button size="sm" variant="outline" className="tap-target" onClick={() => setReturning(false)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}

        {step.isError && !confirming ? (
          <ErrorAlert
            message={conflict ? t('voice.conflict') : (answerErrors.errors.summary ?? describeError(step.error, t))}
          />
        ) : null}
      </Stack>

      {confirming ? (
        <Modal
          opened
          onClose={() => setConfirming(undefined)}
          title={confirming === 'share' ? t('voice.shareTitle') : t('voice.withdrawTitle')}
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <Stack gap="md">
            <Text>
              {confirming === 'share'
                ? t('voice.shareBody', { name: item.personName })
                : t('voice.withdrawBody', { name: item.personName })}
            </Text>
            {confirming === 'share' ? <PrivacyLabel kind="shared" /> : null}
            {step.isError ? <ErrorAlert message={describeError(step.error, t)} /> : null}
            <Group justify="flex-end">
              <Button variant="outline" onClick={() => setConfirming(undefined)}>
                {t('common.cancel')}
              </Button>
              <Button
                color={confirming === 'withdraw' ? 'red.9' : undefined}
                loading={step.isPending}
                onClick={() =>
                  step.mutate(
                    { step: confirming, item },
                    {
                      onSuccess: (saved) => {
                        setLatest(saved);
                        setConfirming(undefined);
                      },
                    },
                  )
                }
              >
                {confirming === 'share' ? t('voice.shareConfirm') : t('voice.withdrawConfirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Card>
  );
}
