import { Alert, Anchor, Button, Card, Group, Loader, Radio, Stack, Text } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert, LoadError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PrivacyLabel } from '../../components/PrivacyLabel.tsx';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { useCheckInInstrument, useCreateCheckIn } from './queries.ts';
import { answersFor, unanswered } from './rules.ts';

/** The monthly check-in: the organization's instrument in the PSP's language, one question per group of choices. */
export function CheckInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const instrument = useCheckInInstrument();
  const create = useCreateCheckIn();
  const [chosen, setChosen] = useState<Record<string, number | undefined>>({});
  const [confirmMissing, setConfirmMissing] = useState(false);
  const { errors, fromError, clear } = useFormErrors(t, []);

  const back = (
    <Anchor component={Link} to="/wellbeing" underline="always" size="sm">
      {t('wellbeing.backTo')}
    </Anchor>
  );
  if (instrument.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (instrument.isError) {
    return (
      <Stack>
        {back}
        <PageHeader title={t('wellbeing.checkIn.cardTitle')} />
        <LoadError message={describeError(instrument.error, t)} onRetry={() => void instrument.refetch()} retryLabel={t('common.tryAgain')} />
      </Stack>
    );
  }
  const form = instrument.data;
  const itemIds = form.items.map((i) => i.id);
  const missing = unanswered(itemIds, chosen);

  const send = () =>
    create.mutate(
      { instrumentId: form.id, answers: answersFor(itemIds, chosen) },
      {
        onSuccess: () => void navigate('/wellbeing', { state: { notice: 'checkInSaved' } }),
        onError: fromError,
      },
    );
  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    // A check-in with gaps is allowed (a scale is scored from half its items), but the PSP is told first.
    if (missing.length > 0 && !confirmMissing) {
      setConfirmMissing(true);
      return;
    }
    send();
  };

  return (
    <Stack gap="sm" maw={720}>
      {back}
      <PageHeader title={form.title} description={form.intro}>
        <Group gap="xs">
          <PrivacyLabel kind="onlyYou" />
        </Group>
      </PageHeader>
      <Alert variant="light" color="gray" role="note">
        <Text size="sm">{form.notice}</Text>
        {form.attribution && form.licenceStatus !== 'own_non_validated' ? (
          <Text size="xs" c="dimmed" mt={4}>
            {form.attribution}
          </Text>
        ) : null}
      </Alert>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {form.items.map((item, index) => (
            <Card key={item.id} withBorder radius="md" padding="md">
              <Radio.Group
                label={`${index + 1}. ${item.text}`}
                value={chosen[item.id] === undefined ? null : String(chosen[item.id])}
                onChange={(v) => {
                  setChosen((c) => ({ ...c, [item.id]: Number(v) }));
                  setConfirmMissing(false);
                }}
                styles={{ label: { fontSize: 'var(--mantine-font-size-md)', marginBottom: 8 } }}
              >
                <Stack gap="xs">
                  {form.options.map((o) => (
                    <Radio key={o.value} value={String(o.value)} label={o.label} size="md" />
                  ))}
                </Stack>
              </Radio.Group>
            </Card>
          ))}
          {confirmMissing ? (
            <Alert color="yellow" variant="light" role="alert">
              {t('wellbeing.checkIn.missing', { count: missing.length })}
            </Alert>
          ) : null}
          <ErrorAlert message={create.isError ? errors.summary : undefined} />
          <Text size="sm" c="dimmed">
            {t('wellbeing.checkIn.whoSees')}
          </Text>
          <Group gap="sm">
            <Button type="submit" size="lg" loading={create.isPending} disabled={missing.length === itemIds.length}>
              {confirmMissing ? t('wellbeing.checkIn.sendAnyway') : t('wellbeing.checkIn.send')}
            </Button>
            <Button component={Link} to="/wellbeing" variant="outline" size="lg">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
