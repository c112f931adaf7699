// Real server processes and CLI runs for the durability and browser tests: the same
// `alongside` entry point an operator runs, on a throw-away data directory or database.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = join(ROOT, 'apps/server/bin/alongside.mjs');

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;
const FATAL_EXIT_GRACE_MS = 5_000;
const OUTPUT_LIMIT = 200_000;

/** Variables the parent may carry that must not leak into a server meant to use only what the test gives it. */
const SCRUBBED = [
  'DATABASE_URL',
  'DATA_DIR',
  'PORT',
  'PUBLIC_URL',
  'HOST',
  'SESSION_SECRET',
  'SMTP_URL',
  'LOG_LEVEL',
  'LOAD_SHED_CONCURRENCY',
  'LOAD_SHED_QUEUE',
  'LOAD_SHED_MAX_WAIT_MS',
];

/** Every child still running, so none outlives the test worker even when a test fails half-way. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function tempDir(prefix = 'alongside-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SCRUBBED) env[name] = undefined;
  for (const [name, value] of Object.entries(extra)) env[name] = value;
  // spawn passes `undefined` through as the string "undefined": drop those keys instead.
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveExit) => child.once('exit', () => resolveExit()));
}

const sleep = (ms: number) => new Promise<void>((resolveSleep) => setTimeout(resolveSleep, ms));

export interface StartServerOptions {
  /** Extra environment (e.g. DATABASE_URL); `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Reuse this data directory (kept afterwards); otherwise a fresh one is made and removed on stop/kill. */
  dataDir?: string;
  /** Start with `--demo` (default true). */
  demo?: boolean;
}

export interface StartedServer {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Everything the server printed so far (stdout and stderr, interleaved). */
  output(): string;
  /** SIGTERM, then wait for the exit (SIGKILL after 20 s). */
  stop(): Promise<void>;
  /** SIGKILL and wait for the exit: a crash, as far as the data is concerned. */
  kill(): Promise<void>;
}

/** Starts `alongside serve` on a free port and waits until /readyz answers 200. */
export async function startServer(options: StartServerOptions = {}): Promise<StartedServer> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? tempDir('alongside-data-');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [CLI, 'serve', ...(options.demo === false ? [] : ['--demo'])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: childEnv({
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      LOG_LEVEL: 'warn',
      // Shedding as in production, but a request may wait a minute for its turn: a slow machine must not fail a journey.
      LOAD_SHED_MAX_WAIT_MS: '60000',
      ...options.env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const capture = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout.on('data', capture);
  child.stderr.on('data', capture);

  const finish = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited(child);
      clearTimeout(timer);
    }
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  const started = Date.now();
  let fatalSeenAt: number | undefined;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await finish('SIGKILL');
      throw new Error(`The server exited (${String(child.exitCode ?? child.signalCode)}) before it was ready. Its output:\n${output}`);
    }
    // The CLI reports a fatal error as one "alongside: …" line and should then exit; don't wait 90 s if it doesn't.
    if (/^alongside: /m.test(output)) {
      fatalSeenAt ??= Date.now();
      if (Date.now() - fatalSeenAt > FATAL_EXIT_GRACE_MS) {
        await finish('SIGKILL');
        throw new Error(`The server reported a fatal error and did not exit within ${FATAL_EXIT_GRACE_MS / 1000} s (killed). Its output:\n${output}`);
      }
    }
    if (Date.now() - started > READY_TIMEOUT_MS) {
      await finish('SIGKILL');
      throw new Error(`The server was not ready after ${READY_TIMEOUT_MS / 1000} s. Its output:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }

  return {
    url,
    port,
    dataDir,
    process: child,
    output: () => output,
    stop: () => finish('SIGTERM'),
    kill: () => finish('SIGKILL'),
  };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `alongside <args>` to completion (asynchronously: a server in this process keeps being served). */
export async function runCli(args: string[], options: { env?: Record<string, string | undefined>; input?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: childEnv({ LOG_LEVEL: 'warn', ...options.env }), stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  // The child may exit before reading its input (e.g. a usage error): that is not our failure.
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.input ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const code = await new Promise<number | null>((resolveCode) => child.once('close', (status) => resolveCode(status)));
  clearTimeout(timer);
  running.delete(child);
  return { code, stdout, stderr };
}

/** Where a test's data lives: a fresh PGlite directory, or a fresh database on TEST_DATABASE_URL's server. */
export interface TestTarget {
  kind: 'pglite' | 'postgres';
  /** Environment for the server or CLI: DATA_DIR always (the session secret lives there), DATABASE_URL on PostgreSQL. */
  env: Record<string, string>;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Drops the database / removes the directory. */
  cleanup(): Promise<void>;
}

/** A fresh, empty place for data, on PostgreSQL when TEST_DATABASE_URL is set. */
export async function freshTarget(): Promise<TestTarget> {
  const dataDir = tempDir('alongside-data-');
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    return {
      kind: 'pglite',
      env: { DATA_DIR: dataDir },
      dataDir,
      databaseUrl: undefined,
      cleanup: () => {
        rmSync(dataDir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const name = `alongside_t_${String(process.pid)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    kind: 'postgres',
    env: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    dataDir,
    databaseUrl,
    cleanup: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A signed-in HTTP client for the API: session cookie plus CSRF token, as the web app sends them. */
export interface ApiSession {
  csrfToken: string;
  cookie: string;
  get(path: string): Promise<Response>;
  post(path: string, body: unknown): Promise<Response>;
}

/** Signs in with email and password; throws with the server's answer when that fails. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`Sign-in as ${email} answered ${response.status}: ${await response.text()}`);
  const session = response.headers.getSetCookie().find((c) => c.startsWith('alongside_session='));
  if (!session) throw new Error('Sign-in set no alongside_session cookie');
  const cookie = session.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    csrfToken,
    cookie,
    get: (path) => fetch(`${baseUrl}${path}`, { headers: { cookie } }),
    post: (path, body) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify(body),
      }),
  };
}

export const DEMO_PASSWORD = 'alongside-demo';
export const DEMO_ORG_ADMIN = 'orgadmin@alongside.example';
