import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { ERROR_CODES, INT_MAX, INT_MIN } from '@alongside/contracts';
import { schema } from '@alongside/db';
import { LOCK_AFTER_FAILURES } from '../domains/auth/auth.service.ts';
import { createTestApp, createWorld, errorOf, fieldsOf, manualClock, signIn, TEST_PASSWORD, type TestContext, type World } from './harness.ts';
import { addPerson, addVoiceItem, createPracticeContext, logContact, createPracticeWorld, marker, refused, type PracticeWorld } from './practice-world.ts';

// Regression tests for what hostile input found in the landed app (issue 8): each failed before its fix.

/** Every error body has the documented shape: a known code, a message and `details` as an array. */
function expectErrorShape(response: LightMyRequestResponse) {
  const error = errorOf(response);
  expect(ERROR_CODES, response.body).toContain(error.code);
  expect(Array.isArray(error.details), response.body).toBe(true);
  return error;
}

describe('log lines carry no text a person typed', () => {
  const lines: string[] = [];
  let ctx: TestContext;
  let world: World;
  const trigger = `refuse_marked_note`;

  beforeAll(async () => {
    ctx = await createTestApp({ logStream: { write: (line) => void lines.push(line) }, clock: manualClock() });
    world = await createWorld(ctx.db);
    // A query that fails on the database, with the note among its parameters (only for notes carrying the marker).
    await ctx.database.query(
      sql.raw(`create or replace function ${trigger}() returns trigger language plpgsql as $$
        begin if new.note like '%LOGMARKER%' then raise exception 'refused for the test'; end if; return new; end $$`),
    );
    await ctx.database.query(sql.raw(`create or replace trigger ${trigger} before insert on contacts for each row execute function ${trigger}()`));
  });
  afterAll(async () => {
    await ctx.database.query(sql.raw(`drop trigger if exists ${trigger} on contacts`));
    await ctx.app.close();
  });

  it('keeps a failed query’s parameters (a peer-tier note) and query strings out of the log', async () => {
    const psp = await signIn(ctx.app, world.users.peer_support_workerA!.email);
    const person = await psp.request({ method: 'POST', url: '/api/persons', payload: { teamId: world.teamA, preferredName: 'Logged Person' } });
    expect(person.statusCode).toBe(201);
    const note = `LOGMARKER ${marker('note')} the person talked about their brother`;
    const failed = await psp.request({
      method: 'POST',
      url: '/api/contacts',
      payload: {
        personId: person.json<{ id: string }>().id,
        occurredAt: '2026-03-02T08:00:00Z',
        durationMinutes: 20,
        mode: 'in_person',
        location: 'ward',
        activities: ['emotional_support'],
        note,
      },
    });
    expect(failed.statusCode).toBe(500);
    expect(failed.body).not.toContain('LOGMARKER');
    const searched = marker('Searchname');
    expect((await psp.request({ method: 'GET', url: `/api/persons?q=${searched}` })).statusCode).toBe(200);

    const log = lines.join('');
    expect(log).toContain('unhandled error');
    expect(log).toContain(failed.headers['x-request-id']);
    expect(log).not.toContain('LOGMARKER');
    expect(log).not.toContain('brother');
    expect(log).not.toContain(searched);
  });
});

describe('hostile input gets a 400 naming the field, and changes nothing', () => {
  let pw: PracticeWorld;
  beforeAll(async () => {
    pw = await createPracticeWorld(await createPracticeContext());
  });

  const contact = (personId: string, extra: Record<string, unknown> = {}) => ({
    personId,
    occurredAt: '2026-03-02T08:00:00Z',
    durationMinutes: 20,
    mode: 'in_person',
    location: 'ward',
    activities: ['emotional_support'],
    note: 'fine',
    ...extra,
  });

  it('refuses a NUL character in any text field, query string or path parameter', async () => {
    const person = await addPerson(pw);
    const body = await refused(pw.ctx, pw.as.psp, { method: 'POST', url: '/api/contacts', payload: contact(person.id, { note: 'a\u0000b' }) }, 400);
    expect(fieldsOf(body)).toEqual(['note']);
    const nested = await refused(pw.ctx, pw.as.psp, { method: 'POST', url: '/api/contacts', payload: contact(person.id, { activities: ['emotional_support\u0000'] }) }, 400);
    expect(fieldsOf(nested)).toEqual(['activities.0']);
    const query = await pw.as.psp.request({ method: 'GET', url: '/api/persons?q=a%00b' });
    expect(query.statusCode).toBe(400);
    expect(fieldsOf(query)).toEqual(['q']);
    const login = await pw.ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a\u0000@b.org', password: 'x' } });
    expect(login.statusCode).toBe(400);
    expect(fieldsOf(login)).toEqual(['email']);
    const param = await pw.as.psp.request({ method: 'GET', url: '/api/persons/%00' });
    expect(param.statusCode).toBe(400);
    expectErrorShape(param);
  });

  it('refuses dates outside a sane range (year 0, year 9999) in bodies and query strings', async () => {
    const person = await addPerson(pw);
    for (const occurredAt of ['0000-03-02T08:00:00Z', '9999-03-02T08:00:00Z']) {
      const response = await refused(pw.ctx, pw.as.psp, { method: 'POST', url: '/api/contacts', payload: contact(person.id, { occurredAt }) }, 400);
      expect(fieldsOf(response)).toEqual(['occurredAt']);
    }
    for (const url of [`indicators?from=0000-01-01&to=0000-03-31`, `indicators.csv?from=0001-01-01&to=0001-03-31`]) {
      const query = await pw.as.manager.request({ method: 'GET', url: `/api/programs/${pw.programId}/${url}` });
      expect(query.statusCode, url).toBe(400);
      expect(fieldsOf(query)).toContain('from');
    }
  });

  it('refuses integers beyond a PostgreSQL integer', async () => {
    const person = await addPerson(pw);
    const contact = await logContact(pw, person.id);
    const item = await addVoiceItem(pw, person.id);
    for (const [method, url, payload] of [
      ['PATCH', `/api/contacts/${contact.id}`, { note: 'edited', version: 2147483648 }],
      ['POST', `/api/voice-items/${item.id}/share`, { version: 2147483648 }],
      ['PATCH', `/api/persons/${person.id}`, { preferredName: 'New name', version: -2147483649 }],
    ] as const) {
      const response = await refused(pw.ctx, pw.as.psp, { method, url, payload }, 400);
      expect(fieldsOf(response)).toEqual(['version']);
    }
  });

  it('answers an edit that sends the largest integer as its version as stale (409), not 500 (found by the fuzz run)', async () => {
    const person = await addPerson(pw);
    const contact = await logContact(pw, person.id);
    const edits = [
      [pw.as.orgAdmin, `/api/programs/${pw.programId}`, { name: 'Renamed' }],
      [pw.as.psp, `/api/persons/${person.id}`, { preferredName: 'Renamed' }],
      [pw.as.psp, `/api/contacts/${contact.id}`, { note: 'edited' }],
    ] as const;
    for (const [session, url, payload] of edits) {
      const response = await refused(pw.ctx, session, { method: 'PATCH', url, payload: { ...payload, version: INT_MAX } }, 409);
      expect(expectErrorShape(response).code).toBe('version_conflict');
    }
  });

  it('refuses UTC offsets PostgreSQL cannot store and an FTE too small for its column (found by the route sweep)', async () => {
    const person = await addPerson(pw);
    for (const occurredAt of ['2026-03-02T08:00:00+23:59', '2026-03-02T08:00:00-15:00']) {
      const response = await refused(pw.ctx, pw.as.psp, { method: 'POST', url: '/api/contacts', payload: contact(person.id, { occurredAt }) }, 400);
      expect(fieldsOf(response)).toEqual(['occurredAt']);
    }
    const query = await pw.as.psp.request({ method: 'GET', url: `/api/contacts?from=${encodeURIComponent('1900-01-01T00:00:00+23:59')}` });
    expect(query.statusCode).toBe(400);
    expect(fieldsOf(query)).toEqual(['from']);
    const realOffsets = `from=${encodeURIComponent('2026-03-01T08:00:00+14:00')}&to=${encodeURIComponent('2026-03-03T08:00:00-12:00')}`;
    expect((await pw.as.psp.request({ method: 'GET', url: `/api/contacts?${realOffsets}` })).statusCode).toBe(200);

    const created = await refused(pw.ctx, pw.as.orgAdmin, { method: 'POST', url: '/api/programs', payload: { organizationId: pw.organizationId, name: 'Tiny', setting: 'inpatient', pspFte: 1e-146 } }, 400);
    expect(fieldsOf(created)).toEqual(['pspFte']);
    const program = (await pw.as.orgAdmin.request({ method: 'GET', url: `/api/programs/${pw.programId}` })).json<{ version: number }>();
    const updated = await refused(pw.ctx, pw.as.orgAdmin, { method: 'PATCH', url: `/api/programs/${pw.programId}`, payload: { pspFte: 1e-146, version: program.version } }, 400);
    expect(fieldsOf(updated)).toEqual(['pspFte']);
  });

  it('answers a body nested thousands deep with a 400, not a stack overflow (found by the fuzz run)', async () => {
    const depth = 10_000;
    const bodies = ['['.repeat(depth) + ']'.repeat(depth), '{"a":'.repeat(depth) + '"x"' + '}'.repeat(depth), '{"a":'.repeat(depth) + '"x\\u0000"' + '}'.repeat(depth)];
    const json = { 'content-type': 'application/json' };
    for (const payload of bodies) {
      const login = await pw.ctx.app.inject({ method: 'POST', url: '/api/auth/login', headers: json, payload });
      expect(login.statusCode).toBe(400);
      expectErrorShape(login);
      expectErrorShape(await refused(pw.ctx, pw.as.psp, { method: 'POST', url: '/api/persons', headers: json, payload }, 400));
    }
  });

  it('answers an over-long path parameter in the documented shape, without echoing the address', async () => {
    const long = 'x'.repeat(5000);
    const response = await pw.as.psp.request({ method: 'GET', url: `/api/persons/${long}` });
    expect(response.statusCode).toBe(414);
    expect(expectErrorShape(response).code).toBe('uri_too_long');
    expect(response.body).not.toContain(long.slice(0, 200));
  });

  it('gives every error a details array: 401, 403, 404, 409, 413, 415', async () => {
    const person = await addPerson(pw);
    const cases = [
      await pw.ctx.app.inject({ method: 'GET', url: '/api/persons' }),
      await pw.as.psp.request({ method: 'POST', url: '/api/persons', headers: { 'x-csrf-token': 'wrong' }, payload: {} }),
      await pw.as.psp.request({ method: 'GET', url: '/api/persons/5f0c2a7e-0000-4000-8000-000000000000' }),
      await pw.as.psp.request({ method: 'GET', url: '/api/no-such-route' }),
      await pw.as.psp.request({ method: 'PATCH', url: `/api/persons/${person.id}`, payload: { preferredName: 'Again', version: person.version + 7 } }),
      await pw.as.psp.request({ method: 'POST', url: '/api/persons', payload: { teamId: pw.teamId, preferredName: 'x'.repeat(2 * 1024 * 1024) } }),
      await pw.as.psp.request({ method: 'POST', url: '/api/persons', headers: { 'content-type': 'application/xml' }, payload: '<person/>' }),
      await pw.as.psp.request({ method: 'POST', url: '/api/persons', headers: { 'content-type': 'application/json' }, payload: '{"broken' }),
    ];
    expect(cases.map((r) => r.statusCode)).toEqual([401, 403, 404, 404, 409, 413, 415, 400]);
    for (const response of cases) expectErrorShape(response);
  });
});

describe('every request contract is bounded', () => {
  it('gives every integer PostgreSQL integer bounds, every number bounds, every body string a maximum length', async () => {
    const { app } = await createTestApp();
    interface JsonSchema {
      type?: string;
      minimum?: number;
      maximum?: number;
      exclusiveMinimum?: number;
      maxLength?: number;
      enum?: unknown[];
      format?: string;
      const?: unknown;
      [key: string]: unknown;
    }
    interface Operation {
      parameters?: { in: string; name: string; schema: JsonSchema }[];
      requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
    }
    const doc = app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const unbounded: string[] = [];
    const walk = (schema: unknown, where: string, isBody: boolean) => {
      if (!schema || typeof schema !== 'object') return;
      const s = schema as JsonSchema;
      if (s.type === 'integer' && !((s.minimum ?? -Infinity) >= INT_MIN && (s.maximum ?? Infinity) <= INT_MAX)) unbounded.push(`${where}: integer`);
      if (s.type === 'number' && (s.maximum === undefined || (s.minimum ?? s.exclusiveMinimum) === undefined)) unbounded.push(`${where}: number`);
      if (isBody && s.type === 'string' && s.maxLength === undefined && !s.enum && !s.format && s.const === undefined) unbounded.push(`${where}: string`);
      for (const [key, value] of Object.entries(s)) if (key !== 'enum') walk(value, `${where}.${key}`, isBody);
    };
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const p of operation.parameters ?? []) walk(p.schema, `${method} ${path} ${p.in} ${p.name}`, false);
        walk(operation.requestBody?.content?.['application/json']?.schema, `${method} ${path} body`, true);
      }
    }
    expect(unbounded).toEqual([]);
    await app.close();
  });
});

describe('the Origin check', () => {
  let ctx: TestContext;
  let world: World;
  beforeAll(async () => {
    ctx = await createTestApp();
    world = await createWorld(ctx.db);
  });

  it('answers Origin: null or a malformed Origin with 403 csrf_rejected, sign-in included', async () => {
    const psp = await signIn(ctx.app, world.users.peer_support_workerA!.email);
    for (const origin of ['null', 'http://[', '::::', 'javascript:alert(1)', 'http://evil.example']) {
      const login = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin },
        payload: { email: world.users.nurseA!.email, password: TEST_PASSWORD },
      });
      expect(login.statusCode, origin).toBe(403);
      expect(expectErrorShape(login).code).toBe('csrf_rejected');
      const write = await psp.request({
        method: 'POST',
        url: '/api/persons',
        headers: { origin },
        payload: { teamId: world.teamA, preferredName: 'Not added' },
      });
      expect(write.statusCode, origin).toBe(403);
      expect(errorOf(write).code).toBe('csrf_rejected');
    }
    const ours = await psp.request({ method: 'POST', url: '/api/persons', headers: { origin: 'http://localhost:8080' }, payload: { teamId: world.teamA, preferredName: 'Added' } });
    expect(ours.statusCode).toBe(201);
  });
});

describe('the client’s address', () => {
  const login = (ctx: TestContext, email: string, forwardedFor: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.20.30.40',
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { email, password: 'wrong password' },
    });

  it('does not believe X-Forwarded-For unless TRUST_PROXY says so: a rotating header does not reset the address limit', async () => {
    const ctx = await createTestApp({ clock: manualClock(new Date('2026-05-01T09:00:00Z')) });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await login(ctx, `nobody${i}@test.example`, `203.0.113.${i}`)).statusCode);
    // 50 failures per address: past them, every attempt is refused however the header rotates.
    expect(statuses.slice(50).every((s) => s === 429)).toBe(true);
    const [event] = await ctx.db
      .select({ ip: schema.auditEvents.ip })
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.action, 'auth.login_failed'))
      .orderBy(sql`${schema.auditEvents.at} desc`)
      .limit(1);
    expect(event?.ip).toBe('10.20.30.40');
    await ctx.app.close();
  });

  it('takes the forwarded address from a configured proxy', async () => {
    const ctx = await createTestApp({ trustProxy: ['10.20.30.40'] });
    const world = await createWorld(ctx.db);
    const response = await login(ctx, world.users.nurseA!.email, '198.51.100.7');
    expect(response.statusCode).toBe(401);
    const [event] = await ctx.db
      .select({ ip: schema.auditEvents.ip })
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.entityId, world.users.nurseA!.id));
    expect(event?.ip).toBe('198.51.100.7');
    await ctx.app.close();
  });
});

describe('sign-in does not tell which emails have an account', () => {
  it('answers a known and an unknown email the same way, failure after failure', async () => {
    const clock = manualClock(new Date('2026-06-01T09:00:00Z'));
    const ctx = await createTestApp({ clock });
    const world = await createWorld(ctx.db);
    const attempt = async (email: string, ip: string) => {
      const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { email, password: 'wrong password' } });
      return `${response.statusCode} ${errorOf(response).code}`;
    };
    const known: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < LOCK_AFTER_FAILURES + 3; i++) {
      known.push(await attempt(world.users.nurseA!.email, '10.1.1.1'));
      unknown.push(await attempt(`no-account-${world.organizationId}@test.example`, '10.1.1.2'));
    }
    expect(known).toContain('429 too_many_attempts');
    expect(unknown).toEqual(known);
    clock.advanceMinutes(16);
    expect(await attempt(`no-account-${world.organizationId}@test.example`, '10.1.1.2')).toBe('401 invalid_credentials');
    await ctx.app.close();
  });
});
