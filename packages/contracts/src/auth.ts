import { z } from 'zod';
import { EmailSchema, IdSchema, NewPasswordSchema } from './common.ts';
import { CountryCodeSchema, LanguageSchema, RoleSchema } from './vocabulary.ts';

export const LoginBodySchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, 'is required').max(256),
});

export const ChangePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, 'is required').max(256),
  newPassword: NewPasswordSchema,
});

export const MembershipSchema = z.object({
  id: IdSchema,
  role: RoleSchema,
  organizationId: IdSchema,
  organizationName: z.string(),
  countryCode: CountryCodeSchema,
  programId: IdSchema.nullable(),
  programName: z.string().nullable(),
  teamId: IdSchema.nullable(),
  teamName: z.string().nullable(),
});
export type Membership = z.infer<typeof MembershipSchema>;

export const MeSchema = z.object({
  user: z.object({
    id: IdSchema,
    email: z.string(),
    name: z.string(),
    language: LanguageSchema,
    isPlatformAdmin: z.boolean(),
  }),
  memberships: z.array(MembershipSchema),
  language: LanguageSchema,
  csrfToken: z.string(),
  sessionIdleMinutes: z.number().int(),
});
export type Me = z.infer<typeof MeSchema>;

export const UpdateMeBodySchema = z
  .object({ language: LanguageSchema, name: z.string().trim().min(1).max(200) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'at least one field is required');

export const DemoLoginSchema = z.object({
  email: z.string(),
  password: z.string(),
  roles: z.array(z.string()),
  name: z.string(),
});
export type DemoLogin = z.infer<typeof DemoLoginSchema>;
