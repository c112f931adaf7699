import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckIn, CheckInInstrument, MyWellbeing, Nudge, Pulse, Share, SharedTrend, SharesView, TeamWellbeing } from '@alongside/contracts';
import { fieldsOf } from '../../test/harness.ts';
import { createPracticeContext, createPracticeWorld, expectStatus, marker, read, refused, type PracticeWorld } from '../../test/practice-world.ts';
import { addMember, answersAt, checkIn, instrumentFor, pulse, setK } from '../../test/wellbeing-world.ts';

let pw: PracticeWorld;

beforeAll(async () => {
  pw = await createPracticeWorld(await createPracticeContext());
});

describe('the check-in instrument', () => {
  it('is Alongside’s own, labelled non-validated, in the PSP’s language or the one asked for', async () => {
    const en = await instrumentFor(pw.as.psp);
    expect(en).toMatchObject({ key: 'alongside-check-in', licenceStatus: 'own_non_validated', isValidated: false, language: 'en', primaryScaleId: 'strain' });
    expect(en.items).toHaveLength(8);
    expect(en.notice).toMatch(/not a validated/);
    const fr = await read<CheckInInstrument>(pw, 'psp', '/api/wellbeing/check-ins/instrument?language=fr');
    const nb = await read<CheckInInstrument>(pw, 'psp', '/api/wellbeing/check-ins/instrument?language=nb');
    expect(fr.title).toBe('Bilan du mois');
    expect(nb.title).toBe('Månedlig sjekk-inn');
    expect(new Set([en.items[0]!.text, fr.items[0]!.text, nb.items[0]!.text]).size).toBe(3);
  });

  it('is for peer staff only', async () => {
    for (const who of ['nurse', 'manager', 'researcher', 'orgAdmin', 'platform'] as const) {
      expect((await pw.as[who].request({ method: 'GET', url: '/api/wellbeing/check-ins/instrument' })).statusCode, who).toBe(403);
    }
    expect((await pw.as.supervisor.request({ method: 'GET', url: '/api/wellbeing/check-ins/instrument' })).statusCode).toBe(200);
    const elsewhere = await pw.as.psp.request({ method: 'GET', url: `/api/wellbeing/check-ins/instrument?organizationId=${pw.other.organizationId}` });
    expect(elsewhere.statusCode).toBe(404);
  });
});

describe('pulses', () => {
  it('are kept with their private note and listed to their author only', async () => {
    const note = marker('PULSE-NOTE');
    const created = await pulse(pw.as.psp2, 2, 4, note);
    expect(created).toMatchObject({ energy: 2, load: 4, note });
    const own = await read<Pulse[]>(pw, 'psp2', '/api/wellbeing/pulses');
    expect(own.map((p) => p.id)).toContain(created.id);
    const others = await read<Pulse[]>(pw, 'psp', '/api/wellbeing/pulses');
    expect(others.map((p) => p.id)).not.toContain(created.id);
  });

  it('refuses values out of range and non-peer staff, changing nothing', async () => {
    expect(fieldsOf(await refused(pw.ctx, pw.as.psp, { method: 'POST', url: '/api/wellbeing/pulses', payload: { energy: 6, load: 3 } }, 400))).toEqual(['energy']);
    await refused(pw.ctx, pw.as.manager, { method: 'POST', url: '/api/wellbeing/pulses', payload: { energy: 3, load: 3 } }, 403);
    await refused(pw.ctx, pw.as.nurse, { method: 'POST', url: '/api/wellbeing/pulses', payload: { energy: 3, load: 3 } }, 403);
  });
});

describe('check-ins', () => {
  it('are scored by the engine: reverse keys, 0–100 coding, mean of answered items, missing below half', async () => {
    const peer = await addMember(pw, pw.teamId);
    const instrument = await instrumentFor(peer.session);
    const body = (answers: Record<string, number | null>) => ({ method: 'POST' as const, url: '/api/wellbeing/check-ins', payload: { instrumentId: instrument.id, answers } });
    // Every item answered 5 ("nearly always"): the four positively worded items count as 0, the others as 100.
    const all5 = expectStatus<CheckIn>(await peer.session.request(body(Object.fromEntries(instrument.items.map((i) => [i.id, 5])))), 201);
    expect(all5.scores.find((s) => s.id === 'strain')).toMatchObject({ score: 50, answered: 8, of: 8 });
    expect(all5.scores.find((s) => s.id === 'weight')!.score).toBe(100);
    expect(all5.scores.find((s) => s.id === 'support_gap')!.score).toBe(0);
    // One of four "weight" items answered: below half, so that scale is missing; strain has exactly half (4 of 8), enough.
    pw.ctx.clock.advanceMinutes(1);
    const partial = expectStatus<CheckIn>(
      await peer.session.request(body({ stories_stayed: 4, energy_left: 2, someone_to_talk_to: 2, time_to_rest: 2, knowledge_valued: null })),
      201,
    );
    expect(partial.scores.find((s) => s.id === 'weight')).toMatchObject({ score: null, answered: 1 });
    expect(partial.scores.find((s) => s.id === 'strain')).toMatchObject({ score: 75, answered: 4 });
    const listed = await peer.session.request({ method: 'GET', url: '/api/wellbeing/check-ins' });
    expect(listed.json<CheckIn[]>().map((c) => c.id)).toEqual([partial.id, all5.id]);
  });

  it('refuses unknown items, answers that are not options, nothing answered and a replaced instrument', async () => {
    const instrument = await instrumentFor(pw.as.psp);
    const post = (payload: Record<string, unknown>) => ({ method: 'POST' as const, url: '/api/wellbeing/check-ins', payload });
    expect(fieldsOf(await refused(pw.ctx, pw.as.psp, post({ instrumentId: instrument.id, answers: { made_up: 3 } }), 400))).toEqual(['answers.made_up']);
    expect(fieldsOf(await refused(pw.ctx, pw.as.psp, post({ instrumentId: instrument.id, answers: { own_limits: 9 } }), 400))).toEqual(['answers.own_limits']);
    expect(fieldsOf(await refused(pw.ctx, pw.as.psp, post({ instrumentId: instrument.id, answers: { own_limits: null } }), 400))).toEqual(['answers']);
    await refused(pw.ctx, pw.as.psp, post({ instrumentId: '00000000-0000-4000-8000-000000000000', answers: answersAt(1, instrument) }), 409);
    await refused(pw.ctx, pw.as.nurse, post({ instrumentId: instrument.id, answers: answersAt(1, instrument) }), 403);
  });

  it('nudge the PSP privately when the score crosses the threshold, and not again while it stays there', async () => {
    const peer = await addMember(pw, pw.teamId);
    expect((await checkIn(peer.session, 1, pw.ctx.clock)).nudge).toBeNull();
    const crossed = await checkIn(peer.session, 3, pw.ctx.clock);
    expect(crossed.nudge).toMatchObject({ reason: 'threshold', offers: ['supervision', 'step_away'] });
    expect((await checkIn(peer.session, 4, pw.ctx.clock)).nudge).toBeNull();
    expect((await checkIn(peer.session, 1, pw.ctx.clock)).nudge).toBeNull();
    expect((await checkIn(peer.session, 3, pw.ctx.clock)).nudge?.reason).toBe('threshold');
  });

  it('nudge the PSP when the score has risen three check-ins in a row below the threshold', async () => {
    const peer = await addMember(pw, pw.teamId);
    expect((await checkIn(peer.session, 0, pw.ctx.clock)).nudge).toBeNull();
    expect((await checkIn(peer.session, 1, pw.ctx.clock)).nudge).toBeNull();
    expect((await checkIn(peer.session, 2, pw.ctx.clock)).nudge).toBeNull();
    const third = await checkIn(peer.session, [2, 2, 2, 2, 2, 3, 3, 3], pw.ctx.clock); // 59.4: a third rise, still under 62.5
    expect(third.scores.find((s) => s.id === 'strain')!.score).toBeCloseTo(59.375);
    expect(third.nudge?.reason).toBe('rising');
  });
});

describe('my wellbeing', () => {
  it('shows my trend by month with a reading in my language, my open nudges and resources; I can dismiss a nudge', async () => {
    const peer = await addMember(pw, pw.teamId);
    const empty = expectStatus<MyWellbeing>(await peer.session.request({ method: 'GET', url: '/api/wellbeing/me' }), 200);
    expect(empty.reading).toMatch(/not done a check-in yet/);
    expect(empty.trend.months).toHaveLength(12);
    await checkIn(peer.session, 1, pw.ctx.clock);
    const high = await checkIn(peer.session, 4, pw.ctx.clock);
    await pulse(peer.session, 2, 5);
    await pulse(peer.session, 3, 4);
    const me = expectStatus<MyWellbeing>(await peer.session.request({ method: 'GET', url: '/api/wellbeing/me' }), 200);
    const march = me.trend.months.at(-1)!;
    expect(march).toMatchObject({ month: '2026-03', score: 100, band: 'heavy', bandLabel: 'Heavy', checkIns: 2, pulses: 2, energyMean: 2.5, loadMean: 4.5 });
    expect(me.trend).toMatchObject({ higherIsWorse: true, threshold: 62.5, scaleLabel: 'Overall strain' });
    expect(me.reading).toMatch(/gone up since your previous check-in \(25 → 100\).*heavy.*step-away/);
    expect(me.nudges.map((n) => n.id)).toEqual([high.nudge!.id]);
    expect(me.resources.map((r) => r.action)).toEqual(['supervision', 'step_away', 'peer_network', 'outside_help']);
    const nb = expectStatus<MyWellbeing>(await peer.session.request({ method: 'GET', url: '/api/wellbeing/me?language=nb' }), 200);
    expect(nb.reading).toMatch(/Belastningen din har økt/);

    await refused(pw.ctx, pw.as.psp, { method: 'POST', url: `/api/wellbeing/nudges/${high.nudge!.id}/dismiss` }, 404);
    const dismissed = expectStatus<Nudge>(await peer.session.request({ method: 'POST', url: `/api/wellbeing/nudges/${high.nudge!.id}/dismiss` }), 200);
    expect(dismissed.dismissedAt).not.toBeNull();
    expect(expectStatus<MyWellbeing>(await peer.session.request({ method: 'GET', url: '/api/wellbeing/me' }), 200).nudges).toEqual([]);
  });
});

describe('sharing my trend with a peer supervisor', () => {
  it('offers my team’s supervisors; the one I choose sees my trend (no notes, no answers) until I revoke', async () => {
    const peer = await addMember(pw, pw.teamId);
    const note = marker('SHARED-PSP-NOTE');
    await pulse(peer.session, 1, 5, note);
    const c = await checkIn(peer.session, 2, pw.ctx.clock);
    const view = expectStatus<SharesView>(await peer.session.request({ method: 'GET', url: '/api/wellbeing/shares' }), 200);
    expect(view.candidates.map((x) => x.id)).toEqual([pw.ids.supervisor]);
    expect(fieldsOf(await refused(pw.ctx, peer.session, { method: 'POST', url: '/api/wellbeing/shares', payload: {} }, 400))).toEqual(['supervisorId']);
    for (const notSupervisor of [pw.ids.nurse, pw.ids.manager, pw.ids.psp2, pw.ids.otherPsp]) {
      await refused(pw.ctx, peer.session, { method: 'POST', url: '/api/wellbeing/shares', payload: { supervisorId: notSupervisor } }, 404);
    }
    const share = expectStatus<Share>(await peer.session.request({ method: 'POST', url: '/api/wellbeing/shares', payload: { supervisorId: pw.ids.supervisor } }), 201);
    await refused(pw.ctx, peer.session, { method: 'POST', url: '/api/wellbeing/shares', payload: { supervisorId: pw.ids.supervisor } }, 409);

    const shared = await pw.as.supervisor.request({ method: 'GET', url: '/api/wellbeing/shared-with-me' });
    const mine = shared.json<SharedTrend[]>().find((s) => s.psp.id === peer.id)!;
    expect(mine.trend.months.at(-1)).toMatchObject({ score: 50, pulses: 1 });
    expect(shared.body).not.toContain(note);
    expect(shared.body).not.toContain(c.id);
    expect(shared.body).not.toContain('answers');
    expect(shared.body).not.toContain('nudge');

    await refused(pw.ctx, pw.as.supervisor, { method: 'DELETE', url: `/api/wellbeing/shares/${share.id}` }, 404);
    const revoked = expectStatus<Share>(await peer.session.request({ method: 'DELETE', url: `/api/wellbeing/shares/${share.id}` }), 200);
    expect(revoked.revokedAt).not.toBeNull();
    await expect(read<SharedTrend[]>(pw, 'supervisor', '/api/wellbeing/shared-with-me').then((l) => l.some((s) => s.psp.id === peer.id))).resolves.toBe(false);
    // Sharing again after a revocation is a new share.
    expect((await peer.session.request({ method: 'POST', url: '/api/wellbeing/shares', payload: { supervisorId: pw.ids.supervisor } })).statusCode).toBe(201);
  });
});

describe('team aggregate', () => {
  it('shows a completed month to managers, supervisors and administrators when k PSPs contributed', async () => {
    const ctx = await createPracticeContext();
    const w = await createPracticeWorld(ctx);
    await setK(w, 3);
    await checkIn(w.as.psp, 1, ctx.clock);
    await checkIn(w.as.psp2, 2, ctx.clock);
    await checkIn(w.as.supervisor, 3, ctx.clock);
    for (const s of [w.as.psp, w.as.psp2, w.as.supervisor]) await pulse(s, 3, 3);
    const url = `/api/teams/${w.teamId}/wellbeing?month=2026-03`;
    expect(await read<TeamWellbeing>(w, 'manager', url)).toEqual({ teamId: w.teamId, month: '2026-03', k: 3, suppressed: true, reason: 'period_not_over' });
    ctx.clock.advanceMinutes(31 * 24 * 60);
    await w.signInAgain();
    for (const who of ['manager', 'supervisor', 'orgAdmin', 'platform'] as const) {
      const result = await read<TeamWellbeing>(w, who, url);
      expect(result, who).toMatchObject({ suppressed: false, checkIns: { suppressed: false, contributors: 3 }, pulses: { suppressed: false, contributors: 3, energyMean: 3, loadMean: 3 } });
      if (result.suppressed || result.checkIns.suppressed) throw new Error('unexpected');
      expect(result.checkIns.scales.find((s) => s.id === 'strain')!.mean).toBe(50);
      expect(result.checkIns.distribution.every((b) => b.count === null)).toBe(true);
    }
    // Without a month: the last completed one.
    expect((await read<TeamWellbeing>(w, 'manager', `/api/teams/${w.teamId}/wellbeing`)).month).toBe('2026-03');
    for (const who of ['psp', 'psp2', 'nurse', 'psychiatrist', 'researcher'] as const) await refused(ctx, w.as[who], { method: 'GET', url }, 403);
    for (const who of ['pspB', 'nurseB', 'otherPsp', 'otherNurse', 'otherOrgAdmin'] as const) await refused(ctx, w.as[who], { method: 'GET', url }, 404);
    expect(fieldsOf(await w.as.manager.request({ method: 'GET', url: `/api/teams/${w.teamId}/wellbeing?month=2026-3` }))).toEqual(['month']);
  });
});
