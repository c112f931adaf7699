import { sql, type SQL } from 'drizzle-orm';
import { schema, type Db } from '@alongside/db';
import type { Actor, RequestOrigin } from './actor.ts';
import { roleFor } from './actor.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  organizationId?: string | null;
  teamId?: string | null;
  purpose?: string;
  /** Identifiers and field names only: never the content of health or wellbeing data. */
  details?: Record<string, unknown>;
}

type Executor = Pick<Db, 'insert'>;

/** Writes one audit entry, inside the caller's transaction when given one. */
export async function writeAudit(db: Executor, who: Actor | (RequestOrigin & { userId?: string; role?: string }), entry: AuditEntry) {
  const isActor = 'memberships' in who;
  await db.insert(schema.auditEvents).values({
    actorUserId: isActor ? who.userId : (who.userId ?? null),
    actorRole: isActor ? roleFor(who, entry.organizationId ?? null, entry.teamId) : (who.role ?? null),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    organizationId: entry.organizationId ?? null,
    ip: who.ip,
    requestId: who.requestId,
    purpose: entry.purpose ?? null,
    details: entry.details ?? null,
  });
}

/** Where a statement-level audit entry takes its entity, organization and team from (columns of `from`). */
export interface AuditSource {
  entityId: SQL;
  organizationId: SQL;
  teamId: SQL;
  from: SQL;
}

/**
 * The audit entry as an `INSERT … SELECT … FROM <from>` statement, for a hot path that writes a row and its audit
 * entry in one atomic statement (a data-modifying CTE) instead of a four-round-trip transaction. The actor's role
 * is chosen in SQL from the team the row turned out to belong to.
 */
export function auditInsertFrom(who: Actor, entry: Omit<AuditEntry, 'entityId' | 'organizationId' | 'teamId'>, source: AuditSource): SQL {
  const details = entry.details === undefined ? null : JSON.stringify(entry.details);
  const teamIds = [...new Set(who.memberships.flatMap((m) => (m.teamId ? [m.teamId] : [])))];
  const role =
    teamIds.length === 0
      ? sql`${roleFor(who, null)}`
      : sql`CASE ${source.teamId} ${sql.join(
          teamIds.map((teamId) => sql`WHEN ${teamId}::uuid THEN ${roleFor(who, null, teamId)}`),
          sql` `,
        )} END`;
  return sql`INSERT INTO audit_events (actor_user_id, actor_role, action, entity_type, entity_id, organization_id, ip, request_id, purpose, details)
    SELECT ${who.userId}::uuid, ${role}, ${entry.action}, ${entry.entityType},
           ${source.entityId}, ${source.organizationId}, ${who.ip}, ${who.requestId}, ${entry.purpose ?? null}, ${details}::jsonb
    FROM ${source.from}`;
}
