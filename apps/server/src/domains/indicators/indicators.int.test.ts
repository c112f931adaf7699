import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '@alongside/db';
import type { Indicators, Person, VoiceItem } from '@alongside/contracts';
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
} from '../../test/practice-world.ts';

let ctx: PracticeContext;
let pw: PracticeWorld;

/** Moves the test clock forward to an instant (and signs everyone in again: sessions last 12 hours). */
async function moveTo(iso: string) {
  const minutes = (Date.parse(iso) - ctx.clock.now().getTime()) / 60_000;
  expect(minutes).toBeGreaterThanOrEqual(0);
  ctx.clock.advanceMinutes(minutes);
  await pw.signInAgain();
}

const MARCH = 'from=2026-03-01&to=2026-03-31';
const url = (query = MARCH) => `/api/programs/${pw.programId}/indicators?${query}`;

/**
 * A small program with known numbers (k = 5). In March 2026:
 * - contacts: six people, one 60-minute contact each (P1–P5 emotional + social support, P6 emotional), and a
 *   30-minute crisis-support contact with P1 → 7 contacts, 6.5 hours; in February two contacts (P1, P2);
 * - voice items shared on 2 March (target 7 days): answered after 1 (P5), 2 (P1, returned), 4 (P2, returned) and
 *   10 days (P3, late); P4 never answered (overdue); one more for P1 on 20 March, not yet due; an unshared item and
 *   an item withdrawn before an answer are not counted;
 * - connections from peer support for P1–P5: two completed, one declined, one accepted, one proposed;
 * - referrals to peer support: psychiatrist for P1–P5, nurse for P6;
 * - huddles: team A (2 PSPs) with both PSPs, then with one; team B (1 PSP) with none → 3 of 5 seats.
 * The tests read on 1 April, once March is over (a month is reported only when it has ended).
 */
beforeAll(async () => {
  ctx = await createPracticeContext();
  pw = await createPracticeWorld(ctx);
  expect(ctx.clock.now().toISOString()).toBe('2026-03-02T09:00:00.000Z');
  const p: Person[] = [];
  for (let i = 1; i <= 6; i++) p.push(await addPerson(pw, { preferredName: `P${i}` }));
  const [p1, p2, p3, p4, p5, p6] = p as [Person, Person, Person, Person, Person, Person];

  for (const person of p) {
    await logContact(pw, person.id, {
      occurredAt: '2026-03-02T08:00:00Z',
      durationMinutes: 60,
      activities: person === p6 ? ['emotional_support'] : ['emotional_support', 'social_support'],
    });
  }
  await logContact(
    pw,
    p1.id,
    { occurredAt: '2026-03-02T08:30:00Z', durationMinutes: 30, activities: ['crisis_support'] },
    'psp2',
  );
  await logContact(pw, p1.id, { occurredAt: '2026-02-10T10:00:00Z', durationMinutes: 45 });
  await logContact(pw, p2.id, { occurredAt: '2026-02-11T10:00:00Z', durationMinutes: 45 });

  const v: Record<string, VoiceItem> = {};
  for (const [key, person] of [
    ['v1', p1],
    ['v2', p2],
    ['v3', p3],
    ['v4', p4],
    ['v5', p5],
    ['v7', p6],
  ] as const) {
    v[key] = await addVoiceItem(pw, person.id, { shareAgreed: true });
  }
  await addVoiceItem(pw, p6.id);
  await voiceStep(pw, 'psp', v.v7!, 'withdraw');

  for (const [i, person] of [p1, p2, p3, p4, p5].entries()) {
    const c = await addConnection(pw, 'psp', {
      direction: 'from_peer_support',
      personId: person.id,
      service: 'housing',
    });
    if (i === 4) continue;
    const accepted = await moveConnection(pw, 'psp', c, i === 2 ? 'declined' : 'accepted');
    if (i < 2) await moveConnection(pw, 'psp', await moveConnection(pw, 'psp', accepted, 'met'), 'completed');
  }
  for (const person of [p1, p2, p3, p4, p5])
    await addConnection(pw, 'psychiatrist', { direction: 'to_peer_support', personId: person.id });
  await addConnection(pw, 'nurse', { direction: 'to_peer_support', personId: p6.id });

  const huddle = async (who: 'psp' | 'pspB', teamId: string, heldAt: string, attendeeIds: string[]) =>
    expectStatus(
      await pw.as[who].request({ method: 'POST', url: '/api/huddles', payload: { teamId, heldAt, attendeeIds } }),
      201,
    );
  await huddle('psp', pw.teamId, '2026-03-05T13:00:00Z', [pw.ids.psp, pw.ids.psp2, pw.ids.nurse, pw.ids.supervisor]);
  await huddle('psp', pw.teamId, '2026-03-10T13:00:00Z', [pw.ids.psp, pw.ids.nurse]);
  await huddle('pspB', pw.world.teamB, '2026-03-10T13:00:00Z', [pw.ids.nurseB]);

  await moveTo('2026-03-03T09:00:00Z');
  await voiceStep(pw, 'nurse', v.v5!, 'answer', { answer: 'a' });
  await moveTo('2026-03-04T09:00:00Z');
  await voiceStep(pw, 'psp', await voiceStep(pw, 'nurse', v.v1!, 'answer', { answer: 'a' }), 'return');
  await moveTo('2026-03-06T09:00:00Z');
  await voiceStep(pw, 'psp', await voiceStep(pw, 'psychiatrist', v.v2!, 'answer', { answer: 'a' }), 'return');
  await moveTo('2026-03-12T09:00:00Z');
  await voiceStep(pw, 'nurse', v.v3!, 'answer', { answer: 'a' });
  await moveTo('2026-03-20T09:00:00Z');
  await addVoiceItem(pw, p1.id, { shareAgreed: true });
  await moveTo('2026-04-01T09:00:00Z');
});

const SUPPRESSED = { value: null, suppressed: true };
const shown = (value: number | null) => ({ value, suppressed: false });

describe('program indicators', () => {
  it('computes every figure of the period from everyday work, beside the previous period', async () => {
    const data = await read<Indicators>(pw, 'manager', url());
    expect(data).toMatchObject({
      programId: pw.programId,
      period: { from: '2026-03-01', to: '2026-03-31' },
      previousPeriod: { from: '2026-02-01', to: '2026-02-28' },
      k: 5,
      voiceAnswerTargetDays: 7,
    });
    const figures = Object.fromEntries(
      data.indicators.map((i) => [i.key, { unit: i.unit, current: i.current, previous: i.previous }]),
    );
    expect(figures).toEqual({
      people_supported: { unit: 'count', current: shown(6), previous: SUPPRESSED },
      contacts: { unit: 'count', current: shown(7), previous: SUPPRESSED },
      contact_hours: { unit: 'hours', current: shown(6.5), previous: SUPPRESSED },
      contacts_per_person: { unit: 'ratio', current: shown(1.2), previous: SUPPRESSED },
      voice_items_shared: { unit: 'count', current: shown(6), previous: shown(0) },
      voice_answered_on_time_pct: { unit: 'percent', current: shown(50), previous: shown(null) },
      voice_median_days_to_answer: { unit: 'days', current: shown(3), previous: shown(null) },
      voice_returned_pct: { unit: 'percent', current: shown(50), previous: shown(null) },
      voice_overdue: { unit: 'count', current: shown(3), previous: shown(0) },
      connections_made: { unit: 'count', current: shown(5), previous: shown(0) },
      connections_completed_pct: { unit: 'percent', current: shown(40), previous: shown(null) },
      referrals_to_peer_support: { unit: 'count', current: shown(6), previous: shown(0) },
      psp_huddle_attendance_pct: { unit: 'percent', current: shown(60), previous: shown(null) },
    });
  });

  it('shows the activities mix and referrals by profession, hiding cells about fewer than k people', async () => {
    const data = await read<Indicators>(pw, 'manager', url());
    const activities = Object.fromEntries(data.activities.map((a) => [a.activity, [a.current, a.previous]]));
    expect(activities).toEqual({
      emotional_support: [shown(6), SUPPRESSED],
      social_support: [shown(5), shown(0)],
      crisis_support: [SUPPRESSED, shown(0)],
      navigating_services: [shown(0), shown(0)],
      advocacy: [shown(0), shown(0)],
      hope_and_recovery: [shown(0), shown(0)],
      sharing_own_experience: [shown(0), shown(0)],
      community_resources: [shown(0), shown(0)],
    });
    const referrals = Object.fromEntries(data.referralsByProfession.map((r) => [r.profession, r.current]));
    expect(referrals).toEqual({
      nurse: SUPPRESSED,
      psychiatrist: shown(5),
      psychologist: shown(0),
      occupational_therapist: shown(0),
      social_worker: shown(0),
    });
  });

  it('gives a month-by-month trend over the twelve months that end with the period', async () => {
    const data = await read<Indicators>(pw, 'manager', url('from=2026-02-01&to=2026-03-31'));
    expect(data.trend.map((t) => t.month)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(data.trend.slice(0, 10).every((t) => t.contacts.value === 0)).toBe(true);
    expect(data.trend.slice(10)).toEqual([
      { month: '2026-02', peopleSupported: SUPPRESSED, contacts: SUPPRESSED, voiceAnsweredOnTimePct: shown(null) },
      { month: '2026-03', peopleSupported: shown(6), contacts: shown(7), voiceAnsweredOnTimePct: shown(50) },
    ]);
  });

  it('follows the organization’s k', async () => {
    await ctx.db
      .update(schema.organizations)
      .set({ privacyThresholdK: 7 })
      .where(eq(schema.organizations.id, pw.organizationId));
    try {
      const data = await read<Indicators>(pw, 'manager', url());
      expect(data.k).toBe(7);
      const people = data.indicators.find((i) => i.key === 'people_supported')!;
      expect(people.current).toEqual(SUPPRESSED);
      expect(data.activities.find((a) => a.activity === 'social_support')!.current).toEqual(SUPPRESSED);
      expect(data.referralsByProfession.find((r) => r.profession === 'psychiatrist')!.current).toEqual(SUPPRESSED);
    } finally {
      await ctx.db
        .update(schema.organizations)
        .set({ privacyThresholdK: 5 })
        .where(eq(schema.organizations.id, pw.organizationId));
    }
  });

  it('follows a past period’s items up to now: answered late, or unanswered past due, is late', async () => {
    const data = await read<Indicators>(pw, 'manager', url());
    const figures = Object.fromEntries(data.indicators.map((i) => [i.key, i.current]));
    // V3 was answered on 12 March (late); V4 is still unanswered, due 9 March; the item of 20 March was due on the 27th.
    expect(figures.voice_items_shared).toEqual(shown(6));
    expect(figures.voice_answered_on_time_pct).toEqual(shown(50));
    expect(figures.voice_overdue).toEqual(shown(3));
    expect(figures.voice_median_days_to_answer).toEqual(shown(3));
  });

  it('exports the same numbers as CSV, suppressed cells empty and explained', async () => {
    const response = await pw.as.manager.request({
      method: 'GET',
      url: `/api/programs/${pw.programId}/indicators.csv?${MARCH}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('indicators-2026-03-01-2026-03-31.csv');
    const lines = response.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('section,figure,unit,period,value,previous period,previous value,note');
    expect(lines).toContain(
      'indicator,people_supported,count,2026-03-01..2026-03-31,6,2026-02-01..2026-02-28,,fewer than 5 people in the period or in one of its months - hidden to protect privacy',
    );
    expect(lines).toContain(
      'indicator,voice_answered_on_time_pct,percent,2026-03-01..2026-03-31,50,2026-02-01..2026-02-28,,',
    );
    expect(lines).toContain(
      'activities,crisis_support,contacts,2026-03-01..2026-03-31,,2026-02-01..2026-02-28,0,fewer than 5 people in the period or in one of its months - hidden to protect privacy',
    );
    expect(lines).toContain(
      'referrals by profession,psychiatrist,count,2026-03-01..2026-03-31,5,2026-02-01..2026-02-28,0,',
    );
  });

  it('is open to the program’s members and administrators, audited; 404 for another organization', async () => {
    for (const who of ['manager', 'researcher', 'psp', 'nurse', 'pspB', 'orgAdmin', 'platform'] as const) {
      expect((await read<Indicators>(pw, who, url())).programId).toBe(pw.programId);
    }
    const events = await ctx.db
      .select()
      .from(schema.auditEvents)
      .where(
        and(
          eq(schema.auditEvents.action, 'indicators.read'),
          eq(schema.auditEvents.actorUserId, pw.ids.manager),
          eq(schema.auditEvents.entityId, pw.programId),
        ),
      );
    // Other tests of this file read other periods as the same manager: look for this read among them.
    expect(events).toContainEqual(
      expect.objectContaining({
        entityType: 'program',
        organizationId: pw.organizationId,
        details: { from: '2026-03-01', to: '2026-03-31' },
      }),
    );
    for (const who of ['otherOrgAdmin', 'otherPsp', 'otherNurse'] as const) {
      await refused(ctx, pw.as[who], { method: 'GET', url: url() }, 404);
      await refused(
        ctx,
        pw.as[who],
        { method: 'GET', url: `/api/programs/${pw.programId}/indicators.csv?${MARCH}` },
        404,
      );
    }
    await refused(
      ctx,
      pw.as.manager,
      { method: 'GET', url: `/api/programs/${pw.other.programId}/indicators?${MARCH}` },
      404,
    );
  });

  it('rejects a bad period naming the field', async () => {
    expect(
      fieldsOf(await refused(ctx, pw.as.manager, { method: 'GET', url: url('from=2026-03-31&to=2026-03-01') }, 400)),
    ).toEqual(['to']);
    expect(
      fieldsOf(await refused(ctx, pw.as.manager, { method: 'GET', url: url('from=2020-01-01&to=2026-03-01') }, 400)),
    ).toEqual(['to']);
    expect(
      fieldsOf(await refused(ctx, pw.as.manager, { method: 'GET', url: url('from=March&to=2026-03-01') }, 400)),
    ).toEqual(['from']);
    expect(fieldsOf(await refused(ctx, pw.as.manager, { method: 'GET', url: url('to=2026-03-01') }, 400))).toEqual([
      'from',
    ]);
    // No month of April is over on 1 April.
    expect(
      fieldsOf(await refused(ctx, pw.as.manager, { method: 'GET', url: url('from=2026-04-01&to=2026-04-30') }, 400)),
    ).toEqual(['to']);
  });

  it('cannot be differenced: periods are whole months that are over, and a period with a small month is withheld', async () => {
    // One more person, seen once on 31 March: two periods ending a day apart must not isolate that contact.
    const late = await addPerson(pw, { preferredName: 'P7' });
    await logContact(pw, late.id, { occurredAt: '2026-03-31T15:00:00Z', durationMinutes: 20 });
    const contacts = async (query: string) => {
      const data = await read<Indicators>(pw, 'manager', url(query));
      return { period: data.period, cell: data.indicators.find((i) => i.key === 'contacts')!.current };
    };
    const whole = await contacts('from=2026-03-01&to=2026-03-31');
    expect(whole).toEqual({ period: { from: '2026-03-01', to: '2026-03-31' }, cell: shown(8) });
    expect(await contacts('from=2026-03-01&to=2026-03-30')).toEqual(whole);
    expect(await contacts('from=2026-03-02&to=2026-03-31')).toEqual(whole);
    // A running month is left out: asking up to today gives March alone.
    expect(await contacts('from=2026-03-01&to=2026-04-01')).toEqual(whole);
    // February is about two people: the quarter is withheld, or the quarter minus March would give February.
    const quarter = await read<Indicators>(pw, 'manager', url('from=2026-01-01&to=2026-03-31'));
    expect(quarter.period).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    for (const i of quarter.indicators.filter((i) => ['people_supported', 'contacts', 'contact_hours'].includes(i.key)))
      expect(i.current).toEqual(SUPPRESSED);
    // And so is every figure over a run of months that includes it, exported as CSV too.
    const csv = await pw.as.manager.request({
      method: 'GET',
      url: `/api/programs/${pw.programId}/indicators.csv?from=2026-02-01&to=2026-03-31`,
    });
    expect(csv.body).toContain('indicator,contacts,count,2026-02-01..2026-03-31,,');
  });
});
