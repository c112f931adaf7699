import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@alongside/db';
import { createTestApp, createWorld, manualClock, signIn, TEST_PASSWORD, type TestContext, type World } from '../../test/harness.ts';
import { LOCK_AFTER_FAILURES } from './auth.service.ts';

const clock = manualClock();
let ctx: TestContext;
let world: World;

beforeAll(async () => {
  ctx = await createTestApp({ clock, sessionIdleMinutes: 30 });
  world = await createWorld(ctx.db);
});

const login = (email: string, password: string, ip = '10.1.0.1') =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

describe('sign-in', () => {
  it('signs in with the right password and returns who I am', async () => {
    const response = await login(world.users.nurseA!.email, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const me = response.json<{ user: { email: string }; memberships: { role: string; teamId: string }[]; csrfToken: string }>();
    expect(me.user.email).toBe(world.users.nurseA!.email);
    expect(me.memberships).toEqual([expect.objectContaining({ role: 'nurse', teamId: world.teamA })]);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/alongside_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('stores an argon2id hash, never the password', async () => {
    const [user] = await ctx.db.select().from(schema.users).where(eq(schema.users.id, world.users.nurseA!.id));
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user!.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it('refuses a wrong password and an unknown email with the same message', async () => {
    const wrong = await login(world.users.psychiatristA!.email, 'not the password');
    const unknown = await login('nobody@test.example', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json<{ error: { code: string } }>().error.code).toBe('invalid_credentials');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('names the field when the input is bad', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'not-an-email', password: 'x' } });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { details: { field: string }[] } }>().error.details[0]!.field).toBe('email');
  });

  it('locks the account after repeated failures, with a clear message, even for the right password', async () => {
    const email = world.users.psychiatristB!.email;
    for (let i = 0; i < LOCK_AFTER_FAILURES - 1; i++) expect((await login(email, 'wrong password')).statusCode).toBe(401);
    const locking = await login(email, 'wrong password');
    expect(locking.statusCode).toBe(429);
    expect(locking.json<{ error: { message: string } }>().error.message).toMatch(/Try again in 15 minute/);
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(429);
    clock.advanceMinutes(16);
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('limits failed attempts per IP address across accounts', async () => {
    const ip = '10.9.9.9';
    let last = 0;
    for (let i = 0; i < 51; i++) last = (await login(`guess${i}@test.example`, 'wrong', ip)).statusCode;
    expect(last).toBe(429);
    // Another address is not affected.
    expect((await login(world.users.managerA!.email, TEST_PASSWORD, '10.9.9.10')).statusCode).toBe(200);
    expect((await login(world.users.managerA!.email, TEST_PASSWORD, ip)).statusCode).toBe(429);
    clock.advanceMinutes(16);
  });

  it('records sign-ins and failures in the audit log without the password', async () => {
    const rows = await ctx.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, world.users.psychiatristA!.id));
    expect(rows.map((r) => r.action)).toContain('auth.login_failed');
    expect(JSON.stringify(rows.map((r) => ({ ...r, id: String(r.id) })))).not.toContain('not the password');
  });
});

describe('sessions', () => {
  it('ends a session after the idle timeout and says so', async () => {
    const session = await signIn(ctx.app, world.users.managerB!.email);
    clock.advanceMinutes(29);
    expect((await session.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    clock.advanceMinutes(29); // activity above kept it alive
    expect((await session.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    clock.advanceMinutes(31);
    const expired = await session.request({ method: 'GET', url: '/api/me' });
    expect(expired.statusCode).toBe(401);
    expect(expired.json<{ error: { code: string } }>().error.code).toBe('session_expired');
    expect((await session.request({ method: 'GET', url: '/api/me' })).json<{ error: { code: string } }>().error.code).toBe('unauthenticated');
  });

  it('signs out: the cookie no longer works', async () => {
    const session = await signIn(ctx.app, world.users.researcherA!.email);
    expect((await session.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await session.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('rejects a forged or unknown session cookie', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: 'alongside_session=forged' } });
    expect(response.statusCode).toBe(401);
  });

  it('marks the cookie Secure when served over https through a trusted proxy, and not for a forged header', async () => {
    const login = (app: typeof ctx.app) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.0.0.9',
        payload: { email: world.users.researcherB!.email, password: TEST_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
    expect(String((await login(ctx.app)).headers['set-cookie'])).not.toMatch(/Secure/);
    const behindProxy = await createTestApp({ trustProxy: ['10.0.0.9'] });
    expect(String((await login(behindProxy.app)).headers['set-cookie'])).toMatch(/Secure/);
    await behindProxy.app.close();
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request without the token, or with a wrong one, and changes nothing', async () => {
    const session = await signIn(ctx.app, world.users.orgAdmin!.email);
    const attempt = (headers: Record<string, string>) =>
      ctx.app.inject({ method: 'POST', url: '/api/teams', payload: { programId: world.programId, name: 'CSRF team' }, headers: { cookie: session.cookie, ...headers } });
    const missing = await attempt({});
    const wrong = await attempt({ 'x-csrf-token': 'wrong' });
    const crossSite = await attempt({ 'x-csrf-token': session.csrf, origin: 'https://evil.example' });
    for (const r of [missing, wrong, crossSite]) {
      expect(r.statusCode).toBe(403);
      expect(r.json<{ error: { code: string } }>().error.code).toBe('csrf_rejected');
    }
    const teams = await ctx.db.select().from(schema.teams).where(eq(schema.teams.name, 'CSRF team'));
    expect(teams).toHaveLength(0);
    expect((await attempt({ 'x-csrf-token': session.csrf })).statusCode).toBe(201);
  });

  it('refuses a cross-site sign-in', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: world.users.nurseB!.email, password: TEST_PASSWORD },
      headers: { origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('my account', () => {
  it('stores the chosen language', async () => {
    const session = await signIn(ctx.app, world.users.peer_support_workerA!.email);
    const response = await session.request({ method: 'PATCH', url: '/api/me', payload: { language: 'nb' } });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ language: string }>().language).toBe('nb');
    const again = await signIn(ctx.app, world.users.peer_support_workerA!.email);
    expect((await again.request({ method: 'GET', url: '/api/me' })).json<{ language: string }>().language).toBe('nb');
    const bad = await session.request({ method: 'PATCH', url: '/api/me', payload: { language: 'de' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: { field: string }[] } }>().error.details[0]!.field).toBe('language');
  });

  it('changes the password: the current one is checked, other sessions end', async () => {
    const email = world.users.peer_supervisorA!.email;
    const first = await signIn(ctx.app, email);
    const second = await signIn(ctx.app, email);
    const wrong = await first.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'nope', newPassword: 'a brand new passphrase' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ error: { details: { field: string }[] } }>().error.details[0]!.field).toBe('currentPassword');
    const short = await first.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json<{ error: { details: { field: string }[] } }>().error.details[0]!.field).toBe('newPassword');
    const ok = await first.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' } });
    expect(ok.statusCode).toBe(200);
    expect((await first.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await second.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(email, 'a brand new passphrase')).statusCode).toBe(200);
  });

  it('has no demo accounts outside a demo installation', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/demo-logins' })).statusCode).toBe(404);
  });
});
