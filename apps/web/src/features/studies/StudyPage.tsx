import { Alert, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { EmptyState, LoadError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError } from '../../lib/errors.ts';
import { InformantsSection } from './InformantsSection.tsx';
import { useStudyLabels } from './labels.ts';
import { MembersSection } from './MembersSection.tsx';
import { useStudy } from './queries.ts';

/** /studies/:id: what the study is, my role in it, its members and its informants (the lead manages both). */
export function StudyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const labels = useStudyLabels();
  const study = useStudy(id);

  if (study.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (study.isError) {
    // Outside a study nothing of it exists: the server answers 404, and so does this page.
    if (isApiError(study.error) && study.error.status === 404) {
      return (
        <Stack>
          <PageHeader title={t('studies.notFoundTitle')} />
          <EmptyState
            headingOrder={2}
            title={t('studies.notFoundBody')}
            action={
              <Button component={Link} to="/studies">
                {t('studies.backToList')}
              </Button>
            }
          />
        </Stack>
      );
    }
    return (
      <LoadError
        message={describeError(study.error, t)}
        onRetry={() => void study.refetch()}
        retryLabel={t('common.tryAgain')}
      />
    );
  }

  const s = study.data;
  const isLead = s.myRole === 'lead';
  return (
    <Stack gap="lg">
      <PageHeader title={s.title} description={s.description || undefined}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="outline" color="gray.8" radius="sm" tt="none" size="lg">
            {t('studies.yourRole', { role: labels.role(s.myRole) })}
          </Badge>
          <Text size="sm">{labels.roleExplained(s.myRole)}</Text>
        </Group>
      </PageHeader>
      {isLead ? null : (
        <Alert variant="light" color="gray" title={t('studies.readOnlyTitle')}>
          <Text size="sm">{t('studies.readOnlyBody')}</Text>
        </Alert>
      )}
      <MembersSection study={s} />
      <InformantsSection studyId={s.id} isLead={isLead} />
    </Stack>
  );
}
