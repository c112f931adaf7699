import type { Language } from '@alongside/contracts';
import { NativeSelect, SegmentedControl, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { LanguagePicker } from '../../components/LanguagePicker.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { useCreateConnection, usePersons } from '../people/queries.ts';

/** A clinician refers someone the team knows, or someone new, to the team's peer support. */
export function ReferModal({
  teamId,
  teamName,
  onClose,
  onSaved,
}: {
  teamId: string;
  teamName: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const persons = usePersons({ teamId });
  const create = useCreateConnection();
  const [who, setWho] = useState<'existing' | 'new'>('existing');
  const [personId, setPersonId] = useState('');
  const [preferredName, setPreferredName] = useState('');
  const [pronouns, setPronouns] = useState('');
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const { errors, fromError, clear } = useFormErrors(t, ['personId', 'reason']);

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    if (who === 'existing' ? !personId : !preferredName.trim()) {
      setProblem(who === 'existing' ? t('validation.choose') : t('validation.required'));
      return;
    }
    create.mutate(
      who === 'existing'
        ? { direction: 'to_peer_support', personId, reason: reason.trim() || undefined }
        : {
            direction: 'to_peer_support',
            newPerson: {
              teamId,
              preferredName: preferredName.trim(),
              pronouns: pronouns.trim() || undefined,
              language,
            },
            reason: reason.trim() || undefined,
          },
      { onSuccess: onSaved, onError: fromError },
    );
  };

  const options = (persons.data ?? []).slice().sort((a, b) => a.preferredName.localeCompare(b.preferredName));

  return (
    <FormModal
      title={t('refer.title')}
      size="lg"
      onClose={onClose}
      onSubmit={onSubmit}
      error={create.isError ? errors.summary : undefined}
      submitLabel={t('refer.submit')}
      pending={create.isPending}
    >
      <Text size="sm">{t('refer.intro', { team: teamName })}</Text>
      <SegmentedControl
        aria-label={t('refer.whoLabel')}
        value={who}
        onChange={(v) => {
          setWho(v === 'new' ? 'new' : 'existing');
          setProblem(undefined);
        }}
        data={[
          { value: 'existing', label: t('refer.existing') },
          { value: 'new', label: t('refer.new') },
        ]}
      />
      {who === 'existing' ? (
        <NativeSelect
          label={t('refer.person')}
          required
          value={personId}
          onChange={(e) => {
            setPersonId(e.currentTarget.value);
            setProblem(undefined);
          }}
          data={[
            { value: '', label: persons.isPending ? t('common.loading') : t('contact.choosePerson') },
            ...options.map((p) => ({ value: p.id, label: p.preferredName })),
          ]}
          error={problem ?? errors.fields.personId ?? (persons.isError ? describeError(persons.error, t) : undefined)}
        />
      ) : (
        <>
          <TextInput
            label={t('people.preferredName')}
            description={t('people.preferredNameHelp')}
            required
            value={preferredName}
            maxLength={200}
            onChange={(e) => {
              setPreferredName(e.currentTarget.value);
              setProblem(undefined);
            }}
            error={problem}
          />
          <TextInput
            label={t('people.pronouns')}
            description={t('common.optional')}
            value={pronouns}
            maxLength={50}
            onChange={(e) => setPronouns(e.currentTarget.value)}
          />
          <LanguagePicker value={language} onChange={setLanguage} description={t('people.languageHelp')} />
        </>
      )}
      <Textarea
        label={t('refer.reason')}
        description={t('refer.reasonHelp')}
        autosize
        minRows={2}
        maxLength={4000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.fields.reason}
      />
    </FormModal>
  );
}
