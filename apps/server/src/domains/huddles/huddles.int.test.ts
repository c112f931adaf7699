import { beforeAll, describe, expect, it } from 'vitest';
import type { Huddle, Person, TeamBoard } from '@alongside/contracts';
import { fieldsOf } from '../../test/harness.ts';
import {
  addConnection,
  addPerson,
  addVoiceItem,
  createPracticeContext,
  createPracticeWorld,
  expectStatus,
  logContact,
  moveConnection,
  read,
  refused,
  voiceStep,
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
  person = await addPerson(pw, { preferredName: 'Huddle Hana' });
});

interface Item {
  id: string;
  voiceItemId: string | null;
  connectionId: string | null;
  label: string;
  addedBy: { id: string; name: string };
  addedAt: string;
}
const addItem = async (who: Who, payload: object) =>
  expectStatus<Item>(
    await pw.as[who].request({ method: 'POST', url: '/api/huddles/items', payload: { teamId: pw.teamId, ...payload } }),
    201,
  );
const board = (who: Who = 'nurse') => read<TeamBoard>(pw, who, `/api/teams/${pw.teamId}/board`);

describe('the huddle agenda', () => {
  it('peer staff and clinicians add voice items, connections and topics to the next huddle', async () => {
    const voice = await addVoiceItem(pw, person.id, { kind: 'concern', shareAgreed: true });
    const connection = await addConnection(pw, 'psp', {
      direction: 'from_peer_support',
      personId: person.id,
      service: 'housing',
    });
    const a = await addItem('psp', { voiceItemId: voice.id });
    const b = await addItem('supervisor', { connectionId: connection.id });
    const c = await addItem('nurse', { topic: 'Cover for the long weekend' });
    expect(a).toMatchObject({
      voiceItemId: voice.id,
      connectionId: null,
      label: 'Huddle Hana — voice: concern',
      addedBy: { id: pw.ids.psp, name: pw.names.psp },
      addedAt: ctx.clock.now().toISOString(),
    });
    expect(b).toMatchObject({ connectionId: connection.id, label: 'Huddle Hana — connection' });
    expect(c).toMatchObject({
      voiceItemId: null,
      connectionId: null,
      label: 'Cover for the long weekend',
      addedBy: { id: pw.ids.nurse },
    });
    const agenda = (await board()).agenda.map((i) => i.id);
    expect(agenda).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
  });

  it('rejects anything but exactly one of voice item, connection or topic, and items from elsewhere', async () => {
    const voice = await addVoiceItem(pw, person.id, { shareAgreed: true });
    const url = '/api/huddles/items';
    const bad = async (who: Who, payload: object) =>
      fieldsOf(
        await refused(ctx, pw.as[who], { method: 'POST', url, payload: { teamId: pw.teamId, ...payload } }, 400),
      );
    expect(await bad('psp', {})).toEqual(['topic']);
    expect(await bad('psp', { topic: 'x', voiceItemId: voice.id })).toEqual(['topic']);
    expect(new Set(await bad('psp', { topic: '   ' }))).toEqual(new Set(['topic']));
    // An unshared item is not the clinicians' to put on the agenda: they cannot see it.
    const unshared = await addVoiceItem(pw, person.id);
    expect(await bad('nurse', { voiceItemId: unshared.id })).toEqual(['voiceItemId']);
    const personB = await addPerson(pw, { teamId: pw.world.teamB }, 'pspB');
    const voiceB = await addVoiceItem(pw, personB.id, {}, 'pspB');
    expect(await bad('psp', { voiceItemId: voiceB.id })).toEqual(['voiceItemId']);
    const connectionB = await addConnection(pw, 'pspB', {
      direction: 'from_peer_support',
      personId: personB.id,
      service: 'housing',
    });
    expect(await bad('psp', { connectionId: connectionB.id })).toEqual(['connectionId']);
    for (const who of ['manager', 'researcher', 'orgAdmin', 'pspB', 'otherPsp'] as const) {
      await refused(ctx, pw.as[who], { method: 'POST', url, payload: { teamId: pw.teamId, topic: 'x' } }, 404);
    }
  });
});

describe('recording a huddle', () => {
  it('keeps attendees with their role, the items discussed and the decisions; discussed items leave the agenda', async () => {
    const t1 = await addItem('psp', { topic: 'Topic one' });
    ctx.clock.advanceMinutes(1);
    const t2 = await addItem('nurse', { topic: 'Topic two' });
    const heldAt = ctx.clock.now().toISOString();
    const huddle = expectStatus<Huddle>(
      await pw.as.nurse.request({
        method: 'POST',
        url: '/api/huddles',
        payload: {
          teamId: pw.teamId,
          heldAt,
          attendeeIds: [pw.ids.psp, pw.ids.nurse, pw.ids.psychiatrist, pw.ids.supervisor, pw.ids.psp],
          itemIds: [t1.id, t2.id],
          decisions: 'Rota agreed.',
        },
      }),
      201,
    );
    expect(huddle).toMatchObject({
      teamId: pw.teamId,
      heldAt,
      decisions: 'Rota agreed.',
      createdBy: { id: pw.ids.nurse, name: pw.names.nurse },
    });
    expect(huddle.attendees.map((a) => [a.id, a.role]).sort()).toEqual(
      [
        [pw.ids.psp, 'peer_support_worker'],
        [pw.ids.nurse, 'nurse'],
        [pw.ids.psychiatrist, 'psychiatrist'],
        [pw.ids.supervisor, 'peer_supervisor'],
      ].sort(),
    );
    expect(huddle.items.map((i) => i.label)).toEqual(['Topic one', 'Topic two']);
    const agenda = (await board()).agenda.map((i) => i.id);
    expect(agenda).not.toContain(t1.id);
    expect(agenda).not.toContain(t2.id);

    // An item already discussed cannot be discussed again; the failed request leaves nothing behind.
    const again = { teamId: pw.teamId, heldAt, attendeeIds: [pw.ids.psp], itemIds: [t1.id] };
    expect(
      fieldsOf(await refused(ctx, pw.as.psp, { method: 'POST', url: '/api/huddles', payload: again }, 400)),
    ).toEqual(['itemIds']);
  });

  it('lists the team’s huddles newest first', async () => {
    const at = (h: number) => new Date(ctx.clock.now().getTime() - h * 3_600_000).toISOString();
    const older = expectStatus<Huddle>(
      await pw.as.psp.request({
        method: 'POST',
        url: '/api/huddles',
        payload: { teamId: pw.teamId, heldAt: at(48), attendeeIds: [pw.ids.psp] },
      }),
      201,
    );
    const newer = expectStatus<Huddle>(
      await pw.as.psp.request({
        method: 'POST',
        url: '/api/huddles',
        payload: { teamId: pw.teamId, heldAt: at(1), attendeeIds: [pw.ids.nurse] },
      }),
      201,
    );
    const list = (await read<Huddle[]>(pw, 'psychiatrist', `/api/huddles?teamId=${pw.teamId}`)).map((h) => h.id);
    expect(list.indexOf(newer.id)).toBeLessThan(list.indexOf(older.id));
    expect(older.decisions).toBe('');
  });

  it('rejects bad attendees and input, naming the field; outsiders get 404', async () => {
    const url = '/api/huddles';
    const base = { teamId: pw.teamId, heldAt: ctx.clock.now().toISOString(), attendeeIds: [pw.ids.psp] };
    const bad = async (payload: object) =>
      fieldsOf(await refused(ctx, pw.as.psp, { method: 'POST', url, payload }, 400));
    expect(await bad({ ...base, attendeeIds: [] })).toEqual(['attendeeIds']);
    expect(await bad({ ...base, attendeeIds: [pw.ids.pspB] })).toEqual(['attendeeIds']);
    expect(await bad({ ...base, attendeeIds: [pw.ids.otherPsp] })).toEqual(['attendeeIds']);
    expect(await bad({ ...base, heldAt: 'tuesday' })).toEqual(['heldAt']);
    expect(await bad({ ...base, itemIds: ['00000000-0000-4000-8000-000000000000'] })).toEqual(['itemIds']);
    for (const who of ['manager', 'researcher', 'orgAdmin', 'platform', 'pspB', 'otherNurse'] as const) {
      await refused(ctx, pw.as[who], { method: 'POST', url, payload: base }, 404);
      await refused(ctx, pw.as[who], { method: 'GET', url: `${url}?teamId=${pw.teamId}` }, 404);
    }
    expect(fieldsOf(await refused(ctx, pw.as.psp, { method: 'GET', url }, 400))).toEqual(['teamId']);
  });
});

describe('the team board', () => {
  it('shows voice items waiting for the team (overdue first), connections to accept, referrals, agenda and recent activity', async () => {
    const fresh = await addPerson(pw, { preferredName: 'Board Bo' });
    const first = await addVoiceItem(pw, fresh.id, { shareAgreed: true });
    ctx.clock.advanceMinutes(3 * 24 * 60);
    await pw.signInAgain();
    const later = await addVoiceItem(pw, fresh.id, { shareAgreed: true });
    const unshared = await addVoiceItem(pw, fresh.id);
    // A minute apart, so that the due dates (and the board's order) differ.
    ctx.clock.advanceMinutes(1);
    const acknowledged = await voiceStep(
      pw,
      'nurse',
      await addVoiceItem(pw, fresh.id, { shareAgreed: true }),
      'acknowledge',
    );
    const answered = await voiceStep(pw, 'nurse', await addVoiceItem(pw, fresh.id, { shareAgreed: true }), 'answer', {
      answer: 'yes',
    });
    const handoff = await addConnection(pw, 'psp', {
      direction: 'from_peer_support',
      personId: fresh.id,
      targetUserId: pw.ids.psychiatrist,
    });
    const acceptedHandoff = await moveConnection(
      pw,
      'psychiatrist',
      await addConnection(pw, 'psp', {
        direction: 'from_peer_support',
        personId: fresh.id,
        targetUserId: pw.ids.nurse,
      }),
      'accepted',
    );
    const referral = await addConnection(pw, 'nurse', { direction: 'to_peer_support', personId: fresh.id });
    const acceptedReferral = await moveConnection(
      pw,
      'psp',
      await addConnection(pw, 'psychiatrist', { direction: 'to_peer_support', personId: fresh.id }),
      'accepted',
    );
    const closedReferral = await moveConnection(
      pw,
      'psp',
      await addConnection(pw, 'psychiatrist', { direction: 'to_peer_support', personId: fresh.id }),
      'declined',
    );
    const contact = await logContact(pw, fresh.id, { mode: 'phone' });

    // Five days later the first item (due after 7 days) is overdue, the later one is not.
    ctx.clock.advanceMinutes(5 * 24 * 60);
    await pw.signInAgain();
    const seen = await board('nurse');
    expect(seen.team).toEqual({
      id: pw.teamId,
      name: expect.any(String) as string,
      programId: pw.programId,
      voiceAnswerTargetDays: 7,
    });
    const mine = seen.voiceItems.filter((v) => v.personId === fresh.id);
    expect(mine.map((v) => [v.id, v.isOverdue])).toEqual([
      [first.id, true],
      [later.id, false],
      [acknowledged.id, false],
    ]);
    expect(seen.voiceItems.findIndex((v) => !v.isOverdue)).toBeGreaterThan(
      seen.voiceItems.findLastIndex((v) => v.isOverdue),
    );
    expect(mine.map((v) => v.id)).not.toContain(unshared.id);
    expect(mine.map((v) => v.id)).not.toContain(answered.id);
    expect(seen.connectionsToAccept.map((c) => c.id)).toContain(handoff.id);
    expect(seen.connectionsToAccept.map((c) => c.id)).not.toContain(acceptedHandoff.id);
    const referrals = seen.referralsToPeerSupport.map((c) => c.id);
    expect(referrals).toEqual(expect.arrayContaining([referral.id, acceptedReferral.id]));
    expect(referrals).not.toContain(closedReferral.id);
    expect(seen.away).toEqual([]);

    const activity = seen.recentActivity.filter((a) => a.personId === fresh.id);
    expect(activity).toContainEqual({
      kind: 'contact',
      at: contact.occurredAt,
      personId: fresh.id,
      personName: 'Board Bo',
      by: pw.names.psp,
      detail: 'phone',
    });
    expect(activity).toContainEqual(
      expect.objectContaining({ kind: 'voice_answered', by: pw.names.nurse, detail: 'question' }),
    );
    expect(activity).toContainEqual(
      expect.objectContaining({ kind: 'connection', by: pw.names.psp, detail: 'declined' }),
    );
    expect(activity.map((a) => a.at)).toEqual([...activity.map((a) => a.at)].sort().reverse());

    // Peer staff see the same board.
    expect((await board('psp')).voiceItems.filter((v) => v.personId === fresh.id).map((v) => v.id)).toEqual([
      first.id,
      later.id,
      acknowledged.id,
    ]);
  });

  it('is for the care team only: everyone else gets 404', async () => {
    for (const who of [
      'manager',
      'researcher',
      'orgAdmin',
      'platform',
      'pspB',
      'nurseB',
      'otherPsp',
      'otherOrgAdmin',
    ] as const) {
      await refused(ctx, pw.as[who], { method: 'GET', url: `/api/teams/${pw.teamId}/board` }, 404);
    }
  });
});
