import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { inArray } from 'drizzle-orm';
import { hashPassword, schema } from '@alongside/db';
import type { Connection, Contact, Person, VoiceItem } from '@alongside/contracts';
import { fingerprint } from './database.ts';
import {
  createPlatformAdmin,
  createTestApp,
  createWorld,
  manualClock,
  signIn,
  TEST_PASSWORD,
  type Session,
  type TestContext,
  type World,
} from './harness.ts';

/** Everyone in a practice world, by what they are to team A (the team under test). */
export const WHO = [
  'psp',
  'psp2',
  'supervisor',
  'nurse',
  'psychiatrist',
  'manager',
  'researcher',
  'orgAdmin',
  'platform',
  'pspB',
  'nurseB',
  'otherPsp',
  'otherNurse',
  'otherOrgAdmin',
] as const;
export type Who = (typeof WHO)[number];

export type ManualClock = ReturnType<typeof manualClock>;

export interface PracticeContext extends TestContext {
  clock: ManualClock;
}

/**
 * The app with a clock the test moves by hand. Sessions never go idle here (the tests move the clock by days);
 * they still end after 12 hours, so a test that moves the clock further calls `signInAgain`.
 */
export async function createPracticeContext(): Promise<PracticeContext> {
  const clock = manualClock();
  const ctx = await createTestApp({ clock, sessionIdleMinutes: 60 * 24 * 365 });
  return { ...ctx, clock };
}

export interface PracticeWorld {
  ctx: PracticeContext;
  /** The organization: team A (psp, psp2, supervisor, nurse, psychiatrist, manager, researcher), team B (pspB, nurseB), orgAdmin. */
  world: World;
  /** Another organization (otherPsp, otherNurse in its team A; otherOrgAdmin). */
  other: World;
  teamId: string;
  programId: string;
  organizationId: string;
  ids: Record<Who, string>;
  names: Record<Who, string>;
  /** A signed-in client for each; the objects stay valid across `signInAgain`. */
  as: Record<Who, Session>;
  signInAgain(): Promise<void>;
}

let extraHash: Promise<string> | undefined;

/** A new organization and another one, with a care team, its managers and administrators, all signed in. Unique per call. */
export async function createPracticeWorld(ctx: PracticeContext): Promise<PracticeWorld> {
  const world = await createWorld(ctx.db);
  const other = await createWorld(ctx.db, 'NO');
  extraHash ??= hashPassword(TEST_PASSWORD);
  const email = `psp2.${randomUUID().slice(0, 8)}@test.example`;
  const [psp2] = await ctx.db
    .insert(schema.users)
    .values({ email, name: `Second PSP ${email.slice(5, 13)}`, passwordHash: await extraHash })
    .returning();
  await ctx.db
    .insert(schema.memberships)
    .values({
      userId: psp2!.id,
      organizationId: world.organizationId,
      teamId: world.teamA,
      role: 'peer_support_worker',
    });
  const platform = await createPlatformAdmin(ctx.db);

  const accounts: Record<Who, { id: string; email: string }> = {
    psp: world.users.peer_support_workerA!,
    psp2: { id: psp2!.id, email },
    supervisor: world.users.peer_supervisorA!,
    nurse: world.users.nurseA!,
    psychiatrist: world.users.psychiatristA!,
    manager: world.users.managerA!,
    researcher: world.users.researcherA!,
    orgAdmin: world.users.orgAdmin!,
    platform,
    pspB: world.users.peer_support_workerB!,
    nurseB: world.users.nurseB!,
    otherPsp: other.users.peer_support_workerA!,
    otherNurse: other.users.nurseA!,
    otherOrgAdmin: other.users.orgAdmin!,
  };
  const users = await ctx.db
    .select({ id: schema.users.id, name: schema.users.name })
    .from(schema.users)
    .where(
      inArray(
        schema.users.id,
        Object.values(accounts).map((a) => a.id),
      ),
    );
  const nameOf = new Map(users.map((u) => [u.id, u.name]));

  const current = {} as Record<Who, Session>;
  const signInAll = async () => {
    for (const who of WHO) current[who] = await signIn(ctx.app, accounts[who].email);
  };
  await signInAll();
  const as = Object.fromEntries(
    WHO.map((who) => [
      who,
      {
        get cookie() {
          return current[who].cookie;
        },
        get csrf() {
          return current[who].csrf;
        },
        request: (options: InjectOptions) => current[who].request(options),
      } satisfies Session,
    ]),
  ) as Record<Who, Session>;

  return {
    ctx,
    world,
    other,
    teamId: world.teamA,
    programId: world.programId,
    organizationId: world.organizationId,
    ids: Object.fromEntries(WHO.map((w) => [w, accounts[w].id])) as Record<Who, string>,
    names: Object.fromEntries(WHO.map((w) => [w, nameOf.get(accounts[w].id) ?? ''])) as Record<Who, string>,
    as,
    signInAgain: signInAll,
  };
}

/** A unique string to look for in response bodies. */
export const marker = (label: string) => `${label}-${randomUUID()}`;

/** Asserts the status and returns the JSON body (typed by the caller, as `response.json<T>()` is). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function expectStatus<T>(response: LightMyRequestResponse, status: number): T {
  expect(response.statusCode, `${response.statusCode} ${response.body}`).toBe(status);
  return response.json();
}

type Body = Record<string, unknown>;
const send = (session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Body) =>
  session.request({ method, url, payload });

/** A request that must be refused with `status`, leaving every table as it was. */
export async function refused(
  ctx: TestContext,
  session: Session,
  request: InjectOptions,
  status: number,
): Promise<LightMyRequestResponse> {
  const before = await fingerprint(ctx.database);
  const response = await session.request(request);
  expect(response.statusCode, `${String(request.method)} ${JSON.stringify(request.url)}: ${response.body}`).toBe(
    status,
  );
  expect(await fingerprint(ctx.database)).toEqual(before);
  return response;
}

/** A person on team A's caseload, added by its PSP. */
export async function addPerson(pw: PracticeWorld, overrides: Body = {}, by: Who = 'psp'): Promise<Person> {
  return expectStatus<Person>(
    await send(pw.as[by], 'POST', '/api/persons', { teamId: pw.teamId, preferredName: marker('Person'), ...overrides }),
    201,
  );
}

/** Records a consent decision with the person. */
export async function recordConsent(
  pw: PracticeWorld,
  personId: string,
  purpose: string,
  decision: string,
  by: Who = 'psp',
): Promise<Person> {
  return expectStatus<Person>(
    await send(pw.as[by], 'POST', `/api/persons/${personId}/consents`, { purpose, decision, method: 'in_person' }),
    201,
  );
}

/** A contact logged by team A's PSP an hour before now. */
export async function logContact(
  pw: PracticeWorld,
  personId: string,
  overrides: Body = {},
  by: Who = 'psp',
): Promise<Contact> {
  const occurredAt = new Date(pw.ctx.clock.now().getTime() - 3_600_000).toISOString();
  const payload = {
    personId,
    occurredAt,
    durationMinutes: 30,
    mode: 'in_person',
    location: 'ward',
    activities: ['emotional_support'],
    note: 'a short note',
    ...overrides,
  };
  return expectStatus<Contact>(await send(pw.as[by], 'POST', '/api/contacts', payload), 201);
}

/** The person's words, recorded by team A's PSP. */
export async function addVoiceItem(
  pw: PracticeWorld,
  personId: string,
  overrides: Body = {},
  by: Who = 'psp',
): Promise<VoiceItem> {
  return expectStatus<VoiceItem>(
    await send(pw.as[by], 'POST', '/api/voice-items', {
      personId,
      kind: 'question',
      words: marker('Words'),
      ...overrides,
    }),
    201,
  );
}

/** Moves a voice item one step (acknowledge, answer, return, withdraw, share). */
export async function voiceStep(
  pw: PracticeWorld,
  by: Who,
  item: { id: string; version: number },
  step: string,
  extra: Body = {},
): Promise<VoiceItem> {
  return expectStatus<VoiceItem>(
    await send(pw.as[by], 'POST', `/api/voice-items/${item.id}/${step}`, { version: item.version, ...extra }),
    200,
  );
}

export async function addConnection(pw: PracticeWorld, by: Who, payload: Body): Promise<Connection> {
  return expectStatus<Connection>(await send(pw.as[by], 'POST', '/api/connections', payload), 201);
}

export async function moveConnection(
  pw: PracticeWorld,
  by: Who,
  connection: { id: string; version: number },
  status: string,
  extra: Body = {},
): Promise<Connection> {
  return expectStatus<Connection>(
    await send(pw.as[by], 'PATCH', `/api/connections/${connection.id}`, {
      status,
      version: connection.version,
      ...extra,
    }),
    200,
  );
}

/** GET as someone, expecting 200. */
export async function read<T>(pw: PracticeWorld, by: Who, url: string): Promise<T> {
  return expectStatus<T>(await pw.as[by].request({ method: 'GET', url }), 200);
}
