// `npm run bench:practice`: the practice features on a real PostgreSQL 15 with 1,000 programs and
// BENCH_CONTACTS contacts (default 10,000,000) made by a server-side bulk generator, then
// (a) contact logging through the whole stack vs a bare Fastify + one INSERT baseline (autocannon),
// (b) p95 of the team board and of a program's quarterly indicators, (c) the server's peak memory.
// Prints the numbers; asserts nothing. Environment: BENCH_CONTACTS, BENCH_DURATION (s),
// BENCH_CONNECTIONS, BENCH_DATABASE_URL (use an existing, empty database instead of a throw-away server).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import cliProgress from 'cli-progress';
import pg from 'pg';
import { contactPayload } from './contact-payload.ts';

const SCRIPT = import.meta.filename;
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 10_000_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const POOL_SIZE = 10; // createDb's pg.Pool size: the baseline uses the same
const PASSWORD = 'bench-password-1234';
const PROGRAMS = 1000;
const TEAMS_PER_PROGRAM = 3;
const PROGRAMS_PER_ORG = 4;
const TEAMS = PROGRAMS * TEAMS_PER_PROGRAM;
// Per team: 3 PSPs, a peer supervisor and five clinicians (slots 0–8); one manager per program.
const TEAM_ROLES = [
  'peer_support_worker',
  'peer_support_worker',
  'peer_support_worker',
  'peer_supervisor',
  'nurse',
  'psychiatrist',
  'psychologist',
  'occupational_therapist',
  'social_worker',
];
const PERSONS = Math.max(TEAMS, Math.round(CONTACTS * 0.015));
const VOICE_ITEMS = Math.round(CONTACTS / 20);
const CONNECTIONS_ROWS = Math.round(CONTACTS / 50);

/** Deterministic ids: the kind in the first group, the number in the last, so references are arithmetic. */
const KIND = {
  org: 1,
  program: 2,
  team: 3,
  user: 4,
  manager: 5,
  person: 6,
  voice: 7,
  connection: 8,
  huddle: 9,
} as const;
const id = (kind: number, n: string) =>
  `(lpad(to_hex(${kind}), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
const teamOfPerson = (p: string) => `(((${p}) - 1) % ${TEAMS} + 1)`;
const programOfTeam = (t: string) => `(((${t}) - 1) / ${TEAMS_PER_PROGRAM} + 1)`;
const orgOfProgram = (pr: string) => `(((${pr}) - 1) / ${PROGRAMS_PER_ORG} + 1)`;
const userOf = (t: string, slot: string) => `((${t}) - 1) * 9 + (${slot}) + 1`;
/** The person's primary PSP: one of the team's three. */
const pspSlot = (p: string) => `((((${p}) - 1) / ${TEAMS}) % 3)`;

interface Measure {
  name: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean | undefined;
}
const results: Measure[] = [];

const children = new Set<ChildProcess>();

async function main() {
  const started = Date.now();
  let stopPostgres: () => void = () => undefined;
  let url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    // A plain .mjs helper: imported through a variable so TypeScript does not look for its types.
    const helper = join(import.meta.dirname, 'throwaway-postgres.mjs');
    const { startPostgres } = (await import(helper)) as {
      startPostgres: (o: { settings: string[] }) => Promise<{ url: string; dataDir: string; stop: () => void }>;
    };
    const server = await startPostgres({
      settings: [
        '-c shared_buffers=1GB',
        '-c max_wal_size=8GB',
        '-c checkpoint_timeout=30min',
        '-c maintenance_work_mem=512MB',
        '-c work_mem=32MB',
      ],
    });
    url = server.url;
    stopPostgres = server.stop;
    console.log(`PostgreSQL 15 (throw-away) at ${url}, data in ${server.dataDir}`);
    process.once('SIGINT', () => {
      stopPostgres();
      process.exit(130);
    });
  }
  try {
    const { createDb, migrate, seedReferenceData, hashPassword } = await import('@alongside/db');
    const database = await createDb({ url });
    await migrate(database);
    await seedReferenceData(database);
    await database.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const genStart = Date.now();
    await generate(client, await hashPassword(PASSWORD));
    const genSeconds = (Date.now() - genStart) / 1000;
    const [size] = (
      await client.query<{ size: string }>('select pg_size_pretty(pg_database_size(current_database())) as size')
    ).rows;
    console.log(`Generated in ${genSeconds.toFixed(0)} s; database size ${size!.size}`);
    await client.query(
      'create table if not exists bench_baseline (id uuid primary key default gen_random_uuid(), person_id uuid not null, occurred_at timestamptz not null, duration_minutes int not null, note text not null)',
    );
    await client.end();

    // Two baselines, each a bare Fastify doing one INSERT per request: the same contact row into the real contacts
    // table (its indexes included; the target is judged against this one), and a narrow row into a table with
    // only a primary key (the floor of any write on this machine).
    const caseloads = Array.from({ length: CONNECTIONS }, (_v, i) => personsOfPsp(i + 1, 0));
    const baselineRps: Record<string, number> = {};
    for (const kind of ['baseline-contacts', 'baseline-narrow'] as const) {
      const baseline = await runServer(kind, url);
      baselineRps[kind] = await load(
        baseline.port,
        '/baseline',
        caseloads.map(() => ({})),
        caseloads,
      );
      await baseline.stop();
    }

    // One PSP per autocannon connection (team i's first PSP), each logging for people on their own caseload.
    const app = await runServer('app', url);
    const sessions = await Promise.all(caseloads.map((_c, i) => login(app.port, `psp-${i + 1}-0@bench.example`)));
    const appRps = await load(
      app.port,
      '/api/contacts',
      sessions.map((p) => ({ cookie: p.cookie, 'x-csrf-token': p.csrf })),
      caseloads,
    );
    const sameRow = baselineRps['baseline-contacts']!;
    const narrow = baselineRps['baseline-narrow']!;
    results.push({
      name: 'POST /api/contacts (full stack)',
      value: appRps,
      unit: 'req/s',
      target: '',
      pass: undefined,
    });
    results.push({
      name: 'baseline: bare Fastify, one INSERT into contacts',
      value: sameRow,
      unit: 'req/s',
      target: '',
      pass: undefined,
    });
    results.push({
      name: 'full stack / that baseline',
      value: (100 * appRps) / sameRow,
      unit: '%',
      target: '≥ 40 %',
      pass: (100 * appRps) / sameRow >= 40,
    });
    results.push({
      name: 'baseline: bare Fastify, one INSERT, narrow table',
      value: narrow,
      unit: 'req/s',
      target: '',
      pass: undefined,
    });
    results.push({
      name: 'full stack / narrow baseline',
      value: (100 * appRps) / narrow,
      unit: '%',
      target: '',
      pass: undefined,
    });

    const nurse = await login(app.port, 'nurse-1@bench.example');
    const board = await p95(app.port, `/api/teams/${uuidText(KIND.team, 1)}/board`, nurse.cookie);
    results.push({
      name: 'p95 GET /api/teams/:id/board (nurse)',
      value: board,
      unit: 'ms',
      target: '≤ 150 ms',
      pass: board <= 150,
    });
    const manager = await login(app.port, 'manager-1@bench.example');
    const { from, to } = lastQuarter();
    const indicators = await p95(
      app.port,
      `/api/programs/${uuidText(KIND.program, 1)}/indicators?from=${from}&to=${to}`,
      manager.cookie,
    );
    results.push({
      name: `p95 GET /api/programs/:id/indicators (${from}…${to})`,
      value: indicators,
      unit: 'ms',
      target: '≤ 150 ms',
      pass: indicators <= 150,
    });
    const peak = await app.stop();
    results.push({ name: 'peak server memory (VmHWM)', value: peak / 1024, unit: 'MB', target: '', pass: undefined });
    printTable(genSeconds, size!.size, (Date.now() - started) / 1000);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    stopPostgres();
  }
}

// ── The generator: INSERT … SELECT FROM generate_series, chunked for a progress bar ────────────────

async function generate(client: pg.Client, passwordHash: string) {
  // The generator's rows are consistent by construction: skip per-row foreign-key triggers while loading.
  await client.query('set session_replication_role = replica');
  await client.query('set synchronous_commit = off');
  const bar = new cliProgress.SingleBar(
    { clearOnComplete: true, format: '  {table} |{bar}| {percentage}% {value}/{total} rows  {rate} rows/s' },
    cliProgress.Presets.shades_classic,
  );
  const step = async (table: string, total: number, chunk: number, statement: (lo: number, hi: number) => string) => {
    const t0 = Date.now();
    bar.start(total, 0, { table: table.padEnd(18), rate: '-' });
    for (let lo = 1; lo <= total; lo += chunk) {
      const hi = Math.min(total, lo + chunk - 1);
      await client.query(statement(lo, hi));
      bar.update(hi, { rate: Math.round(hi / ((Date.now() - t0) / 1000)).toLocaleString('en') });
    }
    bar.stop();
    const seconds = (Date.now() - t0) / 1000;
    console.log(
      `  ${table.padEnd(18)} ${total.toLocaleString('en').padStart(12)} rows in ${seconds.toFixed(1).padStart(6)} s  ${Math.round(
        total / seconds,
      )
        .toLocaleString('en')
        .padStart(10)} rows/s`,
    );
  };
  const now = `'${new Date().toISOString()}'::timestamptz`;
  const ago = (seconds: string) => `${now} - make_interval(secs => ${seconds})`;
  const HALF_YEAR = 182 * 86400;
  const users = TEAMS * 9;

  await step(
    'organizations',
    PROGRAMS / PROGRAMS_PER_ORG,
    10_000,
    (lo, hi) => `insert into organizations (id, country_code, name)
    select ${id(KIND.org, 'g')}, case when g % 3 = 0 then 'NO' else 'CA' end, 'Bench organization ' || g from generate_series(${lo}, ${hi}) g`,
  );
  await step(
    'programs',
    PROGRAMS,
    10_000,
    (lo, hi) => `insert into programs (id, organization_id, name, setting)
    select ${id(KIND.program, 'g')}, ${id(KIND.org, orgOfProgram('g'))}, 'Bench program ' || g,
      (array['inpatient','outpatient','emergency','community_team','assertive_community_treatment','addictions','youth','primary_care'])[g % 8 + 1]
    from generate_series(${lo}, ${hi}) g`,
  );
  await step(
    'teams',
    TEAMS,
    10_000,
    (lo, hi) => `insert into teams (id, program_id, organization_id, name)
    select ${id(KIND.team, 'g')}, ${id(KIND.program, programOfTeam('g'))}, ${id(KIND.org, orgOfProgram(programOfTeam('g')))}, 'Team ' || g
    from generate_series(${lo}, ${hi}) g`,
  );
  // Emails: psp-<team>-<k>, supervisor-<team>, <role>-<team>, manager-<program> @bench.example.
  await step(
    'users',
    users + PROGRAMS,
    50_000,
    (lo, hi) => `insert into users (id, email, name, password_hash)
    select case when g <= ${users} then ${id(KIND.user, 'g')} else ${id(KIND.manager, `g - ${users}`)} end,
      case when g > ${users} then 'manager-' || (g - ${users})
           when (g - 1) % 9 < 3 then 'psp-' || ((g - 1) / 9 + 1) || '-' || ((g - 1) % 9)
           else (array['supervisor','nurse','psychiatrist','psychologist','ot','socialworker'])[(g - 1) % 9 - 2] || '-' || ((g - 1) / 9 + 1) end || '@bench.example',
      'Bench user ' || g, '${passwordHash}'
    from generate_series(${lo}, ${hi}) g`,
  );
  await step(
    'memberships',
    users + PROGRAMS * TEAMS_PER_PROGRAM,
    100_000,
    (lo, hi) => `insert into memberships (user_id, organization_id, team_id, role)
    select case when g <= ${users} then ${id(KIND.user, 'g')} else ${id(KIND.manager, programOfTeam(`g - ${users}`))} end,
      ${id(KIND.org, orgOfProgram(programOfTeam(`case when g <= ${users} then (g - 1) / 9 + 1 else g - ${users} end`)))},
      ${id(KIND.team, `case when g <= ${users} then (g - 1) / 9 + 1 else g - ${users} end`)},
      case when g <= ${users} then (array[${TEAM_ROLES.map((r) => `'${r}'`).join(',')}])[(g - 1) % 9 + 1] else 'manager' end
    from generate_series(${lo}, ${hi}) g`,
  );
  const personScope = (p: string) =>
    `${id(KIND.org, orgOfProgram(programOfTeam(teamOfPerson(p))))}, ${id(KIND.program, programOfTeam(teamOfPerson(p)))}, ${id(KIND.team, teamOfPerson(p))}`;
  const primary = (p: string) => id(KIND.user, userOf(teamOfPerson(p), pspSlot(p)));
  await step(
    'persons',
    PERSONS,
    100_000,
    (
      lo,
      hi,
    ) => `insert into persons (id, organization_id, program_id, team_id, preferred_name, language, lockbox, share_with_care_team, created_by, created_at)
    select ${id(KIND.person, 'g')}, ${personScope('g')}, 'Person ' || g, 'en', g % 50 = 0, case when g % 40 = 0 then 'none' else 'per_item' end, ${primary('g')}, ${ago(`${HALF_YEAR} + g % 86400`)}
    from generate_series(${lo}, ${hi}) g`,
  );
  await step(
    'person_psps',
    PERSONS,
    100_000,
    (lo, hi) => `insert into person_psps (person_id, user_id, is_primary)
    select ${id(KIND.person, 'g')}, ${primary('g')}, true from generate_series(${lo}, ${hi}) g`,
  );
  await step(
    'consent_records',
    PERSONS,
    100_000,
    (lo, hi) => `insert into consent_records (person_id, purpose, decision, method, recorded_by)
    select ${id(KIND.person, 'g')}, 'share_with_care_team', 'per_item', 'in_person', ${primary('g')} from generate_series(${lo}, ${hi}) g`,
  );
  // Contacts: person g % PERSONS, logged by their primary PSP, spread over six months.
  const p = `((g - 1) % ${PERSONS} + 1)`;
  await step(
    'contacts',
    CONTACTS,
    250_000,
    (
      lo,
      hi,
    ) => `insert into contacts (id, organization_id, program_id, team_id, person_id, author_id, occurred_at, duration_minutes, mode, location, activities, note, team_summary, summary_agreed, created_at)
    select gen_random_uuid(), ${personScope(p)}, ${id(KIND.person, p)}, ${primary(p)}, t, 10 + (g % 9) * 10,
      (array['in_person','phone','video','text_message','group','accompaniment'])[g % 6 + 1],
      (array['ward','community','emergency_department','home','online'])[g % 5 + 1],
      case g % 4 when 0 then array['emotional_support'] when 1 then array['social_support','hope_and_recovery'] when 2 then array['navigating_services','advocacy'] else array['sharing_own_experience','community_resources','emotional_support'] end,
      'Walked to the coffee shop together; talked about the week.', case when g % 3 = 0 then 'Met for peer support; in good spirits.' end, g % 3 = 0, t + interval '10 minutes'
    from (select g, ${ago(`(g::bigint * 7919) % ${HALF_YEAR} + 600`)} as t from generate_series(${lo}, ${hi}) g) s`,
  );
  // Voice items: a fifth of them unshared; the rest spread over the loop, some overdue.
  const vp = `((g * 7) % ${PERSONS} + 1)`;
  const clinician = (person: string) => id(KIND.user, userOf(teamOfPerson(person), '4 + g % 5'));
  await step(
    'voice_items',
    VOICE_ITEMS,
    250_000,
    (
      lo,
      hi,
    ) => `insert into voice_items (id, organization_id, program_id, team_id, person_id, kind, words, share_agreed, status, due_at, created_by, created_at, shared_at,
      acknowledged_at, acknowledged_by, answered_at, answered_by, answer, returned_at, returned_by, withdrawn_at, withdrawn_by)
    select ${id(KIND.voice, 'g')}, ${personScope(vp)}, ${id(KIND.person, vp)}, (array['goal','preference','concern','question','feedback'])[g % 5 + 1],
      'I want to be back in my own place before winter.', s.shared, s.status,
      case when s.shared then t + interval '7 days' end, ${primary(vp)}, t, case when s.shared then t end,
      case when s.status in ('acknowledged','answered','returned') then t + interval '1 day' end,
      case when s.status in ('acknowledged','answered','returned') then ${clinician(vp)} end,
      case when s.status in ('answered','returned') then t + interval '3 days' end,
      case when s.status in ('answered','returned') then ${clinician(vp)} end,
      case when s.status in ('answered','returned') then 'We will talk about it at your next appointment.' end,
      case when s.status = 'returned' then t + interval '5 days' end, case when s.status = 'returned' then ${primary(vp)} end,
      case when s.status = 'withdrawn' then t + interval '2 days' end, case when s.status = 'withdrawn' then ${primary(vp)} end
    from (select g, t, shared,
            case when not shared then (case when g % 25 = 0 then 'withdrawn' else 'open' end)
                 else (array['open','acknowledged','answered','returned','returned','returned','returned','withdrawn'])[g % 8 + 1] end as status
          from (select g, ${ago(`(g::bigint * 104729) % ${HALF_YEAR} + 600`)} as t, g % 5 <> 0 and (${vp}) % 50 <> 0 and (${vp}) % 40 <> 0 as shared
                from generate_series(${lo}, ${hi}) g) x) s`,
  );
  // Connections: both directions, every status.
  await step(
    'connections',
    CONNECTIONS_ROWS,
    250_000,
    (
      lo,
      hi,
    ) => `insert into connections (id, organization_id, program_id, team_id, person_id, direction, target_user_id, service, warm_handoff, referrer_role, status, created_by, created_at, accepted_at, accepted_by, first_meeting_at, closed_at)
    select ${id(KIND.connection, 'g')}, ${personScope(vp)}, ${id(KIND.person, vp)},
      case when g % 3 = 0 then 'to_peer_support' else 'from_peer_support' end,
      case when g % 3 = 1 then ${clinician(vp)} end,
      case when g % 3 = 2 then (array['housing','primary_care','peer_group','income_support'])[g % 4 + 1] end,
      g % 2 = 0,
      case when g % 3 = 0 then (array['nurse','psychiatrist','psychologist','occupational_therapist','social_worker'])[g % 5 + 1] end,
      s.status,
      case when g % 3 = 0 then ${clinician(vp)} else ${primary(vp)} end, t,
      case when s.status in ('accepted','met','completed','did_not_attend') then t + interval '1 day' end,
      case when s.status in ('accepted','met','completed','did_not_attend') then (case when g % 3 = 1 then ${clinician(vp)} else ${primary(vp)} end) end,
      case when s.status in ('met','completed') then t + interval '4 days' end,
      case when s.status in ('completed','declined','did_not_attend') then t + interval '20 days' end
    from (select g, ${ago(`(g::bigint * 15485863) % ${HALF_YEAR} + 600`)} as t,
            (array['proposed','accepted','met','completed','completed','completed','declined','did_not_attend'])[g % 8 + 1] as status
          from generate_series(${lo}, ${hi}) g) s`,
  );
  await step(
    'connection_events',
    CONNECTIONS_ROWS,
    250_000,
    (lo, hi) => `insert into connection_events (connection_id, status, by_user_id, created_at)
    select c.id, e.status, coalesce(e.by, c.created_by), e.at from connections c
      cross join lateral (values ('proposed', c.created_by, c.created_at), ('accepted', c.accepted_by, c.accepted_at), ('met', c.created_by, c.first_meeting_at),
        (case when c.status in ('completed','declined','did_not_attend') then c.status end, c.created_by, c.closed_at)) e(status, by, at)
    where c.id between ${id(KIND.connection, String(lo))} and ${id(KIND.connection, String(hi))} and e.status is not null and e.at is not null`,
  );
  // Weekly huddles for 26 weeks, attended by the clinicians and most PSPs.
  const HUDDLES = TEAMS * 26;
  await step(
    'huddles',
    HUDDLES,
    100_000,
    (lo, hi) => `insert into huddles (id, organization_id, program_id, team_id, held_at, created_by)
    select ${id(KIND.huddle, 'g')}, ${id(KIND.org, orgOfProgram(programOfTeam(`((g - 1) % ${TEAMS} + 1)`)))}, ${id(KIND.program, programOfTeam(`((g - 1) % ${TEAMS} + 1)`))},
      ${id(KIND.team, `((g - 1) % ${TEAMS} + 1)`)}, ${now} - make_interval(days => 7 * ((g - 1) / ${TEAMS}) + 1), ${id(KIND.user, userOf(`((g - 1) % ${TEAMS} + 1)`, '4'))}
    from generate_series(${lo}, ${hi}) g`,
  );
  await step(
    'huddle_attendees',
    HUDDLES,
    100_000,
    (lo, hi) => `insert into huddle_attendees (huddle_id, user_id, role)
    select ${id(KIND.huddle, 'g')}, ${id(KIND.user, userOf(`((g - 1) % ${TEAMS} + 1)`, 's'))}, (array[${TEAM_ROLES.map((r) => `'${r}'`).join(',')}])[s + 1]
    from generate_series(${lo}, ${hi}) g cross join generate_series(0, 8) s where s <> (g % 3) and s <> 3`,
  );
  await client.query('set session_replication_role = origin');
  const t0 = Date.now();
  process.stdout.write('  analyze …');
  await client.query('analyze');
  console.log(` ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// ── Servers (in a child process, so the load generator does not share their event loop) ───────────

async function serve(kind: 'app' | 'baseline-contacts' | 'baseline-narrow', url: string) {
  const { default: Fastify } = await import('fastify');
  let app;
  if (kind === 'app') {
    const { createDb } = await import('@alongside/db');
    const { buildApp } = await import('../apps/server/src/app.ts');
    const database = await createDb({ url });
    app = await buildApp({
      database,
      config: {
        sessionSecret: 'bench-secret-bench-secret-bench-secret',
        publicUrl: 'http://127.0.0.1',
        sessionIdleMinutes: 240,
        smtpUrl: undefined,
        mailFrom: 'bench@bench.example',
        webDist: undefined,
        logLevel: 'warn',
      },
    });
  } else {
    const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
    app = Fastify({ logger: { level: 'warn' } });
    type Body = {
      personId: string;
      occurredAt: string;
      durationMinutes: number;
      mode: string;
      location: string;
      activities: string[];
      note: string;
    };
    const author = uuidText(KIND.user, 1);
    app.post('/baseline', async (request) => {
      const b = request.body as Body;
      const { rows } =
        kind === 'baseline-narrow'
          ? await pool.query<{ id: string }>(
              'insert into bench_baseline (person_id, occurred_at, duration_minutes, note) values ($1, $2, $3, $4) returning id',
              [b.personId, b.occurredAt, b.durationMinutes, b.note],
            )
          : await pool.query<{ id: string }>(
              `insert into contacts (organization_id, program_id, team_id, person_id, author_id, occurred_at, duration_minutes, mode, location, activities, note)
               select p.organization_id, p.program_id, p.team_id, p.id, $2, $3, $4, $5, $6, $7, $8 from persons p where p.id = $1 returning id`,
              [b.personId, author, b.occurredAt, b.durationMinutes, b.mode, b.location, b.activities, b.note],
            );
      return { id: rows[0]!.id };
    });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0}\n`);
}

async function runServer(kind: 'app' | 'baseline-contacts' | 'baseline-narrow', url: string) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SCRIPT, '--serve', kind, url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /READY (\d+)/.exec(buffer);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${String(code)})`)));
  });
  return {
    port,
    /** Stops the server and returns its peak resident memory in kB. */
    stop: async () => {
      const peak = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${String(child.pid)}/status`, 'utf8'))?.[1] ?? 0);
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      return peak;
    },
  };
}

// ── Measurements ───────────────────────────────────────────────────────────────────────────────────

const origin = (port: number) => `http://127.0.0.1:${port}`;

async function login(port: number, email: string) {
  const response = await fetch(`${origin(port)}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

/** Persons on the caseload of PSP slot `slot` of team `team` (see pspSlot). */
function personsOfPsp(team: number, slot: number): string[] {
  const out: string[] = [];
  for (let p = team; p <= PERSONS && out.length < 50; p += TEAMS)
    if (Math.floor((p - 1) / TEAMS) % 3 === slot) out.push(uuidText(KIND.person, p));
  return out;
}
const uuidText = (kind: number, n: number) =>
  `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

let turn = 0;
function contactBody(persons: string[]) {
  turn++;
  return contactPayload(persons[turn % persons.length]);
}

/** Runs autocannon with one client per entry of `headers` (its own session) and `caseloads`. */
async function load(
  port: number,
  path: string,
  headers: Record<string, string>[],
  caseloads: string[][],
): Promise<number> {
  let next = 0;
  const run = (seconds: number) =>
    autocannon({
      url: `${origin(port)}${path}`,
      method: 'POST',
      connections: CONNECTIONS,
      duration: seconds,
      headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1' },
      setupClient: (client) => {
        const i = next++ % headers.length;
        client.setHeaders({ 'content-type': 'application/json', origin: 'http://127.0.0.1', ...headers[i] });
        const body = () => JSON.stringify(contactBody(caseloads[i]!));
        client.setBody(body());
        client.on('response', () => client.setBody(body()));
      },
    });
  await run(2); // warm-up
  const result = await run(DURATION);
  const bad = result.non2xx + result.errors;
  console.log(
    `  ${path}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms${bad ? `, ${bad} failed` : ''}`,
  );
  if (result['2xx'] === 0) throw new Error(`${path}: no successful response`);
  return result.requests.average;
}

async function p95(port: number, path: string, cookie: string, count = 300): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count + 20; i++) {
    const t0 = performance.now();
    const response = await fetch(`${origin(port)}${path}`, { headers: { cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    if (i >= 20) times.push(performance.now() - t0);
    await sleep(0);
  }
  times.sort((a, b) => a - b);
  const value = times[Math.floor(times.length * 0.95)]!;
  console.log(
    `  ${path.split('?')[0]}: p50 ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, p95 ${value.toFixed(1)} ms (${count} sequential requests)`,
  );
  return value;
}

/** The last full calendar quarter before today. */
function lastQuarter() {
  const now = new Date();
  const q = Math.floor(now.getUTCMonth() / 3);
  const start = new Date(Date.UTC(now.getUTCFullYear(), (q - 1) * 3, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

function printTable(genSeconds: number, size: string, totalSeconds: number) {
  console.log(
    `\nbench:practice — ${PROGRAMS.toLocaleString('en')} programs, ${CONTACTS.toLocaleString('en')} contacts, ${PERSONS.toLocaleString('en')} persons, ` +
      `${VOICE_ITEMS.toLocaleString('en')} voice items, ${CONNECTIONS_ROWS.toLocaleString('en')} connections; generated in ${genSeconds.toFixed(0)} s, database ${size}; ` +
      `autocannon ${CONNECTIONS} connections × ${DURATION} s; total ${totalSeconds.toFixed(0)} s\n`,
  );
  const rows = results.map((r) => [
    r.name,
    `${r.value.toFixed(r.unit === 'req/s' || r.unit === 'MB' ? 0 : 1)} ${r.unit}`,
    r.target || '—',
    r.pass === undefined ? '' : r.pass ? 'pass' : 'WORSE',
  ]);
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...rows.map((r) => r[i]!.length), ['measure', 'value', 'target', 'result'][i]!.length),
  );
  const line = (cells: string[]) => console.log(cells.map((c, i) => c.padEnd(widths[i]!)).join('  │  '));
  line(['measure', 'value', 'target', 'result']);
  console.log(widths.map((w) => '─'.repeat(w)).join('──┼──'));
  for (const r of rows) line(r);
}

if (process.argv[2] === '--serve')
  await serve(process.argv[3] as 'app' | 'baseline-contacts' | 'baseline-narrow', process.argv[4]!);
else await main();
