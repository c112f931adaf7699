import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { schema } from '@alongside/db';
import type { CheckIn, Pulse, Share, TeamWellbeing } from '@alongside/contracts';
import { createPracticeContext, createPracticeWorld, expectStatus, marker, read, refused, WHO, type PracticeContext, type PracticeWorld, type Who } from './practice-world.ts';
import { addMember, addTeam, checkIn, pulse, setK } from './wellbeing-world.ts';
import { fieldsOf } from './harness.ts';

// Tries to break the employer firewall (PRODUCT.md principle 3): one PSP's wellbeing must reach nobody else —
// except their trend, to the supervisor they chose — through any route, export, audit view or aggregate.

let ctx: PracticeContext;
let pw: PracticeWorld;
const NOTE = marker('PRIVATE-PULSE-NOTE');
const scene = {} as { pulse: Pulse; high: CheckIn; share: Share; revoked: Share };

beforeAll(async () => {
  ctx = await createPracticeContext();
  pw = await createPracticeWorld(ctx);
  scene.pulse = await pulse(pw.as.psp, 1, 5, NOTE);
  await checkIn(pw.as.psp, 1, ctx.clock);
  scene.high = await checkIn(pw.as.psp, 4, ctx.clock);
  expect(scene.high.nudge).not.toBeNull();
  // psp shares with the supervisor; psp2 shared and revoked.
  scene.share = expectStatus<Share>(await pw.as.psp.request({ method: 'POST', url: '/api/wellbeing/shares', payload: { supervisorId: pw.ids.supervisor } }), 201);
  scene.revoked = expectStatus<Share>(await pw.as.psp2.request({ method: 'POST', url: '/api/wellbeing/shares', payload: { supervisorId: pw.ids.supervisor } }), 201);
  await checkIn(pw.as.psp2, 2, ctx.clock);
  expectStatus(await pw.as.psp2.request({ method: 'DELETE', url: `/api/wellbeing/shares/${scene.revoked.id}` }), 200);
});

/** What must never leave the PSP: the note, the ids of their pulses, check-ins and nudges, their answers. */
const secrets = () => [NOTE, scene.pulse.id, scene.high.id, scene.high.nudge!.id];
const OTHERS = WHO.filter((w) => w !== 'psp');

describe('every GET route, as everyone else', () => {
  it('never returns the PSP’s note, pulses, check-ins or nudges (JSON, CSV, audit viewer), whatever ids are put in the path', async () => {
    const spec = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    const gets = Object.entries(spec.paths).flatMap(([path, methods]) => ('get' in methods ? [path] : []));
    expect(gets).toEqual(expect.arrayContaining(['/api/wellbeing/me', '/api/wellbeing/pulses', '/api/wellbeing/check-ins', '/api/wellbeing/shared-with-me', '/api/audit-events.csv']));
    const ids = [pw.ids.psp, scene.pulse.id, scene.high.id, scene.high.nudge!.id, scene.share.id, pw.teamId, pw.organizationId, pw.programId];
    const queries = ['', `?organizationId=${pw.organizationId}&limit=1000`, `?userId=${pw.ids.psp}&actor=${pw.ids.psp}&personId=${pw.ids.psp}&teamId=${pw.teamId}`];
    for (const who of OTHERS) {
      for (const path of gets) {
        const urls = path.includes('{') ? ids.map((id) => path.replace(/\{[^}]+\}/g, id)) : [path];
        for (const url of urls) {
          for (const query of path.includes('{') ? [''] : queries) {
            const response = await pw.as[who].request({ method: 'GET', url: url + query });
            for (const secret of secrets()) expect(response.body.includes(secret), `${who} GET ${url}${query}`).toBe(false);
          }
        }
      }
    }
    // The sweep would see them: the PSP does, on their own routes.
    const own = (await pw.as.psp.request({ method: 'GET', url: '/api/wellbeing/pulses' })).body + (await pw.as.psp.request({ method: 'GET', url: '/api/wellbeing/me' })).body;
    for (const secret of [NOTE, scene.pulse.id, scene.high.nudge!.id]) expect(own).toContain(secret);
  }, 240_000);

  it('the supervisor sees the shared trend only; after a revocation, nothing', async () => {
    const shared = await pw.as.supervisor.request({ method: 'GET', url: '/api/wellbeing/shared-with-me' });
    expect(shared.json<{ psp: { id: string } }[]>().map((s) => s.psp.id)).toEqual([pw.ids.psp]);
    for (const word of ['answers', 'note', 'nudge', 'energy_left']) expect(shared.body).not.toContain(word);
    for (const who of OTHERS.filter((w) => w !== 'supervisor')) expect(await read(pw, who, '/api/wellbeing/shared-with-me'), who).toEqual([]);
  });

  it('a share ends when the supervisor no longer supervises any of the PSP’s teams', async () => {
    const team = await addTeam(pw);
    const peer = await addMember(pw, team);
    const sup = await addMember(pw, team, 'peer_supervisor');
    expectStatus(await peer.session.request({ method: 'POST', url: '/api/wellbeing/shares', payload: { supervisorId: sup.id } }), 201);
    expect(expectStatus<unknown[]>(await sup.session.request({ method: 'GET', url: '/api/wellbeing/shared-with-me' }), 200)).toHaveLength(1);
    await ctx.db.delete(schema.memberships).where(and(eq(schema.memberships.userId, sup.id), eq(schema.memberships.teamId, team)));
    expect(expectStatus<unknown[]>(await sup.session.request({ method: 'GET', url: '/api/wellbeing/shared-with-me' }), 200)).toEqual([]);
  });
});

describe('every write route, as everyone else', () => {
  it('cannot dismiss the PSP’s nudge or revoke their share (404, nothing changes)', async () => {
    for (const who of OTHERS) {
      await refused(ctx, pw.as[who], { method: 'POST', url: `/api/wellbeing/nudges/${scene.high.nudge!.id}/dismiss` }, 404);
      await refused(ctx, pw.as[who], { method: 'DELETE', url: `/api/wellbeing/shares/${scene.share.id}` }, 404);
    }
  });

  it('cannot write wellbeing for the PSP or into another organization', async () => {
    for (const who of ['nurse', 'manager', 'researcher', 'orgAdmin', 'platform', 'otherNurse', 'otherOrgAdmin'] as Who[]) {
      await refused(ctx, pw.as[who], { method: 'POST', url: '/api/wellbeing/pulses', payload: { energy: 3, load: 3 } }, 403);
    }
    await refused(ctx, pw.as.psp, { method: 'POST', url: '/api/wellbeing/pulses', payload: { energy: 3, load: 3, organizationId: pw.other.organizationId } }, 404);
    // A body naming someone else is not a thing: the author is always the signed-in user.
    const mine = expectStatus<Pulse>(await pw.as.psp2.request({ method: 'POST', url: '/api/wellbeing/pulses', payload: { energy: 3, load: 3, userId: pw.ids.psp } }), 201);
    expect((await read<Pulse[]>(pw, 'psp', '/api/wellbeing/pulses')).map((p) => p.id)).not.toContain(mine.id);
  });
});

describe('the audit log', () => {
  it('records wellbeing accesses by id and action only, and the viewer (JSON and CSV) does not list a PSP’s own ones', async () => {
    const rows = await ctx.db.select().from(schema.auditEvents).where(like(schema.auditEvents.action, 'wellbeing.%'));
    const mine = rows.filter((r) => r.actorUserId === pw.ids.psp);
    expect(mine.map((r) => r.action)).toEqual(expect.arrayContaining(['wellbeing.pulse.create', 'wellbeing.check_in.create', 'wellbeing.share.create']));
    expect(mine.find((r) => r.action === 'wellbeing.check_in.create' && r.entityId === scene.high.id)).toBeDefined();
    for (const r of rows) {
      const details = JSON.stringify(r.details ?? {});
      expect(details).not.toContain(NOTE);
      expect(details).not.toMatch(/score|strain|energy|load|answer|threshold|rising/);
    }
    for (const who of ['orgAdmin', 'platform'] as const) {
      for (const url of ['/api/audit-events', '/api/audit-events.csv']) {
        for (const query of ['?limit=1000', `?organizationId=${pw.organizationId}&limit=1000`, `?actor=${pw.ids.psp}&limit=1000`, '?entity=wellbeing_check_in&limit=1000', '?action=wellbeing.nudge.dismiss']) {
          const response = await pw.as[who].request({ method: 'GET', url: url + query });
          expect(response.statusCode).toBe(200);
          expect(response.body, `${who} ${url}${query}`).not.toMatch(/wellbeing\.(pulse|check_in|nudge|share|me|shared_trend)/);
          for (const secret of [...secrets(), scene.share.id]) expect(response.body).not.toContain(secret);
        }
      }
    }
  });
});

describe('differencing attacks on team aggregates', () => {
  /** A fresh organization (k = 3) with its own clock, in March 2026. */
  async function setting() {
    const c = await createPracticeContext();
    const w = await createPracticeWorld(c);
    await setK(w, 3);
    const team = await addTeam(w);
    const manager = await addMember(w, team, 'manager');
    const at = (month: string) => `/api/teams/${team}/wellbeing?month=${month}`;
    const get = async (url: string) => expectStatus<TeamWellbeing>(await manager.session.request({ method: 'GET', url }), 200);
    const nextMonth = async () => {
      c.clock.advanceMinutes(31 * 24 * 60);
      await w.signInAgain();
    };
    return { c, w, team, manager, at, get, nextMonth };
  }

  it('k contributors are shown, k−1 are not; a month with one response is not; the open month never is', async () => {
    const s = await setting();
    const peers = [await addMember(s.w, s.team), await addMember(s.w, s.team), await addMember(s.w, s.team)];
    // March: three PSPs (k). April: two of them (k − 1). May: one.
    for (const [i, p] of peers.entries()) await checkIn(p.session, i, s.c.clock);
    expect(await s.get(s.at('2026-03'))).toMatchObject({ suppressed: true, reason: 'period_not_over' });
    await s.nextMonth();
    for (const p of peers.slice(0, 2)) await checkIn(p.session, 4, s.c.clock);
    expect(await s.get(s.at('2026-04'))).toMatchObject({ suppressed: true, reason: 'period_not_over' });
    await s.nextMonth();
    await checkIn(peers[0]!.session, 2, s.c.clock);
    await pulse(peers[0]!.session, 1, 5);
    await s.nextMonth();
    const march = await s.get(s.at('2026-03'));
    expect(march).toMatchObject({ suppressed: false, checkIns: { suppressed: false, contributors: 3 } });
    for (const month of ['2026-04', '2026-05']) {
      const result = await s.get(s.at(month));
      expect(result).toEqual({ teamId: s.team, month, k: 3, suppressed: true, reason: 'small_group' });
    }
    // Several check-ins by one PSP in a month still count as one contributor.
    expect(JSON.stringify(await s.get(s.at('2026-04')))).not.toContain('contributors');
  });

  it('a member leaving the team changes nothing about past months, and their later answers are not the team’s', async () => {
    const s = await setting();
    const peers = [await addMember(s.w, s.team), await addMember(s.w, s.team), await addMember(s.w, s.team)];
    for (const [i, p] of peers.entries()) await checkIn(p.session, i, s.c.clock);
    await s.nextMonth();
    const before = await s.get(s.at('2026-03'));
    expect(before.suppressed).toBe(false);
    await s.c.db.delete(schema.memberships).where(and(eq(schema.memberships.userId, peers[2]!.id), eq(schema.memberships.teamId, s.team)));
    expect(await s.get(s.at('2026-03'))).toEqual(before);
    // April: the two who stayed, and the leaver who now answers from another team of the organization.
    const elsewhere = await addTeam(s.w);
    await s.c.db.insert(schema.memberships).values({ userId: peers[2]!.id, organizationId: s.w.organizationId, teamId: elsewhere, role: 'peer_support_worker' });
    await s.w.signInAgain();
    for (const p of peers) await checkIn(p.session, 4, s.c.clock);
    await s.nextMonth();
    expect(await s.get(s.at('2026-04'))).toMatchObject({ suppressed: true });
  });

  it('two overlapping teams whose difference is fewer than k people are both withheld; their union is never offered', async () => {
    const s = await setting();
    const big = await addTeam(s.w);
    const bigManager = await addMember(s.w, big, 'manager');
    // The same three PSPs are in both teams; one more PSP is only in the big team: big − team would be that PSP.
    const shared = [await addMember(s.w, s.team), await addMember(s.w, s.team), await addMember(s.w, s.team)];
    for (const p of shared) await s.c.db.insert(schema.memberships).values({ userId: p.id, organizationId: s.w.organizationId, teamId: big, role: 'peer_support_worker' });
    const lone = await addMember(s.w, big);
    await s.w.signInAgain();
    for (const p of [...shared, lone]) {
      await checkIn(p.session, p === lone ? 4 : 0, s.c.clock);
      await pulse(p.session, p === lone ? 1 : 5, p === lone ? 5 : 1);
    }
    await s.nextMonth();
    expect(await s.get(s.at('2026-03'))).toMatchObject({ suppressed: true, reason: 'overlapping_group' });
    const bigView = expectStatus<TeamWellbeing>(await bigManager.session.request({ method: 'GET', url: `/api/teams/${big}/wellbeing?month=2026-03` }), 200);
    expect(bigView).toMatchObject({ suppressed: true, reason: 'overlapping_group' });
    // The organization admin sees the same for both: no way round through a higher role.
    expect(await read(s.w, 'orgAdmin', `/api/teams/${big}/wellbeing?month=2026-03`)).toMatchObject({ suppressed: true });
    // No route aggregates wellbeing over a program, an organization or a union of teams.
    const spec = (await s.c.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(spec.paths).filter((p) => p.includes('wellbeing') && !p.startsWith('/api/wellbeing/'))).toEqual(['/api/teams/{id}/wellbeing']);
  });

  it('ignores filters and ranges in the query: only whole calendar months, no person filter', async () => {
    const s = await setting();
    const peers = [await addMember(s.w, s.team), await addMember(s.w, s.team), await addMember(s.w, s.team)];
    for (const [i, p] of peers.entries()) await checkIn(p.session, i, s.c.clock);
    await s.nextMonth();
    const plain = await s.get(s.at('2026-03'));
    expect(plain.suppressed).toBe(false);
    const tricks = [`&userId=${peers[0]!.id}`, `&personId=${peers[0]!.id}`, '&from=2026-03-01T00:00:00Z&to=2026-03-01T00:02:00Z', '&day=2026-03-02', '&k=1'];
    for (const trick of tricks) expect(await s.get(s.at('2026-03') + trick), trick).toEqual(plain);
    expect((await s.manager.session.request({ method: 'GET', url: `/api/teams/${s.team}/wellbeing?month=2026-03-02` })).statusCode).toBe(400);
  });

  it('an organization cannot lower k below the floor to see individuals', async () => {
    const s = await setting();
    // Neither through the API nor in the database: k = 2 would let a median and quartiles reveal both people.
    const created = await s.w.as.platform.request({
      method: 'POST',
      url: '/api/organizations',
      payload: { countryCode: 'CA', name: `Low k ${s.team}`, privacyThresholdK: 2 },
    });
    expect(created.statusCode).toBe(400);
    expect(fieldsOf(created)).toEqual(['privacyThresholdK']);
    await expect(setK(s.w, 2)).rejects.toThrow();
    await setK(s.w, 3);
    const peers = [await addMember(s.w, s.team), await addMember(s.w, s.team)];
    for (const p of peers) await checkIn(p.session, 3, s.c.clock);
    await s.nextMonth();
    expect(await s.get(s.at('2026-03'))).toMatchObject({ suppressed: true, reason: 'small_group', k: 3 });
  });
});
