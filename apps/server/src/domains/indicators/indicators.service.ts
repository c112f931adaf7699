import type { Db } from '@alongside/db';
import type { Indicators } from '@alongside/contracts';
import { CONTACT_ACTIVITIES, CLINICIAN_ROLES } from '@alongside/contracts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { canSeeIndicators, cell, percent, previousPeriod } from './indicators.policy.ts';
import * as repo from './indicators.repo.ts';

export interface IndicatorsDeps {
  db: Db;
  clock: Clock;
}

const DAY_MS = 86_400_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Integration indicators for a program and period, beside the previous period, with small cells suppressed. */
export function createIndicatorsService({ db, clock }: IndicatorsDeps) {
  async function figures(programId: string, period: repo.Period) {
    const now = clock.now();
    const [contacts, activities, voice, connections, referrals, attendance] = await Promise.all([
      repo.contactFigures(db, programId, period),
      repo.activityFigures(db, programId, period),
      repo.voiceFigures(db, programId, period, now),
      repo.connectionFigures(db, programId, period),
      repo.referralFigures(db, programId, period),
      repo.huddleAttendance(db, programId, period),
    ]);
    return { contacts, activities, voice, connections, referrals, attendance };
  }

  return {
    /** `from` and `to` are calendar dates (UTC), both included. */
    async get(actor: Actor, programId: string, query: { from: string; to: string }): Promise<Indicators> {
      const program = await repo.findProgramWithK(db, programId);
      if (!program || !canSeeIndicators(actor, program)) throw notFound('Program');
      const k = program.k;
      const current = {
        from: new Date(`${query.from}T00:00:00Z`),
        to: new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS),
      };
      const previous = previousPeriod(current.from, current.to);
      // The trend shows the twelve months that end with the period, so that a quarter still has a line to read.
      const lastDay = new Date(current.to.getTime() - DAY_MS);
      const trendFrom = new Date(Date.UTC(lastDay.getUTCFullYear(), lastDay.getUTCMonth() - 11, 1));
      const trendPeriod = { from: trendFrom < current.from ? trendFrom : current.from, to: current.to };
      const [now, before, trend] = await Promise.all([
        figures(programId, current),
        figures(programId, previous),
        repo.monthlyTrend(db, programId, trendPeriod, clock.now()),
      ]);

      const pair = (f: (x: typeof now) => { value: number | null; people: number }) => {
        const a = f(now);
        const b = f(before);
        return { current: cell(a.value, a.people, k), previous: cell(b.value, b.people, k) };
      };
      // Staff attendance is about the team's meetings, not about persons supported: it is not suppressed.
      const attendance = (x: typeof now) => ({ value: percent(x.attendance.attended, x.attendance.seats), people: 0 });

      const indicators: Indicators['indicators'] = [
        {
          key: 'people_supported',
          unit: 'count',
          ...pair((x) => ({ value: x.contacts.people, people: x.contacts.people })),
        },
        { key: 'contacts', unit: 'count', ...pair((x) => ({ value: x.contacts.contacts, people: x.contacts.people })) },
        {
          key: 'contact_hours',
          unit: 'hours',
          ...pair((x) => ({ value: round1(x.contacts.minutes / 60), people: x.contacts.people })),
        },
        {
          key: 'contacts_per_person',
          unit: 'ratio',
          ...pair((x) => ({
            value: x.contacts.people > 0 ? round1(x.contacts.contacts / x.contacts.people) : null,
            people: x.contacts.people,
          })),
        },
        {
          key: 'voice_items_shared',
          unit: 'count',
          ...pair((x) => ({ value: x.voice.shared, people: x.voice.people })),
        },
        {
          key: 'voice_answered_on_time_pct',
          unit: 'percent',
          ...pair((x) => ({ value: percent(x.voice.on_time, x.voice.due), people: x.voice.people })),
        },
        {
          key: 'voice_median_days_to_answer',
          unit: 'days',
          ...pair((x) => ({
            value: x.voice.median_days === null ? null : round1(x.voice.median_days),
            people: x.voice.people,
          })),
        },
        {
          key: 'voice_returned_pct',
          unit: 'percent',
          ...pair((x) => ({ value: percent(x.voice.returned, x.voice.answered), people: x.voice.people })),
        },
        {
          key: 'voice_overdue',
          unit: 'count',
          ...pair((x) => ({ value: x.voice.due - x.voice.on_time, people: x.voice.people })),
        },
        {
          key: 'connections_made',
          unit: 'count',
          ...pair((x) => ({ value: x.connections.made, people: x.connections.people })),
        },
        {
          key: 'connections_completed_pct',
          unit: 'percent',
          ...pair((x) => ({
            value: percent(x.connections.completed, x.connections.made),
            people: x.connections.people,
          })),
        },
        {
          key: 'referrals_to_peer_support',
          unit: 'count',
          ...pair((x) => {
            const total = x.referrals.reduce((s, r) => s + r.referrals, 0);
            const people = x.referrals.reduce((s, r) => s + r.people, 0);
            return { value: total, people };
          }),
        },
        { key: 'psp_huddle_attendance_pct', unit: 'percent', ...pair(attendance) },
      ];

      const activityPair = (activity: string) =>
        pair((x) => {
          const row = x.activities.find((a) => a.activity === activity);
          return { value: row?.contacts ?? 0, people: row?.people ?? 0 };
        });
      const referralPair = (profession: string) =>
        pair((x) => {
          const row = x.referrals.find((r) => r.profession === profession);
          return { value: row?.referrals ?? 0, people: row?.people ?? 0 };
        });

      await writeAudit(db, actor, {
        action: 'indicators.read',
        entityType: 'program',
        entityId: programId,
        organizationId: program.organizationId,
        purpose: 'quality improvement',
        details: { from: query.from, to: query.to },
      });
      return {
        programId,
        programName: program.name,
        period: { from: query.from, to: query.to },
        previousPeriod: {
          from: previous.from.toISOString().slice(0, 10),
          to: new Date(previous.to.getTime() - DAY_MS).toISOString().slice(0, 10),
        },
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
    a.suppressed || b.suppressed ? `fewer than ${data.k} people - hidden to protect privacy` : '';
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
