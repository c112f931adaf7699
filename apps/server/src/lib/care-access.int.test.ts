import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@alongside/contracts';
import { createDb, type Database } from '@alongside/db';
import type { Actor } from './actor.ts';
import {
  canSeeAboutPerson,
  canSeePerson,
  canSeeVoiceItem,
  careTeams,
  careTier,
  personVisible,
  sharedAboutPersonVisible,
  voiceItemVisible,
} from './care-access.ts';

// The care-access rules exist twice — predicates for code, SQL fragments for queries. On generated memberships,
// persons and voice items, the rows the SQL lets through are exactly those the predicates allow.
let db: Database;
beforeAll(async () => {
  db = process.env.TEST_DATABASE_URL ? await createDb({ url: process.env.TEST_DATABASE_URL }) : await createDb({ memory: true });
});
afterAll(async () => db.close());

const TEAMS = [randomUUID(), randomUUID(), randomUUID()];
const team = fc.constantFrom(...TEAMS);
const memberships = fc.array(fc.record({ teamId: fc.option(team, { nil: null }), role: fc.constantFrom(...ROLES) }), { maxLength: 5 });
const persons = fc.array(
  fc.record({
    teamId: team,
    lockbox: fc.boolean(),
    share: fc.constantFrom('per_item', 'none'),
    items: fc.array(fc.record({ shareAgreed: fc.boolean(), withdrawn: fc.boolean() }), { maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 8 },
);

function actorOf(list: { teamId: string | null; role: (typeof ROLES)[number] }[]): Actor {
  return {
    userId: randomUUID(),
    name: 'n',
    email: 'e',
    isPlatformAdmin: false,
    sessionId: 's',
    ip: '::1',
    requestId: 'r',
    memberships: list.map((m, i) => ({ id: String(i), role: m.role, organizationId: 'o', programId: 'p', teamId: m.teamId })),
  };
}

describe('care access in SQL', () => {
  it('lets through exactly the persons, voice items and activity the predicates allow', async () => {
    await fc.assert(
      fc.asyncProperty(memberships, persons, async (list, people) => {
        const actor = actorOf(list);
        const scope = careTeams(actor);
        const rows = people.map((p) => ({ ...p, id: randomUUID(), items: p.items.map((i) => ({ ...i, id: randomUUID() })) }));
        const p = sql.join(
          rows.map((r) => sql`(${r.id}::uuid, ${r.teamId}::uuid, ${r.lockbox}::boolean, ${r.share}::text)`),
          sql`, `,
        );
        const personTable = sql`(VALUES ${p}) AS p(id, team_id, lockbox, share_with_care_team)`;
        const ids = async (statement: ReturnType<typeof sql>) =>
          new Set((await db.query<{ id: string }>(statement)).map((r) => r.id));

        const consent = (r: (typeof rows)[number]) => ({ shareWithCareTeam: r.share, lockbox: r.lockbox });
        const seen = await ids(sql`SELECT p.id FROM ${personTable} WHERE ${personVisible(scope)}`);
        for (const r of rows) expect(seen.has(r.id)).toBe(canSeePerson(careTier(actor, r.teamId), consent(r)));

        const about = await ids(sql`SELECT p.id FROM ${personTable} WHERE ${sharedAboutPersonVisible(scope)}`);
        for (const r of rows)
          expect(about.has(r.id)).toBe(canSeePerson(careTier(actor, r.teamId), consent(r)) && canSeeAboutPerson(careTier(actor, r.teamId), consent(r)));

        const items = rows.flatMap((r) => r.items.map((i) => ({ ...i, personId: r.id, person: r })));
        if (items.length === 0) return;
        const v = sql.join(
          items.map((i) => sql`(${i.id}::uuid, ${i.personId}::uuid, ${i.shareAgreed}::boolean, ${i.withdrawn ? '2026-01-01T00:00:00Z' : null}::timestamptz)`),
          sql`, `,
        );
        const visibleItems = await ids(
          sql`SELECT v.id FROM ${personTable} JOIN (VALUES ${v}) AS v(id, person_id, share_agreed, withdrawn_at) ON v.person_id = p.id
              WHERE ${voiceItemVisible(scope)}`,
        );
        for (const i of items) {
          const tier = careTier(actor, i.person.teamId);
          const expected = canSeePerson(tier, consent(i.person)) && canSeeVoiceItem(tier, consent(i.person), { shareAgreed: i.shareAgreed, withdrawnAt: i.withdrawn ? new Date() : null });
          expect(visibleItems.has(i.id)).toBe(expected);
        }
      }),
      { numRuns: 150, seed: 20261204 },
    );
  });
});
