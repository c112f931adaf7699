import type { Db } from '@alongside/db';
import type { Sustainability } from '@alongside/contracts';
import { cell, effectiveK, monthBounds, monthPeriod, periodCell, type MonthPeriod } from '@alongside/stats';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { canSeeIndicators, percent } from '../indicators/indicators.policy.ts';
import { daysAwayIn } from './sustainability.policy.ts';
import * as repo from './sustainability.repo.ts';

export interface SustainabilityDeps {
  db: Db;
  clock: Clock;
}

const dateOf = (v: Date | string) => new Date(v).toISOString().slice(0, 10);

/** Team sustainability for a program and period: staffing as is, everything about PSPs as k-suppressed aggregates. */
export function createSustainabilityService({ db, clock }: SustainabilityDeps) {
  /** A program's figures for a period of whole months, about PSPs suppressed under k; access and audit are the caller's. */
  async function build(
    program: NonNullable<Awaited<ReturnType<typeof repo.findProgram>>>,
    period: MonthPeriod,
  ): Promise<Sustainability> {
    const programId = program.id;
    const k = effectiveK('internal', program.k);
    const end = period.end;
    const endDate = dateOf(end);
    const [teams, psps, spans, headcount] = await Promise.all([
      repo.teamHeadcounts(db, programId),
      repo.pspFigures(db, programId, end),
      repo.stepAwaySpans(db, programId, period.from, endDate),
      repo.programHeadcount(db, programId),
    ]);
    const today = dateOf(clock.now());
    // Days away per PSP over the period, and which PSPs were away in each month (disclosure.periodCell).
    const daysByPsp = new Map<string, number>();
    const awayByMonth = period.months.map(() => new Set<string>());
    for (const s of spans) {
      const span = { startsOn: s.starts_on, returnedOn: s.returned_at ? dateOf(s.returned_at) : null };
      period.months.forEach((month, i) => {
        const { start, end } = monthBounds(month);
        const days = daysAwayIn(span, dateOf(start), dateOf(end), today);
        if (days === 0) return;
        daysByPsp.set(s.user_id, (daysByPsp.get(s.user_id) ?? 0) + days);
        awayByMonth[i]!.add(s.user_id);
      });
    }
    const stepAwayDays = [...daysByPsp.values()].reduce((a, b) => a + b, 0);
    return {
      programId,
      period: { from: period.from, to: period.to },
      k,
      pspHeadcount: headcount,
      pspFte: program.psp_fte,
      teams: teams.map((t) => ({ id: t.id, name: t.name, pspHeadcount: t.psps, isLonePsp: t.psps === 1 })),
      lonePspTeams: teams.filter((t) => t.psps === 1).length,
      retained12MonthsPct: cell(percent(psps.retained, psps.psps), psps.psps, k),
      supervisedLast30DaysPct: cell(percent(psps.supervised, psps.psps), psps.psps, k),
      // About the PSPs who stepped away: hidden unless at least k of them did (principle 3).
      stepAwayDays: periodCell(
        stepAwayDays,
        daysByPsp.size,
        awayByMonth.map((psps) => psps.size),
        k,
      ),
    };
  }

  return {
    /** `from` and `to` are calendar dates (UTC), both included, widened to whole months that are over (as indicators). */
    async get(actor: Actor, programId: string, query: { from: string; to: string }): Promise<Sustainability> {
      const program = await repo.findProgram(db, programId);
      if (!program || !canSeeIndicators(actor, { id: program.id, organizationId: program.organization_id }))
        throw notFound('Program');
      const period = monthPeriod(query.from, query.to, clock.now());
      if (!period) throw badRequest('to', 'no month of this period is over yet: figures come once a month has ended');
      const figures = await build(program, period);
      await writeAudit(db, actor, {
        action: 'sustainability.read',
        entityType: 'program',
        entityId: programId,
        organizationId: program.organization_id,
        purpose: 'quality improvement',
        details: { from: period.from, to: period.to },
      });
      return figures;
    },

    /** The figures a program's managers see for a period, for an analysis that joins them (which checks and audits). */
    async ofPeriod(programId: string, period: MonthPeriod): Promise<Sustainability | undefined> {
      const program = await repo.findProgram(db, programId);
      return program ? build(program, period) : undefined;
    },
  };
}

export type SustainabilityService = ReturnType<typeof createSustainabilityService>;
