import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { Database } from '@alongside/db';
import type { CheckInInstrument } from '@alongside/contracts';
import type { Session } from './harness.ts';
import { collectPool, operationsOf, problemWith, requestArb, type GeneratedRequest, type Operation, type Pool } from './hostile-requests.ts';
import { addConnection, addPerson, addVoiceItem, createPracticeContext, createPracticeWorld, expectStatus, logContact, type PracticeWorld, type Who } from './practice-world.ts';
import { checkIn, pulse } from './wellbeing-world.ts';

// The route sweep (issue 8): every route and method of the OpenAPI document, with requests generated from its
// schemas — valid-ish ones with real ids, and ones hostile in one part (wrong types, NUL, edge numbers and dates,
// over-long text, unknown ids, extra fields, odd content types, bad credentials) — anonymously and as each role.
// Never a 5xx; every error in the one shape with a known code; a refused write changes nothing.

const SEED = 20260302;
/** Requests per route for each signed-in role, and anonymously (most anonymous calls stop at the 401). */
const RUNS_SIGNED_IN = 5;
const RUNS_ANONYMOUS = 3;
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const ROLES: Who[] = ['psp', 'supervisor', 'nurse', 'psychiatrist', 'manager', 'researcher', 'orgAdmin', 'platform'];

let pw: PracticeWorld;
let operations: Operation[];
let pool: Pool;

/** Records of every kind in both organizations, so generated requests carry ids that exist. */
async function fillWorld(pw: PracticeWorld) {
  const person = await addPerson(pw);
  const personB = await addPerson(pw, { teamId: pw.world.teamB }, 'pspB');
  const elsewhere = await addPerson(pw, { teamId: pw.other.teamA }, 'otherPsp');
  await logContact(pw, person.id);
  await logContact(pw, personB.id, {}, 'pspB');
  await logContact(pw, elsewhere.id, {}, 'otherPsp');
  const item = await addVoiceItem(pw, person.id, { shareAgreed: true });
  await addVoiceItem(pw, elsewhere.id, {}, 'otherPsp');
  await addConnection(pw, 'psp', { direction: 'from_peer_support', personId: person.id, targetUserId: pw.ids.nurse });
  const post = async (who: Who, url: string, payload: object) => expectStatus(await pw.as[who].request({ method: 'POST', url, payload }), 201);
  const now = pw.ctx.clock.now().toISOString();
  await post('psp', '/api/huddles/items', { teamId: pw.teamId, voiceItemId: item.id });
  await post('psp', '/api/huddles', { teamId: pw.teamId, heldAt: now, attendeeIds: [pw.ids.psp, pw.ids.nurse] });
  await post('psp2', '/api/step-aways', { teamId: pw.teamId, startsOn: now.slice(0, 10) });
  await post('supervisor', '/api/supervision-sessions', { pspId: pw.ids.psp, supervisorId: pw.ids.supervisor, heldAt: now, kind: 'peer' });
  await post('orgAdmin', '/api/invitations', { email: `sweep.${pw.organizationId}@test.example`, organizationId: pw.organizationId, teamId: pw.teamId, role: 'nurse' });
  await post('psp', '/api/wellbeing/shares', { supervisorId: pw.ids.supervisor });
  await pulse(pw.as.psp, 2, 4);
  // A high strain score, so there is a nudge to dismiss.
  await checkIn(pw.as.psp, 4, pw.ctx.clock);
}

/**
 * A fingerprint of every table but sessions and the audit log, in one statement: row counts and an
 * order-free sum of row hashes (cheap enough to take around every write).
 */
async function fingerprint(database: Database): Promise<string> {
  const tables = await database.query<{ name: string }>(
    sql`select tablename as name from pg_tables where schemaname = current_schema() and tablename not in ('sessions', 'audit_events') order by 1`,
  );
  const parts = tables.map(
    ({ name }) => sql`select ${name} as t, count(*) || ':' || coalesce(sum(hashtextextended(to_jsonb(x)::text, 0)), 0) as h from ${sql.identifier(name)} x`,
  );
  const rows = await database.query<{ t: string; h: string }>(sql.join(parts, sql` union all `));
  return rows.map((r) => `${r.t}=${r.h}`).join(' ');
}

function send(request: GeneratedRequest, session: Session | undefined, ip: string) {
  const credentials: Record<string, string> = {};
  if (session && request.credentials !== 'bad-cookie') {
    credentials.cookie = session.cookie;
    if (request.credentials === 'session') credentials['x-csrf-token'] = session.csrf;
    if (request.credentials === 'bad-csrf') credentials['x-csrf-token'] = 'not-the-token';
  }
  return pw.ctx.app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: { ...credentials, ...request.headers },
    payload: request.body,
    remoteAddress: ip,
  });
}

beforeAll(async () => {
  pw = await createPracticeWorld(await createPracticeContext());
  await fillWorld(pw);
  operations = operationsOf((await pw.ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
  pool = await collectPool(pw.ctx.database, { perKind: 10, organizationIds: [pw.organizationId, pw.other.organizationId] });
  const instrument = expectStatus<CheckInInstrument>(await pw.as.psp.request({ method: 'GET', url: '/api/wellbeing/check-ins/instrument' }), 200);
  pool.keys = instrument.items.map((i) => i.id);
});

describe('the route sweep', () => {
  it('has real ids of every kind to send', () => {
    const empty = Object.entries(pool.ids).filter(([, ids]) => ids.length === 0).map(([kind]) => kind);
    expect(empty).toEqual([]);
    expect(pool.tokens.length).toBeGreaterThan(0);
    expect(operations.length).toBeGreaterThanOrEqual(80);
  });

  it('never answers a generated request with a 5xx or an error outside the shape, and a refused write changes nothing', async () => {
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    let total = 0;
    let refusedWrites = 0;
    let acceptedWritesThatChanged = 0;
    /** The fingerprint after the last write, while nothing else has run since. */
    let known: string | undefined;
    const who: (Who | 'anonymous')[] = ['anonymous', ...ROLES];
    for (const [o, op] of operations.entries()) {
      for (const [w, identity] of who.entries()) {
        const session = identity === 'anonymous' ? undefined : pw.as[identity];
        const runs = session ? RUNS_SIGNED_IN : RUNS_ANONYMOUS;
        const requests = fc.sample(requestArb(op, pool), { seed: SEED + o * 100 + w, numRuns: runs });
        for (const [r, request] of requests.entries()) {
          const isWrite = WRITES.has(request.method);
          const before = isWrite ? (known ?? (await fingerprint(pw.ctx.database))) : '';
          // Anonymous callers each come from their own address, so the sign-in limit never blocks the roles' sessions.
          const response = await send(request, session, session ? '10.0.0.1' : `10.9.${o}.${w * 10 + r}`);
          total++;
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          const where = `${identity} ${op.method} ${op.path} [${request.focus}] → ${response.statusCode}`;
          const problem = problemWith(response.statusCode, response.body);
          if (problem) problems.push(`${where}: ${problem}\n    ${request.url.slice(0, 300)} ${request.body?.slice(0, 300) ?? ''}`);
          // Reads are not checked for changes: after one, the next write fingerprints afresh.
          known = undefined;
          if (isWrite) {
            known = await fingerprint(pw.ctx.database);
            const changed = known !== before;
            if (response.statusCode >= 400) refusedWrites++;
            if (response.statusCode >= 400 && changed) problems.push(`${where}: a refused write changed the database\n    ${request.url.slice(0, 300)}`);
            if (response.statusCode < 400 && changed) acceptedWritesThatChanged++;
          }
        }
      }
    }
    expect(problems).toEqual([]);
    // The sweep reaches past the gates: successes, refusals of each kind, and many refused writes checked.
    expect(total).toBeGreaterThan(3000);
    for (const status of [200, 201, 400, 401, 403, 404]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    expect(refusedWrites).toBeGreaterThan(1000);
    // The fingerprint sees a change when there is one.
    expect(acceptedWritesThatChanged).toBeGreaterThan(5);
  });
});
