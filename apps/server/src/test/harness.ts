import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { hashPassword, schema, type Database, type Db } from '@alongside/db';
import type { Role } from '@alongside/contracts';
import { buildApp, type AppConfig } from '../app.ts';
import type { Clock } from '../lib/clock.ts';
import { testDatabase } from './database.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

/** A clock the test moves by hand. */
export function manualClock(start = new Date('2026-03-02T09:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advanceMinutes(minutes: number) {
      now += minutes * 60_000;
    },
  } satisfies Clock & { advanceMinutes(m: number): void };
}

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  db: Db;
}

/** The whole app on this worker's database (PGlite, or PostgreSQL with TEST_DATABASE_URL). */
export async function createTestApp(
  options: {
    clock?: Clock;
    sessionIdleMinutes?: number;
    sessionCacheMs?: number;
    logStream?: AppConfig['logStream'];
    trustProxy?: AppConfig['trustProxy'];
    loadShedding?: AppConfig['loadShedding'];
  } = {},
): Promise<TestContext> {
  const database = await testDatabase();
  const app = await buildApp({
    database,
    clock: options.clock,
    config: {
      sessionSecret: 'test-secret-test-secret-test-secret-0123',
      publicUrl: 'http://localhost:8080',
      sessionIdleMinutes: options.sessionIdleMinutes ?? 30,
      smtpUrl: undefined,
      mailFrom: 'test@alongside.invalid',
      webDist: undefined,
      logLevel: options.logStream ? 'info' : (process.env.TEST_LOG_LEVEL ?? 'silent'),
      logStream: options.logStream,
      trustProxy: options.trustProxy,
      // Tests change the database directly; they read sessions afresh unless a test is about the cache.
      sessionCacheMs: options.sessionCacheMs ?? 0,
      // Tests fire requests as fast as a loaded machine lets them: none is shed unless a test is about shedding.
      loadShedding: options.loadShedding ?? false,
    },
  });
  await app.ready();
  return { app, database, db: database.db };
}

export interface World {
  organizationId: string;
  programId: string;
  teamA: string;
  teamB: string;
  /** Email of a user for each role: `${role}A` in team A, `${role}B` in team B, plus orgAdmin. */
  users: Record<string, { id: string; email: string }>;
}

const TEAM_ROLES: Role[] = ['peer_support_worker', 'peer_supervisor', 'nurse', 'psychiatrist', 'manager', 'researcher'];

/** A new organization with one program, two teams, members for several roles and an org admin. Unique per call. */
export async function createWorld(db: Db, country: 'CA' | 'NO' = 'CA'): Promise<World> {
  const tag = randomUUID().slice(0, 8);
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const [org] = await db.insert(schema.organizations).values({ name: `Org ${tag}`, countryCode: country }).returning();
  const [program] = await db.insert(schema.programs).values({ organizationId: org!.id, name: `Program ${tag}`, setting: 'inpatient' }).returning();
  const [teamA] = await db.insert(schema.teams).values({ organizationId: org!.id, programId: program!.id, name: `Team A ${tag}` }).returning();
  const [teamB] = await db.insert(schema.teams).values({ organizationId: org!.id, programId: program!.id, name: `Team B ${tag}` }).returning();
  const users: World['users'] = {};
  const addUser = async (key: string, teamId: string | null, role: Role) => {
    const email = `${key.toLowerCase()}.${tag}@test.example`;
    const [user] = await db.insert(schema.users).values({ email, name: `${key} ${tag}`, passwordHash: hash }).returning();
    await db.insert(schema.memberships).values({ userId: user!.id, organizationId: org!.id, teamId, role });
    users[key] = { id: user!.id, email };
  };
  await addUser('orgAdmin', null, 'org_admin');
  for (const role of TEAM_ROLES) {
    await addUser(`${role}A`, teamA!.id, role);
    await addUser(`${role}B`, teamB!.id, role);
  }
  return { organizationId: org!.id, programId: program!.id, teamA: teamA!.id, teamB: teamB!.id, users };
}

/** A platform administrator account (unique per call). */
export async function createPlatformAdmin(db: Db) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = `platform.${randomUUID().slice(0, 8)}@test.example`;
  const [user] = await db.insert(schema.users).values({ email, name: 'Platform Admin', passwordHash: await passwordHash, isPlatformAdmin: true }).returning();
  return { id: user!.id, email };
}

export interface Session {
  cookie: string;
  csrf: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** Signs in through the API and returns a client that sends the cookie and CSRF token. */
export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD, ip = '10.0.0.1'): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });
  if (response.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${response.statusCode} ${response.body}`);
  const setCookie = response.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)!.split(';')[0]!;
  const csrf = response.json<{ csrfToken: string }>().csrfToken;
  return {
    cookie,
    csrf,
    request: (options) =>
      app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrf, ...(options.headers ?? {}) } }),
  };
}

interface ErrorJson {
  error: { code: string; message: string; details?: { field: string; message: string }[] };
}

/** The error body of a response (asserting it has the one error shape). */
export function errorOf(response: LightMyRequestResponse): ErrorJson['error'] {
  const body = response.json<ErrorJson>();
  if (typeof body.error.code !== 'string' || typeof body.error.message !== 'string') throw new Error(`not an error body: ${response.body}`);
  return body.error;
}

/** The fields a 400 response names. */
export const fieldsOf = (response: LightMyRequestResponse): string[] => (errorOf(response).details ?? []).map((d) => d.field);
