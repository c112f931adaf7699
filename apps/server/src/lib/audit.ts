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
