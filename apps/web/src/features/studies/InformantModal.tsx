import { CONSENT_SCOPES, COUNTRY_CODES, PROGRAM_SETTINGS, STAKEHOLDER_GROUPS } from '@alongside/contracts';
import { Button, Checkbox, Group, NativeSelect, Radio, Stack, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { formErrorsFrom } from '../../lib/errors.ts';
import { localDay } from '../step-away/rules.ts';
import {
  draftFromInformant,
  emptyInformantDraft,
  INFORMANT_FIELDS,
  informantBody,
  informantDraftProblems,
  isPseudonymTaken,
  isStale,
  orderedScopes,
  PSEUDONYM_MAX,
  type DraftProblem,
  type InformantDraft,
  type InformantField,
} from './informant-form.ts';
import { useStudyLabels } from './labels.ts';
import { useCreateInformant, useUpdateInformant, type Informant } from './queries.ts';

const PROBLEM_KEYS = {
  required: 'validation.required',
  tooLong: 'studies.informants.pseudonymTooLong',
  invalidDate: 'studies.informants.invalidDate',
} as const satisfies Record<DraftProblem, string>;

/**
 * Adds an informant, or changes one (sending the version it started from). A failed save keeps what was typed;
 * when someone changed the informant meanwhile, "Load the latest" replaces the form with what is saved now.
 */
export function InformantModal({
  studyId,
  informant,
  onClose,
  onReload,
}: {
  studyId: string;
  /** The informant to change; none to add one. */
  informant?: Informant;
  onClose: () => void;
  /** Reads the informants again and returns this one as it is saved now. */
  onReload?: () => Promise<Informant | undefined>;
}) {
  const { t } = useTranslation();
  const labels = useStudyLabels();
  const [base, setBase] = useState(informant);
  const [draft, setDraft] = useState<InformantDraft>(() =>
    informant ? draftFromInformant(informant) : emptyInformantDraft(localDay(new Date())),
  );
  const [problems, setProblems] = useState<Partial<Record<InformantField, string>>>({});
  const [reloading, setReloading] = useState(false);
  const create = useCreateInformant(studyId);
  const update = useUpdateInformant(studyId, informant?.id ?? '');
  const save = informant ? update : create;

  const serverErrors = save.isError ? formErrorsFrom(save.error, t, INFORMANT_FIELDS) : undefined;
  const taken = save.isError && isPseudonymTaken(save.error);
  const stale = save.isError && isStale(save.error);
  const fieldError = (field: InformantField): string | undefined =>
    problems[field] ??
    (field === 'pseudonym' && taken ? t('studies.informants.pseudonymTaken') : undefined) ??
    serverErrors?.fields[field];

  const set = <F extends InformantField>(field: F, value: InformantDraft[F]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setProblems((p) => (p[field] ? { ...p, [field]: undefined } : p));
    if (save.isError && !stale) save.reset();
  };

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    const found = informantDraftProblems(draft);
    setProblems(Object.fromEntries(Object.entries(found).map(([field, p]) => [field, t(PROBLEM_KEYS[p])])));
    const body = informantBody(draft);
    if (!body) return;
    if (base) update.mutate({ ...body, version: base.version }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  };

  const reload = async () => {
    if (!onReload) return;
    setReloading(true);
    try {
      const latest = await onReload();
      if (latest) {
        setBase(latest);
        setDraft(draftFromInformant(latest));
        setProblems({});
        update.reset();
      }
    } finally {
      setReloading(false);
    }
  };

  const summary = stale || taken || !save.isError ? undefined : serverErrors?.summary;

  return (
    <FormModal
      title={
        informant
          ? t('studies.informants.editTitle', { pseudonym: informant.pseudonym })
          : t('studies.informants.addTitle')
      }
      size="lg"
      onClose={onClose}
      onSubmit={onSubmit}
      error={summary}
      submitLabel={informant ? t('studies.informants.save') : t('studies.informants.add')}
      pending={save.isPending}
      submitDisabled={stale}
    >
      <TextInput
        label={t('studies.informants.pseudonym')}
        description={t('studies.informants.pseudonymHelp')}
        required
        autoComplete="off"
        maxLength={PSEUDONYM_MAX}
        value={draft.pseudonym}
        onChange={(e) => set('pseudonym', e.currentTarget.value)}
        error={fieldError('pseudonym')}
        data-autofocus
      />
      <NativeSelect
        label={t('studies.informants.group')}
        required
        value={draft.group}
        onChange={(e) => {
          const value = e.currentTarget.value;
          set('group', STAKEHOLDER_GROUPS.find((g) => g === value) ?? '');
        }}
        data={[
          { value: '', label: t('studies.informants.chooseGroup') },
          ...STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: labels.group(g) })),
        ]}
        error={fieldError('group')}
      />
      <Radio.Group
        label={t('studies.informants.country')}
        required
        value={draft.countryCode}
        onChange={(value) => set('countryCode', COUNTRY_CODES.find((c) => c === value) ?? '')}
        error={fieldError('countryCode')}
      >
        <Group gap="lg" mt="xs">
          {COUNTRY_CODES.map((c) => (
            <Radio key={c} value={c} size="md" label={labels.country(c)} />
          ))}
        </Group>
      </Radio.Group>
      <NativeSelect
        label={t('studies.informants.setting')}
        description={t('common.optional')}
        value={draft.setting}
        onChange={(e) => {
          const value = e.currentTarget.value;
          set('setting', PROGRAM_SETTINGS.find((s) => s === value) ?? '');
        }}
        data={[
          { value: '', label: t('studies.informants.noSetting') },
          ...PROGRAM_SETTINGS.map((s) => ({ value: s, label: labels.setting(s) })),
        ]}
        error={fieldError('setting')}
      />
      <TextInput
        type="date"
        label={t('studies.informants.consentDate')}
        required
        value={draft.consentDate}
        onChange={(e) => set('consentDate', e.currentTarget.value)}
        error={fieldError('consentDate')}
        maw={260}
      />
      <Checkbox.Group
        label={t('studies.informants.consentScope')}
        description={t('studies.informants.consentScopeHelp')}
        value={draft.consentScope}
        onChange={(value) => set('consentScope', orderedScopes(value))}
        error={fieldError('consentScope')}
      >
        <Stack gap="sm" mt="xs">
          {CONSENT_SCOPES.map((s) => (
            <Checkbox key={s} value={s} size="md" label={labels.consentScope(s)} />
          ))}
        </Stack>
      </Checkbox.Group>
      {stale ? (
        <ErrorAlert message={t('studies.informants.stale')}>
          <div>
            <Button size="sm" variant="outline" color="red.9" loading={reloading} onClick={() => void reload()}>
              {t('studies.informants.loadLatest')}
            </Button>
          </div>
        </ErrorAlert>
      ) : null}
    </FormModal>
  );
}
