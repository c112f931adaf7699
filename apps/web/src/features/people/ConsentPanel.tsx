import type { ConsentBody, ConsentRecord, Person } from '@alongside/contracts';
import { CONSENT_METHODS } from '@alongside/contracts';
import { Button, Card, Group, Loader, NativeSelect, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorAlert, LoadError, SuccessAlert } from '../../components/Feedback.tsx';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useConsents, useRecordConsent } from './queries.ts';

type Purpose = ConsentBody['purpose'];
type Method = (typeof CONSENT_METHODS)[number];

const DECISIONS: Record<Purpose, string[]> = {
  share_with_care_team: ['per_item', 'none'],
  research_use: ['yes', 'no'],
  lockbox: ['on', 'off'],
};

function toBody(purpose: Purpose, decision: string, method: Method, note: string | undefined): ConsentBody | undefined {
  switch (purpose) {
    case 'share_with_care_team':
      return decision === 'per_item' || decision === 'none' ? { purpose, decision, method, note } : undefined;
    case 'research_use':
      return decision === 'yes' || decision === 'no' ? { purpose, decision, method, note } : undefined;
    case 'lockbox':
      return decision === 'on' || decision === 'off' ? { purpose, decision, method, note } : undefined;
  }
}

/** The person's consent now, in plain words (seen by everyone who may open the person). */
export function ConsentSummary({ person }: { person: Person }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm">
        <strong>{t('consent.share')}</strong>{' '}
        {person.consent.shareWithCareTeam === 'per_item' ? t('consent.decision.per_item') : t('consent.decision.none')}
      </Text>
      <Text size="sm">
        <strong>{t('consent.research')}</strong>{' '}
        {person.consent.researchUse ? t('consent.decision.yes') : t('consent.decision.no')}
      </Text>
      <Text size="sm">
        <strong>{t('consent.lockbox')}</strong>{' '}
        {person.consent.lockbox ? t('consent.decision.on') : t('consent.decision.off')}
      </Text>
    </Stack>
  );
}

function ConsentHistory({ records }: { records: ConsentRecord[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (records.length === 0)
    return (
      <EmptyState title={t('consent.historyEmptyTitle')} headingOrder={4}>
        {t('consent.historyEmptyBody')}
      </EmptyState>
    );
  return (
    <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {records.map((r) => (
        <Text component="li" size="sm" key={r.id}>
          {t('consent.historyLine', {
            date: format.dateTime(r.recordedAt),
            purpose: t(`consent.purpose.${r.purpose}`),
            decision: t(`consent.decision.${r.decision as 'yes'}`, { defaultValue: r.decision }),
            method: t(`consent.method.${r.method}`),
            name: r.recordedBy.name,
          })}
          {r.note ? ` — ${r.note}` : ''}
        </Text>
      ))}
    </Stack>
  );
}

/** Record a consent decision with the person (peer staff), and the full history. */
export function ConsentPanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  const history = useConsents(person.id, true);
  const record = useRecordConsent(person.id);
  const [purpose, setPurpose] = useState<Purpose>('share_with_care_team');
  const [decision, setDecision] = useState('');
  const [method, setMethod] = useState<Method>('in_person');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const { errors, fromError, clear } = useFormErrors(t, ['decision', 'method', 'note']);

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    setSaved(undefined);
    const body = toBody(purpose, decision, method, note.trim() || undefined);
    if (!body) {
      setProblem(t('validation.choose'));
      return;
    }
    record.mutate(body, {
      onSuccess: () => {
        setSaved(t('consent.saved'));
        setDecision('');
        setNote('');
        void history.refetch();
      },
      onError: fromError,
    });
  };

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="consent-title">
      <Stack gap="md">
        <Title order={2} fz="xl" id="consent-title">
          {t('consent.title')}
        </Title>
        <ConsentSummary person={person} />
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm" maw={520}>
            <Title order={3} fz="lg">
              {t('consent.recordTitle')}
            </Title>
            <NativeSelect
              label={t('consent.purposeLabel')}
              value={purpose}
              onChange={(e) => {
                setPurpose(e.currentTarget.value as Purpose);
                setDecision('');
              }}
              data={(Object.keys(DECISIONS) as Purpose[]).map((p) => ({ value: p, label: t(`consent.purpose.${p}`) }))}
            />
            <Radio.Group
              label={t('consent.decisionLabel')}
              value={decision}
              onChange={(v) => {
                setDecision(v);
                setProblem(undefined);
              }}
              error={problem ?? errors.fields.decision}
              required
            >
              <Stack gap="xs" mt={4}>
                {DECISIONS[purpose].map((d) => (
                  <Radio key={d} value={d} size="md" label={t(`consent.decisionLong.${d as 'yes'}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <NativeSelect
              label={t('consent.methodLabel')}
              value={method}
              onChange={(e) => setMethod(e.currentTarget.value as Method)}
              data={CONSENT_METHODS.map((m) => ({ value: m, label: t(`consent.method.${m}`) }))}
              error={errors.fields.method}
            />
            <TextInput
              label={t('consent.note')}
              description={t('common.optional')}
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.fields.note}
            />
            <ErrorAlert message={record.isError ? errors.summary : undefined} />
            <SuccessAlert message={saved} onClose={() => setSaved(undefined)} closeLabel={t('common.dismiss')} />
            <Group>
              <Button type="submit" loading={record.isPending}>
                {t('consent.save')}
              </Button>
            </Group>
          </Stack>
        </form>
        <Stack gap="xs">
          <Title order={3} fz="lg">
            {t('consent.historyTitle')}
          </Title>
          {history.isPending ? (
            <Loader role="status" aria-label={t('common.loading')} />
          ) : history.isError ? (
            <LoadError
              message={describeError(history.error, t)}
              onRetry={() => void history.refetch()}
              retryLabel={t('common.tryAgain')}
            />
          ) : (
            <ConsentHistory records={history.data} />
          )}
        </Stack>
      </Stack>
    </Card>
  );
}
