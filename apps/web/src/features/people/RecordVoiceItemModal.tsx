import { VOICE_KINDS, type VoiceItem } from '@alongside/contracts';
import { Checkbox, NativeSelect, Text, Textarea } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormErrors } from '../../lib/errors.ts';
import { usePracticeLabels } from '../../lib/practice-labels.ts';
import { useCreateVoiceItem } from './queries.ts';

const FIELDS = ['kind', 'words', 'context', 'writtenTogether', 'shareAgreed'] as const;

/** The person's own words, with whether they agreed to share this one item with the care team. */
export function RecordVoiceItemModal({
  personId,
  personName,
  sharingBlocked,
  onClose,
  onSaved,
}: {
  personId: string;
  personName: string;
  /** The person's consent (lockbox or "share nothing") keeps every item from the care team. */
  sharingBlocked: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const labels = usePracticeLabels();
  const create = useCreateVoiceItem();
  const [kind, setKind] = useState<VoiceItem['kind']>('goal');
  const [words, setWords] = useState('');
  const [context, setContext] = useState('');
  const [writtenTogether, setWrittenTogether] = useState(true);
  const [shareAgreed, setShareAgreed] = useState(false);
  const [wordsProblem, setWordsProblem] = useState<string>();
  const { errors, fromError, clear } = useFormErrors(t, FIELDS);

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    if (!words.trim()) {
      setWordsProblem(t('validation.required'));
      return;
    }
    create.mutate(
      { personId, kind, words: words.trim(), context: context.trim() || undefined, writtenTogether, shareAgreed },
      { onSuccess: onSaved, onError: fromError },
    );
  };

  return (
    <FormModal
      title={t('voice.recordTitle', { name: personName })}
      size="lg"
      onClose={onClose}
      onSubmit={onSubmit}
      error={create.isError ? errors.summary : undefined}
      submitLabel={t('voice.save')}
      pending={create.isPending}
    >
      <NativeSelect
        label={t('voice.kind')}
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value as VoiceItem['kind'])}
        data={VOICE_KINDS.map((k) => ({ value: k, label: labels.voiceKind(k) }))}
        error={errors.fields.kind}
      />
      <Textarea
        label={t('voice.words')}
        description={t('voice.wordsHelp')}
        required
        data-autofocus
        autosize
        minRows={3}
        maxLength={4000}
        value={words}
        onChange={(e) => {
          setWords(e.currentTarget.value);
          setWordsProblem(undefined);
        }}
        error={wordsProblem ?? errors.fields.words}
      />
      <Textarea
        label={t('voice.contextLabel')}
        description={t('common.optional')}
        autosize
        minRows={1}
        maxLength={4000}
        value={context}
        onChange={(e) => setContext(e.currentTarget.value)}
        error={errors.fields.context}
      />
      <Checkbox
        size="md"
        label={t('voice.writtenTogether')}
        checked={writtenTogether}
        onChange={(e) => setWrittenTogether(e.currentTarget.checked)}
      />
      <Checkbox
        size="md"
        label={t('voice.shareAgreed', { name: personName })}
        description={sharingBlocked ? t('voice.shareBlocked') : t('voice.shareAgreedHelp')}
        checked={shareAgreed}
        onChange={(e) => setShareAgreed(e.currentTarget.checked)}
      />
      {!shareAgreed ? <Text size="sm">{t('voice.staysPeer')}</Text> : null}
    </FormModal>
  );
}
