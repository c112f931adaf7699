import type { StepAway } from '@alongside/contracts';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorAlert, LoadError, SuccessAlert } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PrivacyLabel } from '../../components/PrivacyLabel.tsx';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useSignedInMe } from '../session/RequireAuth.tsx';
import { useRecordReturn, useStepAway } from './queries.ts';
import { localDay, returnPlanProblem, suggestedReturnPlan, type ReturnStep } from './rules.ts';


function ReturnForm({ stepAway }: { stepAway: StepAway }) {
  const { t } = useTranslation();
  const record = useRecordReturn();
  const today = localDay(new Date());
  const [gradual, setGradual] = useState(true);
  const [steps, setSteps] = useState<ReturnStep[]>(() => suggestedReturnPlan(today));
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [planError, setPlanError] = useState<string>();
  const { errors, fromError, clear } = useFormErrors(t, ['returnPlan', 'handBack']);
  const open = stepAway.coverage.filter((c) => !c.handedBackAt);

  const setStep = (i: number, patch: Partial<ReturnStep>) =>
    setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    const plan = gradual ? steps : [];
    const problem = returnPlanProblem(plan);
    setPlanError(problem ? t(`stepAway.return.planProblem.${problem}`) : undefined);
    if (problem) return;
    record.mutate(
      {
        id: stepAway.id,
        version: stepAway.version,
        returnPlan: plan,
        handBack: open.map((c) => ({ personId: c.personId, note: (notes[c.personId] ?? '').trim() })),
      },
      { onError: fromError },
    );
  };

  return (
    <Card component="section" withBorder radius="md" padding="md" aria-labelledby="return-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} fz="lg" id="return-title">
            {t('stepAway.return.title')}
          </Title>
          <Text size="sm">{t('stepAway.return.intro')}</Text>
          <Text fw={500} size="sm" id="return-kind-label">
            {t('stepAway.return.how')}
          </Text>
          <SegmentedControl
            aria-labelledby="return-kind-label"
            value={gradual ? 'gradual' : 'full'}
            onChange={(v) => setGradual(v === 'gradual')}
            data={[
              { value: 'gradual', label: t('stepAway.return.gradual') },
              { value: 'full', label: t('stepAway.return.full') },
            ]}
            w="fit-content"
          />
          {gradual ? (
            <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
              {steps.map((s, i) => (
                <Group component="li" key={i} gap="sm" align="end" wrap="wrap">
                  <TextInput
                    type="date"
                    label={t('stepAway.return.stepFrom', { n: i + 1 })}
                    value={s.from}
                    onChange={(e) => setStep(i, { from: e.currentTarget.value })}
                    w={180}
                  />
                  <NumberInput
                    label={t('stepAway.return.stepPercent', { n: i + 1 })}
                    value={s.caseloadPercent}
                    onChange={(v) => setStep(i, { caseloadPercent: typeof v === 'number' ? v : Number(v) })}
                    min={1}
                    max={100}
                    suffix=" %"
                    w={140}
                  />
                  <ActionIcon
                    variant="outline"
                    color="red.9"
                    size={44}
                    onClick={() => setSteps((all) => all.filter((_, j) => j !== i))}
                    aria-label={t('stepAway.return.removeStep', { n: i + 1 })}
                    disabled={steps.length === 1}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          ) : null}
          {gradual && steps.length < 12 ? (
            <Group>
              <Button
                variant="subtle"
                onClick={() =>
                  setSteps((all) => [...all, { from: all.at(-1)?.from ?? today, caseloadPercent: 100 }])
                }
              >
                {t('stepAway.return.addStep')}
              </Button>
            </Group>
          ) : null}
          <ErrorAlert message={planError ?? errors.fields.returnPlan} />

          {open.length > 0 ? (
            <Stack gap="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Title order={3} fz="md">
                  {t('stepAway.return.handBackTitle', { count: open.length })}
                </Title>
                <PrivacyLabel kind="peer" />
              </Group>
              {open.map((c) => (
                <Textarea
                  key={c.personId}
                  label={t('stepAway.return.handBackNote', { name: c.personName, cover: c.coveredBy.name })}
                  value={notes[c.personId] ?? ''}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setNotes((n) => ({ ...n, [c.personId]: v }));
                  }}
                  autosize
                  minRows={2}
                  maxLength={4000}
                />
              ))}
            </Stack>
          ) : null}
          <ErrorAlert message={record.isError ? errors.summary : undefined} />
          <Group>
            <Button type="submit" size="lg" loading={record.isPending}>
              {t('stepAway.return.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** One step-away: dates, who covers whom (with the hand-over notes for peer staff), and the return. */
export function StepAwayPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSignedInMe();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const stepAway = useStepAway(id);

  if (stepAway.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (stepAway.isError) {
    return (
      <Stack>
        <PageHeader title={t('stepAway.title')} />
        <LoadError message={describeError(stepAway.error, t)} onRetry={() => void stepAway.refetch()} retryLabel={t('common.tryAgain')} />
      </Stack>
    );
  }
  const s = stepAway.data;
  const isMine = s.user.id === me.user.id;
  // The PSP and the team's peer supervisors see how it started and the return plan: they may record the return.
  const canReturn = !s.returnedAt && s.startedBy !== undefined;

  return (
    <Stack gap="lg" maw={760}>
      <Anchor component={Link} to={isMine ? '/wellbeing' : '/step-away'} underline="always" size="sm">
        {isMine ? t('wellbeing.backTo') : t('stepAway.backToList')}
      </Anchor>
      <PageHeader
        title={isMine ? t('stepAway.yourTitle') : t('stepAway.titleFor', { name: s.user.name })}
        description={
          s.endsOn
            ? t('stepAway.period', { from: format.day(s.startsOn), to: format.day(s.endsOn) })
            : t('stepAway.periodOpen', { from: format.day(s.startsOn) })
        }
      >
        <Group gap="xs">
          <Badge variant={s.returnedAt ? 'outline' : 'filled'} color={s.returnedAt ? 'gray.8' : 'alongside.8'} radius="sm" tt="none">
            {s.returnedAt
              ? t('stepAway.returnedOn', { date: format.date(s.returnedAt) })
              : s.isActive
                ? t('stepAway.awayNow')
                : t('stepAway.planned')}
          </Badge>
        </Group>
      </PageHeader>
      <SuccessAlert
        message={notice === 'started' ? (isMine ? t('stepAway.startedYours') : t('stepAway.startedFor', { name: s.user.name })) : undefined}
      />
      {s.startedBy && s.startedBy.id !== s.user.id ? (
        <Text size="sm">
          {t('stepAway.startedByWithAgreement', {
            name: s.startedBy.name,
            method: s.agreementMethod ? t(`stepAway.agreementMethods.${s.agreementMethod}`) : '—',
          })}
        </Text>
      ) : null}
      {s.returnPlan && s.returnPlan.length > 0 ? (
        <Card withBorder radius="md" padding="md" component="section" aria-labelledby="plan-title">
          <Title order={2} fz="lg" id="plan-title" mb="xs">
            {t('stepAway.return.planTitle')}
          </Title>
          <Stack component="ol" gap={4} m={0}>
            {s.returnPlan.map((step) => (
              <li key={step.from}>
                {t('stepAway.return.planStep', { date: format.day(step.from), percent: step.caseloadPercent })}
              </li>
            ))}
          </Stack>
        </Card>
      ) : null}

      <section aria-labelledby="coverage-list-title">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Title order={2} fz="lg" id="coverage-list-title">
              {t('stepAway.coverageList', { count: s.coverage.length })}
            </Title>
            <PrivacyLabel kind="peer" />
          </Group>
          {s.coverage.length === 0 ? (
            <Text size="sm">{t('stepAway.noCoverage')}</Text>
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {s.coverage.map((c) => (
                <Card component="li" key={c.personId} withBorder radius="md" padding="md">
                  <Stack gap={6}>
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Anchor component={Link} to={`/people/${c.personId}`} fw={700} underline="always">
                        {c.personName}
                      </Anchor>
                      {c.handedBackAt ? (
                        <Badge variant="outline" color="gray.8" radius="sm" tt="none">
                          {t('stepAway.handedBack', { date: format.date(c.handedBackAt) })}
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="sm">{t('stepAway.coveredByName', { name: c.coveredBy.name })}</Text>
                    <Text size="sm" c="dimmed">
                      {t('people.openVoiceItems', { count: c.openVoiceItems })} ·{' '}
                      {t('people.pendingConnections', { count: c.pendingConnections })}
                    </Text>
                    {c.handoverNote ? (
                      <Text size="sm">
                        <strong>{t('stepAway.handoverLabel')}</strong> {c.handoverNote}
                      </Text>
                    ) : null}
                    {c.handBackNote ? (
                      <Text size="sm">
                        <strong>{t('stepAway.handBackLabel')}</strong> {c.handBackNote}
                      </Text>
                    ) : null}
                  </Stack>
                </Card>
              ))}
            </Stack>
          )}
        </Stack>
      </section>
      {canReturn ? <ReturnForm stepAway={s} /> : null}
    </Stack>
  );
}
