import {
  COUNTRY_CODES,
  LANGUAGES,
  STAKEHOLDER_GROUPS,
  type CountryCode,
  type Language,
  type PrivacyMode,
  type StakeholderGroup,
} from '@alongside/contracts';
import type { ApiBody, ApiResponse } from '../../api/client.ts';

/** The smallest k a research output may use (DOMAIN.md); the server refuses less. */
export const RESEARCH_MIN_K = 11;

export type CreateCampaignBody = ApiBody<'/api/campaigns', 'post'>;
export type DirectoryEntry = ApiResponse<'/api/campaigns/programs'>[number];

/** What the "New campaign" form holds while someone types: kept as typed, also after a failed save. */
export interface CampaignDraft {
  title: string;
  description: string;
  ethicsApproval: string;
  dataController: string;
  privacyMode: PrivacyMode | '';
  k: number | string;
  languages: Language[];
  retentionUntil: string;
  /** The instrument version per surveyed group; a group left out is not surveyed. */
  groups: Partial<Record<StakeholderGroup, string>>;
  programIds: string[];
  information: Partial<Record<Language, string>>;
}

export const emptyDraft = (): CampaignDraft => ({
  title: '',
  description: '',
  ethicsApproval: '',
  dataController: '',
  privacyMode: '',
  k: RESEARCH_MIN_K,
  languages: ['en'],
  retentionUntil: '',
  groups: {},
  programIds: [],
  information: {},
});

/** A field of the form, as its error messages are keyed: `groups.psp`, `information.fr`, `title` … */
export type DraftField = string;

export type DraftProblem =
  | 'required'
  | 'choose'
  | 'kTooSmall'
  | 'kNotWhole'
  | 'retentionPast'
  | 'noLanguage'
  | 'noGroup'
  | 'noInstrument'
  | 'noProgram';

/** Problems the form can find before sending (the server checks again); `today` is `YYYY-MM-DD`. */
export function draftProblems(draft: CampaignDraft, today: string): Record<DraftField, DraftProblem> {
  const problems: Record<DraftField, DraftProblem> = {};
  if (!draft.title.trim()) problems.title = 'required';
  if (!draft.ethicsApproval.trim()) problems.ethicsApproval = 'required';
  if (!draft.dataController.trim()) problems.dataController = 'required';
  if (!draft.privacyMode) problems.privacyMode = 'choose';
  const k = Number(draft.k);
  if (draft.k === '' || !Number.isFinite(k)) problems.k = 'required';
  else if (!Number.isInteger(k)) problems.k = 'kNotWhole';
  else if (k < RESEARCH_MIN_K) problems.k = 'kTooSmall';
  if (draft.languages.length === 0) problems.languages = 'noLanguage';
  if (!draft.retentionUntil) problems.retentionUntil = 'required';
  else if (draft.retentionUntil <= today) problems.retentionUntil = 'retentionPast';
  const groups = Object.entries(draft.groups) as [StakeholderGroup, string][];
  if (groups.length === 0) problems.groups = 'noGroup';
  for (const [group, versionId] of groups) if (!versionId) problems[`groups.${group}`] = 'noInstrument';
  if (draft.programIds.length === 0) problems.programIds = 'noProgram';
  for (const language of draft.languages)
    if (!draft.information[language]?.trim()) problems[`information.${language}`] = 'required';
  return problems;
}

/** The request body for a draft the form found no problem with. Groups and languages keep the product's order. */
export function toCreateBody(draft: CampaignDraft): CreateCampaignBody {
  const languages = LANGUAGES.filter((l) => draft.languages.includes(l));
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    ethicsApproval: draft.ethicsApproval.trim(),
    dataController: draft.dataController.trim(),
    privacyMode: draft.privacyMode || 'anonymous_tracked',
    k: Number(draft.k),
    languages,
    retentionUntil: draft.retentionUntil,
    groups: STAKEHOLDER_GROUPS.flatMap((group) => {
      const instrumentVersionId = draft.groups[group];
      return instrumentVersionId ? [{ group, instrumentVersionId }] : [];
    }),
    programIds: [...new Set(draft.programIds)],
    // Only the campaign's languages: text typed for a language later unticked is kept in the form, not sent.
    information: Object.fromEntries(languages.map((l) => [l, draft.information[l]?.trim() ?? ''])),
  };
}

/**
 * Where the form shows a problem the server named: `groups.2.instrumentVersionId` is the third group sent,
 * `programIds.5` is the program list, `information.fr` and the plain fields are themselves.
 */
export function fieldOfServerProblem(field: string, body: CreateCampaignBody): DraftField {
  const group = /^groups\.(\d+)(\.|$)/.exec(field);
  if (group) {
    const sent = body.groups[Number(group[1])];
    return sent ? `groups.${sent.group}` : 'groups';
  }
  if (/^programIds(\.|$)/.test(field)) return 'programIds';
  if (/^languages(\.|$)/.test(field)) return 'languages';
  return field;
}

/** Lower-case, without accents, for a filter that finds "Trondheim" from "trond" and "Québec" from "quebec". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export interface CountryPrograms {
  countryCode: CountryCode;
  programs: DirectoryEntry[];
}

/**
 * The program directory grouped by country (Canada, then Norway), each sorted by organization and program,
 * keeping those whose program, organization or setting label contains every word of the filter.
 */
export function groupProgramsByCountry(
  directory: readonly DirectoryEntry[],
  filter: string,
  settingLabel: (setting: string) => string = (s) => s,
): CountryPrograms[] {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  const matches = (p: DirectoryEntry) => {
    const haystack = fold(`${p.programName} ${p.organizationName} ${settingLabel(p.setting)}`);
    return words.every((w) => haystack.includes(w));
  };
  return COUNTRY_CODES.map((countryCode) => ({
    countryCode,
    programs: directory
      .filter((p) => p.countryCode === countryCode && matches(p))
      .sort(
        (a, b) => a.organizationName.localeCompare(b.organizationName) || a.programName.localeCompare(b.programName),
      ),
  })).filter((c) => c.programs.length > 0);
}

/** How many programs and countries are chosen, for the line under the list. */
export function chosenSummary(
  directory: readonly DirectoryEntry[],
  chosen: readonly string[],
): { programs: number; countries: CountryCode[] } {
  const set = new Set(chosen);
  const picked = directory.filter((p) => set.has(p.programId));
  return { programs: picked.length, countries: COUNTRY_CODES.filter((c) => picked.some((p) => p.countryCode === c)) };
}

/** The terms a running campaign may change (groups, programs and the privacy mode are fixed once created). */
export interface TermsDraft {
  title: string;
  description: string;
  ethicsApproval: string;
  dataController: string;
  k: number | string;
  retentionUntil: string;
  information: Partial<Record<Language, string>>;
}

type CampaignTerms = TermsDraft & { k: number; languages: readonly Language[] };

/** A terms draft that starts as the campaign is. */
export const termsDraftOf = (campaign: CampaignTerms): TermsDraft => ({
  title: campaign.title,
  description: campaign.description,
  ethicsApproval: campaign.ethicsApproval,
  dataController: campaign.dataController,
  k: campaign.k,
  retentionUntil: campaign.retentionUntil,
  information: { ...campaign.information },
});

/** Problems with edited terms, by field (the same rules as a new campaign). */
export function termsProblems(
  draft: TermsDraft,
  languages: readonly Language[],
  today: string,
): Record<DraftField, DraftProblem> {
  // The fields a running campaign cannot change are filled in so that only the editable ones are checked.
  return draftProblems(
    {
      ...emptyDraft(),
      ...draft,
      privacyMode: 'identified',
      languages: [...languages],
      groups: { psp: 'fixed' },
      programIds: ['fixed'],
    },
    today,
  );
}

/** Only what changed, trimmed, for PATCH; `information` goes whole when any language's text changed. */
export function termsChanges(
  campaign: CampaignTerms,
  draft: TermsDraft,
): Partial<Omit<TermsDraft, 'k'> & { k: number }> {
  const changes: Partial<Omit<TermsDraft, 'k'> & { k: number }> = {};
  for (const key of ['title', 'description', 'ethicsApproval', 'dataController', 'retentionUntil'] as const) {
    const value = draft[key].trim();
    if (value !== campaign[key]) changes[key] = value;
  }
  if (Number(draft.k) !== campaign.k) changes.k = Number(draft.k);
  const information = Object.fromEntries(campaign.languages.map((l) => [l, draft.information[l]?.trim() ?? '']));
  if (campaign.languages.some((l) => information[l] !== campaign.information[l])) changes.information = information;
  return changes;
}
