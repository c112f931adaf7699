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

const InformantFieldsSchema = z.object({
  /** How the study names the informant: never their name. */
  pseudonym: z.string().trim().min(1).max(60),
  group: StakeholderGroupSchema,
  countryCode: CountryCodeSchema,
  setting: ProgramSettingSchema.nullable().default(null),
  consentDate: IsoDateSchema,
  consentScope: z
    .array(ConsentScopeSchema)
    .max(2)
    .default([])
    .refine((scope) => new Set(scope).size === scope.length, 'names a scope twice'),
});

export const CreateInformantBodySchema = InformantFieldsSchema;
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

const CodeFieldsSchema = z.object({
  name: z.string().trim().min(1).max(120),
  definition: z.string().trim().max(4000).default(''),
  /** When to use the code, and when not; an example of a passage it fits. */
  include: z.string().trim().max(4000).default(''),
  exclude: z.string().trim().max(4000).default(''),
  example: z.string().trim().max(4000).default(''),
  color: ColorSchema.default('#1D4ED8'),
  /** False for a code that only groups others. */
  codable: z.boolean().default(true),
  parentId: IdSchema.nullable().default(null),
});

export const CreateCodeBodySchema = CodeFieldsSchema;
/** A change to a code; a new parentId moves it (and its children) in the tree. */
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
