import { Button, Card, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormErrors } from '../../lib/errors.ts';
import { useCanStartStudy } from './can-start.ts';
import { useCreateStudy } from './queries.ts';

const FIELDS = ['title', 'description'] as const;
const TITLE_MAX = 200;
const DESCRIPTION_MAX = 4000;

/** Start a case study: a title and what it is about; the researcher who starts it is its lead. */
export function NewStudyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateStudy();
  const canStart = useCanStartStudy();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [titleProblem, setTitleProblem] = useState<string>();
  const { errors, fromError, clear, clearField } = useFormErrors(t, FIELDS);

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    if (!title.trim()) {
      setTitleProblem(t('validation.required'));
      return;
    }
    create.mutate(
      { title: title.trim(), description: description.trim() },
      { onSuccess: (study) => void navigate(`/studies/${study.id}`), onError: fromError },
    );
  };

  return (
    <Stack gap="lg">
      <PageHeader title={t('studies.new.title')} description={t('studies.new.intro')} />
      {canStart ? null : <ErrorAlert message={t('studies.new.researchersOnly')} />}
      <Card withBorder radius="md" padding="lg" maw={720}>
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t('studies.fields.title')}
              description={t('studies.new.titleHelp')}
              required
              maxLength={TITLE_MAX}
              value={title}
              onChange={(e) => {
                setTitle(e.currentTarget.value);
                setTitleProblem(undefined);
                clearField('title');
              }}
              error={titleProblem ?? errors.fields.title}
            />
            <Textarea
              label={t('studies.fields.description')}
              description={t('studies.new.descriptionHelp')}
              autosize
              minRows={4}
              maxLength={DESCRIPTION_MAX}
              value={description}
              onChange={(e) => {
                setDescription(e.currentTarget.value);
                clearField('description');
              }}
              error={errors.fields.description}
            />
            <ErrorAlert message={create.isError ? errors.summary : undefined} />
            <Group>
              <Button type="submit" loading={create.isPending} disabled={!canStart}>
                {t('studies.new.submit')}
              </Button>
              <Button component={Link} to="/studies" variant="outline">
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
