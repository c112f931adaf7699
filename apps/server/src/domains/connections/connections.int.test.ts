import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Person } from '@alongside/contracts';
import { errorOf, fieldsOf } from '../../test/harness.ts';
import {
  addConnection,
  addPerson,
  createPracticeContext,
  createPracticeWorld,
  moveConnection,
  read,
  recordConsent,
  refused,
  type PracticeContext,
  type PracticeWorld,
  type Who,
} from '../../test/practice-world.ts';

let ctx: PracticeContext;
let pw: PracticeWorld;
let person: Person;

beforeAll(async () => {
  ctx = await createPracticeContext();
  pw = await createPracticeWorld(ctx);
  person = await addPerson(pw);
});

const post = (payload: object) => ({ method: 'POST' as const, url: '/api/connections', payload });
const patch = (c: { id: string }, payload: object) => ({
  method: 'PATCH' as const,
  url: `/api/connections/${c.id}`,
  payload,
});

describe('from peer support', () => {
  it('a warm hand-off to a clinician: proposed → accepted → met → completed, each with who and when, and the person’s feedback', async () => {
    const created = await addConnection(pw, 'psp', {
      direction: 'from_peer_support',
      personId: person.id,
      targetUserId: pw.ids.nurse,
      warmHandoff: true,
      reason: 'wants to talk about sleep',
    });
    expect(created).toMatchObject({
      personId: person.id,
      teamId: pw.teamId,
      direction: 'from_peer_support',
      target: { id: pw.ids.nurse, name: pw.names.nurse },
      service: null,
      warmHandoff: true,
      reason: 'wants to talk about sleep',
      referrerRole: null,
      status: 'proposed',
      personFeedback: null,
      events: [
        {
          status: 'proposed',
          at: ctx.clock.now().toISOString(),
          by: { id: pw.ids.psp, name: pw.names.psp },
          note: null,
        },
      ],
      version: 1,
    });
    ctx.clock.advanceMinutes(30);
    const accepted = await moveConnection(pw, 'nurse', created, 'accepted', { note: 'Thursday 10:00' });
    ctx.clock.advanceMinutes(30);
    const met = await moveConnection(pw, 'psp', accepted, 'met');
    ctx.clock.advanceMinutes(30);
    const completed = await moveConnection(pw, 'nurse', met, 'completed', { personFeedback: 'Felt listened to.' });
    expect(completed).toMatchObject({ status: 'completed', personFeedback: 'Felt listened to.', version: 4 });
    const t = ctx.clock.now().getTime();
    expect(completed.events).toEqual([
      {
        status: 'proposed',
        at: new Date(t - 90 * 60_000).toISOString(),
        by: { id: pw.ids.psp, name: pw.names.psp },
        note: null,
      },
      {
        status: 'accepted',
        at: new Date(t - 60 * 60_000).toISOString(),
        by: { id: pw.ids.nurse, name: pw.names.nurse },
        note: 'Thursday 10:00',
      },
      {
        status: 'met',
        at: new Date(t - 30 * 60_000).toISOString(),
        by: { id: pw.ids.psp, name: pw.names.psp },
        note: null,
      },
      {
        status: 'completed',
        at: new Date(t).toISOString(),
        by: { id: pw.ids.nurse, name: pw.names.nurse },
        note: null,
      },
    ]);
    expect(await read<Connection>(pw, 'psp2', `/api/connections/${created.id}`)).toEqual(completed);
  });

  it('every closing path: declined at once, declined after accepting, did not attend', async () => {
    const a = await addConnection(pw, 'psp', {
      direction: 'from_peer_support',
      personId: person.id,
      targetUserId: pw.ids.psychiatrist,
    });
    expect((await moveConnection(pw, 'psychiatrist', a, 'declined', { note: 'not the right service' })).status).toBe(
      'declined',
    );
    const b = await addConnection(pw, 'psp', {
      direction: 'from_peer_support',
      personId: person.id,
      service: 'housing',
    });
    expect(b).toMatchObject({ target: null, service: 'housing', warmHandoff: false });
    const bAccepted = await moveConnection(pw, 'supervisor', b, 'accepted');
    expect(
      (await moveConnection(pw, 'psp', bAccepted, 'declined', { personFeedback: 'changed their mind' })).personFeedback,
    ).toBe('changed their mind');
    const c = await addConnection(pw, 'psp', {
      direction: 'from_peer_support',
      personId: person.id,
      service: 'peer_group',
    });
    ctx.clock.advanceMinutes(1);
    const cAccepted = await moveConnection(pw, 'psp', c, 'accepted');
    ctx.clock.advanceMinutes(1);
    const dna = await moveConnection(pw, 'psp2', cAccepted, 'did_not_attend');
    expect(dna.events.map((e) => e.status)).toEqual(['proposed', 'accepted', 'did_not_attend']);
  });

  it('refuses invalid transitions with 409, changing nothing', async () => {
    const c = await addConnection(pw, 'psp', {
      direction: 'from_peer_support',
      personId: person.id,
      service: 'therapy',
    });
    const invalid = async (who: Who, current: Connection, status: string) =>
      errorOf(await refused(ctx, pw.as[who], patch(current, { status, version: current.version }), 409)).code;
    expect(await invalid('psp', c, 'met')).toBe('invalid_transition');
    expect(await invalid('psp', c, 'completed')).toBe('invalid_transition');
    expect(await invalid('psp', c, 'did_not_attend')).toBe('invalid_transition');
    expect(await invalid('psp', c, 'proposed')).toBe('invalid_transition');
    const accepted = await moveConnection(pw, 'psp', c, 'accepted');
    expect(await invalid('psp', accepted, 'accepted')).toBe('invalid_transition');
    expect(await invalid('psp', accepted, 'completed')).toBe('invalid_transition');
    const met = await moveConnection(pw, 'psp', accepted, 'met');
    expect(await invalid('psp', met, 'declined')).toBe('invalid_transition');
    expect(await invalid('psp', met, 'did_not_attend')).toBe('invalid_transition');
    const completed = await moveConnection(pw, 'psp', met, 'completed');
    for (const status of ['proposed', 'accepted', 'met', 'declined', 'did_not_attend', 'completed'])
      expect(await invalid('psp', completed, status)).toBe('invalid_transition');
    const declined = await moveConnection(
      pw,
      'psp',
      await addConnection(pw, 'psp', { direction: 'from_peer_support', personId: person.id, service: 'other' }),
      'declined',
    );
    expect(await invalid('psp', declined, 'accepted')).toBe('invalid_transition');
  });

  it('a stale version gets 409', async () => {
    const c = await addConnection(pw, 'psp', {
      direction: 'from_peer_support',
      personId: person.id,
      service: 'primary_care',
    });
    await moveConnection(pw, 'psp', c, 'accepted');
    const fresh = await addConnection(pw, 'psp', {
      direction: 'from_peer_support',
      personId: person.id,
      service: 'primary_care',
    });
    const accepted = await moveConnection(pw, 'psp', fresh, 'accepted');
    expect(
      errorOf(await refused(ctx, pw.as.psp2, patch(accepted, { status: 'met', version: fresh.version }), 409)).code,
    ).toBe('version_conflict');
  });

  it('who answers: the team’s clinicians accept a hand-off; later steps are the target’s or peer staff’s; services are tracked by peer staff', async () => {
    const toNurse = await addConnection(pw, 'psp', {
      direction: 'from_peer_support',
      personId: person.id,
      targetUserId: pw.ids.nurse,
    });
    await refused(ctx, pw.as.psp, patch(toNurse, { status: 'accepted', version: 1 }), 403);
    const accepted = await moveConnection(pw, 'psychiatrist', toNurse, 'accepted');
    await refused(ctx, pw.as.psychiatrist, patch(accepted, { status: 'met', version: accepted.version }), 403);
    expect((await moveConnection(pw, 'nurse', accepted, 'met')).status).toBe('met');
    const service = await addConnection(pw, 'psp', {
      direction: 'from_peer_support',
      personId: person.id,
      service: 'income_support',
    });
    await refused(ctx, pw.as.nurse, patch(service, { status: 'accepted', version: 1 }), 403);
    for (const who of ['manager', 'orgAdmin', 'pspB', 'nurseB', 'otherPsp'] as const) {
      await refused(ctx, pw.as[who], patch(service, { status: 'accepted', version: 1 }), 404);
      await refused(ctx, pw.as[who], { method: 'GET', url: `/api/connections/${service.id}` }, 404);
    }
  });

  it('rejects bad input naming the field, changing nothing', async () => {
    const base = { direction: 'from_peer_support', personId: person.id };
    const bad = async (payload: object, who: Who = 'psp') =>
      fieldsOf(await refused(ctx, pw.as[who], post(payload), 400));
    expect(await bad({ ...base, targetUserId: pw.ids.nurse, service: 'housing' })).toEqual(['targetUserId']);
    expect(await bad(base)).toEqual(['targetUserId']);
    expect(await bad({ ...base, targetUserId: pw.ids.psp2 })).toEqual(['targetUserId']);
    expect(await bad({ ...base, targetUserId: pw.ids.nurseB })).toEqual(['targetUserId']);
    expect(await bad({ direction: 'to_peer_support' }, 'nurse')).toEqual(['personId']);
    expect(await bad({ ...base, service: 'spa' })).toEqual(['service']);
    expect(await bad({ ...base, reason: 'x'.repeat(4001), service: 'housing' })).toEqual(['reason']);
    expect(await bad({ ...base, direction: 'sideways', service: 'housing' })).toEqual(['direction']);
    expect(
      await bad(
        { direction: 'to_peer_support', newPerson: { teamId: pw.teamId, preferredName: 'X', language: 'xx' } },
        'nurse',
      ),
    ).toEqual(['newPerson.language']);
    const c = await addConnection(pw, 'psp', { ...base, service: 'housing' });
    expect(fieldsOf(await refused(ctx, pw.as.psp, patch(c, { status: 'lost', version: 1 }), 400))).toEqual(['status']);
    expect(fieldsOf(await refused(ctx, pw.as.psp, patch(c, { status: 'accepted' }), 400))).toEqual(['version']);
  });

  it('a lockbox stops a hand-off to a clinician, not to a service', async () => {
    const locked = await addPerson(pw);
    await recordConsent(pw, locked.id, 'lockbox', 'on');
    expect(
      errorOf(
        await refused(
          ctx,
          pw.as.psp,
          post({ direction: 'from_peer_support', personId: locked.id, targetUserId: pw.ids.nurse }),
          409,
        ),
      ).code,
    ).toBe('sharing_blocked');
    expect(
      (await addConnection(pw, 'psp', { direction: 'from_peer_support', personId: locked.id, service: 'housing' }))
        .service,
    ).toBe('housing');
  });

  it('is created by peer staff only; clinicians refer the other way', async () => {
    await refused(
      ctx,
      pw.as.nurse,
      post({ direction: 'from_peer_support', personId: person.id, service: 'housing' }),
      403,
    );
    await refused(ctx, pw.as.psp, post({ direction: 'to_peer_support', personId: person.id }), 403);
    for (const who of ['manager', 'researcher', 'orgAdmin', 'platform', 'pspB', 'otherPsp'] as const) {
      await refused(
        ctx,
        pw.as[who],
        post({ direction: 'from_peer_support', personId: person.id, service: 'housing' }),
        404,
      );
    }
  });
});

describe('referrals to peer support', () => {
  it('a clinician refers a known person; the profession is kept; peer staff accept', async () => {
    const referral = await addConnection(pw, 'psychiatrist', {
      direction: 'to_peer_support',
      personId: person.id,
      reason: 'isolated since discharge',
    });
    expect(referral).toMatchObject({
      direction: 'to_peer_support',
      referrerRole: 'psychiatrist',
      target: null,
      service: null,
      status: 'proposed',
    });
    await refused(ctx, pw.as.nurse, patch(referral, { status: 'accepted', version: 1 }), 403);
    ctx.clock.advanceMinutes(1);
    const accepted = await moveConnection(pw, 'psp2', referral, 'accepted');
    expect(accepted.events[1]).toMatchObject({ status: 'accepted', by: { id: pw.ids.psp2 } });
    // The person already had a primary PSP: it stays.
    const after = await read<Person>(pw, 'psp', `/api/persons/${person.id}`);
    expect(after.psps.find((p) => p.isPrimary)?.id).toBe(pw.ids.psp);
  });

  it('a referral of someone new creates the person; the PSP who accepts becomes their primary PSP', async () => {
    const referral = await addConnection(pw, 'nurse', {
      direction: 'to_peer_support',
      newPerson: { teamId: pw.teamId, preferredName: 'New Nadia', pronouns: 'she/her', language: 'nb' },
      reason: 'first admission',
    });
    expect(referral).toMatchObject({ personName: 'New Nadia', referrerRole: 'nurse', status: 'proposed' });
    const newcomer = await read<Person>(pw, 'psp', `/api/persons/${referral.personId}`);
    expect(newcomer).toMatchObject({
      preferredName: 'New Nadia',
      pronouns: 'she/her',
      language: 'nb',
      psps: [],
      pendingConnections: 1,
    });
    expect((await read<Person>(pw, 'nurse', `/api/persons/${referral.personId}`)).id).toBe(referral.personId);

    const accepted = await moveConnection(pw, 'psp2', referral, 'accepted');
    const person2 = await read<Person>(pw, 'psp', `/api/persons/${referral.personId}`);
    expect(person2.psps).toEqual([{ id: pw.ids.psp2, name: pw.names.psp2, isPrimary: true }]);
    expect((await read<Person[]>(pw, 'psp2', '/api/persons?mine=true')).map((p) => p.id)).toContain(referral.personId);
    const met = await moveConnection(pw, 'psp2', accepted, 'met');
    expect((await moveConnection(pw, 'psp2', met, 'completed')).status).toBe('completed');
  });

  it('a referral of someone new is only for the clinician’s own team', async () => {
    await refused(
      ctx,
      pw.as.nurse,
      post({ direction: 'to_peer_support', newPerson: { teamId: pw.world.teamB, preferredName: 'X' } }),
      404,
    );
    await refused(
      ctx,
      pw.as.otherNurse,
      post({ direction: 'to_peer_support', newPerson: { teamId: pw.teamId, preferredName: 'X' } }),
      404,
    );
    await refused(
      ctx,
      pw.as.manager,
      post({ direction: 'to_peer_support', newPerson: { teamId: pw.teamId, preferredName: 'X' } }),
      404,
    );
    await refused(
      ctx,
      pw.as.psp,
      post({ direction: 'to_peer_support', newPerson: { teamId: pw.teamId, preferredName: 'X' } }),
      403,
    );
    expect(
      fieldsOf(
        await refused(
          ctx,
          pw.as.nurse,
          post({ direction: 'to_peer_support', newPerson: { teamId: pw.teamId, preferredName: ' ' } }),
          400,
        ),
      ),
    ).toEqual(['newPerson.preferredName']);
  });
});

describe('listing', () => {
  it('filters by person, team and status', async () => {
    const fresh = await addPerson(pw);
    const a = await addConnection(pw, 'psp', {
      direction: 'from_peer_support',
      personId: fresh.id,
      service: 'housing',
    });
    const b = await addConnection(pw, 'nurse', { direction: 'to_peer_support', personId: fresh.id });
    await moveConnection(pw, 'psp', b, 'accepted');
    expect(
      (await read<Connection[]>(pw, 'nurse', `/api/connections?personId=${fresh.id}`)).map((c) => c.id).sort(),
    ).toEqual([a.id, b.id].sort());
    expect(
      (await read<Connection[]>(pw, 'psp', `/api/connections?personId=${fresh.id}&status=accepted`)).map((c) => c.id),
    ).toEqual([b.id]);
    expect(
      (await read<Connection[]>(pw, 'psp', `/api/connections?teamId=${pw.teamId}&status=proposed`)).map((c) => c.id),
    ).toContain(a.id);
    expect(await read<Connection[]>(pw, 'pspB', `/api/connections?personId=${fresh.id}`)).toEqual([]);
    expect(
      fieldsOf(await refused(ctx, pw.as.psp, { method: 'GET', url: '/api/connections?status=maybe' }, 400)),
    ).toEqual(['status']);
  });
});
