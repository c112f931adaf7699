import { z } from 'zod';
import { EmailSchema, IdSchema, IsoDateSchema, IsoDateTimeSchema, NameSchema, VersionSchema } from './common.ts';
import { StakeholderGroupSchema } from './instruments.ts';
import { CountryCodeSchema, LanguageSchema, ProgramSettingSchema } from './vocabulary.ts';

// The case study (issue 11): a study with its members and its informants. Membership scopes everything: outside a
// study nothing of it exists (404). Informants are people: every read and write is audited, and what their consent
// allows (quotes published, audio kept) travels with them.

/** lead: runs the study (members, informants, revealing blind coding); coder: codes; reader: reads. */
export const STUDY_ROLES = ['lead', 'coder', 'reader'] as const;
export const StudyRoleSchema = z.enum(STUDY_ROLES);
export type StudyRole = z.infer<typeof StudyRoleSchema>;

/** What an informant agreed to, beyond taking part. */
export const CONSENT_SCOPES = ['quotes_published', 'audio_kept'] as const;
export const ConsentScopeSchema = z.enum(CONSENT_SCOPES);

export const CreateStudyBodySchema = z.object({
  title: NameSchema,
  description: z.string().trim().max(4000).default(''),
});

export const StudyMemberSchema = z.object({ userId: IdSchema, name: z.string(), role: StudyRoleSchema, addedAt: IsoDateTimeSchema });

export const StudySummarySchema = z.object({
  id: IdSchema,
  title: z.string(),
  description: z.string(),
  myRole: StudyRoleSchema,
  createdAt: IsoDateTimeSchema,
});

export const StudySchema = StudySummarySchema.extend({ members: z.array(StudyMemberSchema), version: z.number().int() });
export type Study = z.infer<typeof StudySchema>;

export const AddStudyMemberBodySchema = z.object({ email: EmailSchema, role: StudyRoleSchema });

export const StudyMemberParamsSchema = z.object({ id: IdSchema, userId: IdSchema });

const ConsentScopesSchema = z
  .array(ConsentScopeSchema)
  .max(2)
  .refine((scope) => new Set(scope).size === scope.length, 'names a scope twice');

const InformantFieldsSchema = z.object({
  /** How the study names the informant: never their name. */
  pseudonym: z.string().trim().min(1).max(60),
  group: StakeholderGroupSchema,
  countryCode: CountryCodeSchema,
  setting: ProgramSettingSchema.nullable(),
  consentDate: IsoDateSchema,
  consentScope: ConsentScopesSchema,
});

export const CreateInformantBodySchema = InformantFieldsSchema.extend({
  setting: ProgramSettingSchema.nullable().default(null),
  consentScope: ConsentScopesSchema.default([]),
});
/** Only the fields sent change (no defaults here: a field left out keeps its value). */
export const UpdateInformantBodySchema = InformantFieldsSchema.partial().extend({ version: VersionSchema });

export const InformantSchema = z.object({
  id: IdSchema,
  studyId: IdSchema,
  pseudonym: z.string(),
  group: StakeholderGroupSchema,
  countryCode: CountryCodeSchema,
  setting: ProgramSettingSchema.nullable(),
  consentDate: IsoDateSchema,
  consentScope: z.array(ConsentScopeSchema),
  version: z.number().int(),
  createdAt: IsoDateTimeSchema,
});
export type Informant = z.infer<typeof InformantSchema>;

export const InformantParamsSchema = z.object({ id: IdSchema, informantId: IdSchema });

/** #RRGGBB in upper case. */
const ColorSchema = z
  .string()
  .max(7)
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #RRGGBB')
  .transform((c) => c.toUpperCase());

const NoteSchema = z.string().trim().max(4000);

const CodeFieldsSchema = z.object({
  name: z.string().trim().min(1).max(120),
  definition: NoteSchema,
  /** When to use the code, and when not; an example of a passage it fits. */
  include: NoteSchema,
  exclude: NoteSchema,
  example: NoteSchema,
  color: ColorSchema,
  /** False for a code that only groups others. */
  codable: z.boolean(),
  parentId: IdSchema.nullable(),
});

export const CreateCodeBodySchema = CodeFieldsSchema.extend({
  definition: NoteSchema.default(''),
  include: NoteSchema.default(''),
  exclude: NoteSchema.default(''),
  example: NoteSchema.default(''),
  color: ColorSchema.default('#1D4ED8'),
  codable: z.boolean().default(true),
  parentId: IdSchema.nullable().default(null),
});
/** A change to a code: only the fields sent change; a new parentId moves it (and its children) in the tree. */
export const UpdateCodeBodySchema = CodeFieldsSchema.partial().extend({ version: VersionSchema });

/** A code with its children: the codebook as a tree. */
export const StudyCodeSchema = z.object({
  id: IdSchema,
  parentId: IdSchema.nullable(),
  name: z.string(),
  definition: z.string(),
  include: z.string(),
  exclude: z.string(),
  example: z.string(),
  color: z.string(),
  codable: z.boolean(),
  version: z.number().int(),
  get children(): z.ZodArray<typeof StudyCodeSchema> {
    return z.array(StudyCodeSchema);
  },
}).meta({ id: 'StudyCode' });
export type StudyCode = z.infer<typeof StudyCodeSchema>;

export const CodeParamsSchema = z.object({ id: IdSchema, codeId: IdSchema });
export const StarterCodebookBodySchema = z.object({ language: LanguageSchema });

/** The largest transcript accepted (a long interview's text is well under 1 MB). */
export const MAX_TRANSCRIPT_BYTES = 8 * 1024 * 1024;

/** A transcript file, base64-encoded as every upload is: .txt, .docx, .vtt or .srt (from the name's extension). */
export const UploadSourceBodySchema = z.object({
  filename: z.string().trim().min(1).max(255),
  content: z
    .string()
    .max(Math.ceil((MAX_TRANSCRIPT_BYTES * 4) / 3) + 8, 'the file is too large')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  name: z.string().trim().min(1).max(200).optional(),
  informantId: IdSchema.nullable().default(null),
  language: LanguageSchema.nullable().default(null),
});

export const SOURCE_STATUSES = ['redaction', 'ready'] as const;
export const TRANSCRIPT_FORMATS = ['text', 'docx', 'vtt', 'srt'] as const;

const SpanSchema = z.object({ start: z.number().int().min(0).max(100_000_000), end: z.number().int().min(0).max(100_000_000) });

export const SourceSummarySchema = z.object({
  id: IdSchema,
  name: z.string(),
  format: z.enum(TRANSCRIPT_FORMATS),
  informantId: IdSchema.nullable(),
  language: LanguageSchema.nullable(),
  /** redaction: only the uploader sees it, until they confirm what to redact; ready: every member. */
  status: z.enum(SOURCE_STATUSES),
  uploadedBy: IdSchema,
  /** Characters (code points). */
  length: z.number().int(),
  version: z.number().int(),
  createdAt: IsoDateTimeSchema,
});

export const SourceSchema = SourceSummarySchema.extend({
  /** NFC, LF line ends; every offset counts code points. */
  text: z.string(),
  turns: z.array(z.object({ speaker: z.string(), start: z.number().int(), end: z.number().int() })),
  syncPoints: z.array(z.object({ offset: z.number().int(), ms: z.number().int() })),
  /** While in redaction: the spans that may be names or places, for the uploader to confirm. */
  candidates: z.array(SpanSchema),
});
export type Source = z.infer<typeof SourceSchema>;

export const ConfirmRedactionBodySchema = z.object({ redact: z.array(SpanSchema).max(20_000), version: VersionSchema });
export const SourceParamsSchema = z.object({ id: IdSchema, sourceId: IdSchema });
