import type { z } from 'zod';
import type { Db } from '@alongside/db';
import type {
  CreateStepAwayBody,
  ListStepAwaysQuerySchema,
  ReturnStepAwayBodySchema,
  StepAway,
} from '@alongside/contracts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit, writeListAudit } from '../../lib/audit.ts';
import { careTeams } from '../../lib/care-access.ts';
import type { Clock } from '../../lib/clock.ts';
import { iso } from '../../lib/iso.ts';
import { AppError, badRequest, forbidden, notFound, versionConflict } from '../../lib/errors.ts';
import { canRecordReturn, canStartStepAway, stepAwayView } from './step-aways.policy.ts';
import * as repo from './step-aways.repo.ts';
import type { TeamLookup } from '../structure/structure.service.ts';

export interface StepAwaysDeps {
  db: Db;
  teams: TeamLookup;
  clock: Clock;
}

// A PSP's step-aways, supervision and workload are about that PSP: their audit entries stay in the log but out of
// the employer's audit viewer (see audit.repo.ts).
const PRIVATE = 'wellbeing_private' as const;
const today = (clock: Clock) => clock.now().toISOString().slice(0, 10);
// The same answer whether the check before the insert or the unique index (two requests at once) finds it.
const alreadyAway = () =>
  new AppError(409, 'already_away', 'userId: is already away from this team; record the return first.', [
    { field: 'userId', message: 'is already away from this team; record the return first' },
  ]);

/** Step-aways: time away without a reason, with the caseload covered by colleagues of the team. */
export function createStepAwaysService({ db, clock, teams }: StepAwaysDeps) {
  async function read(
    actor: Actor,
    filter: Parameters<typeof repo.findStepAways>[2],
  ): Promise<(StepAway & { organizationId: string })[]> {
    const rows = await repo.findStepAways(db, { userId: actor.userId, peerTeamIds: careTeams(actor).peer }, filter);
    const coverage = await repo.findCoverage(
      db,
      rows.map((r) => r.id),
    );
    const now = today(clock);
    return rows.map((r) => {
      const view = stepAwayView(actor, { userId: r.user_id, teamId: r.team_id });
      // Hand-over notes are peer-tier: the PSP who wrote them still reads them after leaving the team's peer staff.
      const full = view === 'full';
      return {
        id: r.id,
        organizationId: r.organization_id,
        user: { id: r.user_id, name: r.user_name },
        teamId: r.team_id,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        isActive: r.returned_at === null && r.starts_on <= now,
        ...(full
          ? {
              startedBy: { id: r.started_by, name: r.started_by_name },
              agreementMethod: r.agreement_method as StepAway['agreementMethod'],
              returnPlan: (r.return_plan ?? null) as StepAway['returnPlan'],
            }
          : {}),
        returnedAt: r.returned_at ? iso(r.returned_at) : null,
        coverage: coverage
          .filter((c) => c.step_away_id === r.id)
          .map((c) => ({
            personId: c.person_id,
            personName: c.person_name,
            coveredBy: { id: c.covering_user_id, name: c.covering_name },
            handoverNote: c.handover_note,
            openVoiceItems: c.open_voice_items,
            pendingConnections: c.pending_connections,
            handedBackAt: c.handed_back_at ? iso(c.handed_back_at) : null,
            handBackNote: c.hand_back_note,
          })),
        createdAt: iso(r.created_at),
        version: r.version,
      };
    });
  }

  const strip = ({ organizationId: _o, ...stepAway }: StepAway & { organizationId: string }): StepAway => stepAway;

  async function readOne(actor: Actor, id: string) {
    const [row] = await read(actor, { id });
    if (!row) throw notFound('Step-away');
    return row;
  }

  return {
    async list(actor: Actor, query: z.infer<typeof ListStepAwaysQuerySchema>): Promise<StepAway[]> {
      const rows = await read(actor, query);
      await writeListAudit(db, actor, { action: 'step_away.list', entityType: 'step_away', purpose: PRIVATE }, rows);
      return rows.map(strip);
    },

    async get(actor: Actor, id: string): Promise<StepAway> {
      const row = await readOne(actor, id);
      await writeAudit(db, actor, {
        action: 'step_away.read',
        entityType: 'step_away',
        entityId: id,
        organizationId: row.organizationId,
        purpose: PRIVATE,
      });
      return strip(row);
    },

    /** Starts a step-away and hands each person of the PSP's caseload in the team over to a colleague. */
    async create(actor: Actor, body: CreateStepAwayBody): Promise<StepAway> {
      const userId = body.userId ?? actor.userId;
      const team = await teams.find(body.teamId);
      const decision = team ? canStartStepAway(actor, team.id, userId, body.agreementMethod) : 'not_found';
      if (!team || decision === 'not_found') throw notFound('Team');
      if (decision === 'forbidden')
        throw forbidden('A step-away is started by the PSP, or by their peer supervisor with their agreement.');
      if (decision === 'agreement_required')
        throw badRequest('agreementMethod', 'record how the PSP agreed to this step-away');
      const staff = await teams.peerStaffIds(team.id);
      if (!staff.has(userId))
        throw badRequest('userId', 'must be a peer support worker or peer supervisor of the team');
      if ((await repo.findAwayUserIds(db, [userId], team.id)).size > 0) throw alreadyAway();

      const caseload = new Set((await repo.findPrimaryCaseload(db, team.id, userId)).map((p) => p.id));
      const chosen = new Map(body.coverage.map((c) => [c.personId, c]));
      if (chosen.size !== body.coverage.length) throw badRequest('coverage', 'name each person once');
      if ([...chosen.keys()].some((id) => !caseload.has(id)))
        throw badRequest('coverage', 'must only name persons for whom the PSP is the primary PSP in this team');
      if ([...caseload].some((id) => !chosen.has(id)))
        throw badRequest('coverage', 'choose who covers each person on the caseload');
      const coveringIds = [...new Set(body.coverage.map((c) => c.coveringUserId))];
      if (coveringIds.some((id) => id === userId || !staff.has(id)))
        throw badRequest('coverage', 'each person must be covered by another peer staff member of the team');
      if ((await repo.findAwayUserIds(db, coveringIds)).size > 0)
        throw badRequest('coverage', 'a colleague who is away cannot cover');

      const isOnBehalf = userId !== actor.userId;
      const id = await db.transaction(async (tx) => {
        const row = await repo.insertStepAway(tx, {
          userId,
          organizationId: team.organizationId,
          teamId: team.id,
          startsOn: body.startsOn,
          endsOn: body.endsOn ?? null,
          startedBy: actor.userId,
          agreementMethod: isOnBehalf ? (body.agreementMethod ?? null) : null,
          createdAt: clock.now(),
        });
        // A second request for the same PSP and team, sent at the same moment, passed the check above too.
        if (!row) throw alreadyAway();
        await repo.insertCoverage(
          tx,
          body.coverage.map((c) => ({
            stepAwayId: row.id,
            personId: c.personId,
            coveringUserId: c.coveringUserId,
            handoverNote: c.handoverNote,
            createdAt: clock.now(),
          })),
        );
        // Identifiers only: no dates beyond the start, no notes, never a reason (there is none).
        await writeAudit(tx, actor, {
          action: 'step_away.create',
          entityType: 'step_away',
          entityId: row.id,
          organizationId: team.organizationId,
          teamId: team.id,
          purpose: PRIVATE,
          details: {
            userId,
            onBehalf: isOnBehalf,
            personIds: [...chosen.keys()].slice(0, 100),
            coveringUserIds: coveringIds,
          },
        });
        return row.id;
      });
      return strip(await readOne(actor, id));
    },

    /** The PSP is back: the return plan is recorded, each person handed back (with a note), coverage closed. */
    async recordReturn(actor: Actor, id: string, body: z.infer<typeof ReturnStepAwayBodySchema>): Promise<StepAway> {
      const current = await readOne(actor, id);
      if (!canRecordReturn(actor, { userId: current.user.id, teamId: current.teamId })) {
        throw forbidden('The return is recorded by the PSP, or by their peer supervisor with them.');
      }
      if (current.returnedAt) throw new AppError(409, 'already_returned', 'This step-away has already ended.');
      const covered = new Set(current.coverage.map((c) => c.personId));
      if (body.handBack.some((h) => !covered.has(h.personId)))
        throw badRequest('handBack', 'must only name persons covered during this step-away');
      const now = clock.now();
      await db.transaction(async (tx) => {
        const updated = await repo.markReturned(tx, id, body.version, { returnedAt: now, returnPlan: body.returnPlan });
        if (!updated) throw versionConflict();
        const closed = await repo.closeCoverage(tx, id, now, new Map(body.handBack.map((h) => [h.personId, h.note])));
        await writeAudit(tx, actor, {
          action: 'step_away.return',
          entityType: 'step_away',
          entityId: id,
          organizationId: current.organizationId,
          teamId: current.teamId,
          purpose: PRIVATE,
          details: { userId: current.user.id, personsHandedBack: closed, returnSteps: body.returnPlan.length },
        });
      });
      return strip(await readOne(actor, id));
    },

    /** For the team board: who is away today and who covers — names only, no reason, no health information. */
    async awayInTeam(teamId: string) {
      const rows = await repo.findAwayInTeam(db, teamId, today(clock));
      return rows.map((r) => ({ id: r.id, name: r.name, coveredBy: r.covered_by }));
    },
  };
}

export type StepAwaysService = ReturnType<typeof createStepAwaysService>;
