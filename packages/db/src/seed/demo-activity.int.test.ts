import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { createDb, migrate, seedDemo, seedReferenceData, type Database } from '../index.ts';

let database: Database;
const now = new Date();
const DEMO_TEAM = 'Unit 4B';
const DEMO_PROGRAM = 'Acute Inpatient Psychiatry';

/** A fresh database: in-memory PGlite, or a new database on the TEST_DATABASE_URL server. */
async function emptyDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return createDb({ memory: true });
  const name = `alongside_seed_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return createDb({ url: url.toString() });
}

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
