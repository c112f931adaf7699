import type { Language, Person } from '@alongside/contracts';
import { TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { LanguagePicker } from '../../components/LanguagePicker.tsx';
import { useFormErrors } from '../../lib/errors.ts';
import { useUpdatePerson } from './queries.ts';

const FIELDS = ['preferredName', 'pronouns', 'externalId', 'language'] as const;

/** Change a person's name, pronouns, file number or language (peer staff; versioned). */
export function EditPersonModal({
  person,
  onClose,
  onSaved,
}: {
  person: Person;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdatePerson(person.id);
  const [preferredName, setPreferredName] = useState(person.preferredName);
  const [pronouns, setPronouns] = useState(person.pronouns ?? '');
  const [externalId, setExternalId] = useState(person.externalId ?? '');
  const [language, setLanguage] = useState<Language>(person.language);
  const [nameProblem, setNameProblem] = useState<string>();
  const { errors, fromError, clear } = useFormErrors(t, FIELDS);
  const conflict = update.error instanceof ApiError && update.error.code === 'version_conflict';

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    if (!preferredName.trim()) {
      setNameProblem(t('validation.required'));
      return;
    }
    update.mutate(
      {
        preferredName: preferredName.trim(),
        pronouns: pronouns.trim() || null,
        externalId: externalId.trim() || null,
        language,
        version: person.version,
      },
      { onSuccess: onSaved, onError: fromError },
    );
  };

  return (
    <FormModal
      title={t('person.editTitle')}
      onClose={onClose}
      onSubmit={onSubmit}
      error={update.isError ? (conflict ? t('person.conflict') : errors.summary) : undefined}
      submitLabel={t('person.saveDetails')}
      pending={update.isPending}
      submitDisabled={conflict}
    >
      <TextInput
        label={t('people.preferredName')}
        description={t('people.preferredNameHelp')}
        required
        value={preferredName}
        maxLength={200}
        onChange={(e) => {
          setPreferredName(e.currentTarget.value);
          setNameProblem(undefined);
        }}
        error={nameProblem ?? errors.fields.preferredName}
      />
      <TextInput
        label={t('people.pronouns')}
        description={t('common.optional')}
        value={pronouns}
        maxLength={50}
        onChange={(e) => setPronouns(e.currentTarget.value)}
        error={errors.fields.pronouns}
      />
      <TextInput
        label={t('people.externalId')}
        description={t('people.externalIdHelp')}
        value={externalId}
        maxLength={100}
        onChange={(e) => setExternalId(e.currentTarget.value)}
        error={errors.fields.externalId}
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
