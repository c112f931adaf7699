import { z } from 'zod';
import { EmailSchema, IdSchema, NameSchema, NewPasswordSchema } from './common.ts';
import { LanguageSchema, RoleSchema } from './vocabulary.ts';

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  language: LanguageSchema,
  isPlatformAdmin: z.boolean(),
  createdAt: z.string(),
  roles: z.array(
    z.object({ role: RoleSchema, teamId: IdSchema.nullable(), teamName: z.string().nullable(), organizationId: IdSchema }),
  ),
});
export type User = z.infer<typeof UserSchema>;

export const CreateUserBodySchema = z.object({
  email: EmailSchema,
  name: NameSchema,
  password: NewPasswordSchema,
  language: LanguageSchema.default('en'),
  isPlatformAdmin: z.boolean().default(false),
});

export const InvitationSchema = z.object({
  id: IdSchema,
  email: z.string(),
  organizationId: IdSchema,
  teamId: IdSchema.nullable(),
  teamName: z.string().nullable(),
  role: RoleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  invitedByName: z.string(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

export const CreateInvitationBodySchema = z
  .object({
    email: EmailSchema,
    organizationId: IdSchema,
    teamId: IdSchema.optional(),
    role: RoleSchema,
  })
  .superRefine((v, ctx) => {
    if (v.role === 'org_admin' && v.teamId) {
      ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'must be empty for org_admin' });
    }
    if (v.role !== 'org_admin' && !v.teamId) {
      ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'is required for a team role' });
    }
  });

/** What the person following an invitation link sees before accepting. */
export const InvitationPreviewSchema = z.object({
  email: z.string(),
  organizationName: z.string(),
  teamName: z.string().nullable(),
  role: RoleSchema,
  hasAccount: z.boolean(),
  expiresAt: z.string(),
});

export const AcceptInvitationBodySchema = z.object({
  name: NameSchema,
  password: NewPasswordSchema,
  language: LanguageSchema.default('en'),
});

export const OutboxMessageSchema = z.object({
  id: IdSchema,
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  error: z.string().nullable(),
});

export const TokenParamsSchema = z.object({ token: z.string().min(20).max(200) });
