import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Person, StepAway, TeamBoard } from '@alongside/contracts';
import { isUniqueViolation } from '../../lib/errors.ts';
import { fieldsOf } from '../../test/harness.ts';
import {
  addConnection,
  addPerson,
  addVoiceItem,
  createPracticeContext,
  createPracticeWorld,
  expectStatus,
  marker,
  moveConnection,
  read,
  refused,
  type PracticeContext,
  type PracticeWorld,
  voiceStep,
  type Who,
} from '../../test/practice-world.ts';

let ctx: PracticeContext;

beforeAll(async () => {
  ctx = await createPracticeContext();
});

const today = () => ctx.clock.now().toISOString().slice(0, 10);
const url = '/api/step-aways';

/** A fresh world where team A's PSP has two persons on their caseload, one with open items. */
async function scene() {
  const pw = await createPracticeWorld(ctx);
  const first = await addPerson(pw, { preferredName: marker('Covered-One') });
  const second = await addPerson(pw, { preferredName: marker('Covered-Two') });
  // psp2 is a secondary PSP of another person: not the away PSP's caseload to hand over.
  const notMine = await addPerson(pw, { primaryPspId: pw.ids.psp2 }, 'psp2');
  const item = await addVoiceItem(pw, first.id, { shareAgreed: true });
  const connection = await addConnection(pw, 'psp', {
    direction: 'from_peer_support',
    personId: first.id,
    targetUserId: pw.ids.nurse,
  });
  const notes = { first: marker('HANDOVER-NOTE'), second: marker('HANDOVER-NOTE') };
  const coverage = [
    { personId: first.id, coveringUserId: pw.ids.psp2, handoverNote: notes.first },
    { personId: second.id, coveringUserId: pw.ids.supervisor, handoverNote: notes.second },
  ];
  return { pw, first, second, notMine, item, connection, notes, coverage };
}

const start = async (pw: PracticeWorld, who: Who, payload: object) =>
  expectStatus<StepAway>(
    await pw.as[who].request({ method: 'POST', url, payload: { teamId: pw.teamId, startsOn: today(), ...payload } }),
    201,
  );

const mine = async (pw: PracticeWorld, who: Who) =>
  (await read<Person[]>(pw, who, '/api/persons?mine=true')).map((p) => p.id);

describe('starting a step-away', () => {
  it('a PSP steps away open-ended without a reason; colleagues cover each person, with their open items', async () => {
    const s = await scene();
    const { pw } = s;
    const reason = marker('REASON');
    const away = await start(pw, 'psp', { coverage: s.coverage, reason });
    expect(away).toMatchObject({
      user: { id: pw.ids.psp, name: pw.names.psp },
      teamId: pw.teamId,
      startsOn: today(),
      endsOn: null,
      isActive: true,
      startedBy: { id: pw.ids.psp },
      agreementMethod: null,
      returnedAt: null,
    });
    expect(JSON.stringify(away)).not.toContain(reason);
    const byPerson = new Map(away.coverage.map((c) => [c.personId, c]));
    expect(byPerson.get(s.first.id)).toMatchObject({
      coveredBy: { id: pw.ids.psp2 },
      handoverNote: s.notes.first,
      openVoiceItems: 1,
      pendingConnections: 1,
      handedBackAt: null,
    });
    expect(byPerson.get(s.second.id)).toMatchObject({
      coveredBy: { id: pw.ids.supervisor },
      handoverNote: s.notes.second,
    });
    // No reason is stored anywhere: not in the step-away, not in the audit log.
    const [stored] = await ctx.database.query<{ row: string }>(
      sql`select to_jsonb(s)::text as row from step_aways s where id = ${away.id}`,
    );
    expect(stored!.row).not.toContain(reason);
    const audit = await ctx.database.query<{ details: string }>(
      sql`select details::text as details from audit_events where entity_id = ${away.id}`,
    );
    expect(audit.length).toBeGreaterThan(0);
    for (const a of audit) {
      expect(a.details).not.toContain(reason);
      expect(a.details).not.toContain(s.notes.first);
    }

    // The covering PSPs now find the persons on their caseload, with their open items.
    const covering = await read<Person[]>(pw, 'psp2', '/api/persons?mine=true');
    expect(covering.map((p) => p.id)).toEqual(expect.arrayContaining([s.first.id, s.notMine.id]));
    expect(covering.find((p) => p.id === s.first.id)).toMatchObject({
      openVoiceItems: 1,
      pendingConnections: 1,
      psps: [{ id: pw.ids.psp, isPrimary: true }],
      coveredBy: [{ id: pw.ids.psp2, name: pw.names.psp2 }],
    });
    expect(covering.map((p) => p.id)).not.toContain(s.second.id);
    expect(await mine(pw, 'supervisor')).toContain(s.second.id);

    // The board says who is away and who covers — nothing else.
    const board = await read<TeamBoard>(pw, 'nurse', `/api/teams/${pw.teamId}/board`);
    expect(board.away).toEqual([
      { id: pw.ids.psp, name: pw.names.psp, coveredBy: [pw.names.psp2, pw.names.supervisor].sort().join(', ') },
    ]);
    // Another team's board does not show them.
    expect((await read<TeamBoard>(pw, 'nurseB', `/api/teams/${pw.world.teamB}/board`)).away).toEqual([]);
  });

  it('the covering PSP takes the away PSP’s open items forward with the person', async () => {
    const s = await scene();
    const { pw } = s;
    await start(pw, 'psp', { coverage: s.coverage });
    // The team answers the item and accepts the hand-off while the PSP is away; the covering PSP closes the loops.
    const answered = await voiceStep(pw, 'nurse', s.item, 'answer', { answer: 'Yes, on Thursday.' });
    const returned = await voiceStep(pw, 'psp2', answered, 'return', { reaction: 'Glad to hear it' });
    expect(returned.returned?.by.id).toBe(pw.ids.psp2);
    const accepted = await moveConnection(pw, 'nurse', s.connection, 'accepted');
    const met = await moveConnection(pw, 'psp2', accepted, 'met');
    expect(met.events.find((e) => e.status === 'met')?.by.id).toBe(pw.ids.psp2);
  });

  it('a step-away with an end date, and one that starts later, which the board shows only once it starts', async () => {
    const s = await scene();
    const startsOn = new Date(ctx.clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    const endsOn = new Date(ctx.clock.now().getTime() + 21 * 86_400_000).toISOString().slice(0, 10);
    const away = await start(s.pw, 'psp', { startsOn, endsOn, coverage: s.coverage });
    expect(away).toMatchObject({ startsOn, endsOn, isActive: false });
    expect((await read<TeamBoard>(s.pw, 'nurse', `/api/teams/${s.pw.teamId}/board`)).away).toEqual([]);
  });

  it('every person on the caseload needs a covering colleague of the same team who is not away', async () => {
    const s = await scene();
    const { pw } = s;
    const bad = async (payload: object) =>
      fieldsOf(
        await refused(
          ctx,
          pw.as.psp,
          { method: 'POST', url, payload: { teamId: pw.teamId, startsOn: today(), ...payload } },
          400,
        ),
      );
    expect(await bad({ coverage: [s.coverage[0]] })).toEqual(['coverage']);
    expect(await bad({ coverage: [...s.coverage, { personId: s.notMine.id, coveringUserId: pw.ids.psp2 }] })).toEqual([
      'coverage',
    ]);
    expect(await bad({ coverage: [s.coverage[0], { ...s.coverage[1], coveringUserId: pw.ids.nurse }] })).toEqual([
      'coverage',
    ]);
    expect(await bad({ coverage: [s.coverage[0], { ...s.coverage[1], coveringUserId: pw.ids.pspB }] })).toEqual([
      'coverage',
    ]);
    expect(await bad({ coverage: [s.coverage[0], { ...s.coverage[1], coveringUserId: pw.ids.psp }] })).toEqual([
      'coverage',
    ]);
    expect(await bad({ coverage: [s.coverage[0], s.coverage[0], s.coverage[1]] })).toEqual(['coverage']);
    expect(await bad({ coverage: s.coverage, endsOn: '2020-01-01' })).toEqual(['endsOn']);
    expect(await bad({ coverage: s.coverage, startsOn: 'soon' })).toEqual(['startsOn']);
    // psp2 steps away first (nobody on their primary caseload but notMine): then psp2 cannot cover.
    await start(pw, 'psp2', { coverage: [{ personId: s.notMine.id, coveringUserId: pw.ids.supervisor }] });
    expect(await bad({ coverage: s.coverage })).toEqual(['coverage']);
    // And nobody steps away twice at once.
    await refused(
      ctx,
      pw.as.psp2,
      { method: 'POST', url, payload: { teamId: pw.teamId, startsOn: today(), coverage: [] } },
      409,
    );
  });

  it('two requests at the same moment start one step-away: the other is refused with 409', async () => {
    const s = await scene();
    const { pw } = s;
    const request = {
      method: 'POST' as const,
      url,
      payload: { teamId: pw.teamId, startsOn: today(), coverage: s.coverage },
    };
    // On PostgreSQL both pass the check before the insert and the unique index refuses the second (PGlite, with one
    // connection, may run them one after the other: then the check refuses it). Either way: one 201, one 409.
    const responses = await Promise.all([pw.as.psp.request(request), pw.as.psp.request(request)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(responses.find((r) => r.statusCode === 409)!.json()).toMatchObject({
      error: { code: 'already_away', details: [{ field: 'userId' }] },
    });
    const rows = await ctx.database.query<{ id: string }>(
      sql`select id from step_aways where user_id = ${pw.ids.psp} and team_id = ${pw.teamId}`,
    );
    expect(rows).toHaveLength(1);
    const coverage = await ctx.database.query<{ step_away_id: string }>(
      sql`select c.step_away_id from step_away_coverage c join persons p on p.id = c.person_id where p.team_id = ${pw.teamId}`,
    );
    expect(coverage.map((c) => c.step_away_id)).toEqual([rows[0]!.id, rows[0]!.id]);
    // The database itself refuses a second step-away not returned from, whoever writes it.
    const direct = await ctx.database
      .query(
        sql`insert into step_aways (user_id, organization_id, team_id, starts_on, started_by)
            select user_id, organization_id, team_id, starts_on, started_by from step_aways where id = ${rows[0]!.id}`,
      )
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isUniqueViolation(direct, 'step_aways_open')).toBe(true);
  });

  it('a peer supervisor starts one for a PSP only with the PSP’s recorded agreement', async () => {
    const s = await scene();
    const { pw } = s;
    const payload = { teamId: pw.teamId, startsOn: today(), userId: pw.ids.psp, coverage: s.coverage };
    expect(fieldsOf(await refused(ctx, pw.as.supervisor, { method: 'POST', url, payload }, 400))).toEqual([
      'agreementMethod',
    ]);
    // A colleague cannot, even with an "agreement"; clinicians, managers and outsiders do not see the team.
    await refused(ctx, pw.as.psp2, { method: 'POST', url, payload: { ...payload, agreementMethod: 'verbal' } }, 403);
    for (const who of [
      'nurse',
      'psychiatrist',
      'manager',
      'researcher',
      'orgAdmin',
      'platform',
      'pspB',
      'otherPsp',
    ] as const) {
      await refused(ctx, pw.as[who], { method: 'POST', url, payload: { ...payload, agreementMethod: 'verbal' } }, 404);
    }
    // Not for someone outside the team's peer staff.
    expect(
      fieldsOf(
        await refused(
          ctx,
          pw.as.supervisor,
          {
            method: 'POST',
            url,
            payload: { ...payload, userId: pw.ids.nurse, agreementMethod: 'written', coverage: [] },
          },
          400,
        ),
      ),
    ).toEqual(['userId']);
    const away = await start(pw, 'supervisor', {
      userId: pw.ids.psp,
      agreementMethod: 'in_person',
      coverage: s.coverage,
    });
    expect(away).toMatchObject({
      user: { id: pw.ids.psp },
      startedBy: { id: pw.ids.supervisor },
      agreementMethod: 'in_person',
    });
    // The PSP sees how it was started for them.
    expect(await read<StepAway>(pw, 'psp', `${url}/${away.id}`)).toMatchObject({
      agreementMethod: 'in_person',
      startedBy: { id: pw.ids.supervisor },
    });
  });
});

describe('who sees a step-away', () => {
  it('the PSP and their supervisor see it all; colleagues see who covers; nobody else sees anything', async () => {
    const s = await scene();
    const { pw } = s;
    const away = await start(pw, 'psp', { coverage: s.coverage });
    const back = expectStatus<StepAway>(
      await pw.as.psp.request({
        method: 'POST',
        url: `${url}/${away.id}/return`,
        payload: { version: away.version, returnPlan: [{ from: today(), caseloadPercent: 50 }] },
      }),
      200,
    );
    const again = await start(pw, 'psp', { coverage: s.coverage });

    for (const who of ['psp', 'supervisor'] as const) {
      const list = await read<StepAway[]>(pw, who, url);
      expect(list.map((x) => x.id)).toEqual(expect.arrayContaining([again.id, back.id]));
      expect(list.find((x) => x.id === back.id)).toMatchObject({
        returnPlan: [{ from: today(), caseloadPercent: 50 }],
        startedBy: { id: pw.ids.psp },
      });
    }
    const colleague = await read<StepAway>(pw, 'psp2', `${url}/${back.id}`);
    expect(colleague.coverage.map((c) => c.handoverNote)).toEqual(expect.arrayContaining([s.notes.first]));
    expect(colleague).not.toHaveProperty('returnPlan');
    expect(colleague).not.toHaveProperty('agreementMethod');
    expect(colleague).not.toHaveProperty('startedBy');
    const active = await read<StepAway[]>(pw, 'psp2', `${url}?active=true&teamId=${pw.teamId}`);
    expect(active.map((x) => x.id)).toEqual([again.id]);

    for (const who of [
      'nurse',
      'psychiatrist',
      'manager',
      'researcher',
      'orgAdmin',
      'platform',
      'pspB',
      'nurseB',
      'otherPsp',
      'otherOrgAdmin',
    ] as const) {
      const list = await pw.as[who].request({ method: 'GET', url });
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual([]);
      await refused(ctx, pw.as[who], { method: 'GET', url: `${url}/${again.id}` }, 404);
      await refused(
        ctx,
        pw.as[who],
        { method: 'POST', url: `${url}/${again.id}/return`, payload: { version: again.version } },
        404,
      );
      // The hand-over notes reach no one outside the team's peer staff, on any page they can open.
      for (const page of [
        '/api/persons',
        `/api/teams/${pw.teamId}/board`,
        '/api/voice-items',
        '/api/connections',
        '/api/audit-events',
      ]) {
        const body = (await pw.as[who].request({ method: 'GET', url: page })).body;
        expect(body, `${who} ${page}`).not.toContain(s.notes.first);
        expect(body, `${who} ${page}`).not.toContain(s.notes.second);
      }
    }
    // The audit log keeps every access, but the employer's audit viewer does not show who stepped away.
    for (const page of ['/api/audit-events', '/api/audit-events?entity=step_away', '/api/audit-events.csv']) {
      const body = (await pw.as.orgAdmin.request({ method: 'GET', url: page })).body;
      expect(body, page).not.toContain(again.id);
      expect(body, page).not.toContain(back.id);
      expect(body, page).not.toContain('step_away.');
    }
  });
});

describe('returning', () => {
  it('records a gradual return plan, hands each person back with a note and closes the coverage', async () => {
    const s = await scene();
    const { pw } = s;
    const away = await start(pw, 'psp', { coverage: s.coverage });
    ctx.clock.advanceMinutes(60);
    const endpoint = `${url}/${away.id}/return`;
    const later = (days: number) => new Date(ctx.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
    const returnPlan = [
      { from: today(), caseloadPercent: 50 },
      { from: later(14), caseloadPercent: 100 },
    ];
    const handBackNote = marker('HAND-BACK');
    const payload = { version: away.version, returnPlan, handBack: [{ personId: s.first.id, note: handBackNote }] };

    const bad = async (body: object) =>
      fieldsOf(await refused(ctx, pw.as.psp, { method: 'POST', url: endpoint, payload: body }, 400));
    expect(await bad({ ...payload, returnPlan: [...returnPlan].reverse() })).toEqual(['returnPlan']);
    expect(await bad({ ...payload, returnPlan: [{ from: today(), caseloadPercent: 0 }] })).toEqual([
      'returnPlan.0.caseloadPercent',
    ]);
    expect(await bad({ ...payload, handBack: [{ personId: s.notMine.id, note: 'x' }] })).toEqual(['handBack']);
    // A colleague cannot end someone else's step-away; a stale version is refused.
    await refused(ctx, pw.as.psp2, { method: 'POST', url: endpoint, payload }, 403);
    await refused(
      ctx,
      pw.as.psp,
      { method: 'POST', url: endpoint, payload: { ...payload, version: away.version + 1 } },
      409,
    );

    const back = expectStatus<StepAway>(await pw.as.psp.request({ method: 'POST', url: endpoint, payload }), 200);
    expect(back).toMatchObject({ isActive: false, returnedAt: ctx.clock.now().toISOString(), returnPlan });
    expect(back.coverage.every((c) => c.handedBackAt === ctx.clock.now().toISOString())).toBe(true);
    expect(back.coverage.find((c) => c.personId === s.first.id)?.handBackNote).toBe(handBackNote);
    expect(back.coverage.find((c) => c.personId === s.second.id)?.handBackNote).toBeNull();

    // Coverage is closed: the persons left the colleagues' caseloads, and the board no longer shows the PSP away.
    expect(await mine(pw, 'psp2')).not.toContain(s.first.id);
    expect(await mine(pw, 'supervisor')).not.toContain(s.second.id);
    expect(await mine(pw, 'psp')).toEqual(expect.arrayContaining([s.first.id, s.second.id]));
    expect((await read<Person>(pw, 'psp', `/api/persons/${s.first.id}`)).coveredBy).toEqual([]);
    expect((await read<TeamBoard>(pw, 'nurse', `/api/teams/${pw.teamId}/board`)).away).toEqual([]);
    await refused(
      ctx,
      pw.as.psp,
      { method: 'POST', url: endpoint, payload: { ...payload, version: back.version } },
      409,
    );
  });

  it('the peer supervisor may record the return with the PSP', async () => {
    const s = await scene();
    const away = await start(s.pw, 'psp', { coverage: s.coverage });
    const back = expectStatus<StepAway>(
      await s.pw.as.supervisor.request({
        method: 'POST',
        url: `${url}/${away.id}/return`,
        payload: { version: away.version },
      }),
      200,
    );
    expect(back.returnedAt).not.toBeNull();
    expect(back.returnPlan).toEqual([]);
  });
});
