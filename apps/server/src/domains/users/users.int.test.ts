import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@alongside/db';
import { fingerprint } from '../../test/database.ts';
import {
  createPlatformAdmin,
  createTestApp,
  createWorld,
  errorOf,
  fieldsOf,
  manualClock,
  signIn,
  TEST_PASSWORD,
  type Session,
  type TestContext,
  type World,
} from '../../test/harness.ts';

const clock = manualClock();
let ctx: TestContext;
let world: World;
let other: World;
let admin: Session;
let nurse: Session;

beforeAll(async () => {
  ctx = await createTestApp({ clock });
  world = await createWorld(ctx.db);
  other = await createWorld(ctx.db);
  admin = await signIn(ctx.app, world.users.orgAdmin!.email);
  nurse = await signIn(ctx.app, world.users.nurseA!.email);
});

async function refused(session: Session, request: Parameters<Session['request']>[0], status: number) {
  const before = await fingerprint(ctx.database);
  const response = await session.request(request);
  expect(response.statusCode, response.body).toBe(status);
  expect(await fingerprint(ctx.database)).toEqual(before);
  return response;
}

async function invite(email: string, role = 'peer_support_worker', teamId: string | undefined = world.teamA) {
  const response = await admin.request({ method: 'POST', url: '/api/invitations', payload: { email, organizationId: world.organizationId, teamId, role } });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json<{ acceptUrl: string; delivery: string; invitation: { id: string } }>();
  return { ...body, token: body.acceptUrl.split('/').at(-1)! };
}

describe('invitations', () => {
  it('puts the invitation in the outbox when no SMTP is configured, and the link lets the person join', async () => {
    const email = `new.peer.${Date.now()}@test.example`;
    const { acceptUrl, delivery, token } = await invite(email);
    expect(delivery).toBe('outbox');
    expect(acceptUrl).toMatch(/^http:\/\/localhost:8080\/invitations\//);
    const outbox = (await admin.request({ method: 'GET', url: `/api/outbox?organizationId=${world.organizationId}` })).json<{ to: string; body: string }[]>();
    expect(outbox.find((m) => m.to === email)?.body).toContain(acceptUrl);

    const preview = await ctx.app.inject({ method: 'GET', url: `/api/invitations/by-token/${token}` });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ email, role: 'peer_support_worker', hasAccount: false });

    const accepted = await ctx.app.inject({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Robin Peer', password: 'my own passphrase', language: 'fr' } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ user: { email, name: 'Robin Peer' }, language: 'fr', memberships: [{ role: 'peer_support_worker', teamId: world.teamA }] });
    expect(String(accepted.headers['set-cookie'])).toMatch(/alongside_session=/);
    await signIn(ctx.app, email, 'my own passphrase');

    // One link, one account.
    const again = await ctx.app.inject({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Someone', password: 'another passphrase' } });
    expect(again.statusCode).toBe(404);
  });

  it('expires after seven days', async () => {
    const { token } = await invite(`late.${Date.now()}@test.example`);
    clock.advanceMinutes(8 * 24 * 60);
    const response = await ctx.app.inject({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Late', password: 'a late passphrase' } });
    expect(response.statusCode).toBe(410);
    expect(errorOf(response).code).toBe('invitation_expired');
    // A week passed: the sessions opened above have expired too.
    admin = await signIn(ctx.app, world.users.orgAdmin!.email);
    nurse = await signIn(ctx.app, world.users.nurseA!.email);
  });

  it('an existing account must sign in to accept; then the role is added', async () => {
    const { token } = await invite(world.users.nurseB!.email, 'nurse', world.teamA);
    const anonymous = await ctx.app.inject({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'x', password: 'a long passphrase' } });
    expect(anonymous.statusCode).toBe(409);
    expect(errorOf(anonymous).code).toBe('account_exists');
    const nurseB = await signIn(ctx.app, world.users.nurseB!.email);
    const accepted = await nurseB.request({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'ignored', password: 'ignored passphrase' } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const teams = accepted.json<{ memberships: { teamId: string }[] }>().memberships.map((m) => m.teamId);
    expect(teams).toEqual(expect.arrayContaining([world.teamA, world.teamB]));
    // Their password did not change.
    await signIn(ctx.app, world.users.nurseB!.email, TEST_PASSWORD);
  });

  it('refuses unknown links, bad input and outsiders, changing nothing', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: `/api/invitations/by-token/${'x'.repeat(43)}` })).statusCode).toBe(404);
    const payload = { email: 'someone@test.example', organizationId: world.organizationId, teamId: world.teamA, role: 'nurse' };
    await refused(nurse, { method: 'POST', url: '/api/invitations', payload }, 403);
    await refused(admin, { method: 'POST', url: '/api/invitations', payload: { ...payload, organizationId: other.organizationId, teamId: other.teamA } }, 404);
    expect(fieldsOf(await refused(admin, { method: 'POST', url: '/api/invitations', payload: { ...payload, teamId: other.teamA } }, 400))).toEqual(['teamId']);
    expect(fieldsOf(await refused(admin, { method: 'POST', url: '/api/invitations', payload: { ...payload, role: 'org_admin' } }, 400))).toEqual(['teamId']);
    expect(fieldsOf(await refused(admin, { method: 'POST', url: '/api/invitations', payload: { ...payload, teamId: undefined } }, 400))).toEqual(['teamId']);
    expect(fieldsOf(await refused(admin, { method: 'POST', url: '/api/invitations', payload: { ...payload, email: 'nope' } }, 400))).toEqual(['email']);
    const { token } = await invite(`weak.${Date.now()}@test.example`);
    const weak = await ctx.app.inject({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Weak', password: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(fieldsOf(weak)).toEqual(['password']);
  });

  it('lists invitations only to administrators of the organization', async () => {
    const list = (await admin.request({ method: 'GET', url: '/api/invitations' })).json<{ organizationId: string }[]>();
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((i) => i.organizationId === world.organizationId)).toBe(true);
    await refused(nurse, { method: 'GET', url: '/api/invitations' }, 403);
    await refused(admin, { method: 'GET', url: `/api/invitations?organizationId=${other.organizationId}` }, 404);
  });
});

describe('users and outbox', () => {
  it('an organization administrator sees the people of their organization only', async () => {
    const users = (await admin.request({ method: 'GET', url: '/api/users' })).json<{ id: string; roles: { organizationId: string }[] }[]>();
    const ids = users.map((u) => u.id);
    expect(ids).toContain(world.users.peer_support_workerB!.id);
    expect(ids).not.toContain(other.users.peer_support_workerB!.id);
    expect(users.flatMap((u) => u.roles).every((r) => r.organizationId === world.organizationId)).toBe(true);
    await refused(nurse, { method: 'GET', url: '/api/users' }, 403);
    await refused(nurse, { method: 'GET', url: `/api/users?organizationId=${world.organizationId}` }, 403);
    await refused(admin, { method: 'GET', url: `/api/users?organizationId=${other.organizationId}` }, 404);
  });

  it('only platform administrators create accounts directly', async () => {
    const platform = await signIn(ctx.app, (await createPlatformAdmin(ctx.db)).email);
    const email = `direct.${Date.now()}@test.example`;
    const created = await platform.request({ method: 'POST', url: '/api/users', payload: { email, name: 'Direct User', password: 'a direct passphrase' } });
    expect(created.statusCode).toBe(201);
    await signIn(ctx.app, email, 'a direct passphrase');
    expect(errorOf(await refused(platform, { method: 'POST', url: '/api/users', payload: { email, name: 'Again', password: 'a direct passphrase' } }, 409)).code).toBe('already_exists');
    await refused(admin, { method: 'POST', url: '/api/users', payload: { email: `x${email}`, name: 'X', password: 'a direct passphrase' } }, 403);
    expect(fieldsOf(await refused(platform, { method: 'POST', url: '/api/users', payload: { email: 'bad', name: 'X', password: 'a direct passphrase' } }, 400))).toEqual(['email']);
    const [row] = await ctx.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.action, 'user.create'));
    expect(row).toBeDefined();
  });

  it('the outbox is for administrators of the organization', async () => {
    await refused(nurse, { method: 'GET', url: '/api/outbox' }, 403);
    await refused(admin, { method: 'GET', url: `/api/outbox?organizationId=${other.organizationId}` }, 404);
  });
});
