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
  // pspB (team B) steps away from 10 March.
  expectStatus(
    await pw.as.pspB.request({
      method: 'POST',
      url: '/api/step-aways',
      payload: { teamId: pw.world.teamB, startsOn: '2026-03-10' },
    }),
    201,
  );
  // Read on 1 April, once March is over.
  ctx.clock.advanceMinutes((Date.parse('2026-04-01T09:00:00Z') - ctx.clock.now().getTime()) / 60_000);
  await pw.signInAgain();
});

const url = (from = '2026-01-01', to = '2026-03-31') =>
  `/api/programs/${pw.programId}/sustainability?from=${from}&to=${to}`;

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

    await setK(3);
    try {
      const shown = await read<Sustainability>(pw, 'orgAdmin', url('2026-03-01', '2026-03-31'));
      expect(shown).toMatchObject({
        k: 3,
        // Of three PSPs, one was in post 12 months at the end of March; one had supervision in its last 30 days.
        retained12MonthsPct: { value: 33.3, suppressed: false },
        supervisedLast30DaysPct: { value: 33.3, suppressed: false },
        // March: psp on the 1st (back on the 2nd), psp2 all month (31), pspB from the 10th (22).
        stepAwayDays: { value: 54, suppressed: false },
      });
      const body = JSON.stringify(shown);
      for (const who of ['psp', 'psp2', 'pspB', 'supervisor'] as const) {
        expect(body).not.toContain(pw.ids[who]);
        expect(body).not.toContain(pw.names[who]);
      }
      // In February only two PSPs were away: withheld, and so is the quarter — or the quarter minus March would
      // give February's days. Asking for a few days of February gives the whole month, withheld.
      for (const [from, to] of [
        ['2026-02-01', '2026-02-28'],
        ['2026-02-20', '2026-02-26'],
        ['2026-01-01', '2026-03-31'],
      ] as const) {
        const data = await read<Sustainability>(pw, 'manager', url(from, to));
        expect(data.stepAwayDays).toEqual({ value: null, suppressed: true });
      }
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
