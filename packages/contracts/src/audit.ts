import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common.ts';

// The audit vocabulary: every action and purpose an audit entry can carry. The server's audit writer takes only
// these (lib/audit.ts), so a new kind of read or write is named here first.

export const AUDIT_ACTIONS = [
  'audit.export',
  'audit.read',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'connection.create',
  'connection.list',
  'connection.read',
  'connection.update',
  'consent.list',
  'consent.record',
  'contact.correct',
  'contact.create',
  'contact.list',
  'contact.read',
  'contact.update',
  'huddle.create',
  'huddle.list',
  'huddle_item.create',
  'indicators.read',
  'invitation.accept',
  'invitation.create',
  'membership.create',
  'membership.delete',
  'organization.create',
  'person.create',
  'person.list',
  'person.read',
  'person.update',
  'program.create',
  'program.update',
  'step_away.create',
  'step_away.list',
  'step_away.read',
  'step_away.return',
  'supervision_session.create',
  'supervision_session.list',
  'sustainability.read',
  'team.create',
  'team_board.read',
  'team_workload.read',
  'user.create',
  'user.password_change',
  'user.password_reset',
  'user.profile_update',
  'voice_item.acknowledge',
  'voice_item.answer',
  'voice_item.create',
  'voice_item.list',
  'voice_item.read',
  'voice_item.return',
  'voice_item.share',
  'voice_item.withdraw',
  'wellbeing.check_in.create',
  'wellbeing.check_in.list',
  'wellbeing.me.read',
  'wellbeing.nudge.dismiss',
  'wellbeing.pulse.create',
  'wellbeing.pulse.list',
  'wellbeing.share.create',
  'wellbeing.share.list',
  'wellbeing.share.revoke',
  'wellbeing.shared_trend.read',
  'wellbeing.team_aggregate.read',
  'workload.list',
  'workload.read',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Why the data was read or written (the GDPR and PHIPA purpose of the processing). */
export const AUDIT_PURPOSES = [
  'account',
  'administration',
  'authentication',
  'care',
  'invitation',
  'lockbox',
  'oversight',
  'quality improvement',
  'referral',
  'research_use',
  /** A PSP's own wellbeing: hidden from the audit viewer (it stays in the table). */
  'wellbeing_private',
] as const;
export type AuditPurpose = (typeof AUDIT_PURPOSES)[number];

export const AuditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: IdSchema.nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  organizationId: IdSchema.nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  purpose: z.string().nullable(),
  /** The ids a list read returned (never text). */
  ids: z.array(z.string()),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditQuerySchema = z.object({
  organizationId: IdSchema.optional(),
  entity: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actor: IdSchema.optional(),
  action: z.string().max(100).optional(),
  from: IsoDateTimeSchema.optional(),
  to: IsoDateTimeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
