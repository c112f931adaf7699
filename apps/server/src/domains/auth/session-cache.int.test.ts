import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@alongside/db';
import {
  createTestApp,
  createWorld,
  manualClock,
  signIn,
  TEST_PASSWORD,
  type TestContext,
  type World,
} from '../../test/harness.ts';

// The short-lived session cache (2 s in production): it must never outlive a sign-out, a password change or a
// change of roles made through this server, and must read afresh once it is older than its lifetime.
const clock = manualClock();
let ctx: TestContext;
let world: World;

beforeAll(async () => {
  ctx = await createTestApp({ clock, sessionCacheMs: 2000 });
  world = await createWorld(ctx.db);
});

describe('the session cache', () => {
  it('serves a recent session without reading it again, and reads it afresh after its lifetime', async () => {
    const session = await signIn(ctx.app, world.users.nurseA!.email);
    const teamB = () => session.request({ method: 'GET', url: `/api/teams/${world.teamB}/members` });
    expect((await teamB()).statusCode).toBe(404);
    // A change behind the server's back (another process, say) is seen once the cached copy is 2 s old.
    const [membership] = await ctx.db
      .insert(schema.memberships)
      .values({
        userId: world.users.nurseA!.id,
        organizationId: world.organizationId,
        teamId: world.teamB,
        role: 'nurse',
      })
      .returning();
    expect((await teamB()).statusCode).toBe(404);
    clock.advanceMinutes(2 / 60);
    expect((await teamB()).statusCode).toBe(200);
    await ctx.db.delete(schema.memberships).where(eq(schema.memberships.id, membership!.id));
  });

  it('forgets a session at sign-out', async () => {
    const session = await signIn(ctx.app, world.users.researcherA!.email);
    expect((await session.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await session.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await session.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('forgets the other sessions of a user who changes their password', async () => {
    const email = world.users.managerA!.email;
    const first = await signIn(ctx.app, email);
    const second = await signIn(ctx.app, email);
    expect((await second.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const changed = await first.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await second.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('picks up a role removed by an administrator at once', async () => {
    const member = await signIn(ctx.app, world.users.psychiatristA!.email);
    const admin = await signIn(ctx.app, world.users.orgAdmin!.email);
    const teamA = () => member.request({ method: 'GET', url: `/api/teams/${world.teamA}/members` });
    const members = (await teamA()).json<{ membershipId: string; userId: string }[]>();
    const membershipId = members.find((m) => m.userId === world.users.psychiatristA!.id)!.membershipId;
    const removed = await admin.request({ method: 'DELETE', url: `/api/teams/${world.teamA}/members/${membershipId}` });
    expect(removed.statusCode).toBeLessThan(300);
    expect((await teamA()).statusCode).toBe(404);
  });
});
