import type { Db } from '@alongside/db';
import type { Sustainability } from '@alongside/contracts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { canSeeIndicators, cell, percent } from '../indicators/indicators.policy.ts';
import { daysAwayIn } from './sustainability.policy.ts';
import * as repo from './sustainability.repo.ts';

export interface SustainabilityDeps {
  db: Db;
  clock: Clock;
}

const DAY_MS = 86_400_000;
const dateOf = (v: Date | string) => new Date(v).toISOString().slice(0, 10);

/** Team sustainability for a program and period: staffing as is, everything about PSPs as k-suppressed aggregates. */
export function createSustainabilityService({ db, clock }: SustainabilityDeps) {
  return {
    /** `from` and `to` are calendar dates (UTC), both included. */
    async get(actor: Actor, programId: string, query: { from: string; to: string }): Promise<Sustainability> {
      const program = await repo.findProgram(db, programId);
      if (!program || !canSeeIndicators(actor, { id: program.id, organizationId: program.organization_id }))
        throw notFound('Program');
      const k = program.k;
      const end = new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS);
      const endDate = dateOf(end);
      const [teams, psps, spans, headcount] = await Promise.all([
        repo.teamHeadcounts(db, programId),
        repo.pspFigures(db, programId, end),
        repo.stepAwaySpans(db, programId, query.from, endDate),
        repo.programHeadcount(db, programId),
      ]);
      const today = dateOf(clock.now());
      const daysByPsp = new Map<string, number>();
      for (const s of spans) {
        const days = daysAwayIn(
          { startsOn: s.starts_on, returnedOn: s.returned_at ? dateOf(s.returned_at) : null },
          query.from,
          endDate,
          today,
        );
        if (days > 0) daysByPsp.set(s.user_id, (daysByPsp.get(s.user_id) ?? 0) + days);
      }
      const stepAwayDays = [...daysByPsp.values()].reduce((a, b) => a + b, 0);
      await writeAudit(db, actor, {
        action: 'sustainability.read',
        entityType: 'program',
        entityId: programId,
        organizationId: program.organization_id,
        purpose: 'quality improvement',
        details: { from: query.from, to: query.to },
      });
      return {
        programId,
        period: { from: query.from, to: query.to },
        k,
        pspHeadcount: headcount,
        pspFte: program.psp_fte,
        teams: teams.map((t) => ({ id: t.id, name: t.name, pspHeadcount: t.psps, isLonePsp: t.psps === 1 })),
        lonePspTeams: teams.filter((t) => t.psps === 1).length,
        retained12MonthsPct: cell(percent(psps.retained, psps.psps), psps.psps, k),
        supervisedLast30DaysPct: cell(percent(psps.supervised, psps.psps), psps.psps, k),
        // About the PSPs who stepped away: hidden unless at least k of them did (principle 3).
        stepAwayDays: cell(stepAwayDays, daysByPsp.size, k),
      };
    },
  };
}

export type SustainabilityService = ReturnType<typeof createSustainabilityService>;
