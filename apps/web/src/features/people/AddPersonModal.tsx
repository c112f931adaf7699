import type { Language, Person } from '@alongside/contracts';
import { Text, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { LanguagePicker } from '../../components/LanguagePicker.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useFormErrors } from '../../lib/errors.ts';
import { useCreatePerson } from './queries.ts';

const FIELDS = ['preferredName', 'pronouns', 'externalId', 'language'] as const;

/** Add a person to my caseload: pseudonymous by default (a preferred name is enough). */
export function AddPersonModal({
  teamId,
  teamName,
  onClose,
  onAdded,
}: {
  teamId: string;
  teamName: string;
  onClose: () => void;
  onAdded: (person: Person) => void;
}) {
  const { t } = useTranslation();
  const create = useCreatePerson();
  const [preferredName, setPreferredName] = useState('');
  const [pronouns, setPronouns] = useState('');
  const [externalId, setExternalId] = useState('');
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [nameProblem, setNameProblem] = useState<string>();
  const { errors, fromError, clear, clearField } = useFormErrors(t, FIELDS);

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    if (!preferredName.trim()) {
      setNameProblem(t('validation.required'));
      return;
    }
    create.mutate(
      {
        teamId,
        preferredName: preferredName.trim(),
        pronouns: pronouns.trim() || undefined,
        externalId: externalId.trim() || undefined,
        language,
      },
      { onSuccess: onAdded, onError: fromError },
    );
  };

  return (
    <FormModal
      title={t('people.addTitle')}
      onClose={onClose}
      onSubmit={onSubmit}
      error={create.isError ? errors.summary : undefined}
      submitLabel={t('people.addSubmit')}
      pending={create.isPending}
    >
      <Text size="sm">{t('people.addIntro', { team: teamName })}</Text>
      <TextInput
        label={t('people.preferredName')}
        description={t('people.preferredNameHelp')}
        required
        data-autofocus
        value={preferredName}
        onChange={(e) => {
          setPreferredName(e.currentTarget.value);
          setNameProblem(undefined);
          clearField('preferredName');
        }}
        error={nameProblem ?? errors.fields.preferredName}
        maxLength={200}
      />
      <TextInput
        label={t('people.pronouns')}
        description={t('common.optional')}
        value={pronouns}
        onChange={(e) => setPronouns(e.currentTarget.value)}
        error={errors.fields.pronouns}
        maxLength={50}
      />
      <TextInput
        label={t('people.externalId')}
        description={t('people.externalIdHelp')}
        value={externalId}
        onChange={(e) => setExternalId(e.currentTarget.value)}
        error={errors.fields.externalId}
        maxLength={100}
      />
      <LanguagePicker
        value={language}
        onChange={setLanguage}
        description={t('people.languageHelp')}
        error={errors.fields.language}
      />
    </FormModal>
  );
}
