import { beforeAll, describe, expect, it } from 'vitest';
import type { Person, VoiceItem } from '@alongside/contracts';
import { errorOf, fieldsOf } from '../../test/harness.ts';
import {
  addPerson,
  addVoiceItem,
  createPracticeContext,
  createPracticeWorld,
  expectStatus,
  read,
  recordConsent,
  refused,
  voiceStep,
  type PracticeContext,
  type PracticeWorld,
} from '../../test/practice-world.ts';

let ctx: PracticeContext;
let pw: PracticeWorld;
let person: Person;

beforeAll(async () => {
  ctx = await createPracticeContext();
  pw = await createPracticeWorld(ctx);
  person = await addPerson(pw);
});

const DAY = 86_400_000;
const post = (url: string, payload: object) => ({ method: 'POST' as const, url, payload });

describe('recording the person’s words', () => {
  it('an unshared item stays with peer support: no due date, not shared', async () => {
    const item = await addVoiceItem(pw, person.id, {
      kind: 'goal',
      words: 'I want to go back to my choir.',
      context: 'after the walk',
      writtenTogether: true,
    });
    expect(item).toMatchObject({
      personId: person.id,
      personName: person.preferredName,
      teamId: pw.teamId,
      kind: 'goal',
      words: 'I want to go back to my choir.',
      context: 'after the walk',
      writtenTogether: true,
      shareAgreed: false,
      status: 'open',
      dueAt: null,
      isOverdue: false,
      sharedAt: null,
      created: { at: ctx.clock.now().toISOString(), by: { id: pw.ids.psp, name: pw.names.psp } },
      acknowledged: null,
      answered: null,
      answer: null,
      returned: null,
      reaction: null,
      withdrawn: null,
      version: 1,
    });
  });

  it('a shared item is due after the program’s target (default 7 days)', async () => {
    const item = await addVoiceItem(pw, person.id, { shareAgreed: true });
    const now = ctx.clock.now().getTime();
    expect(item).toMatchObject({
      shareAgreed: true,
      sharedAt: new Date(now).toISOString(),
      dueAt: new Date(now + 7 * DAY).toISOString(),
    });
  });

  it('rejects bad input naming the field, changing nothing', async () => {
    const bad = async (payload: object) =>
      fieldsOf(await refused(ctx, pw.as.psp, post('/api/voice-items', payload), 400));
    expect(await bad({ personId: person.id, kind: 'question', words: '   ' })).toEqual(['words']);
    expect(await bad({ personId: person.id, kind: 'complaint', words: 'x' })).toEqual(['kind']);
    expect(await bad({ personId: person.id, kind: 'question', words: 'x', shareAgreed: 'yes' })).toEqual([
      'shareAgreed',
    ]);
    expect(await bad({ kind: 'question', words: 'x' })).toEqual(['personId']);
  });

  it('is recorded by peer staff only: clinicians 403, outsiders 404', async () => {
    const payload = { personId: person.id, kind: 'concern', words: 'x' };
    await refused(ctx, pw.as.nurse, post('/api/voice-items', payload), 403);
    for (const who of ['manager', 'researcher', 'orgAdmin', 'pspB', 'otherPsp'] as const)
      await refused(ctx, pw.as[who], post('/api/voice-items', payload), 404);
  });

  it('cannot be shared against the person’s consent', async () => {
    const guarded = await addPerson(pw);
    await recordConsent(pw, guarded.id, 'share_with_care_team', 'none');
    expect(
      errorOf(
        await refused(
          ctx,
          pw.as.psp,
          post('/api/voice-items', { personId: guarded.id, kind: 'question', words: 'x', shareAgreed: true }),
          409,
        ),
      ).code,
    ).toBe('sharing_blocked');
    const item = await addVoiceItem(pw, guarded.id);
    expect(
      errorOf(await refused(ctx, pw.as.psp, post(`/api/voice-items/${item.id}/share`, { version: item.version }), 409))
        .code,
    ).toBe('sharing_blocked');
    await recordConsent(pw, guarded.id, 'share_with_care_team', 'per_item');
    await recordConsent(pw, guarded.id, 'lockbox', 'on');
    expect(
      errorOf(
        await refused(
          ctx,
          pw.as.psp,
          post('/api/voice-items', { personId: guarded.id, kind: 'question', words: 'x', shareAgreed: true }),
          409,
        ),
      ).code,
    ).toBe('sharing_blocked');
  });
});

describe('the closed loop', () => {
  it('open → acknowledged → answered → returned, each step with who and when', async () => {
    const item = await addVoiceItem(pw, person.id, {
      words: 'Can I see my psychiatrist without my mother there?',
      shareAgreed: true,
    });
    const t0 = ctx.clock.now().toISOString();

    ctx.clock.advanceMinutes(60);
    const acknowledged = await voiceStep(pw, 'nurse', item, 'acknowledge');
    expect(acknowledged).toMatchObject({
      status: 'acknowledged',
      acknowledged: { at: ctx.clock.now().toISOString(), by: { id: pw.ids.nurse, name: pw.names.nurse } },
      version: 2,
    });

    ctx.clock.advanceMinutes(60);
    const answered = await voiceStep(pw, 'psychiatrist', acknowledged, 'answer', {
      answer: 'Yes. We will book a time for you alone.',
    });
    expect(answered).toMatchObject({
      status: 'answered',
      acknowledged: { by: { id: pw.ids.nurse } },
      answered: { at: ctx.clock.now().toISOString(), by: { id: pw.ids.psychiatrist, name: pw.names.psychiatrist } },
      answer: 'Yes. We will book a time for you alone.',
      isOverdue: false,
    });

    ctx.clock.advanceMinutes(60);
    const returned = await voiceStep(pw, 'psp2', answered, 'return', { reaction: 'Relieved.' });
    expect(returned).toMatchObject({
      status: 'returned',
      returned: { at: ctx.clock.now().toISOString(), by: { id: pw.ids.psp2, name: pw.names.psp2 } },
      reaction: 'Relieved.',
      created: { at: t0 },
      version: 4,
    });
    expect(await read<VoiceItem>(pw, 'nurse', `/api/voice-items/${item.id}`)).toEqual(returned);
  });

  it('answering straight away counts as acknowledging then', async () => {
    const item = await addVoiceItem(pw, person.id, { shareAgreed: true });
    const answered = await voiceStep(pw, 'nurse', item, 'answer', { answer: 'Done.' });
    expect(answered.acknowledged).toEqual(answered.answered);
  });

  it('refuses invalid transitions with 409 and changes nothing', async () => {
    const item = await addVoiceItem(pw, person.id, { shareAgreed: true });
    const transition = async (who: 'nurse' | 'psp', step: string, current: VoiceItem, extra: object = {}) =>
      errorOf(
        await refused(
          ctx,
          pw.as[who],
          post(`/api/voice-items/${current.id}/${step}`, { version: current.version, ...extra }),
          409,
        ),
      ).code;
    expect(await transition('psp', 'return', item)).toBe('invalid_transition');
    expect(await transition('psp', 'share', item)).toBe('invalid_transition');
    const answered = await voiceStep(pw, 'nurse', item, 'answer', { answer: 'Yes.' });
    expect(await transition('nurse', 'acknowledge', answered)).toBe('invalid_transition');
    expect(await transition('nurse', 'answer', answered, { answer: 'Again.' })).toBe('invalid_transition');
    const returned = await voiceStep(pw, 'psp', answered, 'return');
    expect(await transition('psp', 'return', returned)).toBe('invalid_transition');
    expect(await transition('nurse', 'answer', returned, { answer: 'Late.' })).toBe('invalid_transition');
    const withdrawn = await voiceStep(pw, 'psp', returned, 'withdraw');
    expect(await transition('psp', 'withdraw', withdrawn)).toBe('invalid_transition');
  });

  it('a stale version gets 409', async () => {
    const item = await addVoiceItem(pw, person.id, { shareAgreed: true });
    await voiceStep(pw, 'nurse', item, 'acknowledge');
    const fresh = await read<VoiceItem>(pw, 'nurse', `/api/voice-items/${item.id}`);
    await voiceStep(pw, 'psychiatrist', fresh, 'answer', { answer: 'first' });
    expect(
      errorOf(
        await refused(
          ctx,
          pw.as.nurse,
          post(`/api/voice-items/${item.id}/answer`, { version: fresh.version, answer: 'second' }),
          409,
        ),
      ).code,
    ).toBe('invalid_transition');
    const other = await addVoiceItem(pw, person.id, { shareAgreed: true });
    await voiceStep(pw, 'nurse', other, 'acknowledge');
    expect(
      errorOf(
        await refused(
          ctx,
          pw.as.psychiatrist,
          post(`/api/voice-items/${other.id}/answer`, { version: other.version, answer: 'stale' }),
          409,
        ),
      ).code,
    ).toBe('version_conflict');
  });

  it('each step belongs to its side: peer staff return and withdraw, clinicians acknowledge and answer', async () => {
    const item = await addVoiceItem(pw, person.id, { shareAgreed: true });
    await refused(ctx, pw.as.psp, post(`/api/voice-items/${item.id}/acknowledge`, { version: 1 }), 403);
    await refused(
      ctx,
      pw.as.supervisor,
      post(`/api/voice-items/${item.id}/answer`, { version: 1, answer: 'peer answer' }),
      403,
    );
    await refused(ctx, pw.as.nurse, post(`/api/voice-items/${item.id}/withdraw`, { version: 1 }), 403);
    const answered = await voiceStep(pw, 'nurse', item, 'answer', { answer: 'ok' });
    await refused(ctx, pw.as.nurse, post(`/api/voice-items/${item.id}/return`, { version: answered.version }), 403);
    for (const who of ['nurseB', 'otherNurse', 'manager', 'orgAdmin'] as const) {
      await refused(ctx, pw.as[who], post(`/api/voice-items/${item.id}/return`, { version: answered.version }), 404);
      await refused(ctx, pw.as[who], { method: 'GET', url: `/api/voice-items/${item.id}` }, 404);
    }
  });

  it('rejects an empty answer naming the field', async () => {
    const item = await addVoiceItem(pw, person.id, { shareAgreed: true });
    expect(
      fieldsOf(
        await refused(
          ctx,
          pw.as.nurse,
          post(`/api/voice-items/${item.id}/answer`, { version: item.version, answer: ' ' }),
          400,
        ),
      ),
    ).toEqual(['answer']);
    expect(fieldsOf(await refused(ctx, pw.as.nurse, post(`/api/voice-items/${item.id}/acknowledge`, {}), 400))).toEqual(
      ['version'],
    );
  });
});

describe('sharing later, withdrawing', () => {
  it('an item shared later becomes due from then and reaches the clinicians', async () => {
    const item = await addVoiceItem(pw, person.id, { kind: 'preference' });
    await refused(ctx, pw.as.nurse, { method: 'GET', url: `/api/voice-items/${item.id}` }, 404);
    ctx.clock.advanceMinutes(120);
    const shared = await voiceStep(pw, 'psp', item, 'share');
    expect(shared).toMatchObject({
      shareAgreed: true,
      status: 'open',
      sharedAt: ctx.clock.now().toISOString(),
      dueAt: new Date(ctx.clock.now().getTime() + 7 * DAY).toISOString(),
    });
    expect((await read<VoiceItem>(pw, 'nurse', `/api/voice-items/${item.id}`)).id).toBe(item.id);
  });

  it('a withdrawn item leaves the clinicians’ views at once and stays with peer staff', async () => {
    const item = await addVoiceItem(pw, person.id, { shareAgreed: true });
    const acknowledged = await voiceStep(pw, 'nurse', item, 'acknowledge');
    const withdrawn = await voiceStep(pw, 'psp', acknowledged, 'withdraw');
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      withdrawn: { at: ctx.clock.now().toISOString(), by: { id: pw.ids.psp } },
    });
    await refused(ctx, pw.as.nurse, { method: 'GET', url: `/api/voice-items/${item.id}` }, 404);
    expect(
      (await read<VoiceItem[]>(pw, 'nurse', `/api/voice-items?personId=${person.id}`)).map((v) => v.id),
    ).not.toContain(item.id);
    expect((await read<VoiceItem>(pw, 'supervisor', `/api/voice-items/${item.id}`)).status).toBe('withdrawn');
  });
});

describe('target time and overdue', () => {
  it('follows the program’s target and flags items past due, until answered', async () => {
    const program = expectStatus<{ version: number }>(
      await pw.as.orgAdmin.request({ method: 'GET', url: `/api/programs/${pw.programId}` }),
      200,
    );
    expectStatus(
      await pw.as.orgAdmin.request({
        method: 'PATCH',
        url: `/api/programs/${pw.programId}`,
        payload: { version: program.version, voiceAnswerTargetDays: 3 },
      }),
      200,
    );
    const fresh = await addPerson(pw);
    const late = await addVoiceItem(pw, fresh.id, { shareAgreed: true });
    const answeredInTime = await addVoiceItem(pw, fresh.id, { shareAgreed: true });
    expect(late.dueAt).toBe(new Date(ctx.clock.now().getTime() + 3 * DAY).toISOString());

    ctx.clock.advanceMinutes(2 * 24 * 60);
    await pw.signInAgain();
    expect((await read<VoiceItem>(pw, 'nurse', `/api/voice-items/${late.id}`)).isOverdue).toBe(false);
    await voiceStep(pw, 'nurse', answeredInTime, 'answer', { answer: 'in time' });

    ctx.clock.advanceMinutes(24 * 60 + 1);
    await pw.signInAgain();
    const overdue = await read<VoiceItem[]>(pw, 'nurse', `/api/voice-items?personId=${fresh.id}`);
    expect(Object.fromEntries(overdue.map((v) => [v.id, v.isOverdue]))).toEqual({
      [late.id]: true,
      [answeredInTime.id]: false,
    });

    const acknowledged = await voiceStep(pw, 'nurse', late, 'acknowledge');
    expect(acknowledged.isOverdue).toBe(true);
    expect((await voiceStep(pw, 'nurse', acknowledged, 'answer', { answer: 'late' })).isOverdue).toBe(false);
  });
});

describe('listing', () => {
  it('filters by person, team and status', async () => {
    const fresh = await addPerson(pw);
    const a = await addVoiceItem(pw, fresh.id, { shareAgreed: true });
    const b = await addVoiceItem(pw, fresh.id);
    await voiceStep(pw, 'nurse', a, 'acknowledge');
    expect(
      (await read<VoiceItem[]>(pw, 'psp', `/api/voice-items?personId=${fresh.id}`)).map((v) => v.id).sort(),
    ).toEqual([a.id, b.id].sort());
    expect(
      (await read<VoiceItem[]>(pw, 'psp', `/api/voice-items?personId=${fresh.id}&status=open`)).map((v) => v.id),
    ).toEqual([b.id]);
    expect((await read<VoiceItem[]>(pw, 'nurse', `/api/voice-items?personId=${fresh.id}`)).map((v) => v.id)).toEqual([
      a.id,
    ]);
    expect(
      (await read<VoiceItem[]>(pw, 'nurse', `/api/voice-items?teamId=${pw.teamId}&status=acknowledged`)).map(
        (v) => v.id,
      ),
    ).toContain(a.id);
    expect(await read<VoiceItem[]>(pw, 'nurseB', `/api/voice-items?personId=${fresh.id}`)).toEqual([]);
    expect(
      fieldsOf(await refused(ctx, pw.as.psp, { method: 'GET', url: '/api/voice-items?status=lost' }, 400)),
    ).toEqual(['status']);
  });
});
