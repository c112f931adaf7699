import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { schema, type Db } from '@alongside/db';
import type { AuditQuery } from '@alongside/contracts';

const { auditEvents, users } = schema;

/** Audit entries of the given organizations ('all' for the platform), newest first. */
export function findAuditEvents(db: Db, organizationIds: string[] | 'all', query: AuditQuery) {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorUserId: auditEvents.actorUserId,
      actorName: users.name,
      actorRole: auditEvents.actorRole,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      organizationId: auditEvents.organizationId,
      ip: auditEvents.ip,
      requestId: auditEvents.requestId,
      purpose: auditEvents.purpose,
      // The ids a list read returned (lib/audit.ts writeListAudit): only ids are ever stored there.
      ids: sql<string[]>`coalesce(${auditEvents.details}->'ids', '[]'::jsonb)`,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        organizationIds === 'all' ? undefined : organizationIds.length ? inArray(auditEvents.organizationId, organizationIds) : sql`false`,
        // Entries about one PSP's own wellbeing stay in the log but out of the viewer: when someone checks in,
        // dismisses a nudge or shares their trend is itself wellbeing information their employer must not see.
        sql`${auditEvents.purpose} IS DISTINCT FROM 'wellbeing_private'`,
        query.entity ? eq(auditEvents.entityType, query.entity) : undefined,
        query.entityId ? eq(auditEvents.entityId, query.entityId) : undefined,
        query.actor ? eq(auditEvents.actorUserId, query.actor) : undefined,
        query.action ? eq(auditEvents.action, query.action) : undefined,
        query.from ? gte(auditEvents.at, new Date(query.from)) : undefined,
        query.to ? lte(auditEvents.at, new Date(query.to)) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(query.limit);
}
