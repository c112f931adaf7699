import { z } from 'zod';
import { IdSchema, NameSchema, VersionSchema } from './common.ts';
import { PrivacyThresholdKSchema } from './disclosure.ts';
import {
  CountryCodeSchema,
  EMPLOYER_TYPES,
  ProgramSettingSchema,
  ROLLOUT_PHASES,
  RoleSchema,
  SUPERVISION_MODELS,
} from './vocabulary.ts';

export const CountrySchema = z.object({ code: CountryCodeSchema, name: z.string() });

export const OrganizationSchema = z.object({
  id: IdSchema,
  countryCode: CountryCodeSchema,
  name: z.string(),
  privacyThresholdK: z.number().int(),
  createdAt: z.string(),
  version: VersionSchema,
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const CreateOrganizationBodySchema = z.object({
  countryCode: CountryCodeSchema,
  name: NameSchema,
  privacyThresholdK: PrivacyThresholdKSchema.default(5),
});

/** Program profile: the fields research needs (DOMAIN.md). */
export const ProgramProfileSchema = z.object({
  pspFte: z.number().min(0).max(100).nullable(),
  employerType: z.enum(EMPLOYER_TYPES).nullable(),
  supervisionModel: z.enum(SUPERVISION_MODELS).nullable(),
  championPresent: z.boolean().nullable(),
  rolloutPhase: z.enum(ROLLOUT_PHASES).nullable(),
  strategicPlanPriority: z.boolean().nullable(),
  jobDescriptionAgreed: z.boolean().nullable(),
  clinicianOrientationDone: z.boolean().nullable(),
  peerNetworkAccess: z.boolean().nullable(),
  improvementCycle: z.boolean().nullable(),
});
export type ProgramProfile = z.infer<typeof ProgramProfileSchema>;

/**
 * PSP full-time equivalents as a client may send them: hundredths at the finest (as the web shows them). A tiny
 * non-zero value (1e-146) would underflow the database's `real` column.
 */
const PspFteBodySchema = z
  .number()
  .min(0)
  .max(100)
  .refine((fte) => fte <= 0 || fte >= 0.01, 'must be 0 or at least 0.01')
  .nullable()
  .optional();

/** Days the team has to answer a voice item once it is shared. */
const VoiceAnswerTargetDaysSchema = z.number().int().min(1).max(90);

export const ProgramSchema = ProgramProfileSchema.extend({
  id: IdSchema,
  voiceAnswerTargetDays: VoiceAnswerTargetDaysSchema,
  organizationId: IdSchema,
  name: z.string(),
  setting: ProgramSettingSchema,
  createdAt: z.string(),
  version: VersionSchema,
});
export type Program = z.infer<typeof ProgramSchema>;

export const CreateProgramBodySchema = ProgramProfileSchema.partial().extend({
  pspFte: PspFteBodySchema,
  organizationId: IdSchema,
  voiceAnswerTargetDays: VoiceAnswerTargetDaysSchema.default(7),
  name: NameSchema,
  setting: ProgramSettingSchema,
});

export const UpdateProgramBodySchema = ProgramProfileSchema.partial().extend({
  pspFte: PspFteBodySchema,
  name: NameSchema.optional(),
  voiceAnswerTargetDays: VoiceAnswerTargetDaysSchema.optional(),
  setting: ProgramSettingSchema.optional(),
  version: VersionSchema,
});

export const TeamSchema = z.object({
  id: IdSchema,
  programId: IdSchema,
  organizationId: IdSchema,
  name: z.string(),
  memberCount: z.number().int(),
  createdAt: z.string(),
});
export type Team = z.infer<typeof TeamSchema>;

export const CreateTeamBodySchema = z.object({ programId: IdSchema, name: NameSchema });

export const TeamMemberSchema = z.object({
  membershipId: IdSchema,
  userId: IdSchema,
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  since: z.string(),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const AddTeamMemberBodySchema = z.object({
  userId: IdSchema,
  role: RoleSchema.exclude(['org_admin']),
});

export const ListQuerySchema = z.object({
  organizationId: IdSchema.optional(),
  programId: IdSchema.optional(),
});
