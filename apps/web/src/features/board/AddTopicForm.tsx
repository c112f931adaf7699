import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, SuccessAlert } from '../../components/Feedback.tsx';
import { useFormErrors } from '../../lib/errors.ts';
import { useAddHuddleItem } from '../people/queries.ts';

/** A topic for the team's next huddle; the whole team reads it, so it says so. */
export function AddTopicForm({
  teamId,
  initialTopic = '',
  onAdded,
}: {
  teamId: string;
  initialTopic?: string;
  onAdded?: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddHuddleItem();
  const [topic, setTopic] = useState(initialTopic);
  const [problem, setProblem] = useState<string>();
  const [added, setAdded] = useState<string>();
  const { errors, fromError, clear } = useFormErrors(t, ['topic']);
  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    setAdded(undefined);
    if (!topic.trim()) {
      setProblem(t('validation.required'));
      return;
    }
    add.mutate(
      { teamId, topic: topic.trim() },
      {
        onSuccess: () => {
          setAdded(t('huddles.topicAdded'));
          setTopic('');
          onAdded?.();
        },
        onError: fromError,
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xs" maw={520}>
        <TextInput
          label={t('huddles.topic')}
          description={t('huddles.topicHelp')}
          value={topic}
          maxLength={500}
          onChange={(e) => {
            setTopic(e.currentTarget.value);
            setProblem(undefined);
          }}
          error={problem ?? errors.fields.topic}
        />
        <ErrorAlert message={add.isError ? errors.summary : undefined} />
        <SuccessAlert message={added} onClose={() => setAdded(undefined)} closeLabel={t('common.dismiss')} />
        <Group>
          <Button type="submit" size="sm" className="tap-target" loading={add.isPending}>
            {t('huddles.addTopic')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
