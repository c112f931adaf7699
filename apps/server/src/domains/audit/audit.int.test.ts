import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, createWorld, signIn, type Session, type TestContext, type World } from '../../test/harness.ts';

let ctx: TestContext;
let world: World;
let other: World;
let admin: Session;
let teamId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await createWorld(ctx.db);
  other = await createWorld(ctx.db);
  admin = await signIn(ctx.app, world.users.orgAdmin!.email);
  const created = await admin.request({ method: 'POST', url: '/api/teams', payload: { programId: world.programId, name: '=HYPERLINK("x")' } });
  teamId = created.json<{ id: string }>().id;
  const otherAdmin = await signIn(ctx.app, other.users.orgAdmin!.email);
  await otherAdmin.request({ method: 'POST', url: '/api/teams', payload: { programId: other.programId, name: 'Other team' } });
});

interface Event {
  action: string;
  entityType: string;
  entityId: string | null;
  organizationId: string | null;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: string | null;
  ip: string | null;
  requestId: string | null;
  purpose: string | null;
  at: string;
}

describe('audit log', () => {
  it('records who, role, action, entity, when, from where and why for a write', async () => {
    const events = (await admin.request({ method: 'GET', url: `/api/audit-events?entity=team&entityId=${teamId}` })).json<Event[]>();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'team.create',
      entityType: 'team',
      entityId: teamId,
      organizationId: world.organizationId,
      actorUserId: world.users.orgAdmin!.id,
      actorRole: 'org_admin',
      purpose: 'administration',
    });
    expect(events[0]!.ip).toBeTruthy();
    expect(events[0]!.requestId).toBeTruthy();
    expect(Date.parse(events[0]!.at)).not.toBeNaN();
  });

  it('filters by actor and time, and shows one organization only', async () => {
    const all = (await admin.request({ method: 'GET', url: '/api/audit-events?limit=1000' })).json<Event[]>();
    expect(all.every((e) => e.organizationId === world.organizationId)).toBe(true);
    const byActor = (await admin.request({ method: 'GET', url: `/api/audit-events?actor=${world.users.orgAdmin!.id}` })).json<Event[]>();
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e) => e.actorUserId === world.users.orgAdmin!.id)).toBe(true);
    const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    expect((await admin.request({ method: 'GET', url: `/api/audit-events?from=${future}` })).json<Event[]>()).toEqual([]);
    const bad = await admin.request({ method: 'GET', url: '/api/audit-events?from=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: { field: string }[] } }>().error.details[0]!.field).toBe('from');
  });

  it('reading the log is itself recorded', async () => {
    const events = (await admin.request({ method: 'GET', url: '/api/audit-events?action=audit.read' })).json<Event[]>();
    expect(events.length).toBeGreaterThan(0);
  });

  it('exports CSV with formulas defused', async () => {
    const response = await admin.request({ method: 'GET', url: `/api/audit-events.csv?entity=team` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actorUserId,actorName,actorRole,action,entityType,entityId,organizationId,ip,requestId,purpose,ids');
    expect(lines.some((l) => l.includes(teamId))).toBe(true);
    expect(response.body).not.toMatch(/(^|,)=/m);
  });

  it('is closed to clinicians and to other organizations', async () => {
    const nurse = await signIn(ctx.app, world.users.nurseA!.email);
    expect((await nurse.request({ method: 'GET', url: '/api/audit-events' })).statusCode).toBe(403);
    expect((await nurse.request({ method: 'GET', url: '/api/audit-events.csv' })).statusCode).toBe(403);
    expect((await admin.request({ method: 'GET', url: `/api/audit-events?organizationId=${other.organizationId}` })).statusCode).toBe(404);
  });

  it('cannot be changed: no route, and the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      expect((await admin.request({ method, url: '/api/audit-events' })).statusCode).toBe(404);
    }
    const [before] = await ctx.database.query<{ n: number }>(sql`select count(*)::int as n from audit_events`);
    await expect(ctx.database.query(sql`update audit_events set action = 'tampered'`)).rejects.toThrow();
    await expect(ctx.database.query(sql`delete from audit_events`)).rejects.toThrow();
    await expect(ctx.database.query(sql`truncate audit_events`)).rejects.toThrow();
    const [after] = await ctx.database.query<{ n: number; tampered: number }>(
      sql`select count(*)::int as n, count(*) filter (where action = 'tampered')::int as tampered from audit_events`,
    );
    expect(after!.n).toBe(before!.n);
    expect(after!.tampered).toBe(0);
  });
});
