import type { Db } from '@alongside/db';
import type { Indicators } from '@alongside/contracts';
import { CONTACT_ACTIVITIES, CLINICIAN_ROLES } from '@alongside/contracts';
import {
  cell,
  effectiveK,
  monthPeriod,
  periodCell,
  previousMonthPeriod,
  trendMonths,
  type MonthPeriod,
} from '@alongside/stats';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { canSeeIndicators, percent } from './indicators.policy.ts';
import * as repo from './indicators.repo.ts';

export interface IndicatorsDeps {
  db: Db;
  clock: Clock;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Figures of one period: the whole period's rows, and the people of each of its months (disclosure.periodCell). */
function split<T extends { month: string | null }>(rows: T[]) {
  return { total: rows.filter((r) => r.month === null), months: rows.filter((r) => r.month !== null) };
}

/** Integration indicators for a program and period, beside the previous period, with small cells suppressed. */
export function createIndicatorsService({ db, clock }: IndicatorsDeps) {
  async function figures(programId: string, period: MonthPeriod) {
    const p = { from: period.start, to: period.end };
    const [contacts, activities, voice, connections, referrals, attendance] = await Promise.all([
      repo.contactFigures(db, programId, p),
      repo.activityFigures(db, programId, p),
      repo.voiceFigures(db, programId, p, clock.now()),
      repo.connectionFigures(db, programId, p),
      repo.referralFigures(db, programId, p),
      repo.huddleAttendance(db, programId, p),
    ]);
    return {
      contacts: split(contacts),
      activities: split(activities),
      voice: split(voice),
      connections: split(connections),
      referrals: split(referrals),
      attendance,
    };
  }

  /** A program's figures for a period of whole months, small cells suppressed; access and audit are the caller's. */
  async function build(
    program: NonNullable<Awaited<ReturnType<typeof repo.findProgramWithK>>>,
    current: MonthPeriod,
  ): Promise<Indicators> {
    const programId = program.id;
    const k = effectiveK('internal', program.k);
    const previous = previousMonthPeriod(current);
    const trendPeriod = trendMonths(current);
    const [now, before, trend] = await Promise.all([
      figures(programId, current),
      figures(programId, previous),
      repo.monthlyTrend(db, programId, { from: trendPeriod.start, to: trendPeriod.end }, clock.now()),
    ]);

    /** One figure of a period: its value and people from the whole period, and the people of each month. */
    type Figure = { value: number | null; people: number; monthPeople: number[] };
    const shown = (f: Figure) => periodCell(f.value, f.people, f.monthPeople, k);
    const pair = (f: (x: typeof now) => Figure) => ({ current: shown(f(now)), previous: shown(f(before)) });
    // Staff attendance is about the team's meetings, not about persons supported: it is not suppressed.
    const attendance = (x: typeof now) => ({
      value: percent(x.attendance.attended, x.attendance.seats),
      people: 0,
      monthPeople: [],
    });
    const ZERO_CONTACTS = { month: null, people: 0, contacts: 0, minutes: 0 };
    const ZERO_VOICE = {
      month: null,
      shared: 0,
      people: 0,
      due: 0,
      on_time: 0,
      answered: 0,
      returned: 0,
      median_days: null,
    };
    const ZERO_CONNECTIONS = { month: null, made: 0, people: 0, completed: 0 };
    /** A figure of contacts, voice items or connections: the total row's value, each month's people. */
    const from = <T extends { people: number }>(
      part: { total: T[]; months: T[] },
      zero: T,
      value: (row: T) => number | null,
    ): Figure => {
      const total = part.total[0] ?? zero;
      return { value: value(total), people: total.people, monthPeople: part.months.map((m) => m.people) };
    };

    const indicators: Indicators['indicators'] = [
      {
        key: 'people_supported',
        unit: 'count',
        ...pair((x) => from(x.contacts, ZERO_CONTACTS, (r) => r.people)),
      },
      { key: 'contacts', unit: 'count', ...pair((x) => from(x.contacts, ZERO_CONTACTS, (r) => r.contacts)) },
      {
        key: 'contact_hours',
        unit: 'hours',
        ...pair((x) => from(x.contacts, ZERO_CONTACTS, (r) => round1(r.minutes / 60))),
      },
      {
        key: 'contacts_per_person',
        unit: 'ratio',
        ...pair((x) => from(x.contacts, ZERO_CONTACTS, (r) => (r.people > 0 ? round1(r.contacts / r.people) : null))),
      },
      {
        key: 'voice_items_shared',
        unit: 'count',
        ...pair((x) => from(x.voice, ZERO_VOICE, (r) => r.shared)),
      },
      {
        key: 'voice_answered_on_time_pct',
        unit: 'percent',
        ...pair((x) => from(x.voice, ZERO_VOICE, (r) => percent(r.on_time, r.due))),
      },
      {
        key: 'voice_median_days_to_answer',
        unit: 'days',
        ...pair((x) => from(x.voice, ZERO_VOICE, (r) => (r.median_days === null ? null : round1(r.median_days)))),
      },
      {
        key: 'voice_returned_pct',
        unit: 'percent',
        ...pair((x) => from(x.voice, ZERO_VOICE, (r) => percent(r.returned, r.answered))),
      },
      {
        key: 'voice_overdue',
        unit: 'count',
        ...pair((x) => from(x.voice, ZERO_VOICE, (r) => r.due - r.on_time)),
      },
      {
        key: 'connections_made',
        unit: 'count',
        ...pair((x) => from(x.connections, ZERO_CONNECTIONS, (r) => r.made)),
      },
      {
        key: 'connections_completed_pct',
        unit: 'percent',
        ...pair((x) => from(x.connections, ZERO_CONNECTIONS, (r) => percent(r.completed, r.made))),
      },
      {
        key: 'referrals_to_peer_support',
        unit: 'count',
        ...pair((x) => {
          // People referred by different professions may overlap: summing their counts never undercounts a group.
          const byMonth = new Map<string, number>();
          for (const r of x.referrals.months) byMonth.set(r.month!, (byMonth.get(r.month!) ?? 0) + r.people);
          return {
            value: x.referrals.total.reduce((s, r) => s + r.referrals, 0),
            people: x.referrals.total.reduce((s, r) => s + r.people, 0),
            monthPeople: [...byMonth.values()],
          };
        }),
      },
      { key: 'psp_huddle_attendance_pct', unit: 'percent', ...pair(attendance) },
    ];

    const activityPair = (activity: string) =>
      pair((x) => {
        const total = x.activities.total.find((a) => a.activity === activity);
        const months = x.activities.months.filter((a) => a.activity === activity);
        return { value: total?.contacts ?? 0, people: total?.people ?? 0, monthPeople: months.map((m) => m.people) };
      });
    const referralPair = (profession: string) =>
      pair((x) => {
        const total = x.referrals.total.find((r) => r.profession === profession);
        const months = x.referrals.months.filter((r) => r.profession === profession);
        return { value: total?.referrals ?? 0, people: total?.people ?? 0, monthPeople: months.map((m) => m.people) };
      });

    return {
      programId,
      programName: program.name,
      period: { from: current.from, to: current.to },
      previousPeriod: { from: previous.from, to: previous.to },
      k,
      voiceAnswerTargetDays: program.voiceAnswerTargetDays,
      indicators,
      activities: CONTACT_ACTIVITIES.map((activity) => ({ activity, ...activityPair(activity) })),
      referralsByProfession: CLINICIAN_ROLES.map((profession) => ({
        profession: profession,
        ...referralPair(profession),
      })),
      trend: trend.map((t) => ({
        month: t.month,
        peopleSupported: cell(t.people, t.people, k),
        contacts: cell(t.contacts, t.people, k),
        voiceAnsweredOnTimePct: cell(percent(t.voice_on_time, t.voice_due), t.voice_people, k),
      })),
    };
  }

  return {
    /**
     * `from` and `to` are calendar dates (UTC), both included. The period is widened to whole months and stops at
     * the last month that is over (disclosure.monthPeriod): two periods can then differ only by whole months.
     */
    async get(actor: Actor, programId: string, query: { from: string; to: string }): Promise<Indicators> {
      const program = await repo.findProgramWithK(db, programId);
      if (!program || !canSeeIndicators(actor, program)) throw notFound('Program');
      const current = monthPeriod(query.from, query.to, clock.now());
      if (!current) throw badRequest('to', 'no month of this period is over yet: figures come once a month has ended');
      const indicators = await build(program, current);
      await writeAudit(db, actor, {
        action: 'indicators.read',
        entityType: 'program',
        entityId: programId,
        organizationId: program.organizationId,
        purpose: 'quality improvement',
        details: { from: current.from, to: current.to },
      });
      return indicators;
    },

    /** The figures a program's managers see for a period, for an analysis that joins them (which checks and audits). */
    async ofPeriod(programId: string, period: MonthPeriod): Promise<Indicators | undefined> {
      const program = await repo.findProgramWithK(db, programId);
      return program ? build(program, period) : undefined;
    },
  };
}

export type IndicatorsService = ReturnType<typeof createIndicatorsService>;

/** The indicators as CSV: one row per figure, suppressed cells left empty with a note. */
export function indicatorsCsv(data: Indicators): string {
  const rows: string[][] = [
    ['section', 'figure', 'unit', 'period', 'value', 'previous period', 'previous value', 'note'],
  ];
  const period = `${data.period.from}..${data.period.to}`;
  const prev = `${data.previousPeriod.from}..${data.previousPeriod.to}`;
  const note = (a: { suppressed: boolean }, b: { suppressed: boolean }) =>
    a.suppressed || b.suppressed
      ? `fewer than ${data.k} people in the period or in one of its months - hidden to protect privacy`
      : '';
  const value = (c: { value: number | null }) => (c.value === null ? '' : String(c.value));
  for (const i of data.indicators)
    rows.push([
      'indicator',
      i.key,
      i.unit,
      period,
      value(i.current),
      prev,
      value(i.previous),
      note(i.current, i.previous),
    ]);
  for (const a of data.activities)
    rows.push([
      'activities',
      a.activity,
      'contacts',
      period,
      value(a.current),
      prev,
      value(a.previous),
      note(a.current, a.previous),
    ]);
  for (const r of data.referralsByProfession) {
    rows.push([
      'referrals by profession',
      r.profession,
      'count',
      period,
      value(r.current),
      prev,
      value(r.previous),
      note(r.current, r.previous),
    ]);
  }
  for (const t of data.trend) {
    rows.push([
      'month',
      'people_supported',
      'count',
      t.month,
      value(t.peopleSupported),
      '',
      '',
      note(t.peopleSupported, t.peopleSupported),
    ]);
    rows.push(['month', 'contacts', 'count', t.month, value(t.contacts), '', '', note(t.contacts, t.contacts)]);
  }
  return (
    rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',')).join('\r\n') +
    '\r\n'
  );
}
