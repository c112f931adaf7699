import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@alongside/db';
import { fingerprint } from '../../test/database.ts';
import { createPlatformAdmin, createTestApp, createWorld, errorOf, fieldsOf, signIn, type Session, type TestContext, type World } from '../../test/harness.ts';

let ctx: TestContext;
let world: World;
let other: World;
let admin: Session;
let nurse: Session;
let platform: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await createWorld(ctx.db);
  other = await createWorld(ctx.db, 'NO');
  admin = await signIn(ctx.app, world.users.orgAdmin!.email);
  nurse = await signIn(ctx.app, world.users.nurseA!.email);
  platform = await signIn(ctx.app, (await createPlatformAdmin(ctx.db)).email);
});

/** Runs a request that must be refused, and checks the database did not change. */
async function refused(session: Session, request: Parameters<Session['request']>[0], status: number) {
  const before = await fingerprint(ctx.database);
  const response = await session.request(request);
  expect(response.statusCode, response.body).toBe(status);
  expect(await fingerprint(ctx.database)).toEqual(before);
  return response;
}

describe('organizations', () => {
  it('only platform administrators add organizations', async () => {
    const created = await platform.request({ method: 'POST', url: '/api/organizations', payload: { countryCode: 'NO', name: 'Helse Test HF' } });
    expect(created.statusCode).toBe(201);
    expect(created.json<{ privacyThresholdK: number }>().privacyThresholdK).toBe(5);
    await refused(admin, { method: 'POST', url: '/api/organizations', payload: { countryCode: 'CA', name: 'Sneaky' } }, 403);
    await refused(nurse, { method: 'POST', url: '/api/organizations', payload: { countryCode: 'CA', name: 'Sneaky' } }, 403);
  });

  it('rejects bad input naming the field', async () => {
    const response = await refused(platform, { method: 'POST', url: '/api/organizations', payload: { countryCode: 'XX', name: 'Bad' } }, 400);
    expect(fieldsOf(response)).toEqual(['countryCode']);
    expect(fieldsOf(await refused(platform, { method: 'POST', url: '/api/organizations', payload: { countryCode: 'CA', name: '  ' } }, 400))).toEqual(['name']);
    expect(fieldsOf(await refused(platform, { method: 'POST', url: '/api/organizations', payload: { countryCode: 'CA', name: 'K', privacyThresholdK: 1 } }, 400))).toEqual(['privacyThresholdK']);
  });

  it('members see their own organization and nothing of another', async () => {
    const list = (await nurse.request({ method: 'GET', url: '/api/organizations' })).json<{ id: string }[]>();
    expect(list.map((o) => o.id)).toEqual([world.organizationId]);
    await refused(nurse, { method: 'GET', url: `/api/organizations/${other.organizationId}` }, 404);
    expect((await nurse.request({ method: 'GET', url: `/api/organizations/${world.organizationId}` })).statusCode).toBe(200);
  });
});

describe('programs', () => {
  it('an organization administrator adds a program with its profile, audited', async () => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/programs',
      payload: { organizationId: world.organizationId, name: 'Youth outreach', setting: 'youth', pspFte: 1.5, employerType: 'partner_ngo', championPresent: true, rolloutPhase: 'pilot' },
    });
    expect(response.statusCode).toBe(201);
    const program = response.json<{ id: string; version: number; championPresent: boolean; strategicPlanPriority: null }>();
    expect(program).toMatchObject({ version: 1, championPresent: true, strategicPlanPriority: null });
    const [event] = await ctx.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, program.id));
    expect(event).toMatchObject({ action: 'program.create', actorUserId: world.users.orgAdmin!.id, actorRole: 'org_admin', organizationId: world.organizationId, purpose: 'administration' });
    expect(event!.requestId).toBeTruthy();
    expect(event!.ip).toBeTruthy();
  });

  it('refuses programs from clinicians (403) and in another organization (404), changing nothing', async () => {
    const payload = { organizationId: world.organizationId, name: 'Nope', setting: 'inpatient' };
    expect(errorOf(await refused(nurse, { method: 'POST', url: '/api/programs', payload }, 403)).code).toBe('forbidden');
    await refused(admin, { method: 'POST', url: '/api/programs', payload: { ...payload, organizationId: other.organizationId } }, 404);
  });

  it('rejects bad input naming the field', async () => {
    const base = { organizationId: world.organizationId, name: 'Bad', setting: 'inpatient' };
    expect(fieldsOf(await refused(admin, { method: 'POST', url: '/api/programs', payload: { ...base, setting: 'spa' } }, 400))).toEqual(['setting']);
    expect(fieldsOf(await refused(admin, { method: 'POST', url: '/api/programs', payload: { ...base, pspFte: -1 } }, 400))).toEqual(['pspFte']);
    expect(fieldsOf(await refused(admin, { method: 'POST', url: '/api/programs', payload: { ...base, organizationId: 'nope' } }, 400))).toEqual(['organizationId']);
    expect(fieldsOf(await refused(admin, { method: 'GET', url: '/api/programs?organizationId=nope' }, 400))).toEqual(['organizationId']);
  });

  it('edits carry a version: a stale edit gets 409 and changes nothing', async () => {
    const url = `/api/programs/${world.programId}`;
    const current = (await admin.request({ method: 'GET', url })).json<{ version: number }>();
    const first = await admin.request({ method: 'PATCH', url, payload: { version: current.version, championPresent: true } });
    expect(first.statusCode).toBe(200);
    expect(errorOf(await refused(admin, { method: 'PATCH', url, payload: { version: current.version, championPresent: false } }, 409)).code).toBe('version_conflict');
    await refused(nurse, { method: 'PATCH', url, payload: { version: current.version + 1, name: 'x' } }, 403);
    await refused(admin, { method: 'PATCH', url: `/api/programs/${other.programId}`, payload: { version: 1, name: 'x' } }, 404);
  });

  it('team members see only the programs of their teams', async () => {
    const list = (await nurse.request({ method: 'GET', url: '/api/programs' })).json<{ id: string }[]>();
    expect(list.map((p) => p.id)).toEqual([world.programId]);
    await refused(nurse, { method: 'GET', url: `/api/programs/${other.programId}` }, 404);
  });
});

describe('teams and members', () => {
  it('an organization administrator adds a team; others cannot', async () => {
    const created = await admin.request({ method: 'POST', url: '/api/teams', payload: { programId: world.programId, name: 'Night shift' } });
    expect(created.statusCode).toBe(201);
    expect(created.json<{ memberCount: number }>().memberCount).toBe(0);
    await refused(nurse, { method: 'POST', url: '/api/teams', payload: { programId: world.programId, name: 'Nope' } }, 403);
    await refused(admin, { method: 'POST', url: '/api/teams', payload: { programId: other.programId, name: 'Nope' } }, 404);
    expect(fieldsOf(await refused(admin, { method: 'POST', url: '/api/teams', payload: { programId: world.programId } }, 400))).toEqual(['name']);
  });

  it('a member of team A cannot see anything of team B', async () => {
    const teams = (await nurse.request({ method: 'GET', url: '/api/teams' })).json<{ id: string }[]>();
    expect(teams.map((t) => t.id)).toEqual([world.teamA]);
    await refused(nurse, { method: 'GET', url: `/api/teams/${world.teamB}` }, 404);
    await refused(nurse, { method: 'GET', url: `/api/teams/${world.teamB}/members` }, 404);
    await refused(nurse, { method: 'GET', url: `/api/teams/${other.teamA}/members` }, 404);
    const members = (await nurse.request({ method: 'GET', url: `/api/teams/${world.teamA}/members` })).json<{ userId: string }[]>();
    expect(members.map((m) => m.userId)).toContain(world.users.peer_support_workerA!.id);
    expect(members.map((m) => m.userId)).not.toContain(world.users.peer_support_workerB!.id);
  });

  it('manages membership: add, duplicate, outsider, remove', async () => {
    const url = `/api/teams/${world.teamA}/members`;
    const added = await admin.request({ method: 'POST', url, payload: { userId: world.users.nurseB!.id, role: 'nurse' } });
    expect(added.statusCode).toBe(201);
    const membershipId = added.json<{ membershipId: string }>().membershipId;
    expect(errorOf(await refused(admin, { method: 'POST', url, payload: { userId: world.users.nurseB!.id, role: 'nurse' } }, 409)).code).toBe('already_exists');
    // Someone from another organization is invisible to this administrator.
    await refused(admin, { method: 'POST', url, payload: { userId: other.users.nurseA!.id, role: 'nurse' } }, 404);
    await refused(nurse, { method: 'POST', url, payload: { userId: world.users.nurseB!.id, role: 'psychiatrist' } }, 403);
    expect(fieldsOf(await refused(admin, { method: 'POST', url, payload: { userId: world.users.nurseB!.id, role: 'org_admin' } }, 400))).toEqual(['role']);
    expect(fieldsOf(await refused(admin, { method: 'POST', url: '/api/teams/not-a-uuid/members', payload: { userId: world.users.nurseB!.id, role: 'nurse' } }, 400))).toEqual(['id']);
    await refused(nurse, { method: 'DELETE', url: `${url}/${membershipId}` }, 403);
    await refused(admin, { method: 'DELETE', url: `/api/teams/${other.teamA}/members/${membershipId}` }, 404);
    expect((await admin.request({ method: 'DELETE', url: `${url}/${membershipId}` })).statusCode).toBe(200);
    await refused(admin, { method: 'DELETE', url: `${url}/${membershipId}` }, 404);
  });
});
