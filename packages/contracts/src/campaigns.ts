import { z } from 'zod';
import { EmailSchema, IdSchema, IsoDateSchema, IsoDateTimeSchema, NameSchema, VersionSchema } from './common.ts';
import { InstrumentDefinitionSchema, StakeholderGroupSchema } from './instruments.ts';
import { CountryCodeSchema, LanguageSchema } from './vocabulary.ts';

// Survey campaigns across programs and countries (issue 9): waves, invitations, the respondent's page, results.

/**
 * How responses relate to invitations, shown to respondents before they start.
 * - `identified`: a response is linked to its invitation.
 * - `anonymous_tracked`: the invitation records only that someone responded (for reminders), on the day; nothing
 *   joins a response to an invitee.
 * - `anonymous`: open links only; nobody is invited by name.
 */
export const PRIVACY_MODES = ['identified', 'anonymous_tracked', 'anonymous'] as const;
export const PrivacyModeSchema = z.enum(PRIVACY_MODES);
export type PrivacyMode = z.infer<typeof PrivacyModeSchema>;

/** Where a response came from: the respondent page, or a file collected elsewhere. */
export const RESPONSE_SOURCES = ['web', 'import'] as const;

export const WAVE_KINDS = ['baseline', 'follow_up'] as const;
export const WaveKindSchema = z.enum(WAVE_KINDS);

/** A program's answer to a campaign's invitation to take part, given by its organization's administrator. */
export const PARTICIPATION_STATUSES = ['invited', 'joined', 'declined'] as const;
export const ParticipationStatusSchema = z.enum(PARTICIPATION_STATUSES);

/** Research outputs never use a k below 11 (DOMAIN.md). */
export const CampaignKSchema = z.number().int().min(11, 'must be at least 11 for research outputs').max(1000);

export const CampaignGroupSchema = z.object({ group: StakeholderGroupSchema, instrumentVersionId: IdSchema });

export const CreateCampaignBodySchema = z.object({
  title: NameSchema,
  description: z.string().trim().max(4000).default(''),
  ethicsApproval: z.string().trim().min(1, 'an ethics approval reference (REB / REK) is required').max(200),
  dataController: z.string().trim().min(1).max(300),
  privacyMode: PrivacyModeSchema,
  k: CampaignKSchema.default(11),
  languages: z.array(LanguageSchema).min(1).max(3),
  retentionUntil: IsoDateSchema,
  groups: z.array(CampaignGroupSchema).min(1).max(5),
  programIds: z.array(IdSchema).min(1).max(1000),
  /** What respondents read before they start, per language (the consent text). */
  information: z.partialRecord(LanguageSchema, z.string().trim().min(1).max(8000)),
});

export const UpdateCampaignBodySchema = CreateCampaignBodySchema.omit({ groups: true, programIds: true, privacyMode: true })
  .partial()
  .extend({ version: VersionSchema });

export const WaveSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: WaveKindSchema,
  opensOn: IsoDateSchema,
  closesOn: IsoDateSchema,
  /** Days after an invitation is sent on which a reminder goes to those who have not responded. */
  reminderDays: z.array(z.number().int()),
});
export type Wave = z.infer<typeof WaveSchema>;

export const CreateWaveBodySchema = z.object({
  name: NameSchema,
  kind: WaveKindSchema,
  opensOn: IsoDateSchema,
  closesOn: IsoDateSchema,
  reminderDays: z.array(z.number().int().min(1).max(365)).max(5).default([7, 14]),
});

export const CampaignProgramSchema = z.object({
  programId: IdSchema,
  programName: z.string(),
  organizationId: IdSchema,
  organizationName: z.string(),
  countryCode: CountryCodeSchema,
  status: ParticipationStatusSchema,
  decidedAt: IsoDateTimeSchema.nullable(),
});

export const CampaignSchema = z.object({
  id: IdSchema,
  title: z.string(),
  description: z.string(),
  ethicsApproval: z.string(),
  dataController: z.string(),
  privacyMode: PrivacyModeSchema,
  k: z.number().int(),
  languages: z.array(LanguageSchema),
  retentionUntil: IsoDateSchema,
  information: z.partialRecord(LanguageSchema, z.string()),
  groups: z.array(CampaignGroupSchema.extend({ instrumentId: IdSchema, instrumentName: z.string(), versionNumber: z.number().int() })),
  programs: z.array(CampaignProgramSchema),
  waves: z.array(WaveSchema),
  ownerId: IdSchema,
  createdAt: IsoDateTimeSchema,
  version: VersionSchema,
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const CampaignSummarySchema = CampaignSchema.pick({ id: true, title: true, privacyMode: true, k: true, ownerId: true, createdAt: true }).extend({
  programCount: z.number().int(),
  countryCodes: z.array(CountryCodeSchema),
  waveCount: z.number().int(),
  responseCount: z.number().int(),
});

export const ParticipationDecisionBodySchema = z.object({ status: z.enum(['joined', 'declined']) });

export const CreateSurveyInvitationsBodySchema = z.object({
  waveId: IdSchema,
  programId: IdSchema,
  group: StakeholderGroupSchema,
  language: LanguageSchema,
  emails: z.array(EmailSchema).min(1).max(2000),
});

export const SurveyInvitationSchema = z.object({
  id: IdSchema,
  waveId: IdSchema,
  programId: IdSchema,
  group: StakeholderGroupSchema,
  language: LanguageSchema,
  email: z.string(),
  sentAt: IsoDateTimeSchema.nullable(),
  remindersSent: z.number().int(),
  /** Identified: the moment; anonymous but tracked: only the day, kept apart from the response. */
  respondedOn: IsoDateSchema.nullable(),
});

export const OpenLinkSchema = z.object({
  id: IdSchema,
  waveId: IdSchema,
  programId: IdSchema,
  group: StakeholderGroupSchema,
  code: z.string(),
});

export const CreateOpenLinkBodySchema = z.object({ waveId: IdSchema, programId: IdSchema, group: StakeholderGroupSchema });

/** A respondent's answers by variable name: a number, a choice code, codes, or text (an unanswered item is left out). */
export const AnswerValueSchema = z.union([z.number().min(-1e9).max(1e9), z.string().max(10000), z.array(z.string().max(64)).max(200)]);
export const AnswersSchema = z.record(z.string().max(64), AnswerValueSchema);
export type Answers = z.infer<typeof AnswersSchema>;

/** What the respondent page needs: no sign-in, no names of anyone. */
export const RespondentSurveySchema = z.object({
  campaignTitle: z.string(),
  privacyMode: PrivacyModeSchema,
  information: z.partialRecord(LanguageSchema, z.string()),
  dataController: z.string(),
  ethicsApproval: z.string(),
  languages: z.array(LanguageSchema),
  language: LanguageSchema,
  group: StakeholderGroupSchema,
  waveClosesOn: IsoDateSchema,
  instrumentVersionId: IdSchema,
  definition: InstrumentDefinitionSchema,
  attribution: z.string(),
  answers: AnswersSchema,
  consented: z.boolean(),
  submitted: z.boolean(),
  /** Open links: the code to come back with, shown to the respondent (it carries no identity). */
  continuationCode: z.string().optional(),
});

export const SaveDraftBodySchema = z.object({ language: LanguageSchema, answers: AnswersSchema, consented: z.literal(true) });

export const ProgramDirectoryEntrySchema = z.object({
  programId: IdSchema,
  programName: z.string(),
  setting: z.string(),
  organizationId: IdSchema,
  organizationName: z.string(),
  countryCode: CountryCodeSchema,
});

/** A count of responses that is withheld (null) when it is about 1 … k−1 respondents, or would let one be worked out. */
export const ProgressCellSchema = z.object({
  waveId: IdSchema,
  key: z.string(),
  label: z.string(),
  responses: z.number().int().nullable(),
  invited: z.number().int().nullable(),
  /** Responses of invitations ÷ invitations, when both are shown. */
  rate: z.number().nullable(),
  suppressed: z.boolean(),
});

export const CampaignProgressSchema = z.object({
  k: z.number().int(),
  waves: z.array(z.object({ waveId: IdSchema, name: z.string(), responses: z.number().int().nullable(), invited: z.number().int().nullable(), suppressed: z.boolean() })),
  byProgram: z.array(ProgressCellSchema),
  byCountry: z.array(ProgressCellSchema),
  byGroup: z.array(ProgressCellSchema),
});
export type CampaignProgress = z.infer<typeof CampaignProgressSchema>;

export const CampaignProgramParamsSchema = z.object({ id: IdSchema, programId: IdSchema });
export const CampaignWaveParamsSchema = z.object({ id: IdSchema, waveId: IdSchema });

/** A summary of scale scores for one group of respondents; figures null when withheld (fewer than k, or differencing). */
export const ScoreSummarySchema = z.object({
  key: z.string(),
  label: z.string(),
  n: z.number().int().nullable(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  /** Quartiles for a box plot: min, q1, median, q3, max. */
  quartiles: z.array(z.number()).length(5).nullable(),
  /** Respondents per bin of the scale's range (the bins of `ScaleResult.bins`). */
  histogram: z.array(z.number().int()).nullable(),
  suppressed: z.boolean(),
});
export type ScoreSummary = z.infer<typeof ScoreSummarySchema>;

export const AlphaSummarySchema = z.object({
  key: z.string(),
  label: z.string(),
  n: z.number().int().nullable(),
  alpha: z.number().nullable(),
  items: z.array(z.object({ name: z.string(), itemRest: z.number().nullable() })),
  suppressed: z.boolean(),
  /** Why alpha could not be computed (too few items with variance …), when it could not. */
  problem: z.string().nullable(),
});

export const RESULT_DIMENSIONS = ['country', 'group', 'program', 'setting', 'wave', 'language'] as const;

export const ScaleResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  outcome: z.boolean(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** Lower edges of the histogram bins, and the last upper edge. */
  bins: z.array(z.number()),
  overall: ScoreSummarySchema,
  by: z.object({
    country: z.array(ScoreSummarySchema),
    group: z.array(ScoreSummarySchema),
    program: z.array(ScoreSummarySchema),
    setting: z.array(ScoreSummarySchema),
    wave: z.array(ScoreSummarySchema),
    language: z.array(ScoreSummarySchema),
  } satisfies Record<(typeof RESULT_DIMENSIONS)[number], unknown>),
  alpha: z.object({ overall: AlphaSummarySchema, byCountry: z.array(AlphaSummarySchema), byLanguage: z.array(AlphaSummarySchema) }),
  /** Agreement within programs (rwg(j), uniform null), per program with at least k respondents. */
  rwg: z.array(z.object({ programId: IdSchema, label: z.string(), n: z.number().int().nullable(), rwg: z.number().nullable(), suppressed: z.boolean() })),
  /** How much of the variance lies between programs: ICC(1), and the reliability of program means ICC(2). */
  icc: z.object({ icc1: z.number().nullable(), icc2: z.number().nullable(), programs: z.number().int(), n: z.number().int(), problem: z.string().nullable() }),
});
export type ScaleResult = z.infer<typeof ScaleResultSchema>;

export const CampaignResultsSchema = z.object({
  k: z.number().int(),
  waveId: IdSchema.nullable(),
  responses: z.number().int(),
  scales: z.array(ScaleResultSchema),
});
export type CampaignResults = z.infer<typeof CampaignResultsSchema>;

export const CampaignResultsQuerySchema = z.object({ waveId: IdSchema.optional(), language: LanguageSchema.optional() });

/** A response file (CSV), base64-encoded. */
export const ImportResponsesBodySchema = z.object({
  filename: z.string().trim().min(1).max(255).optional(),
  content: z.string().max(90 * 1024 * 1024, 'the file is too large').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
export const ImportResponsesResultSchema = z.object({ imported: z.number().int() });

export const CAMPAIGN_EXPORT_FORMATS = ['csv', 'long', 'redcap', 'spss', 'stata', 'r'] as const;
export const CampaignExportQuerySchema = z.object({ format: z.enum(CAMPAIGN_EXPORT_FORMATS), language: LanguageSchema.default('en'), waveId: IdSchema.optional() });
