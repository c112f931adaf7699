import type { z } from 'zod';
import type { Db } from '@alongside/db';
import type {
  CreateSupervisionSessionBodySchema,
  ListSupervisionSessionsQuerySchema,
  SupervisionSession,
} from '@alongside/contracts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit, writeListAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { iso } from '../../lib/iso.ts';
import { badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { canRecordSupervisionSession } from './supervision.policy.ts';
import * as repo from './supervision.repo.ts';

export interface SupervisionDeps {
  db: Db;
  clock: Clock;
}

// A PSP's step-aways, supervision and workload are about that PSP: their audit entries stay in the log but out of
// the employer's audit viewer (see audit.repo.ts).
const PRIVATE = 'wellbeing_private' as const;

const toSession = (r: repo.SessionRow): SupervisionSession => ({
  id: r.id,
  psp: { id: r.psp_id, name: r.psp_name },
  supervisor: { id: r.supervisor_id, name: r.supervisor_name },
  heldAt: iso(r.held_at),
  kind: r.kind as SupervisionSession['kind'],
  notes: r.notes,
  createdAt: iso(r.created_at),
});

/** Supervision sessions: private to the PSP and that supervisor; only counts leave (sustainability figures). */
export function createSupervisionService({ db, clock }: SupervisionDeps) {
  return {
    async list(actor: Actor, query: z.infer<typeof ListSupervisionSessionsQuerySchema>): Promise<SupervisionSession[]> {
      const rows = await repo.findSessions(db, actor.userId, query);
      await writeListAudit(
        db,
        actor,
        { action: 'supervision_session.list', entityType: 'supervision_session', purpose: PRIVATE },
        rows.map((r) => ({ id: r.id, organizationId: r.organization_id })),
      );
      return rows.map(toSession);
    },

    async create(actor: Actor, body: z.infer<typeof CreateSupervisionSessionBodySchema>): Promise<SupervisionSession> {
      if (!canRecordSupervisionSession(actor.userId, body))
        throw forbidden('A supervision session is recorded by the PSP or their supervisor.');
      if (body.pspId === body.supervisorId) throw badRequest('supervisorId', 'must be someone other than the PSP');
      const organizationId = await repo.findSupervisionOrganization(db, body.pspId, body.supervisorId);
      if (!organizationId) {
        throw body.pspId === actor.userId
          ? badRequest('supervisorId', 'must be a peer supervisor or clinician of a team where the PSP works')
          : badRequest('pspId', 'must be peer staff of a team where you supervise');
      }
      const id = await db.transaction(async (tx) => {
        const row = await repo.insertSession(tx, {
          organizationId,
          pspId: body.pspId,
          supervisorId: body.supervisorId,
          heldAt: new Date(body.heldAt),
          kind: body.kind,
          notes: body.notes,
          createdAt: clock.now(),
        });
        // Who and when only: the notes never reach the audit log.
        await writeAudit(tx, actor, {
          action: 'supervision_session.create',
          entityType: 'supervision_session',
          entityId: row.id,
          organizationId,
          purpose: PRIVATE,
          details: { pspId: body.pspId, supervisorId: body.supervisorId, kind: body.kind },
        });
        return row.id;
      });
      const [row] = await repo.findSessions(db, actor.userId, { id });
      if (!row) throw notFound('Supervision session');
      return toSession(row);
    },
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
