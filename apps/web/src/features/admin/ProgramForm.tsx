import type { Program } from '@alongside/contracts';
import {
  EMPLOYER_TYPES,
  PROGRAM_SETTINGS,
  ROLLOUT_PHASES,
  SUPERVISION_MODELS,
  type ProgramSetting,
} from '@alongside/contracts/vocabulary';
import { Fieldset, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgramProfileInput } from './queries.ts';

type Tri = 'unknown' | 'yes' | 'no';

export const PROFILE_BOOLEANS = [
  'championPresent',
  'strategicPlanPriority',
  'jobDescriptionAgreed',
  'clinicianOrientationDone',
  'peerNetworkAccess',
  'improvementCycle',
] as const;
type ProfileBoolean = (typeof PROFILE_BOOLEANS)[number];

/** What the form holds: strings, exactly as typed or chosen, so a failed save loses nothing. */
export interface ProgramFormValues {
  name: string;
  setting: ProgramSetting | '';
  pspFte: string | number;
  employerType: '' | (typeof EMPLOYER_TYPES)[number];
  supervisionModel: '' | (typeof SUPERVISION_MODELS)[number];
  rolloutPhase: '' | (typeof ROLLOUT_PHASES)[number];
  booleans: Record<ProfileBoolean, Tri>;
}

export const PROGRAM_FIELDS = [
  'name',
  'setting',
  'pspFte',
  'employerType',
  'supervisionModel',
  'rolloutPhase',
  ...PROFILE_BOOLEANS,
] as const;

const triFrom = (v: boolean | null | undefined): Tri => (v === true ? 'yes' : v === false ? 'no' : 'unknown');
const triTo = (v: Tri): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);

export function emptyProgramForm(): ProgramFormValues {
  return {
    name: '',
    setting: '',
    pspFte: '',
    employerType: '',
    supervisionModel: '',
    rolloutPhase: '',
    booleans: Object.fromEntries(PROFILE_BOOLEANS.map((k) => [k, 'unknown'])) as Record<ProfileBoolean, Tri>,
  };
}

export function programToForm(p: Program): ProgramFormValues {
  return {
    name: p.name,
    setting: p.setting,
    pspFte: p.pspFte ?? '',
    employerType: p.employerType ?? '',
    supervisionModel: p.supervisionModel ?? '',
    rolloutPhase: p.rolloutPhase ?? '',
    booleans: Object.fromEntries(PROFILE_BOOLEANS.map((k) => [k, triFrom(p[k])])) as Record<ProfileBoolean, Tri>,
  };
}

/** The profile part of a create/update body; "not recorded" is sent as null. */
export function formToProfile(v: ProgramFormValues): ProgramProfileInput {
  const fte = v.pspFte === '' ? null : Number(v.pspFte);
  return {
    pspFte: fte === null || Number.isNaN(fte) ? null : fte,
    employerType: v.employerType || null,
    supervisionModel: v.supervisionModel || null,
    rolloutPhase: v.rolloutPhase || null,
    ...(Object.fromEntries(PROFILE_BOOLEANS.map((k) => [k, triTo(v.booleans[k])])) as Record<
      ProfileBoolean,
      boolean | null
    >),
  };
}

/** Checks what the browser can check; returns messages by field. */
export function validateProgramForm(
  v: ProgramFormValues,
  t: (key: 'validation.required' | 'validation.choose' | 'programs.fteRange') => string,
) {
  const problems: Partial<Record<(typeof PROGRAM_FIELDS)[number], string>> = {};
  if (!v.name.trim()) problems.name = t('validation.required');
  if (!v.setting) problems.setting = t('validation.choose');
  if (v.pspFte !== '') {
    const n = Number(v.pspFte);
    if (Number.isNaN(n) || n < 0 || n > 100) problems.pspFte = t('programs.fteRange');
  }
  return problems;
}

/** Name, setting and the research profile of a program; used to create and to edit. */
export function ProgramFields({
  values,
  onChange,
  errors,
  idPrefix,
}: {
  values: ProgramFormValues;
  onChange: (next: ProgramFormValues, changedField: string) => void;
  errors: Partial<Record<string, string>>;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof ProgramFormValues>(key: K, value: ProgramFormValues[K]) =>
    onChange({ ...values, [key]: value }, key);
  const setBool = (key: ProfileBoolean, value: Tri) =>
    onChange({ ...values, booleans: { ...values.booleans, [key]: value } }, key);
  const triData = [
    { value: 'unknown', label: t('common.unknown') },
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
  const notRecorded = { value: '', label: t('common.notRecorded') };

  return (
    <Stack gap="md">
      <TextInput
        id={`${idPrefix}-name`}
        label={t('fields.name')}
        required
        value={values.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors.name}
      />
      <NativeSelect
        id={`${idPrefix}-setting`}
        label={t('programs.setting')}
        description={t('programs.settingHelp')}
        required
        value={values.setting}
        onChange={(e) => set('setting', e.currentTarget.value as ProgramSetting | '')}
        data={[
          { value: '', label: t('programs.chooseSetting') },
          ...PROGRAM_SETTINGS.map((s) => ({
            value: s,
            label: t(`settings.${s}`),
          })),
        ]}
        error={errors.setting}
      />
      <Fieldset legend={t('programs.profileLegend')} variant="filled" radius="md">
        <Stack gap="md">
          <NumberInput
            id={`${idPrefix}-fte`}
            label={t('programs.pspFte')}
            description={t('programs.pspFteHelp')}
            min={0}
            max={100}
            step={0.1}
            decimalScale={2}
            value={values.pspFte}
            onChange={(v) => set('pspFte', v)}
            error={errors.pspFte}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              id={`${idPrefix}-employer`}
              label={t('programs.employerType')}
              value={values.employerType}
              onChange={(e) => set('employerType', e.currentTarget.value as ProgramFormValues['employerType'])}
              data={[
                notRecorded,
                ...EMPLOYER_TYPES.map((v) => ({
                  value: v,
                  label: t(`employerTypes.${v}`),
                })),
              ]}
              error={errors.employerType}
            />
            <NativeSelect
              id={`${idPrefix}-supervision`}
              label={t('programs.supervisionModel')}
              value={values.supervisionModel}
              onChange={(e) => set('supervisionModel', e.currentTarget.value as ProgramFormValues['supervisionModel'])}
              data={[
                notRecorded,
                ...SUPERVISION_MODELS.map((v) => ({
                  value: v,
                  label: t(`supervisionModels.${v}`),
                })),
              ]}
              error={errors.supervisionModel}
            />
            <NativeSelect
              id={`${idPrefix}-rollout`}
              label={t('programs.rolloutPhase')}
              value={values.rolloutPhase}
              onChange={(e) => set('rolloutPhase', e.currentTarget.value as ProgramFormValues['rolloutPhase'])}
              data={[
                notRecorded,
                ...ROLLOUT_PHASES.map((v) => ({
                  value: v,
                  label: t(`rolloutPhases.${v}`),
                })),
              ]}
              error={errors.rolloutPhase}
            />
            {PROFILE_BOOLEANS.map((key) => (
              <NativeSelect
                key={key}
                id={`${idPrefix}-${key}`}
                label={t(`programs.booleans.${key}`)}
                value={values.booleans[key]}
                onChange={(e) => setBool(key, e.currentTarget.value as Tri)}
                data={triData}
                error={errors[key]}
              />
            ))}
          </SimpleGrid>
        </Stack>
      </Fieldset>
    </Stack>
  );
}
