import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { hashPassword, schema } from '@alongside/db';
import type { CheckIn, CheckInInstrument, Pulse } from '@alongside/contracts';
import { signIn, TEST_PASSWORD, type Session } from './harness.ts';
import { expectStatus, type PracticeWorld } from './practice-world.ts';

// Helpers for the wellbeing tests: extra peer staff, answers that give a known score, check-ins and pulses.

let hash: Promise<string> | undefined;

/** A new user with a role in a team of the practice world's organization (or another), signed in. */
export async function addMember(pw: PracticeWorld, teamId: string, role = 'peer_support_worker', organizationId = pw.organizationId): Promise<{ id: string; session: Session }> {
  hash ??= hashPassword(TEST_PASSWORD);
  const email = `wb.${randomUUID().slice(0, 8)}@test.example`;
  const [user] = await pw.ctx.db.insert(schema.users).values({ email, name: `Peer ${email.slice(3, 11)}`, passwordHash: await hash }).returning();
  await pw.ctx.db.insert(schema.memberships).values({ userId: user!.id, organizationId, teamId, role });
  return { id: user!.id, session: await renewingSession(pw, email) };
}

/** A session that signs in again when the test clock has moved past its end (sessions last at most 12 hours). */
async function renewingSession(pw: PracticeWorld, email: string): Promise<Session> {
  let current = await signIn(pw.ctx.app, email);
  return {
    get cookie() {
      return current.cookie;
    },
    get csrf() {
      return current.csrf;
    },
    async request(options) {
      const response = await current.request(options);
      if (response.statusCode !== 401) return response;
      current = await signIn(pw.ctx.app, email);
      return current.request(options);
    },
  };
}

/** A new team in the practice world's program. */
export async function addTeam(pw: PracticeWorld): Promise<string> {
  const [team] = await pw.ctx.db.insert(schema.teams).values({ organizationId: pw.organizationId, programId: pw.programId, name: `Team ${randomUUID().slice(0, 6)}` }).returning();
  return team!.id;
}

export async function setK(pw: PracticeWorld, k: number) {
  await pw.ctx.db.update(schema.organizations).set({ privacyThresholdK: k }).where(eq(schema.organizations.id, pw.organizationId));
}

export async function instrumentFor(session: Session): Promise<CheckInInstrument> {
  return expectStatus<CheckInInstrument>(await session.request({ method: 'GET', url: '/api/wellbeing/check-ins/instrument' }), 200);
}

/**
 * Answers to Alongside's check-in whose strain score is known: `level` 0…4 steps of 25 on every item (reverse-keyed
 * items get the mirrored answer), or a list of eight levels, one per item.
 */
export function answersAt(level: number | number[], instrument: CheckInInstrument): Record<string, number> {
  const reversed = new Set(['energy_left', 'someone_to_talk_to', 'time_to_rest', 'knowledge_valued']);
  return Object.fromEntries(
    instrument.items.map((item, i) => {
      const l = Array.isArray(level) ? level[i]! : level;
      return [item.id, reversed.has(item.id) ? 5 - l : 1 + l];
    }),
  );
}

/** A check-in a minute after the previous one (the order of check-ins decides trends and nudges). */
export async function checkIn(session: Session, level: number | number[], clock?: { advanceMinutes(m: number): void }): Promise<CheckIn> {
  clock?.advanceMinutes(1);
  const instrument = await instrumentFor(session);
  return expectStatus<CheckIn>(
    await session.request({ method: 'POST', url: '/api/wellbeing/check-ins', payload: { instrumentId: instrument.id, answers: answersAt(level, instrument) } }),
    201,
  );
}

export async function pulse(session: Session, energy: number, load: number, note?: string): Promise<Pulse> {
  return expectStatus<Pulse>(await session.request({ method: 'POST', url: '/api/wellbeing/pulses', payload: { energy, load, ...(note ? { note } : {}) } }), 201);
}
