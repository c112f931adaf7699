import { AGREEMENT_METHODS } from '@alongside/contracts';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Fieldset,
  Group,
  Loader,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EmptyState, ErrorAlert, LoadError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PrivacyLabel } from '../../components/PrivacyLabel.tsx';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { useTeamMembersOf } from '../board/queries.ts';
import { TeamPicker } from '../board/TeamPicker.tsx';
import { usePersons } from '../people/queries.ts';
import { careTeams } from '../people/rules.ts';
import { useSignedInMe } from '../session/RequireAuth.tsx';
import { useStartStepAway, useStepAways } from './queries.ts';
import { coverCandidates, localDay, primaryCaseload, uncovered } from './rules.ts';

const FIELDS = ['startsOn', 'endsOn', 'agreementMethod', 'coverage', 'userId', 'teamId'] as const;

/**
 * Start a step-away: when, and who covers each person on the caseload, with a hand-over note each.
 * No reason is asked. A peer supervisor may start it for a PSP of their team (`?userId=`), recording how
 * the PSP agreed.
 */
export function StartStepAwayPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSignedInMe();
  const [params, setParams] = useSearchParams();
  const teams = careTeams(me.memberships, 'peer');
  const team = teams.find((tm) => tm.teamId === params.get('teamId')) ?? teams[0];
  const userId = params.get('userId') ?? me.user.id;
  const onBehalf = userId !== me.user.id;

  const members = useTeamMembersOf(team?.teamId);
  const persons = usePersons({ teamId: team?.teamId }, Boolean(team));
  const away = useStepAways({ teamId: team?.teamId, active: 'true' });
  const start = useStartStepAway();

  const [startsOn, setStartsOn] = useState(() => localDay(new Date()));
  const [openEnded, setOpenEnded] = useState(true);
  const [endsOn, setEndsOn] = useState('');
  const [agreementMethod, setAgreementMethod] = useState('');
  const [cover, setCover] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [local, setLocal] = useState<Partial<Record<string, string>>>({});
  const { errors, fromError, clear } = useFormErrors(t, FIELDS);

  const back = (
    <Anchor component={Link} to={onBehalf ? '/psps' : '/wellbeing'} underline="always" size="sm">
      {onBehalf ? t('stepAway.backToPsps') : t('wellbeing.backTo')}
    </Anchor>
  );
  if (!team) {
    return (
      <Stack>
        {back}
        <PageHeader title={t('stepAway.startTitle')} />
        <EmptyState title={t('people.noTeamTitle')}>{t('people.noTeamBody')}</EmptyState>
      </Stack>
    );
  }
  if (members.isPending || persons.isPending || away.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  const failed = members.error ?? persons.error ?? away.error;
  if (failed) {
    return (
      <Stack>
        {back}
        <PageHeader title={t('stepAway.startTitle')} />
        <LoadError
          message={describeError(failed, t)}
          onRetry={() => void Promise.all([members.refetch(), persons.refetch(), away.refetch()])}
          retryLabel={t('common.tryAgain')}
        />
      </Stack>
    );
  }

  const pspName = members.data?.find((m) => m.userId === userId)?.name ?? '';
  const caseload = primaryCaseload(persons.data ?? [], userId);
  const candidates = coverCandidates(members.data ?? [], userId, away.data ?? []);
  const alreadyAway = (away.data ?? []).find((s) => s.user.id === userId && !s.returnedAt);
  const coverFor = (personId: string) => cover[personId] ?? '';

  const setAll = (coveringId: string) => setCover(Object.fromEntries(caseload.map((p) => [p.id, coveringId])));

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    const problems: Partial<Record<string, string>> = {};
    if (!startsOn) problems.startsOn = t('validation.required');
    if (!openEnded && !endsOn) problems.endsOn = t('validation.required');
    if (!openEnded && endsOn && endsOn < startsOn) problems.endsOn = t('stepAway.endBeforeStart');
    if (onBehalf && !agreementMethod) problems.agreementMethod = t('validation.choose');
    const missing = uncovered(caseload, cover);
    if (missing.length > 0) problems.coverage = t('stepAway.chooseCoverEach', { count: missing.length });
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    start.mutate(
      {
        teamId: team.teamId,
        userId: onBehalf ? userId : undefined,
        startsOn,
        endsOn: openEnded ? null : endsOn,
        agreementMethod: onBehalf ? (agreementMethod as (typeof AGREEMENT_METHODS)[number]) : undefined,
        coverage: caseload.map((p) => ({
          personId: p.id,
          coveringUserId: coverFor(p.id),
          handoverNote: (notes[p.id] ?? '').trim(),
        })),
      },
      {
        onSuccess: (created) => void navigate(`/step-away/${created.id}`, { state: { notice: 'started' } }),
        onError: fromError,
      },
    );
  };
  const fieldError = (name: string) => local[name] ?? errors.fields[name];

  return (
    <Stack gap="sm" maw={720}>
      {back}
      <PageHeader
        title={onBehalf ? t('stepAway.startForTitle', { name: pspName }) : t('stepAway.startTitle')}
        description={onBehalf ? t('stepAway.startForIntro', { name: pspName }) : t('stepAway.startIntro')}
      />
      <TeamPicker
        teams={teams}
        value={team.teamId}
        onChange={(teamId) =>
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              next.set('teamId', teamId);
              return next;
            },
            { replace: true },
          )
        }
      />
      {alreadyAway ? (
        <Alert color="yellow" variant="light" role="note">
          <Stack gap="xs">
            <Text size="sm">{t('stepAway.alreadyAway')}</Text>
            <Anchor component={Link} to={`/step-away/${alreadyAway.id}`} underline="always" size="sm">
              {t('stepAway.openCurrent')}
            </Anchor>
          </Stack>
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Fieldset legend={t('stepAway.when')} radius="md">
            <Stack gap="sm">
              <TextInput
                type="date"
                label={t('stepAway.startsOn')}
                required
                value={startsOn}
                onChange={(e) => setStartsOn(e.currentTarget.value)}
                error={fieldError('startsOn')}
                maw={240}
              />
              <Text fw={500} size="sm" id="step-away-end-label">
                {t('stepAway.until')}
              </Text>
              <SegmentedControl
                aria-labelledby="step-away-end-label"
                value={openEnded ? 'open' : 'date'}
                onChange={(v) => setOpenEnded(v === 'open')}
                data={[
                  { value: 'open', label: t('stepAway.openEnded') },
                  { value: 'date', label: t('stepAway.untilDate') },
                ]}
                w="fit-content"
              />
              {openEnded ? null : (
                <TextInput
                  type="date"
                  label={t('stepAway.endsOn')}
                  required
                  value={endsOn}
                  min={startsOn}
                  onChange={(e) => setEndsOn(e.currentTarget.value)}
                  error={fieldError('endsOn')}
                  maw={240}
                />
              )}
              <Text size="sm" c="dimmed">
                {t('stepAway.noReason')}
              </Text>
            </Stack>
          </Fieldset>

          {onBehalf ? (
            <NativeSelect
              label={t('stepAway.agreement', { name: pspName })}
              description={t('stepAway.agreementHelp')}
              required
              value={agreementMethod}
              onChange={(e) => setAgreementMethod(e.currentTarget.value)}
              error={fieldError('agreementMethod')}
              data={[
                { value: '', label: t('validation.choose') },
                ...AGREEMENT_METHODS.map((m) => ({ value: m, label: t(`stepAway.agreementMethods.${m}`) })),
              ]}
              maw={360}
            />
          ) : null}

          <section aria-labelledby="coverage-title">
            <Stack gap="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Title order={2} fz="lg" id="coverage-title">
                  {t('stepAway.coverageTitle', { count: caseload.length })}
                </Title>
                <PrivacyLabel kind="peer" />
              </Group>
              {caseload.length === 0 ? (
                <Text size="sm">{t('stepAway.noCaseload')}</Text>
              ) : candidates.length === 0 ? (
                <Alert color="yellow" variant="light" role="note">
                  {t('stepAway.noCandidates')}
                </Alert>
              ) : (
                <>
                  <Text size="sm">{t('stepAway.coverageIntro')}</Text>
                  <NativeSelect
                    label={t('stepAway.coverAll')}
                    value=""
                    onChange={(e) => e.currentTarget.value && setAll(e.currentTarget.value)}
                    data={[{ value: '', label: t('stepAway.coverAllPlaceholder') }, ...candidates.map((c) => ({ value: c.id, label: c.name }))]}
                    maw={360}
                  />
                  <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
                    {caseload.map((p) => (
                      <Card component="li" key={p.id} withBorder radius="md" padding="md">
                        <Stack gap="xs">
                          <Text fw={700}>{p.preferredName}</Text>
                          <Text size="sm" c="dimmed">
                            {t('people.openVoiceItems', { count: p.openVoiceItems })} ·{' '}
                            {t('people.pendingConnections', { count: p.pendingConnections })}
                          </Text>
                          <NativeSelect
                            label={t('stepAway.coveredBy', { name: p.preferredName })}
                            required
                            value={coverFor(p.id)}
                            onChange={(e) => {
                              const v = e.currentTarget.value;
                              setCover((c) => ({ ...c, [p.id]: v }));
                              setLocal((x) => ({ ...x, coverage: undefined }));
                            }}
                            error={local.coverage && !coverFor(p.id) ? t('validation.choose') : undefined}
                            data={[{ value: '', label: t('validation.choose') }, ...candidates.map((c) => ({ value: c.id, label: c.name }))]}
                            maw={360}
                          />
                          <Textarea
                            label={t('stepAway.handoverNote', { name: p.preferredName })}
                            description={t('stepAway.handoverHelp')}
                            value={notes[p.id] ?? ''}
                            onChange={(e) => {
                              const v = e.currentTarget.value;
                              setNotes((n) => ({ ...n, [p.id]: v }));
                            }}
                            autosize
                            minRows={2}
                            maxLength={4000}
                          />
                        </Stack>
                      </Card>
                    ))}
                  </Stack>
                </>
              )}
            </Stack>
          </section>
          <ErrorAlert message={local.coverage ?? errors.fields.coverage} />
          <ErrorAlert message={start.isError ? errors.summary : undefined} />
          <Text size="sm">{t('stepAway.whoSees')}</Text>
          <Group gap="sm">
            <Button type="submit" size="lg" loading={start.isPending} disabled={Boolean(alreadyAway) || (caseload.length > 0 && candidates.length === 0)}>
              {onBehalf ? t('stepAway.submitFor', { name: pspName }) : t('stepAway.submit')}
            </Button>
            <Button component={Link} to={onBehalf ? '/psps' : '/wellbeing'} variant="outline" size="lg">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
