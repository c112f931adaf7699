import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { schema } from '@alongside/db';
import type { StepAway, Sustainability } from '@alongside/contracts';
import { fieldsOf } from '../../test/harness.ts';
import {
  createPracticeContext,
  createPracticeWorld,
  expectStatus,
  read,
  refused,
  type PracticeContext,
  type PracticeWorld,
} from '../../test/practice-world.ts';

let ctx: PracticeContext;
let pw: PracticeWorld;

const setK = (k: number) =>
  ctx.db
    .update(schema.organizations)
    .set({ privacyThresholdK: k })
    .where(eq(schema.organizations.id, pw.organizationId));
const since = (userId: string, at: string) =>
  ctx.db
    .update(schema.memberships)
    .set({ createdAt: new Date(at) })
    .where(and(eq(schema.memberships.userId, userId), inArray(schema.memberships.role, ['peer_support_worker'])));

beforeAll(async () => {
  ctx = await createPracticeContext();
  pw = await createPracticeWorld(ctx);
  await ctx.db.update(schema.programs).set({ pspFte: 2.5 }).where(eq(schema.programs.id, pw.programId));
  // In post: psp for two years, psp2 for three months, pspB (alone in team B) for nine months.
  await since(pw.ids.psp, '2024-01-01T00:00:00Z');
  await since(pw.ids.psp2, '2025-12-01T00:00:00Z');
  await since(pw.ids.pspB, '2025-06-01T00:00:00Z');
  // psp was supervised in the last 30 days of the period; psp2 before that.
  for (const [pspId, heldAt] of [
    [pw.ids.psp, '2026-03-20T10:00:00Z'],
    [pw.ids.psp2, '2026-01-10T10:00:00Z'],
  ] as const) {
    expectStatus(
      await pw.as.supervisor.request({
        method: 'POST',
        url: '/api/supervision-sessions',
        payload: { pspId, supervisorId: pw.ids.supervisor, heldAt, kind: 'peer', notes: 'private' },
      }),
      201,
    );
  }
  // psp stepped away from 20 February and is back on 2 March (today); psp2 is away since 27 February.
  const away = expectStatus<StepAway>(
    await pw.as.psp.request({
      method: 'POST',
      url: '/api/step-aways',
      payload: { teamId: pw.teamId, startsOn: '2026-02-20' },
    }),
    201,
  );
  expectStatus(
    await pw.as.psp.request({
      method: 'POST',
      url: `/api/step-aways/${away.id}/return`,
      payload: { version: away.version },
    }),
    200,
  );
  expectStatus(
    await pw.as.psp2.request({
      method: 'POST',
      url: '/api/step-aways',
      payload: { teamId: pw.teamId, startsOn: '2026-02-27' },
    }),
    201,
  );
});

const url = () => `/api/programs/${pw.programId}/sustainability?from=2026-01-01&to=2026-03-31`;

describe('team sustainability', () => {
  it('shows staffing as is, and everything about PSPs only as aggregates of at least k', async () => {
    const small = await read<Sustainability>(pw, 'manager', url());
    expect(small).toMatchObject({
      programId: pw.programId,
      period: { from: '2026-01-01', to: '2026-03-31' },
      k: 5,
      pspHeadcount: 3,
      pspFte: 2.5,
      lonePspTeams: 1,
      retained12MonthsPct: { value: null, suppressed: true },
      supervisedLast30DaysPct: { value: null, suppressed: true },
      stepAwayDays: { value: null, suppressed: true },
    });
    expect(small.teams.map((t) => [t.id, t.pspHeadcount, t.isLonePsp]).sort()).toEqual(
      [
        [pw.teamId, 2, false],
        [pw.world.teamB, 1, true],
      ].sort(),
    );

    await setK(2);
    try {
      const shown = await read<Sustainability>(pw, 'orgAdmin', url());
      expect(shown).toMatchObject({
        k: 2,
        // Of three PSPs, one was in post 12 months at the end of March; one had supervision in its last 30 days.
        retained12MonthsPct: { value: 33.3, suppressed: false },
        supervisedLast30DaysPct: { value: 33.3, suppressed: false },
        // 20 Feb – 1 Mar (10 days) and 27 Feb – today, 2 March (4 days).
        stepAwayDays: { value: 14, suppressed: false },
      });
      const body = JSON.stringify(shown);
      for (const who of ['psp', 'psp2', 'pspB', 'supervisor'] as const) {
        expect(body).not.toContain(pw.ids[who]);
        expect(body).not.toContain(pw.names[who]);
      }
      // A period when only one PSP was away: suppressed even with k = 2.
      const oneAway = await read<Sustainability>(
        pw,
        'manager',
        `/api/programs/${pw.programId}/sustainability?from=2026-02-20&to=2026-02-26`,
      );
      expect(oneAway.stepAwayDays).toEqual({ value: null, suppressed: true });
    } finally {
      await setK(5);
    }
  });

  it('is for the program’s members and the organization’s administrators; dates are checked', async () => {
    for (const who of ['otherOrgAdmin', 'otherPsp', 'otherNurse'] as const) {
      await refused(ctx, pw.as[who], { method: 'GET', url: url() }, 404);
    }
    expect(
      fieldsOf(
        await refused(
          ctx,
          pw.as.manager,
          { method: 'GET', url: `/api/programs/${pw.programId}/sustainability?from=2026-03-01&to=2026-01-01` },
          400,
        ),
      ),
    ).toEqual(['to']);
  });
});
