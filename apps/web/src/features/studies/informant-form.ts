import {
  CONSENT_SCOPES,
  COUNTRY_CODES,
  PROGRAM_SETTINGS,
  STAKEHOLDER_GROUPS,
  type CountryCode,
  type ProgramSetting,
  type StakeholderGroup,
} from '@alongside/contracts';
import { isApiError } from '../../api/client.ts';
import type { ConsentScope } from './labels.ts';
import type { CreateInformantBody, Informant } from './queries.ts';

/** What the informant form holds: strings as the inputs give them, '' for nothing chosen yet. */
export interface InformantDraft {
  pseudonym: string;
  group: StakeholderGroup | '';
  countryCode: CountryCode | '';
  setting: ProgramSetting | '';
  consentDate: string;
  consentScope: ConsentScope[];
}

export type InformantField = keyof InformantDraft;
export const INFORMANT_FIELDS = [
  'pseudonym',
  'group',
  'countryCode',
  'setting',
  'consentDate',
  'consentScope',
] as const satisfies readonly InformantField[];

/** The server's limit on a pseudonym. */
export const PSEUDONYM_MAX = 60;

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

export const emptyInformantDraft = (today: string): InformantDraft => ({
  pseudonym: '',
  group: '',
  countryCode: '',
  setting: '',
  consentDate: today,
  consentScope: [],
});

export const draftFromInformant = (informant: Informant): InformantDraft => ({
  pseudonym: informant.pseudonym,
  group: informant.group,
  countryCode: informant.countryCode,
  setting: informant.setting ?? '',
  consentDate: informant.consentDate,
  consentScope: CONSENT_SCOPES.filter((s) => informant.consentScope.includes(s)),
});

/** Scopes in their one order, whatever order the boxes were ticked in. */
export const orderedScopes = (chosen: readonly string[]): ConsentScope[] =>
  CONSENT_SCOPES.filter((s) => chosen.includes(s));

export type DraftProblem = 'required' | 'tooLong' | 'invalidDate';

/** What is missing or wrong before anything is sent, by field. */
export function informantDraftProblems(draft: InformantDraft): Partial<Record<InformantField, DraftProblem>> {
  const problems: Partial<Record<InformantField, DraftProblem>> = {};
  const pseudonym = draft.pseudonym.trim();
  if (!pseudonym) problems.pseudonym = 'required';
  else if (pseudonym.length > PSEUDONYM_MAX) problems.pseudonym = 'tooLong';
  if (!isOneOf(STAKEHOLDER_GROUPS, draft.group)) problems.group = 'required';
  if (!isOneOf(COUNTRY_CODES, draft.countryCode)) problems.countryCode = 'required';
  if (!draft.consentDate) problems.consentDate = 'required';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.consentDate)) problems.consentDate = 'invalidDate';
  return problems;
}

/** The request body for a draft without problems (undefined while it has any). */
export function informantBody(draft: InformantDraft): CreateInformantBody | undefined {
  if (Object.keys(informantDraftProblems(draft)).length > 0) return undefined;
  const { group, countryCode, setting } = draft;
  if (!isOneOf(STAKEHOLDER_GROUPS, group) || !isOneOf(COUNTRY_CODES, countryCode)) return undefined;
  return {
    pseudonym: draft.pseudonym.trim(),
    group,
    countryCode,
    setting: isOneOf(PROGRAM_SETTINGS, setting) ? setting : null,
    consentDate: draft.consentDate,
    consentScope: orderedScopes(draft.consentScope),
  };
}

/** Whether a failed save was refused because another informant of the study has this pseudonym. */
export const isPseudonymTaken = (error: unknown): boolean =>
  isApiError(error) &&
  error.status === 409 &&
  error.code === 'already_exists' &&
  error.fieldProblems.some((p) => p.field === 'pseudonym');

/** Whether a failed edit started from an informant someone has changed since. */
export const isStale = (error: unknown): boolean =>
  isApiError(error) && error.status === 409 && error.code === 'version_conflict';
