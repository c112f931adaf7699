import { sql, type SQL } from 'drizzle-orm';
import { schema, type Db } from '@alongside/db';
import type { AuditAction, AuditPurpose } from '@alongside/contracts';
import type { Actor, RequestOrigin } from './actor.ts';
import { roleFor } from './actor.ts';

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  organizationId?: string | null;
  teamId?: string | null;
  purpose?: AuditPurpose;
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

/**
 * A list read: one entry per organization the returned rows belong to, each with the ids it returned there (and
 * the persons they are about, when rows carry `personId`) — never text — so that every organization's audit viewer
 * sees its own part of a list that spans several. A list that returned nothing is recorded once, under
 * `emptyOrganizationId`.
 */
export async function writeListAudit(
  db: Executor,
  who: Actor,
  entry: Omit<AuditEntry, 'entityId' | 'organizationId'> & { emptyOrganizationId?: string | null },
  rows: readonly { id: string; organizationId: string; personId?: string }[],
) {
  const { emptyOrganizationId = null, details, ...rest } = entry;
  const parts = new Map<string | null, (typeof rows)[number][]>();
  for (const row of rows) parts.set(row.organizationId, [...(parts.get(row.organizationId) ?? []), row]);
  if (parts.size === 0) parts.set(emptyOrganizationId, []);
  for (const [organizationId, part] of parts) {
    const personIds = [...new Set(part.flatMap((r) => (r.personId ? [r.personId] : [])))];
    await writeAudit(db, who, {
      ...rest,
      organizationId,
      details: { ...details, count: part.length, ids: part.map((r) => r.id), ...(personIds.length ? { personIds } : {}) },
    });
  }
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
