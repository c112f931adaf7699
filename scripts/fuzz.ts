// `npm run fuzz [-- --requests N --seed S]`: the real server in this process (PGlite in a temporary directory,
// demo data), signed in as every demo account, sent N generated requests (default 20,000) over every route of its
// OpenAPI document — valid-ish ones with real ids from every organization, and ones hostile in one part — over HTTP.
// Prints the totals, counts by status and by route, and every 5xx (route, method, status, code: never a body).
// Exits 1 when any request got a 5xx, an error body outside the documented shape, or no answer.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import fc from 'fast-check';
import { createDb, migrate, seedDemo, seedReferenceData } from '@alongside/db';
import { buildApp } from '../apps/server/src/app.ts';
import {
  collectPool,
  errorCodeOf,
  ID_KINDS,
  idsShown,
  operationsOf,
  problemWith,
  requestArb,
  withIds,
  type Credentials,
  type IdKind,
  type Pool,
} from '../apps/server/src/test/hostile-requests.ts';

const { values: options } = parseArgs({
  options: { requests: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' } },
});
const REQUESTS = Number(options.requests);
const SEED = Number(options.seed);
if (!Number.isInteger(REQUESTS) || REQUESTS < 1 || !Number.isInteger(SEED)) {
  console.error('Usage: npm run fuzz -- [--requests N] [--seed S]   (N ≥ 1, S a whole number)');
  process.exit(2);
}
/** Requests in flight at once: the server's database is one connection, so a few keep it busy. */
const CONCURRENCY = 4;
const TIMEOUT_MS = 120_000;
const PUBLIC_URL = 'http://localhost:8080';
/** Real ids of each kind from anywhere in the demo data; at most as many that the caller was shown, and that the others were. */
const POOL_PER_KIND = 25;
const SHOWN_PER_KIND = 25;
const EMPTY_POOL: Pool = { ids: Object.fromEntries(ID_KINDS.map((k) => [k, []])) as unknown as Pool['ids'], tokens: [], keys: [] };

interface Caller {
  label: string;
  cookie?: string;
  csrf?: string;
  /** The real ids this caller's requests are made with. */
  pool: Pool;
}

interface Answer {
  status: number;
  body: string;
  cookie?: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** Sends one request over HTTP; a request Node refuses to send (or that never gets an answer) is status 0. */
function send(base: URL, method: string, url: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve) => {
    let request: http.ClientRequest;
    try {
      request = http.request({ host: base.hostname, port: base.port, method, path: url, headers, agent, timeout: TIMEOUT_MS }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), cookie: response.headers['set-cookie']?.[0]?.split(';')[0] }),
        );
        response.on('error', () => resolve({ status: 0, body: '' }));
      });
    } catch {
      resolve({ status: -1, body: '' });
      return;
    }
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => resolve({ status: 0, body: '' }));
    request.end(body);
  });
}

/** The caller's cookie and CSRF token as the request wants them, under the request's own headers. */
const withCredentials = (caller: Caller, how: Credentials, headers: Record<string, string>): Record<string, string> => {
  const credentials: Record<string, string> = {};
  if (caller.cookie && how !== 'bad-cookie') {
    credentials.cookie = caller.cookie;
    if (how === 'session') credentials['x-csrf-token'] = caller.csrf ?? '';
    if (how === 'bad-csrf') credentials['x-csrf-token'] = 'not-the-token';
  }
  return { ...credentials, ...headers };
};
const JSON_TYPE = { 'content-type': 'application/json' };

async function main() {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'alongside-fuzz-'));
  const logFile = join(tmpdir(), `alongside-fuzz-${SEED}.log`);
  const logLines: string[] = [];
  const database = await createDb({ dir: join(dir, 'data') });
  try {
    await migrate(database);
    await seedReferenceData(database);
    const seeding = new cliProgress.SingleBar({ format: 'Demo data [{bar}] {value}/{total}', stream: process.stderr }, cliProgress.Presets.shades_classic);
    seeding.start(1, 0);
    const logins = await seedDemo(database, (done, total) => {
      seeding.setTotal(total);
      seeding.update(done);
    });
    seeding.stop();
    const app = await buildApp({
      database,
      config: {
        sessionSecret: randomBytes(32).toString('base64url'),
        publicUrl: PUBLIC_URL,
        sessionIdleMinutes: 24 * 60,
        smtpUrl: undefined,
        mailFrom: 'fuzz@alongside.invalid',
        webDist: undefined,
        // Error lines only (codes and stack frames, never a body), kept for a 5xx's cause.
        logLevel: 'error',
        logStream: { write: (line) => void logLines.push(line) },
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = new URL(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);

    const callers: Caller[] = [];
    for (const login of logins) {
      const answer = await send(base, 'POST', '/api/auth/login', JSON_TYPE, JSON.stringify({ email: login.email, password: login.password }));
      if (answer.status !== 200 || !answer.cookie) throw new Error(`Demo sign-in failed for ${login.email} (${answer.status})`);
      const csrf = (JSON.parse(answer.body) as { csrfToken: string }).csrfToken;
      callers.push({ label: `${login.roles.join('+') || 'no role'} <${login.email}>`, cookie: answer.cookie, csrf, pool: EMPTY_POOL });
    }

    // An invitation in each organization, so the invitation links have real tokens to be tried with.
    let pool = await collectPool(database, { perKind: POOL_PER_KIND });
    const orgAdmin = callers.find((c) => c.label.includes('org_admin'));
    for (const organizationId of pool.ids.organizations) {
      if (!orgAdmin) break;
      const payload = JSON.stringify({ email: `fuzz.invitee.${organizationId.slice(0, 8)}@fuzz.example`, organizationId, role: 'nurse' });
      await send(base, 'POST', '/api/invitations', withCredentials(orgAdmin, 'session', JSON_TYPE), payload);
    }
    pool = await collectPool(database, { perKind: POOL_PER_KIND });
    callers.unshift({ label: 'anonymous', pool });
    const peer = callers.find((c) => c.label.includes('peer_support_worker'));
    if (peer) {
      const instrument = await send(base, 'GET', '/api/wellbeing/check-ins/instrument', withCredentials(peer, 'session', {}));
      if (instrument.status === 200) pool.keys = (JSON.parse(instrument.body) as { items: { id: string }[] }).items.map((i) => i.id);
    }

    const operations = operationsOf(app.swagger());
    // What each caller's lists show it (ids in its scope); each caller then uses its own, those shown to the
    // others (every role against every other role's records), and any from the whole database, in thirds.
    const shown = new Map<Caller, Partial<Record<IdKind, string[]>>>();
    for (const caller of callers) {
      const mine: Partial<Record<IdKind, string[]>> = {};
      for (const op of operations.filter((o) => o.method === 'GET' && !o.parameters.some((p) => p.in === 'path' || p.required))) {
        const answer = await send(base, 'GET', op.path, withCredentials(caller, 'session', {}));
        if (answer.status !== 200 || !answer.body.startsWith('[')) continue;
        for (const [kind, ids] of Object.entries(idsShown(op.path, JSON.parse(answer.body)))) {
          mine[kind as IdKind] = [...new Set([...(mine[kind as IdKind] ?? []), ...ids])].slice(0, SHOWN_PER_KIND);
        }
      }
      shown.set(caller, mine);
    }
    for (const caller of callers) {
      const ids: Partial<Record<IdKind, string[]>> = {};
      for (const kind of ID_KINDS) {
        const own = shown.get(caller)?.[kind] ?? [];
        const others = [...new Set(callers.filter((c) => c !== caller).flatMap((c) => shown.get(c)?.[kind] ?? []))].filter((id) => !own.includes(id)).sort();
        ids[kind] = [...own, ...others.slice(0, SHOWN_PER_KIND)];
      }
      caller.pool = withIds(pool, ids);
    }
    const byStatus = new Map<number, number>();
    const byRoute = new Map<string, { total: number; ok: number; refused: number; failed: number }>();
    const serverErrors: { route: string; caller: string; status: number; code: string }[] = [];
    const shapeProblems: { route: string; status: number; problem: string }[] = [];
    let unanswered = 0;
    let notSent = 0;
    let sent = 0;

    const bar = new cliProgress.SingleBar(
      { format: 'Fuzzing  [{bar}] {value}/{total} | {rate} req/s | 5xx: {errors} | {route}', stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(REQUESTS, 0, { rate: '0', errors: 0, route: '' });

    // Operation by operation (N split evenly), the callers in turn, each with the ids it was shown; fixed by the seed.
    const jobs = function* () {
      for (const [o, op] of operations.entries()) {
        const count = Math.floor(REQUESTS / operations.length) + (o < REQUESTS % operations.length ? 1 : 0);
        const rounds = Math.ceil(count / callers.length);
        const batches = callers.map((caller, c) => fc.sample(requestArb(op, caller.pool), { seed: SEED * 100_000 + o * 100 + c, numRuns: rounds }));
        for (let i = 0; i < count; i++) {
          yield { route: `${op.method} ${op.path}`, request: batches[i % callers.length]![Math.floor(i / callers.length)]!, caller: callers[i % callers.length]! };
        }
      }
    };
    const queue = jobs();
    const fuzzStarted = Date.now();
    const worker = async () => {
      for (let next = queue.next(); !next.done; next = queue.next()) {
        const { route, request, caller } = next.value;
        const answer = await send(base, request.method, request.url, withCredentials(caller, request.credentials, request.headers), request.body);
        sent++;
        byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
        const counts = byRoute.get(route) ?? { total: 0, ok: 0, refused: 0, failed: 0 };
        counts.total++;
        if (answer.status === -1) notSent++;
        else if (answer.status === 0) unanswered++;
        else if (answer.status < 400) counts.ok++;
        else if (answer.status < 500) counts.refused++;
        else counts.failed++;
        byRoute.set(route, counts);
        if (answer.status > 0) {
          const problem = problemWith(answer.status, answer.body);
          if (answer.status >= 500) serverErrors.push({ route, caller: caller.label, status: answer.status, code: errorCodeOf(answer.body) ?? '(none)' });
          else if (problem) shapeProblems.push({ route, status: answer.status, problem });
        }
        bar.update(sent, { rate: (sent / ((Date.now() - fuzzStarted) / 1000)).toFixed(0), errors: serverErrors.length, route });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    bar.stop();
    const seconds = (Date.now() - fuzzStarted) / 1000;

    const out: string[] = [];
    out.push('', `Set-up (database, demo data, sign-ins): ${((fuzzStarted - started) / 1000).toFixed(0)} s.`);
    out.push(`Fuzzed ${sent} requests over ${operations.length} operations as ${callers.length} callers (anonymous and ${logins.length} demo sign-ins), seed ${SEED}, ${CONCURRENCY} at a time: ${seconds.toFixed(0)} s, ${(sent / seconds).toFixed(0)} req/s.`);
    out.push('', 'By status:');
    for (const [status, count] of [...byStatus.entries()].sort((a, b) => a[0] - b[0])) {
      out.push(`  ${status === -1 ? 'not sent' : status === 0 ? 'no answer' : status}`.padEnd(12) + String(count).padStart(7));
    }
    out.push('', 'By route:'.padEnd(52) + 'total'.padStart(7) + '2xx/3xx'.padStart(9) + '4xx'.padStart(7) + '5xx'.padStart(7));
    for (const [route, c] of byRoute) out.push(`  ${route}`.padEnd(52) + [c.total, c.ok, c.refused, c.failed].map((n, i) => String(n).padStart(i === 1 ? 9 : 7)).join(''));
    out.push('', `Server errors (5xx): ${serverErrors.length}`);
    const grouped = new Map<string, number>();
    for (const e of serverErrors) grouped.set(`${e.route} → ${e.status} ${e.code} (as ${e.caller})`, (grouped.get(`${e.route} → ${e.status} ${e.code} (as ${e.caller})`) ?? 0) + 1);
    for (const [line, count] of grouped) out.push(`  ${line} ×${count}`);
    out.push(`Error bodies outside the documented shape: ${shapeProblems.length}`);
    const shapes = new Map<string, number>();
    for (const p of shapeProblems) shapes.set(`${p.route} → ${p.status}: ${p.problem}`, (shapes.get(`${p.route} → ${p.status}: ${p.problem}`) ?? 0) + 1);
    for (const [line, count] of shapes) out.push(`  ${line} ×${count}`);
    out.push(`Requests without an answer: ${unanswered}; not sent (refused by Node's HTTP client): ${notSent}`);
    if (logLines.length > 0) {
      writeFileSync(logFile, logLines.join(''));
      out.push(`Server error log (codes and stack frames only): ${logFile}`);
    }
    console.log(out.join('\n'));
    await app.close();
    agent.destroy();
    return serverErrors.length + shapeProblems.length + unanswered === 0;
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (clean) => process.exit(clean ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
