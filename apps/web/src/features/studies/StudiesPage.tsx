import { Anchor, Badge, Button, Card, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, LoadError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useCanStartStudy } from './can-start.ts';
import { useStudyLabels } from './labels.ts';
import { useStudies, type StudySummary } from './queries.ts';

function StudyCard({ study }: { study: StudySummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useStudyLabels();
  return (
    <Card component="li" withBorder radius="md" padding="lg">
      <Stack gap="xs">
        <Title order={2} fz="lg">
          <Anchor component={Link} to={`/studies/${study.id}`} className="plain-link">
            {study.title}
          </Anchor>
        </Title>
        <div>
          <Badge variant="outline" color="gray.8" radius="sm" tt="none">
            {t('studies.yourRole', { role: labels.role(study.myRole) })}
          </Badge>
        </div>
        {study.description ? (
          <Text size="sm" lineClamp={3}>
            {study.description}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('studies.list.created', { date: format.date(study.createdAt) })}
        </Text>
      </Stack>
    </Card>
  );
}

/** The case studies I am a member of, with a way for a researcher to start one. */
export function StudiesPage() {
  const { t } = useTranslation();
  const studies = useStudies();
  const canStart = useCanStartStudy();
  const startButton = canStart ? (
    <Button component={Link} to="/studies/new">
      {t('studies.list.new')}
    </Button>
  ) : null;

  return (
    <Stack gap="lg">
      <PageHeader title={t('studies.list.title')} description={t('studies.list.intro')}>
        {studies.data && studies.data.length > 0 ? <div>{startButton}</div> : null}
      </PageHeader>
      {studies.isPending ? (
        <Loader role="status" aria-label={t('common.loading')} />
      ) : studies.isError ? (
        <LoadError
          message={describeError(studies.error, t)}
          onRetry={() => void studies.refetch()}
          retryLabel={t('common.tryAgain')}
        />
      ) : studies.data.length === 0 ? (
        <EmptyState headingOrder={2} title={t('studies.list.emptyTitle')} action={startButton}>
          {canStart ? t('studies.list.emptyBody') : t('studies.list.emptyBodyMember')}
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {studies.data.map((s) => (
            <StudyCard key={s.id} study={s} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
