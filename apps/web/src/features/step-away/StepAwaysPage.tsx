import type { StepAway } from '@alongside/contracts';
import { Anchor, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, LoadError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useSignedInMe } from '../session/RequireAuth.tsx';
import { useStepAways } from './queries.ts';


function StepAwayItem({ stepAway, showName }: { stepAway: StepAway; showName: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const period = stepAway.endsOn
    ? t('stepAway.period', { from: format.day(stepAway.startsOn), to: format.day(stepAway.endsOn) })
    : t('stepAway.periodOpen', { from: format.day(stepAway.startsOn) });
  return (
    <Card component="li" withBorder radius="md" padding="md">
      <Stack gap={4}>
        <Anchor component={Link} to={`/step-away/${stepAway.id}`} fw={700} underline="always">
          {showName ? stepAway.user.name : period}
        </Anchor>
        {showName ? <Text size="sm">{period}</Text> : null}
        <Text size="sm" c="dimmed">
          {stepAway.returnedAt
            ? t('stepAway.returnedOn', { date: format.date(stepAway.returnedAt) })
            : t('stepAway.coveredCount', { count: stepAway.coverage.filter((c) => !c.handedBackAt).length })}
        </Text>
      </Stack>
    </Card>
  );
}

/** My step-aways, past and present, and colleagues of my teams who are away now. */
export function StepAwaysPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const stepAways = useStepAways();
  const all = stepAways.data ?? [];
  const mine = all.filter((s) => s.user.id === me.user.id);
  const colleagues = all.filter((s) => s.user.id !== me.user.id && !s.returnedAt);
  const list = (items: StepAway[], showName: boolean) => (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((s) => (
        <StepAwayItem key={s.id} stepAway={s} showName={showName} />
      ))}
    </Stack>
  );

  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('stepAway.listTitle')} description={t('stepAway.listIntro')} />
      <Group>
        <Button component={Link} to="/step-away/new" size="md">
          {t('wellbeing.stepAway.start')}
        </Button>
      </Group>
      {stepAways.isPending ? (
        <Loader role="status" aria-label={t('common.loading')} />
      ) : stepAways.isError ? (
        <LoadError message={describeError(stepAways.error, t)} onRetry={() => void stepAways.refetch()} retryLabel={t('common.tryAgain')} />
      ) : (
        <>
          <section aria-labelledby="mine-title">
            <Title order={2} fz="lg" id="mine-title" mb="sm">
              {t('stepAway.mine')}
            </Title>
            {mine.length === 0 ? <EmptyState title={t('stepAway.noneMineTitle')}>{t('stepAway.noneMineBody')}</EmptyState> : list(mine, false)}
          </section>
          <section aria-labelledby="colleagues-title">
            <Title order={2} fz="lg" id="colleagues-title" mb="sm">
              {t('stepAway.colleagues')}
            </Title>
            {colleagues.length === 0 ? <Text size="sm">{t('stepAway.noColleaguesAway')}</Text> : list(colleagues, true)}
          </section>
        </>
      )}
    </Stack>
  );
}
