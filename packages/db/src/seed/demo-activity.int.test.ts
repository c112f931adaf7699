import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { nudgeReason, scoreResponse, type NudgeRule, type ScoringDefinition } from '@alongside/stats';
import { migrate, seedDemo, seedReferenceData, type Database } from '../index.ts';
import { ENUM_COLUMNS } from '../enum-columns.ts';
import { emptyDatabase } from './test-database.ts';

let database: Database;
const now = new Date();
const DEMO_TEAM = 'Unit 4B';
const DEMO_PROGRAM = 'Acute Inpatient Psychiatry';

const rows = <T = Record<string, unknown>>(statement: SQL) => database.query<T>(statement);
const count = async (statement: SQL) => (await rows<{ n: number }>(sql`select count(*)::int as n from (${statement}) q`))[0]!.n;

beforeAll(async () => {
  database = await emptyDatabase();
  await migrate(database);
  await seedReferenceData(database);
  const progress: number[] = [];
  await seedDemo(database, (done) => progress.push(done), { now });
  expect(progress.length).toBeGreaterThan(20);
});

afterAll(async () => {
  await database.close();
});

describe('demo activity', () => {
  it('gives every team between 8 and 20 people, and the demo PSP a caseload of about ten', async () => {
    const perTeam = await rows<{ name: string; n: number }>(sql`select t.name, count(p.id)::int as n from teams t left join persons p on p.team_id = t.id group by t.id, t.name`);
    expect(perTeam.length).toBeGreaterThan(10);
    for (const team of perTeam) {
      expect(team.n, team.name).toBeGreaterThanOrEqual(8);
      expect(team.n, team.name).toBeLessThanOrEqual(20);
    }
    const caseload = await count(sql`select 1 from person_psps pp join users u on u.id = pp.user_id where u.email = 'peer@alongside.example'`);
    expect(caseload).toBeGreaterThanOrEqual(8);
    expect(caseload).toBeLessThanOrEqual(14);
    expect(await count(sql`select person_id from person_psps group by person_id having count(*) filter (where is_primary) <> 1`)).toBe(0);
    expect(await count(sql`select 1 from person_psps pp join persons p on p.id = pp.person_id
      where not exists (select 1 from memberships m where m.user_id = pp.user_id and m.team_id = p.team_id and m.role = 'peer_support_worker')`)).toBe(0);
  });

  it('has a lockbox person and a person who shares nothing in the demo team, and their words never reach the team', async () => {
    const inDemo = (condition: SQL) => count(sql`select 1 from persons p join teams t on t.id = p.team_id where t.name = ${DEMO_TEAM} and ${condition}`);
    expect(await inDemo(sql`p.lockbox`)).toBeGreaterThanOrEqual(1);
    expect(await inDemo(sql`p.share_with_care_team = 'none'`)).toBeGreaterThanOrEqual(1);
    expect(await inDemo(sql`p.research_use`)).toBeGreaterThanOrEqual(1);
    expect(await count(sql`select 1 from voice_items v join persons p on p.id = v.person_id where v.share_agreed and (p.lockbox or p.share_with_care_team = 'none')`)).toBe(0);
    expect(await count(sql`select 1 from contacts c join persons p on p.id = c.person_id where c.summary_agreed and (p.lockbox or p.share_with_care_team = 'none')`)).toBe(0);
    expect(await count(sql`select 1 from connections c join persons p on p.id = c.person_id where c.target_user_id is not null and (p.lockbox or p.share_with_care_team = 'none')`)).toBe(0);
    // The current state matches the latest consent record of each purpose.
    expect(await count(sql`select 1 from persons p join lateral (
        select decision from consent_records r where r.person_id = p.id and r.purpose = 'lockbox' order by r.created_at desc limit 1) l on true
      where (l.decision = 'on') <> p.lockbox`)).toBe(0);
  });

  it('has voice items in every status, unshared ones, and overdue ones on the demo team board', async () => {
    const statuses = (await rows<{ status: string }>(sql`select distinct status from voice_items`)).map((r) => r.status).sort();
    expect(statuses).toEqual(['acknowledged', 'answered', 'open', 'returned', 'withdrawn']);
    expect(await count(sql`select 1 from voice_items where not share_agreed`)).toBeGreaterThan(0);
    const overdue = await count(sql`select 1 from voice_items v join teams t on t.id = v.team_id join persons p on p.id = v.person_id
      where t.name = ${DEMO_TEAM} and v.share_agreed and not p.lockbox and p.share_with_care_team <> 'none'
        and v.status in ('open', 'acknowledged') and v.due_at < ${now.toISOString()}::timestamptz`);
    expect(overdue).toBeGreaterThanOrEqual(3);
  });

  it('keeps every step of the voice loop consistent with the status, done by the right role', async () => {
    const broken = await rows(sql`select v.id, v.status from voice_items v join programs pr on pr.id = v.program_id where not (
      case v.status
        when 'open' then v.acknowledged_at is null and v.answered_at is null and v.returned_at is null and v.withdrawn_at is null
        when 'acknowledged' then v.acknowledged_at is not null and v.acknowledged_by is not null and v.answered_at is null and v.returned_at is null and v.withdrawn_at is null
        when 'answered' then v.acknowledged_at is not null and v.answered_at is not null and v.answered_by is not null and v.answer is not null and v.returned_at is null and v.withdrawn_at is null
        when 'returned' then v.acknowledged_at is not null and v.answer is not null and v.returned_at is not null and v.returned_by is not null and v.withdrawn_at is null
        when 'withdrawn' then v.withdrawn_at is not null and v.withdrawn_by is not null
        else false end
      and (v.acknowledged_at is null) = (v.acknowledged_by is null)
      and (v.answered_at is null) = (v.answered_by is null) and (v.answered_at is null) = (v.answer is null)
      and (v.returned_at is null) = (v.returned_by is null)
      and (v.share_agreed = (v.shared_at is not null)) and (v.shared_at is null) = (v.due_at is null)
      and (v.due_at is null or v.due_at = v.shared_at + make_interval(days => pr.voice_answer_target_days))
      and (v.share_agreed or v.acknowledged_at is null)
      and v.created_at <= coalesce(v.shared_at, v.created_at)
      and coalesce(v.shared_at, v.created_at) <= coalesce(v.acknowledged_at, v.answered_at, v.returned_at, 'infinity')
      and coalesce(v.acknowledged_at, '-infinity') <= coalesce(v.answered_at, 'infinity')
      and coalesce(v.answered_at, '-infinity') <= coalesce(v.returned_at, 'infinity')
      and greatest(v.created_at, v.shared_at, v.acknowledged_at, v.answered_at, v.returned_at) <= coalesce(v.withdrawn_at, 'infinity'))`);
    expect(broken).toEqual([]);
    const hasRole = (column: string, roles: string[]) => count(sql`select 1 from voice_items v where v.${sql.raw(column)} is not null and not exists (
      select 1 from memberships m where m.user_id = v.${sql.raw(column)} and m.team_id = v.team_id and m.role in ${roles})`);
    const clinicians = ['nurse', 'psychiatrist', 'psychologist', 'occupational_therapist', 'social_worker'];
    const peers = ['peer_support_worker', 'peer_supervisor'];
    expect(await hasRole('acknowledged_by', clinicians)).toBe(0);
    expect(await hasRole('answered_by', clinicians)).toBe(0);
    expect(await hasRole('returned_by', peers)).toBe(0);
    expect(await hasRole('withdrawn_by', peers)).toBe(0);
    expect(await hasRole('created_by', peers)).toBe(0);
  });

  it('has connections in every status, both ways, with an event for every step', async () => {
    const found = await rows<{ direction: string; status: string }>(sql`select distinct direction, status from connections order by 1, 2`);
    for (const direction of ['from_peer_support', 'to_peer_support']) {
      expect(found.filter((f) => f.direction === direction).map((f) => f.status).sort(), direction).toEqual(['accepted', 'completed', 'declined', 'did_not_attend', 'met', 'proposed']);
    }
    const demoStatuses = await count(sql`select distinct c.direction, c.status from connections c join teams t on t.id = c.team_id where t.name = ${DEMO_TEAM}`);
    expect(demoStatuses).toBe(12);
    const broken = await rows(sql`select c.id, c.status from connections c where not (
      case c.status
        when 'proposed' then c.accepted_at is null and c.first_meeting_at is null and c.closed_at is null
        when 'accepted' then c.accepted_at is not null and c.first_meeting_at is null and c.closed_at is null
        when 'met' then c.accepted_at is not null and c.first_meeting_at is not null and c.closed_at is null
        when 'completed' then c.accepted_at is not null and c.first_meeting_at is not null and c.closed_at is not null
        when 'declined' then c.first_meeting_at is null and c.closed_at is not null
        when 'did_not_attend' then c.accepted_at is not null and c.first_meeting_at is null and c.closed_at is not null
        else false end
      and (c.accepted_at is null) = (c.accepted_by is null)
      and c.created_at <= coalesce(c.accepted_at, c.closed_at, 'infinity')
      and coalesce(c.accepted_at, '-infinity') <= coalesce(c.first_meeting_at, c.closed_at, 'infinity')
      and coalesce(c.first_meeting_at, '-infinity') <= coalesce(c.closed_at, 'infinity')
      and (select count(*) from connection_events e where e.connection_id = c.id) =
          1 + (c.accepted_at is not null)::int + (c.first_meeting_at is not null)::int + (c.closed_at is not null)::int
      and exists (select 1 from connection_events e where e.connection_id = c.id and e.status = c.status))`);
    expect(broken).toEqual([]);
    // A referral carries the referring clinician's profession; a hand-off goes to a clinician of the team or a service.
    expect(await count(sql`select 1 from connections c where c.direction = 'to_peer_support' and not exists (
      select 1 from memberships m where m.user_id = c.created_by and m.team_id = c.team_id and m.role = c.referrer_role
        and m.role in ('nurse', 'psychiatrist', 'psychologist', 'occupational_therapist', 'social_worker'))`)).toBe(0);
    expect(await count(sql`select 1 from connections c where c.direction = 'from_peer_support' and (c.referrer_role is not null
      or (c.target_user_id is null) = (c.service is null)
      or not exists (select 1 from memberships m where m.user_id = c.created_by and m.team_id = c.team_id and m.role = 'peer_support_worker'))`)).toBe(0);
  });

  it('puts nothing in the future', async () => {
    const at = sql`${now.toISOString()}::timestamptz`;
    expect(await count(sql`select 1 from contacts where occurred_at > ${at} or created_at > ${at} or occurred_at > created_at`)).toBe(0);
    expect(await count(sql`select 1 from voice_items where greatest(created_at, shared_at, acknowledged_at, answered_at, returned_at, withdrawn_at) > ${at}`)).toBe(0);
    expect(await count(sql`select 1 from connections where greatest(created_at, accepted_at, first_meeting_at, closed_at) > ${at}`)).toBe(0);
    expect(await count(sql`select 1 from connection_events where created_at > ${at}`)).toBe(0);
    expect(await count(sql`select 1 from huddles where held_at > ${at}`)).toBe(0);
    expect(await count(sql`select 1 from contacts where occurred_at < ${at} - interval '183 days'`)).toBe(0);
  });

  it('holds weekly huddles with PSPs attending most of them, and agenda items waiting for the next one', async () => {
    const perTeam = await rows<{ huddles: number; psp_share: number; waiting: number }>(sql`
      select count(distinct h.id)::int as huddles,
        (count(distinct h.id) filter (where exists (select 1 from huddle_attendees a where a.huddle_id = h.id and a.role = 'peer_support_worker')))::float
          / greatest(count(distinct h.id), 1) as psp_share,
        (select count(*)::int from huddle_items i where i.team_id = t.id and i.huddle_id is null) as waiting
      from teams t left join huddles h on h.team_id = t.id group by t.id`);
    for (const team of perTeam) {
      expect(team.huddles).toBeGreaterThanOrEqual(24);
      expect(team.psp_share).toBeGreaterThan(0.5);
      expect(team.waiting).toBeGreaterThanOrEqual(1);
    }
    expect(await count(sql`select 1 from huddle_items where voice_item_id is not null`)).toBeGreaterThan(0);
    expect(await count(sql`select 1 from huddle_items where connection_id is not null`)).toBeGreaterThan(0);
    expect(await count(sql`select 1 from huddle_items i join voice_items v on v.id = i.voice_item_id where not v.share_agreed`)).toBe(0);
  });

  it('gives the demo program at least k = 5 people a month with contacts, shared voice items and connections', async () => {
    const months = await rows<{ month: string; contacts: number; voice: number; connections: number }>(sql`
      with months as (
        select generate_series(date_trunc('month', ${now.toISOString()}::timestamptz - interval '150 days'), date_trunc('month', ${now.toISOString()}::timestamptz) - interval '1 month', interval '1 month') as m
      ), program as (select id from programs where name = ${DEMO_PROGRAM})
      select to_char(months.m, 'YYYY-MM') as month,
        (select count(distinct person_id)::int from contacts c where c.program_id = (select id from program) and date_trunc('month', c.occurred_at) = months.m) as contacts,
        (select count(distinct person_id)::int from voice_items v where v.program_id = (select id from program) and date_trunc('month', v.shared_at) = months.m) as voice,
        (select count(distinct person_id)::int from connections c where c.program_id = (select id from program) and date_trunc('month', c.created_at) = months.m) as connections
      from months`);
    expect(months.length).toBeGreaterThanOrEqual(4);
    for (const m of months) {
      expect(m.contacts, m.month).toBeGreaterThanOrEqual(5);
      expect(m.voice, m.month).toBeGreaterThanOrEqual(5);
      expect(m.connections, m.month).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('demo support (check-ins, pulses, supervision, step-aways)', () => {
  const at = () => sql`${now.toISOString()}::timestamptz`;
  const peerStaff = sql`select distinct m.user_id from memberships m where m.role in ('peer_support_worker', 'peer_supervisor')`;

  it('gives every PSP and peer supervisor a check-in in each of the last six completed months, scored and nudged as the service does', async () => {
    const months = await rows<{ user_id: string; months: number }>(sql`
      select s.user_id, count(distinct date_trunc('month', c.created_at at time zone 'UTC'))::int as months
      from (${peerStaff}) s left join wellbeing_check_ins c on c.user_id = s.user_id
        and c.created_at >= date_trunc('month', ${at()} at time zone 'UTC') at time zone 'UTC' - interval '6 months'
        and c.created_at < date_trunc('month', ${at()} at time zone 'UTC') at time zone 'UTC'
      group by s.user_id`);
    expect(months.length).toBeGreaterThan(40);
    for (const m of months) expect(m.months, m.user_id).toBe(6);

    const [instrument] = await rows<{ id: string; definition: ScoringDefinition & NudgeRule & { primaryScaleId: string } }>(
      sql`select id, definition from wellbeing_instruments where organization_id is null and key = 'alongside-check-in'`,
    );
    const checkIns = await rows<{ id: string; user_id: string; instrument_id: string; answers: Record<string, number | null>; scores: Record<string, number | null> }>(
      sql`select id, user_id, instrument_id, answers, scores from wellbeing_check_ins order by user_id, created_at, id`,
    );
    const nudges = new Map((await rows<{ check_in_id: string; reason: string }>(sql`select check_in_id, reason from wellbeing_nudges`)).map((n) => [n.check_in_id, n.reason]));
    const history = new Map<string, number[]>();
    const d = instrument!.definition;
    for (const c of checkIns) {
      expect(c.instrument_id).toBe(instrument!.id);
      expect(c.scores).toEqual(Object.fromEntries(scoreResponse(d, c.answers).map((s) => [s.id, s.score])));
      const scores = [...(history.get(c.user_id) ?? []), c.scores[d.primaryScaleId]!];
      history.set(c.user_id, scores);
      expect(nudges.get(c.id) ?? null, c.id).toBe(nudgeReason(scores, d));
    }
    // Trends differ between people: not everyone at the same level or moving the same way.
    const spreads = [...history.values()].map((s) => Math.max(...s) - Math.min(...s));
    expect(Math.max(...spreads)).toBeGreaterThan(15);
    expect(new Set([...history.values()].map((s) => Math.round(s.at(-1)!))).size).toBeGreaterThan(5);
  });

  it('gives peer@ a trend that rose three months in a row, and the private nudge it raises', async () => {
    const scores = await rows<{ strain: number }>(sql`select (c.scores->>'strain')::float as strain from wellbeing_check_ins c
      join users u on u.id = c.user_id where u.email = 'peer@alongside.example' order by c.created_at`);
    const last = scores.slice(-4).map((s) => s.strain);
    expect(last[1]! > last[0]! && last[2]! > last[1]! && last[3]! > last[2]!, JSON.stringify(last)).toBe(true);
    const open = await rows<{ reason: string; latest: boolean }>(sql`select n.reason,
        n.check_in_id = (select c.id from wellbeing_check_ins c where c.user_id = n.user_id order by c.created_at desc limit 1) as latest
      from wellbeing_nudges n join users u on u.id = n.user_id where u.email = 'peer@alongside.example' and n.dismissed_at is null`);
    expect(open).toEqual([{ reason: 'rising', latest: true }]);
  });

  it('has a few pulses a month for every PSP, some with a private note and some without', async () => {
    const perMonth = await rows<{ n: number }>(sql`select count(p.id)::int as n from (${peerStaff}) s
      cross join generate_series(1, 6) as k
      left join wellbeing_pulses p on p.user_id = s.user_id
        and date_trunc('month', p.created_at at time zone 'UTC') = date_trunc('month', ${at()} at time zone 'UTC') - make_interval(months => k)
      group by s.user_id, k`);
    for (const m of perMonth) {
      expect(m.n).toBeGreaterThanOrEqual(1);
      expect(m.n).toBeLessThanOrEqual(4);
    }
    expect(await count(sql`select 1 from wellbeing_pulses where note is not null`)).toBeGreaterThan(50);
    expect(await count(sql`select 1 from wellbeing_pulses where note is null`)).toBeGreaterThan(50);
    expect(await count(sql`select 1 from wellbeing_pulses where energy not between 1 and 5 or load not between 1 and 5`)).toBe(0);
  });

  it('gives the demo program a team with at least k contributing PSPs and a team with fewer', async () => {
    const teams = await rows<{ name: string; k: number; contributors: number }>(sql`
      select t.name, o.privacy_threshold_k as k, (select count(distinct c.user_id)::int from wellbeing_check_ins c
          where t.id = any(c.team_ids) and date_trunc('month', c.created_at at time zone 'UTC') = date_trunc('month', ${at()} at time zone 'UTC') - interval '1 month') as contributors
      from teams t join programs p on p.id = t.program_id join organizations o on o.id = t.organization_id
      where p.name = ${DEMO_PROGRAM} order by t.name`);
    expect(teams.map((t) => t.name)).toEqual([DEMO_TEAM, 'Unit 5A']);
    const [big, small] = teams;
    expect(big!.k).toBe(5);
    expect(big!.contributors).toBeGreaterThanOrEqual(big!.k);
    expect(small!.contributors).toBeGreaterThan(0);
    expect(small!.contributors).toBeLessThan(small!.k);
    // No PSP counts in two teams: no aggregate could be subtracted from another.
    expect(await count(sql`select user_id from memberships where role in ('peer_support_worker', 'peer_supervisor') group by user_id having count(*) > 1`)).toBe(0);
  });

  it('has one PSP of the demo team away now, each person of their caseload covered by peer@ with a hand-over note', async () => {
    const away = await rows<{ id: string; user_id: string; email: string; starts_on: string; ends_on: string | null; team: string }>(sql`
      select s.id, s.user_id, u.email, s.starts_on::text as starts_on, s.ends_on::text as ends_on, t.name as team
      from step_aways s join users u on u.id = s.user_id join teams t on t.id = s.team_id where s.returned_at is null`);
    expect(away).toHaveLength(1);
    const s = away[0]!;
    expect(s.team).toBe(DEMO_TEAM);
    expect(['peer@alongside.example', 'erfaring@alongside.example']).not.toContain(s.email);
    const today = now.toISOString().slice(0, 10);
    expect(s.starts_on <= today && (s.ends_on === null || s.ends_on >= today)).toBe(true);
    const coverage = await rows<{ person_id: string; email: string; note: string; handed_back_at: string | null }>(sql`
      select c.person_id, u.email, c.handover_note as note, c.handed_back_at from step_away_coverage c join users u on u.id = c.covering_user_id
      where c.step_away_id = ${s.id} order by c.person_id`);
    const caseload = await rows<{ person_id: string }>(sql`select pp.person_id from person_psps pp join persons p on p.id = pp.person_id
      join teams t on t.id = p.team_id where pp.user_id = ${s.user_id} and pp.is_primary and t.name = ${DEMO_TEAM} order by pp.person_id`);
    expect(caseload.length).toBeGreaterThan(0);
    expect(coverage.map((c) => c.person_id)).toEqual(caseload.map((c) => c.person_id));
    for (const c of coverage) {
      expect(c).toMatchObject({ email: 'peer@alongside.example', handed_back_at: null });
      expect(c.note.length).toBeGreaterThan(10);
    }
    // What the activity had them do while away was done by colleagues; they missed those huddles.
    const since = sql`${s.starts_on}::date::timestamp at time zone 'UTC'`;
    expect(await count(sql`select 1 from contacts where author_id = ${s.user_id} and occurred_at >= ${since}`)).toBe(0);
    expect(await count(sql`select 1 from connection_events where by_user_id = ${s.user_id} and created_at >= ${since}`)).toBe(0);
    expect(await count(sql`select 1 from huddle_attendees a join huddles h on h.id = a.huddle_id where a.user_id = ${s.user_id} and h.held_at >= ${since}`)).toBe(0);
  });

  it('has returned step-aways with coverage closed, by enough PSPs of the demo program to show step-away days', async () => {
    const returned = await rows<{ returned: string; starts_on: string; open: number; version: number }>(sql`
      select s.returned_at::text as returned, s.starts_on::text as starts_on, s.version,
        (select count(*)::int from step_away_coverage c where c.step_away_id = s.id and c.handed_back_at is distinct from s.returned_at) as open
      from step_aways s where s.returned_at is not null`);
    expect(returned.length).toBeGreaterThanOrEqual(3);
    for (const r of returned) {
      expect(r.open).toBe(0);
      expect(r.version).toBe(2);
      expect(r.returned.slice(0, 10) > r.starts_on).toBe(true);
    }
    expect(await count(sql`select 1 from step_aways where agreement_method is not null and started_by <> user_id`)).toBeGreaterThanOrEqual(1);
    const distinct = await count(sql`select distinct s.user_id from step_aways s join teams t on t.id = s.team_id join programs p on p.id = t.program_id
      where p.name = ${DEMO_PROGRAM} and s.starts_on >= (${at()} - interval '6 months')::date`);
    expect(distinct).toBeGreaterThanOrEqual(5);
    // Nobody is away twice at once, and nobody covers while away.
    expect(await count(sql`select 1 from step_aways a join step_aways b on a.user_id = b.user_id and a.id < b.id
      where a.starts_on < coalesce(b.returned_at::date, 'infinity') and b.starts_on < coalesce(a.returned_at::date, 'infinity')`)).toBe(0);
    expect(await count(sql`select 1 from step_away_coverage c join step_aways s on s.id = c.step_away_id join step_aways o on o.user_id = c.covering_user_id
      where o.starts_on < coalesce(s.returned_at::date, 'infinity') and s.starts_on < coalesce(o.returned_at::date, 'infinity')`)).toBe(0);
  });

  it('has supervision sessions of every kind, supervisor@ with each PSP of the demo team, and a real share supervised in the last 30 days', async () => {
    const demo = await rows<{ psp: string; kinds: string[] }>(sql`
      select m.user_id as psp, array(select distinct x.kind from supervision_sessions x where x.psp_id = m.user_id order by 1) as kinds
      from memberships m join teams t on t.id = m.team_id where t.name = ${DEMO_TEAM} and m.role = 'peer_support_worker'`);
    expect(demo.length).toBeGreaterThanOrEqual(5);
    for (const d of demo) {
      expect(await count(sql`select 1 from supervision_sessions x join users s on s.id = x.supervisor_id
        where x.psp_id = ${d.psp} and s.email = 'supervisor@alongside.example'`)).toBeGreaterThan(2);
    }
    expect(new Set(demo.flatMap((d) => d.kinds))).toEqual(new Set(['peer', 'clinical', 'group']));
    expect(await count(sql`select distinct x.organization_id from supervision_sessions x`)).toBe(3);
    expect(await count(sql`select 1 from supervision_sessions x where not exists (select 1 from memberships p join memberships s on s.team_id = p.team_id
      where p.user_id = x.psp_id and s.user_id = x.supervisor_id and s.role in ('peer_supervisor', 'nurse', 'psychiatrist', 'psychologist', 'occupational_therapist', 'social_worker'))`)).toBe(0);
    const [share] = await rows<{ share: number }>(sql`select avg((exists (select 1 from supervision_sessions x where x.psp_id = m.user_id
        and x.held_at >= ${at()} - interval '30 days'))::int)::float as share
      from (select distinct user_id from memberships where role = 'peer_support_worker') m`);
    expect(share!.share).toBeGreaterThan(0.3);
    expect(share!.share).toBeLessThan(1);
  });

  it('has peer@ sharing their trend with supervisor@', async () => {
    const shares = await rows<{ psp: string; supervisor: string }>(sql`select p.email as psp, s.email as supervisor from wellbeing_shares w
      join users p on p.id = w.user_id join users s on s.id = w.supervisor_id where w.revoked_at is null`);
    expect(shares).toContainEqual({ psp: 'peer@alongside.example', supervisor: 'supervisor@alongside.example' });
  });

  it('puts none of it in the future, and has PSPs in post before the demo’s six months', async () => {
    for (const [table, column] of [['wellbeing_check_ins', 'created_at'], ['wellbeing_pulses', 'created_at'], ['wellbeing_nudges', 'created_at'],
      ['wellbeing_nudges', 'dismissed_at'], ['wellbeing_shares', 'created_at'], ['supervision_sessions', 'held_at'], ['supervision_sessions', 'created_at'],
      ['step_aways', 'created_at'], ['step_aways', 'returned_at'], ['step_away_coverage', 'created_at'], ['memberships', 'created_at']] as const) {
      expect(await count(sql`select 1 from ${sql.identifier(table)} where ${sql.identifier(column)} > ${at()}`), `${table}.${column}`).toBe(0);
    }
    expect(await count(sql`select 1 from memberships where role = 'peer_support_worker' and created_at > ${at()} - interval '190 days'`)).toBe(0);
    expect(await count(sql`select 1 from memberships where role = 'peer_support_worker' and created_at <= ${at()} - interval '12 months'`)).toBeGreaterThan(10);
  });
});

describe('enum-like columns', () => {
  it('accept exactly the values the contracts define, and no organization sets k below 3', async () => {
    const constraints = await rows<{ name: string; def: string }>(
      sql`SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'c'`,
    );
    const byName = new Map(constraints.map((c) => [c.name, c.def]));
    for (const c of ENUM_COLUMNS) {
      const def = byName.get(`${c.table}_${c.column}_check`);
      expect(def, `${c.table}.${c.column}`).toBeDefined();
      const values = [...def!.matchAll(/'([^']*)'/g)].map((m) => m[1]).sort();
      expect(values, `${c.table}.${c.column}`).toEqual([...c.values].sort());
    }
    await expect(rows(sql`UPDATE organizations SET privacy_threshold_k = 2`)).rejects.toThrow();
    await expect(rows(sql`UPDATE memberships SET role = 'superuser'`)).rejects.toThrow();
  });
});
