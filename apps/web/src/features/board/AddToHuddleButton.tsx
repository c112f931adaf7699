import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { describeError } from '../../lib/errors.ts';
import { useAddHuddleItem } from '../people/queries.ts';

/** Puts a voice item or connection on the team's next huddle agenda (the label never carries peer-tier text). */
export function AddToHuddleButton({
  teamId,
  voiceItemId,
  connectionId,
  label,
}: {
  teamId: string;
  voiceItemId?: string;
  connectionId?: string;
  /** Accessible name, naming what is added. */
  label: string;
}) {
  const { t } = useTranslation();
  const add = useAddHuddleItem();
  const [done, setDone] = useState(false);
  return (
    <>
      <Button
        size="sm"
        variant="outline"
        className="tap-target"
        loading={add.isPending}
        disabled={done}
        aria-label={label}
        onClick={() => add.mutate({ teamId, voiceItemId, connectionId }, { onSuccess: () => setDone(true) })}
      >
        {done ? t('huddles.added') : t('huddles.addToNext')}
      </Button>
      {add.isError ? <ErrorAlert message={describeError(add.error, t)} /> : null}
    </>
  );
}
