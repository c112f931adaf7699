import { sql, type SQL } from 'drizzle-orm';
import { nudgeReason, scoreResponse, validateDefinition, type Answers, type NudgeRule, type ScoringDefinition } from '@alongside/stats';
import { queryRows, type Db } from '../client.ts';
import { insertRows, type BulkColumn } from './bulk.ts';
import { col, seededRandom, tools, type ActivityTeam } from './demo-activity.ts';
import * as T from './demo-support-texts.ts';
import type { Lang } from './demo-texts.ts';
import { ALONGSIDE_CHECK_IN } from './wellbeing-instrument.ts';

// Supporting the supporters, in the demo: six months of private check-ins and pulses for every peer staff member
// (scored by packages/stats, nudged by its rule), supervision sessions, a shared trend, step-aways in the past and one
// PSP away now with coverage. Written to the same tables, by the same rules, as the services write them: nothing here
// is readable by anyone but the PSP (and, for the shared trend, the supervisor they chose).
// The services' repos live in apps/server and cannot run here; the rows are what they would have written.

type Tx = Pick<Db, 'execute'>;

export interface SupportOptions {
  now: Date;
  /** peer@: covers the PSP who is away now, shares their trend with supervisor@, and has a private nudge. */
  demoPeerId: string;
  /** supervisor@: the demo team's peer supervisor. */
  demoSupervisorId: string;
  /** psychologist@: clinical supervision in the demo team. */
  demoClinicianId: string;
  onTable?: (table: string) => void;
}

/** How many bulk steps seedDemoSupport reports (for progress totals). */
export const SUPPORT_TABLES = 8;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const WINDOW_DAYS = 182;
const PEER_ROLES = new Set(['peer_support_worker', 'peer_supervisor']);
const CLINICIAN_ROLES = ['psychologist', 'psychiatrist', 'nurse', 'social_worker', 'occupational_therapist'];
/** peer@'s strain level per month, oldest first: steady, a dip, then three rises in a row to the latest check-in. */
const DEMO_PEER_LEVELS = [36, 33, 38, 31, 37, 44, 51];
/** The PSP who is away now: climbing past the threshold in the months before stepping away. */
const AWAY_LEVELS = [34, 37, 35, 44, 52, 66, 58];

type Instrument = ScoringDefinition & NudgeRule & { primaryScaleId: string };
interface Staff { userId: string; organizationId: string; country: 'CA' | 'NO'; teamIds: string[]; language: Lang }
interface CheckInRow { id: string; userId: string; organizationId: string; teamIds: string[]; instrumentId: string; answers: Answers; scores: Record<string, number | null>; createdAt: Date }
interface NudgeRow { id: string; userId: string; checkInId: string; reason: string; createdAt: Date; dismissedAt: Date | null }
interface PulseRow { id: string; userId: string; organizationId: string; teamIds: string[]; energy: number; load: number; note: string | null; createdAt: Date }
interface ShareRow { id: string; userId: string; supervisorId: string; createdAt: Date; revokedAt: Date | null }
interface StepAwayRow {
  id: string; userId: string; organizationId: string; teamId: string; startsOn: string; endsOn: string | null; startedBy: string;
  agreementMethod: string | null; returnPlan: unknown; returnedAt: Date | null; createdAt: Date; version: number;
  /** Not stored: who takes over what the PSP would have done while away, when no coverage row says. */
  fallback: string;
}
interface CoverageRow { id: string; stepAwayId: string; personId: string; coveringUserId: string; handoverNote: string; createdAt: Date; handedBackAt: Date | null; handBackNote: string | null }
interface SessionRow { id: string; organizationId: string; pspId: string; supervisorId: string; heldAt: Date; kind: string; notes: string; createdAt: Date }

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayStart = (ms: number) => Math.floor(ms / DAY) * DAY;
const json = (v: unknown) => JSON.stringify(v);

/**
 * When each member joined their team, so staffing figures have a history: PSPs in post from seven months (before the
 * demo's activity) to four years — about a third under twelve months — and everyone else longer. Sets `createdAt`.
 */
export function setMembershipSince(memberships: { userId: string; role: string; createdAt?: Date }[], now: Date, daysInPost: ReadonlyMap<string, number>): void {
  const { between, chance } = tools(seededRandom(0x51ce));
  for (const m of memberships) {
    const days = daysInPost.get(m.userId) ?? (m.role === 'peer_support_worker' ? (chance(0.35) ? between(200, 350) : between(380, 1500)) : between(400, 3000));
    m.createdAt = new Date(now.getTime() - Math.round(days) * DAY);
  }
}

/** Generates and bulk-inserts the support data of every demo team, inside the caller's transaction. */
export async function seedDemoSupport(tx: Tx, teams: ActivityTeam[], options: SupportOptions): Promise<Record<string, number>> {
  const random = seededRandom(0x5a990);
  const { between, chance, pick, uuid, shuffled } = tools(random);
  const nowMs = options.now.getTime();
  const windowStart = nowMs - WINDOW_DAYS * DAY;
  const demoTeam = teams.find((t) => t.isDemoTeam);
  if (!demoTeam) throw new Error('seedDemoSupport needs the demo team');

  const [instrumentRow] = await queryRows<{ id: string; definition: Instrument }>(
    tx,
    sql`select id, definition from wellbeing_instruments where organization_id is null and key = ${ALONGSIDE_CHECK_IN.key} order by version desc limit 1`,
  );
  if (!instrumentRow) throw new Error('The check-in instrument is missing: run seedReferenceData before seedDemo.');
  const instrument = instrumentRow.definition;
  validateDefinition(instrument);

  // ── Who keeps check-ins: peer staff (peer support workers and peer supervisors), with the teams they answer from ──
  const staffById = new Map<string, Staff>();
  for (const team of teams) {
    for (const m of team.members.filter((x) => PEER_ROLES.has(x.role))) {
      const staff = staffById.get(m.userId) ?? { userId: m.userId, organizationId: team.organizationId, country: team.country, teamIds: [], language: 'en' };
      if (!staff.teamIds.includes(team.teamId)) staff.teamIds.push(team.teamId);
      staffById.set(m.userId, staff);
    }
  }
  const languages = await queryRows<{ id: string; language: string }>(tx, sql`select id, language from users where id = any(${sql.param([...staffById.keys()])}::uuid[])`);
  for (const { id, language } of languages) staffById.get(id)!.language = language === 'fr' || language === 'nb' ? language : 'en';
  const workHour = (s: { country: 'CA' | 'NO' }) => (s.country === 'NO' ? between(7, 14) : between(14, 21));
  const langOf = (userId: string): Lang => staffById.get(userId)?.language ?? 'en';
  const pswsOf = (team: ActivityTeam) => team.members.filter((m) => m.role === 'peer_support_worker').map((m) => m.userId);

  // ── Step-aways in the demo program: one PSP of the demo team away now, covered by peer@; four in the past ──
  const program = teams.filter((t) => t.programId === demoTeam.programId);
  const caseloads = await queryRows<{ user_id: string; person_id: string; since: Date | string; open: number }>(
    tx,
    sql`select pp.user_id, pp.person_id, pp.created_at as since,
          (select count(*)::int from voice_items v where v.person_id = pp.person_id and v.status in ('open', 'acknowledged', 'answered'))
          + (select count(*)::int from connections n where n.person_id = pp.person_id and n.status in ('proposed', 'accepted', 'met')) as open
        from person_psps pp join persons p on p.id = pp.person_id
        where pp.is_primary and p.archived_at is null and p.team_id = any(${sql.param(program.map((t) => t.teamId))}::uuid[])
        order by p.preferred_name, p.id`,
  );
  const caseloadOf = (userId: string, beforeMs: number) => caseloads.filter((c) => c.user_id === userId && new Date(c.since).getTime() < beforeMs);
  // Persons first, then their open voice items and connections.
  const weight = (userId: string) => caseloadOf(userId, nowMs).reduce((sum, c) => sum + 100 + c.open, 0);
  const peer = options.demoPeerId;
  // The PSP away now: of the demo team's other PSPs (never peer@), the one with most to hand over.
  const others = pswsOf(demoTeam).filter((id) => id !== peer);
  const away = [...others].sort((a, b) => weight(b) - weight(a))[0];
  const [r1, r2, r4] = others.filter((id) => id !== away);
  const sister = program.find((t) => !t.isDemoTeam && pswsOf(t).length >= 2);
  const today = dayStart(nowMs);
  const plans: { team: ActivityTeam; userId: string | undefined; startDays: number; length?: number; endsOn?: boolean; by?: string; plan?: [number, number][]; coverers: (string | undefined)[] }[] = [
    { team: demoTeam, userId: away, startDays: 9, coverers: [peer] },
    { team: demoTeam, userId: r1, startDays: 27, length: 6, by: options.demoSupervisorId, plan: [[0, 50], [14, 100]], coverers: [peer, r2] },
    { team: demoTeam, userId: r2, startDays: 58, length: 10, endsOn: true, plan: [[0, 60], [7, 100]], coverers: [r4, peer] },
    ...(sister ? [{ team: sister, userId: pswsOf(sister)[0], startDays: 84, length: 7, plan: [], coverers: [pswsOf(sister)[1]] }] : []),
    { team: demoTeam, userId: r4, startDays: 135, length: 14, endsOn: true, plan: [[0, 50], [21, 100]], coverers: [peer, r1] },
  ];
  const stepAways: StepAwayRow[] = [];
  const coverage: CoverageRow[] = [];
  for (const p of plans) {
    const coverers = p.coverers.filter((c): c is string => c !== undefined);
    if (!p.userId || coverers.length === 0) continue;
    const starts = today - p.startDays * DAY;
    const createdAt = new Date(starts - between(2, 30) * HOUR);
    const returnedMs = p.length === undefined ? null : starts + p.length * DAY + between(8, 12) * HOUR;
    const row: StepAwayRow = {
      id: uuid(), userId: p.userId, organizationId: p.team.organizationId, teamId: p.team.teamId, startsOn: dateOf(starts),
      endsOn: p.endsOn && p.length ? dateOf(starts + (p.length - 1) * DAY) : null, startedBy: p.by ?? p.userId,
      agreementMethod: p.by ? 'in_person' : null,
      returnPlan: returnedMs === null ? null : (p.plan ?? []).map(([days, percent]) => ({ from: dateOf(returnedMs + days * DAY), caseloadPercent: percent })),
      returnedAt: returnedMs === null ? null : new Date(returnedMs), createdAt, version: returnedMs === null ? 1 : 2, fallback: coverers[0]!,
    };
    stepAways.push(row);
    const lang = langOf(p.userId);
    // Persons who joined the caseload after a past step-away were not handed over; while away now, everyone is covered.
    for (const [i, c] of caseloadOf(p.userId, returnedMs === null ? Infinity : createdAt.getTime()).entries()) {
      coverage.push({
        id: uuid(), stepAwayId: row.id, personId: c.person_id, coveringUserId: coverers[i % coverers.length]!, handoverNote: pick(T.HANDOVER_NOTES[lang]),
        createdAt, handedBackAt: row.returnedAt, handBackNote: row.returnedAt && chance(0.6) ? pick(T.HANDBACK_NOTES[lang]) : null,
      });
    }
  }
  const isAway = (userId: string, ms: number) =>
    stepAways.some((s) => s.userId === userId && ms >= Date.parse(`${s.startsOn}T00:00:00Z`) && ms < (s.returnedAt?.getTime() ?? Infinity));

  // ── Check-ins (monthly) with their nudges, and pulses (a few a month), for every peer staff member ──
  const checkIns: CheckInRow[] = [];
  const nudges: NudgeRow[] = [];
  const pulses: PulseRow[] = [];
  const monthStart = (offset: number) => Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth() - offset, 1);
  for (const staff of staffById.values()) {
    // Six completed months, and this month once the PSP's usual day has passed.
    const usualDay = 3 + Math.floor(random() * 20);
    const times = [6, 5, 4, 3, 2, 1, 0]
      .map((offset) => monthStart(offset) + (Math.min(27, Math.max(1, usualDay + Math.floor(between(-2, 3)))) - 1) * DAY + workHour(staff) * HOUR)
      .filter((ms) => ms < nowMs - HOUR);
    const base = between(22, 48);
    const shape = pick(['steady', 'steady', 'easing', 'rising', 'wave'] as const);
    const phase = between(0, 6);
    // Some feel the work itself more, some the missing support and rest: the scales part a little.
    const tilt = staff.userId === peer ? 6 : between(-9, 9);
    const fixed = staff.userId === peer ? DEMO_PEER_LEVELS : staff.userId === away ? AWAY_LEVELS : undefined;
    const levels = fixed
      ? fixed.slice(fixed.length - times.length)
      : times.map((_, t) => {
          const drift = { steady: 0, easing: 14 * (1 - t / 6), rising: 12 * (t / 6), wave: 9 * Math.sin(t * 1.3 + phase) }[shape];
          return Math.min(90, Math.max(5, base + drift + between(-5, 5)));
        });
    const history: number[] = [];
    for (const [i, createdMs] of times.entries()) {
      const answers = answersAt(instrument, levels[i]!, tilt, fixed ? (list) => [...list] : shuffled, !fixed && chance(0.08));
      const scores = Object.fromEntries(scoreResponse(instrument, answers).map((s) => [s.id, s.score]));
      const row: CheckInRow = { id: uuid(), userId: staff.userId, organizationId: staff.organizationId, teamIds: staff.teamIds, instrumentId: instrumentRow.id, answers, scores, createdAt: new Date(createdMs) };
      checkIns.push(row);
      const primary = scores[instrument.primaryScaleId];
      if (typeof primary !== 'number') continue;
      history.push(primary);
      // The service's rule on the PSP's own history; a nudge older than the latest check-in was read and put away.
      const reason = nudgeReason(history, instrument);
      const dismissed = i < times.length - 1 ? new Date(Math.min(nowMs, createdMs + between(0.2, 4) * DAY)) : null;
      if (reason) nudges.push({ id: uuid(), userId: staff.userId, checkInId: row.id, reason, createdAt: row.createdAt, dismissedAt: dismissed });
    }
    for (let offset = 6; offset >= 0; offset--) {
      const from = monthStart(offset);
      const days = (monthStart(offset - 1) - from) / DAY;
      const level = levels[Math.min(6 - offset, levels.length - 1)]!;
      for (let n = 1 + Math.floor(random() * 3.3); n > 0; n--) {
        const at = from + Math.floor(between(0, days)) * DAY + workHour(staff) * HOUR;
        if (at > nowMs - HOUR) continue;
        const energy = Math.min(5, Math.max(1, Math.round(4.6 - level / 30 + between(-1, 1))));
        const load = Math.min(5, Math.max(1, Math.round(1.4 + level / 28 + between(-1, 1))));
        const notes = energy <= 2 || load >= 4 ? T.PULSE_NOTES_HEAVY : T.PULSE_NOTES_LIGHT;
        pulses.push({ id: uuid(), userId: staff.userId, organizationId: staff.organizationId, teamIds: staff.teamIds, energy, load, note: chance(0.4) ? pick(notes[staff.language]) : null, createdAt: new Date(at) });
      }
    }
  }

  // ── Shares: peer@ and a colleague let supervisor@ see their trend; another colleague stopped sharing ──
  const shares: ShareRow[] = [
    { id: uuid(), userId: peer, supervisorId: options.demoSupervisorId, createdAt: new Date(nowMs - 61 * DAY), revokedAt: null },
    ...(r2 ? [{ id: uuid(), userId: r2, supervisorId: options.demoSupervisorId, createdAt: new Date(nowMs - 100 * DAY), revokedAt: null }] : []),
    ...(r4 ? [{ id: uuid(), userId: r4, supervisorId: options.demoSupervisorId, createdAt: new Date(nowMs - 150 * DAY), revokedAt: new Date(nowMs - 40 * DAY) }] : []),
  ];

  // ── Supervision: one-to-one peer supervision every few weeks, group sessions, some clinical supervision ──
  const sessions: SessionRow[] = [];
  for (const team of teams) {
    const supervisor = team.members.find((m) => m.role === 'peer_supervisor')?.userId;
    const psps = pswsOf(team);
    if (!supervisor || psps.length === 0) continue;
    const clinician = team.isDemoTeam ? options.demoClinicianId : CLINICIAN_ROLES.map((r) => team.members.find((m) => m.role === r)?.userId).find(Boolean);
    const country = team.country;
    const add = (pspId: string, supervisorId: string, heldMs: number, kind: 'peer' | 'group' | 'clinical', notes?: string) => {
      if (heldMs > nowMs - 2 * HOUR || isAway(pspId, heldMs)) return;
      const text = notes ?? (chance(0.85) ? pick(T.SUPERVISION_NOTES[kind][langOf(pspId)]) : '');
      sessions.push({ id: uuid(), organizationId: team.organizationId, pspId, supervisorId, heldAt: new Date(heldMs), kind, notes: text, createdAt: new Date(Math.min(nowMs, heldMs + between(0.5, 6) * HOUR)) });
    };
    const at = (ms: number) => dayStart(ms) + workHour({ country }) * HOUR;
    for (const psp of psps) {
      const interval = team.isDemoTeam ? between(24, 35) : between(25, 55);
      for (let t = windowStart + between(0, interval) * DAY; t < nowMs; t += interval * between(0.85, 1.2) * DAY) add(psp, supervisor, at(t), 'peer');
    }
    if (psps.length >= 2) {
      for (let t = windowStart + between(5, 20) * DAY; t < nowMs; t += between(30, 45) * DAY) {
        const held = at(t);
        const present = psps.filter(() => chance(0.75));
        if (present.length < 2) continue;
        const note = chance(0.8) ? pick(T.SUPERVISION_NOTES.group[country === 'NO' ? 'nb' : 'en']) : '';
        for (const psp of present) add(psp, supervisor, held, 'group', note);
      }
    }
    if (clinician && (team.isDemoTeam || chance(0.5))) {
      for (let t = windowStart + between(10, 40) * DAY; t < nowMs; t += between(50, 70) * DAY) {
        for (const psp of shuffled(psps).slice(0, 1 + Math.floor(random() * 2))) add(psp, clinician, at(t), 'clinical');
      }
    }
  }

  await insert(tx, options.onTable, checkIns, nudges, pulses, shares, stepAways, coverage, sessions);
  await handOverActivity(tx, stepAways, nowMs);
  options.onTable?.('hand-over');
  return { checkIns: checkIns.length, nudges: nudges.length, pulses: pulses.length, shares: shares.length, stepAways: stepAways.length, coverage: coverage.length, sessions: sessions.length };
}

/**
 * Answers that score about `level` overall: each item sits on the answer option nearest the level (`tilt` higher on
 * plainly keyed items, lower on reverse-keyed ones), dithered across the items (in `order`) so a scale's mean lands
 * between options; reverse-keyed items are answered mirrored.
 */
function answersAt(instrument: Instrument, level: number, tilt: number, order: <V>(list: readonly V[]) => V[], skipOne: boolean): Answers {
  const byScore = instrument.options.map((o, i) => ({ ...o, i })).sort((a, b) => a.score - b.score);
  const lo = byScore[0]!.score;
  const hi = byScore.at(-1)!.score;
  const steps = byScore.length - 1;
  const items = order(instrument.items);
  const answers: Answers = {};
  for (const [n, item] of items.entries()) {
    const x = ((level + (item.reverse ? -tilt : tilt) - lo) / (hi - lo)) * steps;
    const position = Math.min(steps, Math.max(0, Math.floor(x + (n + 0.5) / items.length)));
    const index = byScore[position]!.i;
    answers[item.id] = instrument.options[item.reverse ? instrument.options.length - 1 - index : index]!.value;
  }
  // Now and then one item is left out: the scale is still scored (more than half answered).
  if (skipOne) answers[items[0]!.id] = null;
  return answers;
}

async function insert(
  tx: Tx, onTable: SupportOptions['onTable'], checkIns: CheckInRow[], nudges: NudgeRow[], pulses: PulseRow[], shares: ShareRow[],
  stepAways: StepAwayRow[], coverage: CoverageRow[], sessions: SessionRow[],
): Promise<void> {
  const step = async <R>(table: string, columns: BulkColumn<R>[], rows: R[]) => {
    await insertRows(tx, table, columns, rows);
    onTable?.(table);
  };
  await step('wellbeing_check_ins', [
    col<CheckInRow>('id', 'uuid', (r) => r.id), col<CheckInRow>('user_id', 'uuid', (r) => r.userId),
    col<CheckInRow>('organization_id', 'uuid', (r) => r.organizationId), col<CheckInRow>('team_ids', 'uuid[]', (r) => r.teamIds),
    col<CheckInRow>('instrument_id', 'uuid', (r) => r.instrumentId), col<CheckInRow>('answers', 'jsonb', (r) => json(r.answers)),
    col<CheckInRow>('scores', 'jsonb', (r) => json(r.scores)), col<CheckInRow>('created_at', 'timestamptz', (r) => r.createdAt),
  ], checkIns);
  await step('wellbeing_nudges', [
    col<NudgeRow>('id', 'uuid', (r) => r.id), col<NudgeRow>('user_id', 'uuid', (r) => r.userId), col<NudgeRow>('check_in_id', 'uuid', (r) => r.checkInId),
    col<NudgeRow>('reason', 'text', (r) => r.reason), col<NudgeRow>('created_at', 'timestamptz', (r) => r.createdAt),
    col<NudgeRow>('dismissed_at', 'timestamptz', (r) => r.dismissedAt),
  ], nudges);
  await step('wellbeing_pulses', [
    col<PulseRow>('id', 'uuid', (r) => r.id), col<PulseRow>('user_id', 'uuid', (r) => r.userId),
    col<PulseRow>('organization_id', 'uuid', (r) => r.organizationId), col<PulseRow>('team_ids', 'uuid[]', (r) => r.teamIds),
    col<PulseRow>('energy', 'int', (r) => r.energy), col<PulseRow>('load', 'int', (r) => r.load), col<PulseRow>('note', 'text', (r) => r.note),
    col<PulseRow>('created_at', 'timestamptz', (r) => r.createdAt),
  ], pulses);
  await step('wellbeing_shares', [
    col<ShareRow>('id', 'uuid', (r) => r.id), col<ShareRow>('user_id', 'uuid', (r) => r.userId), col<ShareRow>('supervisor_id', 'uuid', (r) => r.supervisorId),
    col<ShareRow>('created_at', 'timestamptz', (r) => r.createdAt), col<ShareRow>('revoked_at', 'timestamptz', (r) => r.revokedAt),
  ], shares);
  await step('step_aways', [
    col<StepAwayRow>('id', 'uuid', (r) => r.id), col<StepAwayRow>('user_id', 'uuid', (r) => r.userId),
    col<StepAwayRow>('organization_id', 'uuid', (r) => r.organizationId), col<StepAwayRow>('team_id', 'uuid', (r) => r.teamId),
    col<StepAwayRow>('starts_on', 'date', (r) => r.startsOn), col<StepAwayRow>('ends_on', 'date', (r) => r.endsOn),
    col<StepAwayRow>('started_by', 'uuid', (r) => r.startedBy), col<StepAwayRow>('agreement_method', 'text', (r) => r.agreementMethod),
    col<StepAwayRow>('return_plan', 'jsonb', (r) => (r.returnPlan === null ? null : json(r.returnPlan))),
    col<StepAwayRow>('returned_at', 'timestamptz', (r) => r.returnedAt), col<StepAwayRow>('created_at', 'timestamptz', (r) => r.createdAt),
    col<StepAwayRow>('version', 'int', (r) => r.version),
  ], stepAways);
  await step('step_away_coverage', [
    col<CoverageRow>('id', 'uuid', (r) => r.id), col<CoverageRow>('step_away_id', 'uuid', (r) => r.stepAwayId),
    col<CoverageRow>('person_id', 'uuid', (r) => r.personId), col<CoverageRow>('covering_user_id', 'uuid', (r) => r.coveringUserId),
    col<CoverageRow>('handover_note', 'text', (r) => r.handoverNote), col<CoverageRow>('created_at', 'timestamptz', (r) => r.createdAt),
    col<CoverageRow>('handed_back_at', 'timestamptz', (r) => r.handedBackAt), col<CoverageRow>('hand_back_note', 'text', (r) => r.handBackNote),
  ], coverage);
  await step('supervision_sessions', [
    col<SessionRow>('id', 'uuid', (r) => r.id), col<SessionRow>('organization_id', 'uuid', (r) => r.organizationId),
    col<SessionRow>('psp_id', 'uuid', (r) => r.pspId), col<SessionRow>('supervisor_id', 'uuid', (r) => r.supervisorId),
    col<SessionRow>('held_at', 'timestamptz', (r) => r.heldAt), col<SessionRow>('kind', 'text', (r) => r.kind),
    col<SessionRow>('notes', 'text', (r) => r.notes), col<SessionRow>('created_at', 'timestamptz', (r) => r.createdAt),
  ], sessions);
}

/**
 * The practice activity was generated without step-aways: what it has the away PSP do while away (contacts, steps of
 * voice items and connections, consent records, agenda items) passes to whoever covered the person — else the
 * person's primary PSP, else the step-away's first covering colleague — and they miss the huddles of those days.
 */
async function handOverActivity(tx: Tx, stepAways: StepAwayRow[], nowMs: number): Promise<void> {
  if (stepAways.length === 0) return;
  const values = sql.join(
    stepAways.map((s) => {
      const to = new Date(s.returnedAt?.getTime() ?? nowMs).toISOString();
      return sql`(${s.id}::uuid, ${s.userId}::uuid, ${s.teamId}::uuid, ${`${s.startsOn}T00:00:00Z`}::timestamptz, ${to}::timestamptz, ${s.fallback}::uuid)`;
    }),
    sql`, `,
  );
  const spans = sql`(values ${values}) as s(id, user_id, team_id, from_at, to_at, fallback)`;
  const cover = (person: SQL) => sql`coalesce(
      (select c.covering_user_id from step_away_coverage c where c.step_away_id = s.id and c.person_id = ${person}),
      (select pp.user_id from person_psps pp where pp.person_id = ${person} and pp.is_primary and pp.user_id <> s.user_id),
      s.fallback)`;
  const update = (table: string, by: string, at: string, person: SQL, team: SQL) =>
    tx.execute(sql`update ${sql.identifier(table)} x set ${sql.identifier(by)} = ${cover(person)} from ${spans}
      where x.${sql.identifier(by)} = s.user_id and ${team} = s.team_id and x.${sql.identifier(at)} >= s.from_at and x.${sql.identifier(at)} < s.to_at`);
  const own = { person: sql`x.person_id`, team: sql`x.team_id` };
  await update('contacts', 'author_id', 'occurred_at', own.person, own.team);
  for (const [by, at] of [['created_by', 'created_at'], ['returned_by', 'returned_at'], ['withdrawn_by', 'withdrawn_at']] as const) {
    await update('voice_items', by, at, own.person, own.team);
  }
  await update('connections', 'created_by', 'created_at', own.person, own.team);
  await update('connections', 'accepted_by', 'accepted_at', own.person, own.team);
  await update('connection_events', 'by_user_id', 'created_at', sql`(select n.person_id from connections n where n.id = x.connection_id)`, sql`(select n.team_id from connections n where n.id = x.connection_id)`);
  await update('consent_records', 'recorded_by', 'created_at', own.person, sql`(select p.team_id from persons p where p.id = x.person_id)`);
  await update('persons', 'created_by', 'created_at', sql`x.id`, own.team);
  await update('contact_corrections', 'author_id', 'created_at', sql`(select c.person_id from contacts c where c.id = x.contact_id)`, sql`(select c.team_id from contacts c where c.id = x.contact_id)`);
  await update('huddle_items', 'added_by', 'created_at', sql`null::uuid`, own.team);
  // A correction follows its contact's author (the generator has authors correct their own contacts).
  await tx.execute(sql`update contact_corrections k set author_id = c.author_id from contacts c
    where c.id = k.contact_id and k.author_id <> c.author_id and k.author_id in (select user_id from ${spans})`);
  await tx.execute(sql`delete from huddle_attendees a using huddles h, ${spans}
    where h.id = a.huddle_id and a.user_id = s.user_id and h.team_id = s.team_id and h.held_at >= s.from_at and h.held_at < s.to_at`);
}
