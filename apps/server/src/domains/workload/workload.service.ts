import type { Db } from '@alongside/db';
import type { TeamWorkload, Workload } from '@alongside/contracts';
import { distribution, effectiveK, lastCompletedWeekEnd } from '@alongside/stats';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { canSeeTeamWorkload, hasOwnWorkload, supervisedTeamIds, workloadFlags } from './workload.policy.ts';
import * as repo from './workload.repo.ts';
import { isPeerRole } from '../../lib/care-access.ts';
import type { TeamLookup } from '../structure/structure.service.ts';

export interface WorkloadDeps {
  db: Db;
  teams: TeamLookup;
  clock: Clock;
}

// A PSP's workload is about that PSP: audit entries stay in the log but out of the employer's audit viewer.
const PRIVATE = 'wellbeing_private' as const;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Workload from the practice data: the PSP's own, their supervisor's view, and team distributions for managers. */
export function createWorkloadService({ db, clock, teams }: WorkloadDeps) {
  /** The `weeks` weeks up to `to` (now, for a PSP's own figures). */
  function periodOf(weeks: number, to = clock.now()) {
    return { from: new Date(to.getTime() - weeks * 7 * 86_400_000), to, weeks };
  }

  function figures(row: repo.WorkloadRow, weeks: number) {
    return {
      activeCaseload: row.caseload,
      coveringPersons: row.covering,
      contactsPerWeek: round1(row.contacts / weeks),
      contactHoursPerWeek: round1(row.minutes / 60 / weeks),
      crisisContacts: row.crisis,
      peerWorkSharePct: row.minutes > 0 ? round1((100 * row.peer_minutes) / row.minutes) : null,
    };
  }

  async function workloads(userIds: string[], organizationId: string, weeks: number): Promise<Workload[]> {
    const organization = await repo.findOrganization(db, organizationId);
    const thresholds = {
      caseload: organization!.caseloadThreshold,
      weeklyContactHours: organization!.weeklyContactHoursThreshold,
    };
    const period = periodOf(weeks);
    const before = { from: new Date(period.from.getTime() - weeks * 7 * 86_400_000), to: period.from, weeks };
    const [rows, previousRows] = await Promise.all([
      repo.workloadFigures(db, userIds, { organizationId }, period),
      repo.workloadFigures(db, userIds, { organizationId }, before),
    ]);
    const previousById = new Map(previousRows.map((r) => [r.id, figures(r, weeks)]));
    return rows.map((row) => {
      const f = figures(row, weeks);
      const p = previousById.get(row.id);
      return {
        user: { id: row.id, name: row.name },
        period: { from: period.from.toISOString(), to: period.to.toISOString(), weeks },
        ...f,
        thresholds,
        flags: workloadFlags(f, thresholds),
        previous: {
          contactsPerWeek: p?.contactsPerWeek ?? 0,
          contactHoursPerWeek: p?.contactHoursPerWeek ?? 0,
          crisisContacts: p?.crisisContacts ?? 0,
          peerWorkSharePct: p?.peerWorkSharePct ?? null,
        },
      };
    });
  }

  return {
    /** My own workload, in the organization where I hold a peer role. */
    async me(actor: Actor, query: { weeks: number }): Promise<Workload> {
      const membership = actor.memberships.find((m) => isPeerRole(m.role));
      if (!membership || !hasOwnWorkload(actor)) throw notFound('Workload');
      const [mine] = await workloads([actor.userId], membership.organizationId, query.weeks);
      await writeAudit(db, actor, {
        action: 'workload.read',
        entityType: 'user',
        entityId: actor.userId,
        organizationId: membership.organizationId,
        purpose: PRIVATE,
      });
      return mine!;
    },

    /** A peer supervisor: the PSPs of the teams where they are peer supervisor, in name order (never ranked). */
    async supervised(actor: Actor, query: { weeks: number }): Promise<Workload[]> {
      const psps = (await repo.findPsps(db, supervisedTeamIds(actor))).filter((p) => p.userId !== actor.userId);
      const byOrganization = new Map<string, Set<string>>();
      for (const p of psps)
        byOrganization.set(p.organizationId, (byOrganization.get(p.organizationId) ?? new Set()).add(p.userId));
      const result: Workload[] = [];
      for (const [organizationId, userIds] of byOrganization) {
        result.push(...(await workloads([...userIds], organizationId, query.weeks)));
        await writeAudit(db, actor, {
          action: 'workload.list',
          entityType: 'user',
          organizationId,
          purpose: PRIVATE,
          details: { userIds: [...userIds].slice(0, 100) },
        });
      }
      return result.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.user.id.localeCompare(b.user.id));
    },

    /** A team's workload as distributions over its PSPs; suppressed below k PSPs. */
    async team(actor: Actor, teamId: string, query: { weeks: number }): Promise<TeamWorkload> {
      const team = await teams.find(teamId);
      if (!team || !canSeeTeamWorkload(actor, team)) throw notFound('Team');
      const organization = await repo.findOrganization(db, team.organizationId);
      const k = effectiveK('internal', organization!.privacyThresholdK);
      // Whole completed weeks: a window ending now would move with each contact one PSP logs.
      const period = periodOf(query.weeks, lastCompletedWeekEnd(clock.now()));
      const userIds = [...new Set((await repo.findPsps(db, [teamId])).map((p) => p.userId))];
      const rows = (
        await repo.workloadFigures(db, userIds, { organizationId: team.organizationId, teamId }, period)
      ).map((r) => figures(r, query.weeks));
      await writeAudit(db, actor, {
        action: 'team_workload.read',
        entityType: 'team',
        entityId: teamId,
        organizationId: team.organizationId,
        purpose: 'quality improvement',
      });
      return {
        teamId,
        teamName: team.name,
        period: { from: period.from.toISOString(), to: period.to.toISOString(), weeks: query.weeks },
        k,
        psps: rows.length,
        activeCaseload: distribution(
          rows.map((r) => r.activeCaseload),
          k,
        ),
        contactsPerWeek: distribution(
          rows.map((r) => r.contactsPerWeek),
          k,
        ),
        contactHoursPerWeek: distribution(
          rows.map((r) => r.contactHoursPerWeek),
          k,
        ),
        peerWorkSharePct: distribution(
          rows.map((r) => r.peerWorkSharePct),
          k,
        ),
      };
    },
  };
}

export type WorkloadService = ReturnType<typeof createWorkloadService>;
