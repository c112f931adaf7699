import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common.ts';

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
