import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@alongside/db';
import type { Person, TeamWorkload, Workload } from '@alongside/contracts';
import {
  addPerson,
  createPracticeContext,
  createPracticeWorld,
  expectStatus,
  logContact,
  read,
  refused,
  type PracticeContext,
  type PracticeWorld,
} from '../../test/practice-world.ts';

let ctx: PracticeContext;
let pw: PracticeWorld;
let people: Person[];

beforeAll(async () => {
  ctx = await createPracticeContext();
  pw = await createPracticeWorld(ctx);
  people = [await addPerson(pw), await addPerson(pw)];
  await logContact(pw, people[0]!.id, { durationMinutes: 60, activities: ['emotional_support'] });
  await logContact(pw, people[1]!.id, { durationMinutes: 30, activities: ['navigating_services', 'crisis_support'] });
  // Older than the four weeks: not counted.
  await logContact(pw, people[1]!.id, {
    occurredAt: new Date(ctx.clock.now().getTime() - 40 * 86_400_000).toISOString(),
  });
  await addPerson(pw, {}, 'psp2');
  await ctx.db
    .update(schema.organizations)
    .set({ caseloadThreshold: 1 })
    .where(eq(schema.organizations.id, pw.organizationId));
});

describe('my workload', () => {
  it('counts caseload, contacts and hours per week, crisis contacts and the share of peer-specific time, with flags', async () => {
    const me = await read<Workload>(pw, 'psp', '/api/workload/me');
    expect(me).toMatchObject({
      user: { id: pw.ids.psp },
      period: { weeks: 4, to: ctx.clock.now().toISOString() },
      activeCaseload: 2,
      coveringPersons: 0,
      contactsPerWeek: 0.5,
      contactHoursPerWeek: 0.4,
      crisisContacts: 1,
      // 60 minutes of emotional support are peer-specific; navigating services and crisis support are not: 60 of 90.
      peerWorkSharePct: 66.7,
      thresholds: { caseload: 1, weeklyContactHours: 25 },
      flags: [{ kind: 'caseload', value: 2, threshold: 1 }],
      // The contact 40 days ago falls in the four weeks before: one contact in four weeks.
      previous: { contactsPerWeek: 0.3, crisisContacts: 0 },
    });
    const twelve = await read<Workload>(pw, 'psp', '/api/workload/me?weeks=12');
    expect(twelve.contactsPerWeek).toBe(0.3);
    const empty = await read<Workload>(pw, 'supervisor', '/api/workload/me');
    expect(empty).toMatchObject({ activeCaseload: 0, contactsPerWeek: 0, peerWorkSharePct: null, flags: [] });
    for (const who of ['nurse', 'manager', 'researcher', 'orgAdmin', 'platform'] as const) {
      await refused(ctx, pw.as[who], { method: 'GET', url: '/api/workload/me' }, 404);
    }
    await refused(ctx, pw.as.psp, { method: 'GET', url: '/api/workload/me?weeks=0' }, 400);
  });

  it('a peer supervisor sees the PSPs of their team, in name order, with their flags; nobody else does', async () => {
    const seen = await read<Workload[]>(pw, 'supervisor', '/api/workload/supervised');
    expect(seen.map((w) => w.user.id).sort()).toEqual([pw.ids.psp, pw.ids.psp2].sort());
    expect(seen.map((w) => w.user.name)).toEqual([...seen.map((w) => w.user.name)].sort((a, b) => a.localeCompare(b)));
    expect(seen.find((w) => w.user.id === pw.ids.psp)?.flags).toEqual([{ kind: 'caseload', value: 2, threshold: 1 }]);
    for (const who of ['psp', 'psp2', 'nurse', 'manager', 'orgAdmin', 'platform', 'pspB', 'otherOrgAdmin'] as const) {
      expect(await read<Workload[]>(pw, who, '/api/workload/supervised'), who).toEqual([]);
    }
  });

  it('a covering PSP carries the covered persons in their caseload', async () => {
    const away = await pw.as.psp.request({
      method: 'POST',
      url: '/api/step-aways',
      payload: {
        teamId: pw.teamId,
        startsOn: ctx.clock.now().toISOString().slice(0, 10),
        coverage: people.map((p) => ({ personId: p.id, coveringUserId: pw.ids.psp2 })),
      },
    });
    const stepAway = expectStatus<{ id: string; version: number }>(away, 201);
    expect(await read<Workload>(pw, 'psp2', '/api/workload/me')).toMatchObject({
      activeCaseload: 3,
      coveringPersons: 2,
      flags: [{ kind: 'caseload', value: 3, threshold: 1 }],
    });
    expectStatus(
      await pw.as.psp.request({
        method: 'POST',
        url: `/api/step-aways/${stepAway.id}/return`,
        payload: { version: stepAway.version },
      }),
      200,
    );
    expect(await read<Workload>(pw, 'psp2', '/api/workload/me')).toMatchObject({
      activeCaseload: 1,
      coveringPersons: 0,
    });
  });
});

describe('team workload for managers', () => {
  it('is a distribution over the team’s PSPs, suppressed below k, and never names anyone', async () => {
    const url = `/api/teams/${pw.teamId}/workload`;
    const small = await read<TeamWorkload>(pw, 'manager', url);
    expect(small).toMatchObject({
      psps: 2,
      k: 5,
      activeCaseload: { median: null, suppressed: true },
      contactHoursPerWeek: { suppressed: true },
    });
    // A third PSP joins team A (no caseload, no contacts yet), and the organization uses the lowest k, 3.
    const [third] = await ctx.db
      .insert(schema.users)
      .values({ email: `third.${pw.teamId}@test.example`, name: 'Third PSP', passwordHash: 'x' })
      .returning();
    await ctx.db.insert(schema.memberships).values({
      userId: third!.id,
      organizationId: pw.organizationId,
      teamId: pw.teamId,
      role: 'peer_support_worker',
    });
    await ctx.db
      .update(schema.organizations)
      .set({ privacyThresholdK: 3 })
      .where(eq(schema.organizations.id, pw.organizationId));
    // The window ends with the last completed week: the contacts of today (Monday 2 March) count from next Monday.
    ctx.clock.advanceMinutes(7 * 24 * 60);
    await pw.signInAgain();
    try {
      const shown = await read<TeamWorkload>(pw, 'orgAdmin', url);
      expect(shown.period).toEqual({ from: '2026-02-09T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z', weeks: 4 });
      // Caseloads 2, 1 and 0; contacts per week 0.5, 0 and 0.
      expect(shown.activeCaseload).toEqual({ median: 1, p25: 0.5, p75: 1.5, suppressed: false });
      expect(shown.contactsPerWeek).toEqual({ median: 0, p25: 0, p75: 0.3, suppressed: false });
      // Two PSPs logged no contacts: the peer-work share has one value only, fewer than k.
      expect(shown.peerWorkSharePct.suppressed).toBe(true);
      const body = JSON.stringify(shown);
      for (const who of ['psp', 'psp2', 'supervisor'] as const) {
        expect(body).not.toContain(pw.ids[who]);
        expect(body).not.toContain(pw.names[who]);
      }
      // A contact logged now does not move the figures until its week is over: no one can watch one PSP's work.
      await logContact(pw, people[0]!.id, { durationMinutes: 45 });
      expect(await read<TeamWorkload>(pw, 'orgAdmin', url)).toEqual(shown);
    } finally {
      await ctx.db
        .update(schema.organizations)
        .set({ privacyThresholdK: 5 })
        .where(eq(schema.organizations.id, pw.organizationId));
    }
    for (const who of ['psp', 'supervisor', 'nurse', 'researcher', 'pspB', 'nurseB', 'otherOrgAdmin'] as const) {
      await refused(ctx, pw.as[who], { method: 'GET', url }, 404);
    }
  });
});
