import { z } from 'zod';
import { EmailSchema, IdSchema, IsoDateSchema, IsoDateTimeSchema, NameSchema, VersionSchema } from './common.ts';
import { StakeholderGroupSchema } from './instruments.ts';
import { CountryCodeSchema, ProgramSettingSchema } from './vocabulary.ts';

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
