// `npm run bench:surveys`: issue 9's two survey figures, each printed beside a baseline measured in the same run, then
// a verdict against the target. Asserts nothing.
// 1. Submitting: 2,000 respondents of a tracked-anonymous campaign send their answers at once
//    (`POST /api/respond/:token/submit`, autocannon, BENCH_CONNECTIONS connections, each request its own token and
//    answers) to the server as `npm start` runs it (`alongside serve --demo`, default settings, load shedding
//    included), on embedded PGlite and on a throw-away PostgreSQL 15. Set-up goes through the API as a researcher
//    would: an instrument of 45 items, a campaign of the demo program, the demo organization administrator's consent,
//    a warm-up wave and the measured wave, and their invitations. The personal links are read from the invitation
//    e-mails, which the server is told to send (SMTP_URL) to a small SMTP sink in this script: the same text the
//    mail_outbox table keeps, without opening the server's embedded database. A submission answered 503 (shed before
//    anything is stored) is sent again after the second Retry-After asks for, as a respondent's page would; the rate
//    counts from the first request until all 2,000 are stored. Afterwards the database itself must hold exactly
//    2,000 responses and 2,000 completions for the measured wave. Baseline: a bare Fastify process (same Node, tsx and
//    log level) with one route doing one INSERT of the same JSON into a table like survey_responses (its columns,
//    defaults and indexes; no foreign keys, checks or triggers), on the same database with the same driver and pool,
//    same requests and connections. Target: ≥ 50 % of the baseline's rate.
// 2. Results: computeResults (apps/server/src/domains/campaigns/results.ts: scoring, summaries by country, group,
//    program, setting, wave and language, alpha overall and per country and language, rwg(j) and ICCs per scale) on
//    BENCH_RESPONSES generated responses (default 100,000; 45 items, 11 subscales, 5 stakeholder groups, 2 countries,
//    200 programs, 3 languages) as the database driver hands them over (parsed JSON); generating them is not timed.
//    Baseline: one plain loop summing every answer (touching the data once). The stats functions it calls are also
//    timed on their own. Wall and CPU time of the process: on a busy machine the difference is waiting for a core.
//    Target: ≤ 2 s (the median of BENCH_RUNS runs).
// Environment: BENCH_PARTS (results,submit), BENCH_ENGINES (pglite,postgres), BENCH_RESPONDENTS (2000),
// BENCH_CONNECTIONS (100), BENCH_RESPONSES (100000), BENCH_RUNS (5), BENCH_LOG_LEVEL (the server's LOG_LEVEL, info).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { InstrumentDefinitionSchema, type InstrumentDefinition, type InstrumentDefinitionInput, type StakeholderGroup } from '@alongside/contracts';
import { binEdges, cronbachAlpha, describeSets, icc, matrixColumn, rwgJ, scoreSurveyResponses } from '@alongside/stats';
import { computeResults, type ResultsInput } from '../apps/server/src/domains/campaigns/results.ts';

const ROOT = join(import.meta.dirname, '..');
const SCRIPT = import.meta.filename;
const PARTS = (process.env.BENCH_PARTS ?? 'results,submit').split(',');
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',') as Engine[];
const RESPONDENTS = Number(process.env.BENCH_RESPONDENTS ?? 2000);
const WARM_UP = Math.min(200, RESPONDENTS);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 100_000);
const PROGRAMS = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const DEMO_PASSWORD = 'alongside-demo';
const SUBMIT_TARGET = 0.5;
const RESULTS_TARGET_MS = 2000;

type Engine = 'pglite' | 'postgres';

const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const children = new Set<ChildProcess>();
const cleanups: (() => unknown)[] = [];
const verdicts: string[] = [];

// ── The instrument: 45 five-point items in 11 subscales (the last item of each reverse-keyed), in three languages ──

const SUBSCALES = ['culture', 'openness', 'role_clarity', 'complementary', 'confidence', 'management', 'inclusion', 'supervision', 'training', 'recovery', 'success'];
const itemsOf = (s: number) => Array.from({ length: s === SUBSCALES.length - 1 ? 5 : 4 }, (_, i) => `${SUBSCALES[s]!}_${i + 1}`);
const inLanguages = (text: string) => ({ en: text, fr: `${text} (fr)`, nb: `${text} (nb)` });

function benchDefinition(): InstrumentDefinitionInput {
  return {
    title: inLanguages('Benchmark survey'),
    sourceLanguage: 'en',
    languages: [{ code: 'en', method: 'original' }, { code: 'fr' }, { code: 'nb' }],
    scales: [{ id: 'agree5', points: [1, 2, 3, 4, 5].map((value) => ({ value, label: inLanguages(`Point ${value}`) })) }],
    items: SUBSCALES.flatMap((_, s) =>
      itemsOf(s).map((name, i, all) => ({ name, type: 'likert' as const, scale: 'agree5', reverse: i === all.length - 1, text: inLanguages(`Benchmark statement ${name}`) })),
    ),
    subscales: SUBSCALES.map((id, s) => ({ id, name: inLanguages(`Scale ${id}`), items: itemsOf(s), outcome: id === 'success' })),
  };
}

// A small deterministic generator, so every run works on the same data.
let seed = 0x9e3779b9;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/** One respondent's answers: a trait per subscale around the program's level, 3 % of items skipped. */
function answersOf(programEffect: number): Record<string, number> {
  const answers: Record<string, number> = {};
  SUBSCALES.forEach((_, s) => {
    const trait = programEffect + normal();
    itemsOf(s).forEach((name, i, all) => {
      if (random() < 0.03) return;
      const sign = i === all.length - 1 ? -1 : 1;
      answers[name] = Math.min(5, Math.max(1, Math.round(3 + sign * 0.8 * trait + normal() * 0.8)));
    });
  });
  return answers;
}

// ── Part 2: results for 100,000 responses ───────────────────────────────────────────────────────────────────────────

const GROUPS: StakeholderGroup[] = ['psp', 'clinician', 'manager', 'person_supported', 'policy_maker'];
const SETTINGS = ['inpatient', 'outpatient', 'emergency', 'community_team', 'assertive_community_treatment', 'addictions', 'youth', 'primary_care'];

function resultsInput(definition: InstrumentDefinition): ResultsInput {
  const programs = new Map<string, { name: string; countryCode: string; setting: string }>();
  const effects: number[] = [];
  for (let p = 0; p < PROGRAMS; p++) {
    programs.set(`00000000-0000-4000-8000-${String(p).padStart(12, '0')}`, { name: `Program ${p}`, countryCode: p < PROGRAMS / 2 ? 'CA' : 'NO', setting: SETTINGS[p % SETTINGS.length]! });
    effects.push(normal() * 0.4);
  }
  const programIds = [...programs.keys()];
  const responses: ResultsInput['responses'][number][] = [];
  for (let r = 0; r < RESPONSES; r++) {
    const p = Math.floor(random() * PROGRAMS);
    const canadian = p < PROGRAMS / 2;
    const language = canadian ? (random() < 0.7 ? 'en' : 'fr') : random() < 0.9 ? 'nb' : 'en';
    responses.push({ waveId: 'wave-1', programId: programIds[p]!, group: GROUPS[Math.floor(random() * GROUPS.length)]!, language, answers: answersOf(effects[p]!) });
  }
  return {
    k: 11,
    language: 'en',
    groups: GROUPS.map((group) => ({ group, definition })),
    programs,
    waves: [{ id: 'wave-1', name: 'Baseline' }],
    // As the database driver hands them over: parsed from JSON.
    responses: JSON.parse(JSON.stringify(responses)) as typeof responses,
    labels: (_dimension, code) => code,
  };
}

const time = <T>(f: () => T): [T, number] => {
  const start = performance.now();
  const value = f();
  return [value, performance.now() - start];
};
/** CPU time of this process in ms: on a busy machine it shows what waiting for a core added to the wall time. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function benchResults() {
  const definition = InstrumentDefinitionSchema.parse(benchDefinition());
  const [input, generating] = time(() => resultsInput(definition));
  console.log(
    `\nResults: ${RESPONSES.toLocaleString('en')} responses × ${definition.items.length} items, ${definition.subscales.length} subscales, ${GROUPS.length} groups, ` +
      `${PROGRAMS} programs, 2 countries, 3 languages (generated in ${(generating / 1000).toFixed(1)} s, not timed; load average ${loadNow()})`,
  );
  const totals: number[] = [];
  const baselines: number[] = [];
  const cpus: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    // The baseline: touch every answer once.
    const [sum, baseline] = time(() => {
      let total = 0;
      for (const response of input.responses) {
        const answers = response.answers as Record<string, number>;
        for (const name in answers) total += answers[name]!;
      }
      return total;
    });
    const cpuBefore = cpuMs();
    const [results, total] = time(() => computeResults(input, null));
    const cpu = cpuMs() - cpuBefore;
    const parts = partTimes(input, definition);
    totals.push(total);
    baselines.push(baseline);
    cpus.push(cpu);
    console.log(
      `  run ${run}: computeResults ${total.toFixed(0)} ms (CPU ${cpu.toFixed(0)} ms; ${results.scales.length} scales) · baseline loop ${baseline.toFixed(0)} ms (sum ${sum}) · ` +
        `alone: scoring ${parts.scoring.toFixed(0)} ms, alpha ${parts.alpha.toFixed(0)} ms, rwg(j) + ICC ${parts.agreement.toFixed(0)} ms, summaries ${parts.summaries.toFixed(0)} ms (load ${loadNow()})`,
    );
  }
  const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const [typical, typicalBaseline, typicalCpu] = [median(totals), median(baselines), median(cpus)];
  console.log(
    `  median of ${RUNS} runs: computeResults ${typical.toFixed(0)} ms (CPU ${typicalCpu.toFixed(0)} ms), baseline loop ${typicalBaseline.toFixed(0)} ms ` +
      `(${(typical / typicalBaseline).toFixed(0)}×); fastest ${Math.min(...totals).toFixed(0)} ms, slowest ${Math.max(...totals).toFixed(0)} ms; ` +
      `peak resident memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  verdicts.push(
    `results for ${RESPONSES.toLocaleString('en')} responses: ${typical.toFixed(0)} ms (median of ${RUNS}; CPU ${typicalCpu.toFixed(0)} ms; the plain loop over the answers ${typicalBaseline.toFixed(0)} ms) ` +
      `against a target of ≤ ${RESULTS_TARGET_MS} ms — ${typical <= RESULTS_TARGET_MS ? 'meets it' : 'MISSES it'}`,
  );
}

/** The stats functions computeResults calls, timed one kind at a time on the same data (scored in one call). */
function partTimes(input: ResultsInput, definition: InstrumentDefinition) {
  const answers = input.responses.map((r) => r.answers as Record<string, unknown>);
  const [scores, scoring] = time(() => scoreSurveyResponses(definition, answers));
  const keys = (key: (r: ResultsInput['responses'][number]) => string) => input.responses.map(key);
  const rowsBy = (labels: readonly string[]) => {
    const rows = new Map<string, number[]>();
    labels.forEach((label, r) => {
      const list = rows.get(label);
      if (list) list.push(r);
      else rows.set(label, [r]);
    });
    return [...rows.values()].map((list) => Int32Array.from(list));
  };
  const country = keys((r) => input.programs.get(r.programId)!.countryCode);
  const language = keys((r) => r.language);
  const programIndex = new Map([...input.programs.keys()].map((id, i) => [id, i]));
  const program = Int32Array.from(input.responses, (r) => programIndex.get(r.programId)!);
  const [, alpha] = time(() => {
    const subsets = [undefined, ...rowsBy(country), ...rowsBy(language)];
    for (const subscale of scores.layout.subscales) for (const rows of subsets) cronbachAlpha(scores.items, { columns: subscale.columns, ...(rows ? { rows } : {}) });
  });
  const [, agreement] = time(() => {
    scores.layout.subscales.forEach((subscale, s) => {
      rwgJ(scores.items, program, { columns: subscale.columns, nullVariance: subscale.nullVariance! });
      icc(matrixColumn(scores.subscales, s), program);
    });
  });
  const [, summaries] = time(() => {
    const breakdowns = [country, keys((r) => r.group), keys((r) => r.programId), keys((r) => input.programs.get(r.programId)!.setting), keys((r) => r.waveId), language];
    const sets = [undefined, ...breakdowns.flatMap(rowsBy)];
    scores.layout.subscales.forEach((subscale, s) => describeSets(matrixColumn(scores.subscales, s), sets, binEdges(subscale.min!, subscale.max!, 8)));
  });
  return { scoring, alpha, agreement, summaries };
}

// ── Part 1: 2,000 respondents submitting at once ────────────────────────────────────────────────────────────────────

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createTcpServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    probe.on('error', reject);
  });
}

/**
 * An SMTP sink: accepts every message (no TLS, no authentication) and hands its body, decoded, to `onMessage`.
 * Just enough of RFC 5321 for nodemailer.
 */
async function startSmtpSink(onMessage: (text: string) => void): Promise<{ port: number; close: () => void }> {
  const server: TcpServer = createTcpServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let data: string[] | null = null;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 bench-sink ESMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line === '.') {
            onMessage(decodeMessage(data));
            data = null;
            reply('250 2.0.0 queued');
          } else data.push(line.startsWith('..') ? line.slice(1) : line);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 bench-sink');
        else if (verb === 'DATA') {
          data = [];
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('250 OK');
      }
    });
    socket.on('error', () => undefined);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  let open = true;
  return {
    port,
    close: () => {
      if (open) server.close();
      open = false;
    },
  };
}

/** A message's body as text: quoted-printable or base64 undone (nodemailer picks one by the text). */
function decodeMessage(lines: string[]): string {
  const blank = lines.indexOf('');
  const headers = lines.slice(0, blank).join('\n');
  const body = lines.slice(blank + 1).join('\n');
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
  if (encoding === 'quoted-printable')
    return Buffer.from(body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  return body;
}

interface DatabaseServer {
  url: string;
  stop: () => unknown;
}

async function startPostgres(): Promise<DatabaseServer> {
  // A plain .mjs helper: imported through a variable so TypeScript does not look for its types.
  const helper = join(import.meta.dirname, 'throwaway-postgres.mjs');
  const { startPostgres: start } = (await import(helper)) as { startPostgres: () => Promise<DatabaseServer> };
  return start();
}

interface Child {
  port: number;
  stop: () => Promise<void>;
}

/** Starts a child process and waits until `ready` answers on its port. */
async function startChild(label: string, args: string[], env: NodeJS.ProcessEnv, port: number, ready: string): Promise<Child> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.add(child);
  const state = { exited: false };
  child.once('exit', () => {
    state.exited = true;
    children.delete(child);
  });
  for (;;) {
    if (state.exited) throw new Error(`${label} exited while starting`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}${ready}`)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  console.log(`  ${label} ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return {
    port,
    stop: async () => {
      child.kill('SIGTERM');
      if (!state.exited) await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

interface Session {
  cookie: string;
  csrf: string;
  memberships: { role: string; organizationId: string | null }[];
}

async function signIn(origin: string, email: string): Promise<Session> {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
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

async function call<T>(origin: string, session: Session, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: { cookie: session.cookie, origin, 'x-csrf-token': session.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Through the API: an instrument, a campaign of the demo program, its consent, two waves, and the invitations. */
async function setUpCampaign(origin: string, links: string[]) {
  const researcher = await signIn(origin, 'researcher@alongside.example');
  const orgAdmin = await signIn(origin, 'orgadmin@alongside.example');
  const organizationId = orgAdmin.memberships.find((m) => m.role === 'org_admin')?.organizationId;
  const directory = await call<{ programId: string; organizationId: string }[]>(origin, researcher, 'GET', '/api/campaigns/programs');
  const programId = directory.find((p) => p.organizationId === organizationId)?.programId;
  if (!programId) throw new Error('the demo organization has no program');
  const instrument = await call<{ latestVersion: { id: string } }>(origin, researcher, 'POST', '/api/instruments', {
    key: `bench-${Date.now()}`,
    name: 'Benchmark survey',
    licence: { status: 'own_non_validated', attribution: 'Written for the benchmark.', wordingEditable: true },
    definition: benchDefinition(),
  });
  const campaign = await call<{ id: string }>(origin, researcher, 'POST', '/api/campaigns', {
    title: 'Benchmark campaign',
    ethicsApproval: 'REB BENCH-1',
    dataController: 'The benchmark',
    privacyMode: 'anonymous_tracked',
    languages: ['en', 'fr', 'nb'],
    retentionUntil: day(365),
    groups: [{ group: 'psp', instrumentVersionId: instrument.latestVersion.id }],
    programIds: [programId],
    information: inLanguages('About this benchmark.'),
  });
  await call(origin, orgAdmin, 'PUT', `/api/campaigns/${campaign.id}/programs/${programId}`, { status: 'joined' });
  const invite = async (name: string, count: number) => {
    const wave = await call<{ id: string }>(origin, researcher, 'POST', `/api/campaigns/${campaign.id}/waves`, { name, kind: 'baseline', opensOn: day(-1), closesOn: day(30), reminderDays: [] });
    const before = links.length;
    await call(origin, researcher, 'POST', `/api/campaigns/${campaign.id}/invitations`, {
      waveId: wave.id,
      programId,
      group: 'psp',
      language: 'en',
      emails: Array.from({ length: count }, (_, i) => `${name.toLowerCase().replace(/\W/g, '-')}-${i + 1}@bench.example`),
    });
    const tokens = links.slice(before);
    if (tokens.length !== count) throw new Error(`${name}: ${count} invited, ${tokens.length} links mailed`);
    return { waveId: wave.id, tokens };
  };
  return { campaignId: campaign.id, programId, warmUp: await invite('Warm-up', WARM_UP), measured: await invite('Measured', RESPONDENTS) };
}

interface Pass {
  seconds: number;
  /** When the last answer came (performance.now()). */
  endedAt: number;
  latencies: number[];
  /** Paths answered 503 (shed before anything was stored): sent again after the Retry-After second. */
  shed: string[];
  failed: number;
}

/** Sends one request per path, `connections` at a time, each with its own path and a respondent's answers. */
async function pass(port: number, paths: string[], connections: number): Promise<Pass> {
  let next = 0;
  const latencies: number[] = [];
  const shed: string[] = [];
  let failed = 0;
  const started = performance.now();
  // autocannon calls back on its next whole-second tick after the last answer: the pass ends at that answer.
  let ended = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        // autocannon refuses more connections than requests (a last round of a few shed ones).
        connections: Math.min(connections, paths.length),
        amount: paths.length,
        timeout: 60,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
            setupRequest: (request, context: { path?: string }) => {
              context.path = paths[next++ % paths.length]!;
              return { ...request, path: context.path, body: JSON.stringify({ language: 'en', consented: true, answers: answersOf(0) }) };
            },
            onResponse: (status, _body, context: { path?: string }) => {
              if (status === 503) shed.push(context.path!);
              else if (status < 200 || status >= 300) failed++;
            },
          },
        ],
      },
      (error: Error | null, value: autocannon.Result) => (error ? reject(error) : resolve(value)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      ended = performance.now();
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
  return { seconds: (ended - started) / 1000, endedAt: ended, latencies, shed, failed: failed + result.errors + result.timeouts };
}

interface Measured {
  /** Submissions stored per second, from the first request until every one was stored (retries and waits included). */
  perSecond: number;
  seconds: number;
  first: { perSecond: number; p50: number; p99: number; shed: number };
  rounds: number;
  stored: number;
  failed: number;
}

/** Every path once, then again what was shed (after the second Retry-After asks for), until all are stored. */
async function submitAll(port: number, paths: string[], connections: number): Promise<Measured> {
  const started = performance.now();
  let left = paths;
  let stored = 0;
  let failed = 0;
  let first: Measured['first'] | undefined;
  let rounds = 0;
  let endedAt = started;
  while (left.length > 0 && rounds < 20) {
    if (rounds > 0) await sleep(1000);
    const run = await pass(port, left, connections);
    rounds++;
    endedAt = run.endedAt;
    stored += run.latencies.length;
    failed += run.failed;
    if (!first) {
      const sorted = run.latencies.toSorted((a, b) => a - b);
      const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
      first = { perSecond: sorted.length / run.seconds, p50: at(0.5), p99: at(0.99), shed: run.shed.length };
    }
    left = run.shed;
  }
  const seconds = (endedAt - started) / 1000;
  return { perSecond: stored / seconds, seconds, first: first!, rounds, stored, failed };
}

const describeRun = (m: Measured) =>
  `${m.stored} stored in ${m.seconds.toFixed(1)} s = ${m.perSecond.toFixed(0)}/s` +
  (m.rounds > 1 ? ` in ${m.rounds} rounds (first: ${m.first.perSecond.toFixed(0)}/s, ${m.first.shed} shed with 503 and sent again)` : '') +
  `; first round p50 ${m.first.p50.toFixed(0)} ms, p99 ${m.first.p99.toFixed(0)} ms; ${m.failed} failed`;

/** Rows in the measured wave, read from the database itself once the server has stopped. */
async function countSubmitted(target: { url: string } | { dir: string }, waveId: string) {
  const { createDb } = await import('@alongside/db');
  const database = await createDb(target);
  try {
    const [row] = await database.query<{ responses: number; completions: number }>(sql`
      SELECT (SELECT count(*)::int FROM survey_responses WHERE wave_id = ${waveId}) AS responses,
             (SELECT count(*)::int FROM (SELECT invitation_id FROM survey_completions UNION ALL SELECT invitation_id FROM survey_completion_queue) c
                JOIN survey_invitations i ON i.id = c.invitation_id WHERE i.wave_id = ${waveId}) AS completions`);
    return row!;
  } finally {
    await database.close();
  }
}

async function benchSubmit(engine: Engine) {
  console.log(`\nSubmitting on ${engine}: ${RESPONDENTS.toLocaleString('en')} respondents at ${CONNECTIONS} connections after ${WARM_UP} warm-up submissions (load average ${loadNow()})`);
  let database: DatabaseServer | undefined;
  if (engine === 'postgres') {
    database = await startPostgres();
    cleanups.push(database.stop);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'alongside-bench-surveys-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const target = database ? { url: database.url } : { dir: dataDir };
  const links: string[] = [];
  const sink = await startSmtpSink((text) => {
    const token = /\/s\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
    if (token) links.push(token);
  });
  cleanups.push(sink.close);

  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL, HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, DATA_DIR: dataDir, SMTP_URL: `smtp://127.0.0.1:${sink.port}` };
  delete env.DATABASE_URL;
  if (database) env.DATABASE_URL = database.url;
  // BENCH_PROFILE_DIR: the app writes a V8 CPU profile there when it stops (to see where a submission's time goes).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const app = await startChild(`${engine}: the app with demo data`, [...profile, join(ROOT, 'apps/server/bin/alongside.mjs'), 'serve', '--demo'], env, port, '/readyz');
  const setUpStarted = performance.now();
  const { warmUp, measured } = await setUpCampaign(`http://127.0.0.1:${port}`, links);
  console.log(`  set-up through the API (instrument, campaign, consent, waves, ${WARM_UP + RESPONDENTS} invitations mailed) in ${((performance.now() - setUpStarted) / 1000).toFixed(1)} s`);
  const submitPath = (token: string) => `/api/respond/${token}/submit`;
  const appWarm = await submitAll(port, warmUp.tokens.map(submitPath), CONNECTIONS);
  console.log(`  warm-up: ${describeRun(appWarm)}`);
  const full = await submitAll(port, measured.tokens.map(submitPath), CONNECTIONS);
  console.log(`  POST /api/respond/:token/submit: ${describeRun(full)} (load ${loadNow()})`);
  await app.stop();
  const counts = await countSubmitted(target, measured.waveId);
  const exact = counts.responses === RESPONDENTS && counts.completions === RESPONDENTS;
  console.log(`  in the database: ${counts.responses} responses and ${counts.completions} completions in the measured wave — ${exact ? 'exactly' : 'NOT'} ${RESPONDENTS} each`);

  const baselinePort = await freePort();
  const baseline = await startChild(
    `${engine}: the baseline (bare Fastify, one INSERT)`,
    ['--import', 'tsx', SCRIPT, '--serve-baseline', JSON.stringify(target), String(baselinePort)],
    { ...process.env, LOG_LEVEL },
    baselinePort,
    '/ready',
  );
  const paths = Array.from({ length: RESPONDENTS }, (_, i) => `/baseline/${i}/submit`);
  await pass(baselinePort, paths.slice(0, WARM_UP), CONNECTIONS);
  const bare = await submitAll(baselinePort, paths, CONNECTIONS);
  console.log(`  baseline: ${describeRun(bare)} (load ${loadNow()})`);
  await baseline.stop();
  sink.close();
  await database?.stop();
  const share = full.perSecond / bare.perSecond;
  verdicts.push(
    `${engine}: ${full.perSecond.toFixed(0)} submissions stored/s (all ${RESPONDENTS} in ${full.seconds.toFixed(1)} s, ${full.rounds} round${full.rounds > 1 ? 's' : ''}; ` +
      `first round p50 ${full.first.p50.toFixed(0)} ms, p99 ${full.first.p99.toFixed(0)} ms, ${full.first.shed} shed; ${full.failed} failed; ` +
      `${counts.responses} responses and ${counts.completions} completions stored) = ${(100 * share).toFixed(0)} % of the baseline's ${bare.perSecond.toFixed(0)}/s ` +
      `against a target of ≥ ${100 * SUBMIT_TARGET} % — ${share >= SUBMIT_TARGET && exact ? 'meets it' : 'MISSES it'}`,
  );
}

/** The baseline server: Fastify with one route doing one INSERT of the body's answers, on the app's database. */
async function serveBaseline(target: { url: string } | { dir: string }, port: number) {
  const { default: Fastify } = await import('fastify');
  const { createDb } = await import('@alongside/db');
  const database = await createDb(target);
  // Like survey_responses: its columns, defaults and indexes; no foreign keys, checks or triggers.
  await database.query(sql`CREATE TABLE IF NOT EXISTS bench_survey_responses (LIKE survey_responses INCLUDING DEFAULTS INCLUDING INDEXES)`);
  const [ids] = await database.query<{ campaign_id: string; wave_id: string; program_id: string; instrument_version_id: string }>(
    sql`SELECT campaign_id, wave_id, program_id, instrument_version_id FROM survey_responses LIMIT 1`,
  );
  const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  app.get('/ready', () => ({ ok: true }));
  app.post('/baseline/:n/submit', async (request) => {
    const body = request.body as { language: string; answers: unknown };
    await database.query(sql`
      INSERT INTO bench_survey_responses (campaign_id, wave_id, program_id, "group", language, instrument_version_id, submitted_on, source, answers)
      VALUES (${ids!.campaign_id}, ${ids!.wave_id}, ${ids!.program_id}, 'psp', ${body.language}, ${ids!.instrument_version_id}, current_date, 'web', ${JSON.stringify(body.answers)}::jsonb)`);
    return { ok: true };
  });
  await app.listen({ port, host: '127.0.0.1' });
  const stop = () => void app.close().then(() => database.close()).finally(() => process.exit(0));
  process.once('SIGTERM', stop);
}

// ── Main ────────────────────────────────────────────────────────────────────────────────────────────────────────────

async function main() {
  process.once('SIGINT', () => {
    void cleanUp().finally(() => process.exit(130));
  });
  console.log(`bench:surveys — ${PARTS.join(', ')}; Node ${process.version}; load average ${loadNow()}`);
  try {
    if (PARTS.includes('results')) benchResults();
    if (PARTS.includes('submit')) for (const engine of ENGINES) await benchSubmit(engine);
  } finally {
    await cleanUp();
  }
  console.log('\nVerdicts:');
  for (const verdict of verdicts) console.log(`  ${verdict}`);
}

async function cleanUp() {
  for (const child of children) child.kill('SIGTERM');
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

if (process.argv[2] === '--serve-baseline') await serveBaseline(JSON.parse(process.argv[3]!) as { url: string } | { dir: string }, Number(process.argv[4]));
else await main();
