import { beforeAll, describe, expect, it } from 'vitest';
import type { Contact, Person } from '@alongside/contracts';
import { errorOf, fieldsOf } from '../../test/harness.ts';
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
let person: Person;

beforeAll(async () => {
  ctx = await createPracticeContext();
  pw = await createPracticeWorld(ctx);
  person = await addPerson(pw);
});

const HOUR = 3_600_000;

describe('logging a contact', () => {
  it('a PSP logs a contact with everything a phone form asks for', async () => {
    const occurredAt = new Date(ctx.clock.now().getTime() - 2 * HOUR).toISOString();
    const contact = await logContact(pw, person.id, {
      occurredAt,
      durationMinutes: 45,
      mode: 'accompaniment',
      location: 'emergency_department',
      activities: ['navigating_services', 'sharing_own_experience', 'navigating_services'],
      note: 'Went with them to the ED, talked about my own first visit.',
      teamSummary: 'Accompanied to the ED.',
      summaryAgreed: true,
    });
    expect(contact).toMatchObject({
      personId: person.id,
      personName: person.preferredName,
      teamId: pw.teamId,
      author: { id: pw.ids.psp, name: pw.names.psp },
      occurredAt,
      durationMinutes: 45,
      mode: 'accompaniment',
      location: 'emergency_department',
      activities: ['navigating_services', 'sharing_own_experience'],
      note: 'Went with them to the ED, talked about my own first visit.',
      teamSummary: 'Accompanied to the ED.',
      summaryAgreed: true,
      corrections: [],
      createdAt: ctx.clock.now().toISOString(),
      editableUntil: new Date(ctx.clock.now().getTime() + 24 * HOUR).toISOString(),
      version: 1,
    });
    expect((await read<Person>(pw, 'psp', `/api/persons/${person.id}`)).lastContactAt).toBe(occurredAt);
  });

  it('rejects bad input naming the field, changing nothing', async () => {
    const base = {
      personId: person.id,
      occurredAt: new Date(ctx.clock.now().getTime() - HOUR).toISOString(),
      durationMinutes: 20,
      mode: 'phone',
      location: 'home',
      activities: ['advocacy'],
    };
    const bad = async (payload: object) =>
      fieldsOf(await refused(ctx, pw.as.psp, { method: 'POST', url: '/api/contacts', payload }, 400));
    expect(await bad({ ...base, activities: ['astrology'] })).toEqual(['activities.0']);
    expect(await bad({ ...base, activities: [] })).toEqual(['activities']);
    expect(await bad({ ...base, durationMinutes: 0 })).toEqual(['durationMinutes']);
    expect(await bad({ ...base, mode: 'carrier_pigeon' })).toEqual(['mode']);
    expect(await bad({ ...base, location: 'moon' })).toEqual(['location']);
    expect(await bad({ ...base, occurredAt: '2026-03-01' })).toEqual(['occurredAt']);
    expect(await bad({ ...base, occurredAt: new Date(ctx.clock.now().getTime() + HOUR).toISOString() })).toEqual([
      'occurredAt',
    ]);
    expect(await bad({ ...base, note: 'x'.repeat(4001) })).toEqual(['note']);
  });

  it('only the team’s peer staff log contacts: clinicians 403, others 404, nothing changes', async () => {
    const payload = {
      personId: person.id,
      occurredAt: ctx.clock.now().toISOString(),
      durationMinutes: 20,
      mode: 'phone',
      location: 'home',
      activities: ['advocacy'],
    };
    await refused(ctx, pw.as.nurse, { method: 'POST', url: '/api/contacts', payload }, 403);
    for (const who of ['manager', 'researcher', 'orgAdmin', 'platform', 'pspB', 'otherPsp'] as const) {
      await refused(ctx, pw.as[who], { method: 'POST', url: '/api/contacts', payload }, 404);
    }
  });
});

describe('listing contacts', () => {
  it('filters by person, team and time, newest first, with a limit', async () => {
    const other = await addPerson(pw);
    const now = ctx.clock.now().getTime();
    const a = await logContact(pw, other.id, { occurredAt: new Date(now - 30 * HOUR).toISOString() });
    const b = await logContact(pw, other.id, { occurredAt: new Date(now - 20 * HOUR).toISOString() }, 'psp2');
    const c = await logContact(pw, other.id, { occurredAt: new Date(now - 10 * HOUR).toISOString() }, 'supervisor');
    const byPerson = await read<Contact[]>(pw, 'psp', `/api/contacts?personId=${other.id}`);
    expect(byPerson.map((x) => x.id)).toEqual([c.id, b.id, a.id]);
    const from = encodeURIComponent(new Date(now - 25 * HOUR).toISOString());
    const to = encodeURIComponent(new Date(now - 10 * HOUR).toISOString());
    expect(
      (await read<Contact[]>(pw, 'psp', `/api/contacts?personId=${other.id}&from=${from}&to=${to}`)).map((x) => x.id),
    ).toEqual([b.id]);
    expect((await read<Contact[]>(pw, 'psp', `/api/contacts?personId=${other.id}&limit=1`)).map((x) => x.id)).toEqual([
      c.id,
    ]);
    expect((await read<Contact[]>(pw, 'psp', `/api/contacts?teamId=${pw.teamId}&limit=200`)).map((x) => x.id)).toEqual(
      expect.arrayContaining([a.id, b.id, c.id]),
    );
    expect(await read<Contact[]>(pw, 'psp', `/api/contacts?teamId=${pw.world.teamB}`)).toEqual([]);
    expect(fieldsOf(await refused(ctx, pw.as.psp, { method: 'GET', url: '/api/contacts?limit=0' }, 400))).toEqual([
      'limit',
    ]);
    expect(
      fieldsOf(await refused(ctx, pw.as.psp, { method: 'GET', url: '/api/contacts?from=yesterday' }, 400)),
    ).toEqual(['from']);
  });

  it('gets one contact; another team or organization gets 404', async () => {
    const contact = await logContact(pw, person.id);
    expect((await read<Contact>(pw, 'supervisor', `/api/contacts/${contact.id}`)).note).toBe('a short note');
    for (const who of ['pspB', 'otherPsp', 'manager', 'platform'] as const) {
      await refused(ctx, pw.as[who], { method: 'GET', url: `/api/contacts/${contact.id}` }, 404);
    }
  });
});

describe('the 24-hour edit window', () => {
  it('the author edits with a version; stale → 409; other staff → 403; after 24 h → 409 and corrections are appended', async () => {
    const contact = await logContact(pw, person.id, { note: 'first version' });
    const url = `/api/contacts/${contact.id}`;
    ctx.clock.advanceMinutes(60);
    const edited = expectStatus<Contact>(
      await pw.as.psp.request({
        method: 'PATCH',
        url,
        payload: {
          version: contact.version,
          note: 'second version',
          durationMinutes: 50,
          activities: ['crisis_support'],
        },
      }),
      200,
    );
    expect(edited).toMatchObject({
      note: 'second version',
      durationMinutes: 50,
      activities: ['crisis_support'],
      version: contact.version + 1,
    });
    expect(
      errorOf(
        await refused(
          ctx,
          pw.as.psp,
          { method: 'PATCH', url, payload: { version: contact.version, note: 'stale' } },
          409,
        ),
      ).code,
    ).toBe('version_conflict');
    expect(
      errorOf(
        await refused(
          ctx,
          pw.as.psp2,
          { method: 'PATCH', url, payload: { version: edited.version, note: 'not mine' } },
          403,
        ),
      ).code,
    ).toBe('forbidden');
    await refused(
      ctx,
      pw.as.nurse,
      { method: 'PATCH', url, payload: { version: edited.version, durationMinutes: 5 } },
      403,
    );
    await refused(
      ctx,
      pw.as.pspB,
      { method: 'PATCH', url, payload: { version: edited.version, durationMinutes: 5 } },
      404,
    );
    expect(
      fieldsOf(
        await refused(
          ctx,
          pw.as.psp,
          { method: 'PATCH', url, payload: { version: edited.version, activities: ['nap'] } },
          400,
        ),
      ),
    ).toEqual(['activities.0']);

    // 23 hours after logging: still open. Past 24 hours: closed, whatever the version.
    ctx.clock.advanceMinutes(22 * 60);
    await pw.signInAgain();
    const late = expectStatus<Contact>(
      await pw.as.psp.request({ method: 'PATCH', url, payload: { version: edited.version, location: 'community' } }),
      200,
    );
    ctx.clock.advanceMinutes(61);
    expect(
      errorOf(
        await refused(
          ctx,
          pw.as.psp,
          { method: 'PATCH', url, payload: { version: late.version, note: 'too late' } },
          409,
        ),
      ).code,
    ).toBe('edit_window_closed');

    const corrected = expectStatus<Contact>(
      await pw.as.psp2.request({
        method: 'POST',
        url: `${url}/corrections`,
        payload: { note: 'It was 40 minutes, not 50.' },
      }),
      201,
    );
    expect(corrected.note).toBe('second version');
    expect(corrected.version).toBe(late.version);
    expect(corrected.corrections).toEqual([
      {
        id: expect.any(String) as string,
        author: { id: pw.ids.psp2, name: pw.names.psp2 },
        note: 'It was 40 minutes, not 50.',
        createdAt: ctx.clock.now().toISOString(),
      },
    ]);
    ctx.clock.advanceMinutes(5);
    const twice = expectStatus<Contact>(
      await pw.as.psp.request({ method: 'POST', url: `${url}/corrections`, payload: { note: 'And by phone.' } }),
      201,
    );
    expect(twice.corrections?.map((c) => c.note)).toEqual(['It was 40 minutes, not 50.', 'And by phone.']);

    await refused(
      ctx,
      pw.as.nurse,
      { method: 'POST', url: `${url}/corrections`, payload: { note: 'clinician view' } },
      403,
    );
    await refused(
      ctx,
      pw.as.otherPsp,
      { method: 'POST', url: `${url}/corrections`, payload: { note: 'outsider' } },
      404,
    );
    expect(
      fieldsOf(
        await refused(ctx, pw.as.psp, { method: 'POST', url: `${url}/corrections`, payload: { note: '  ' } }, 400),
      ),
    ).toEqual(['note']);
  });
});

describe('what clinicians read', () => {
  it('metadata and an agreed summary, never the note or corrections', async () => {
    const agreed = await logContact(pw, person.id, {
      note: 'peer only words',
      teamSummary: 'for the team',
      summaryAgreed: true,
    });
    const notAgreed = await logContact(pw, person.id, {
      note: 'peer only words',
      teamSummary: 'not agreed yet',
      summaryAgreed: false,
    });
    const seen = await read<Contact>(pw, 'psychiatrist', `/api/contacts/${agreed.id}`);
    expect(seen).toMatchObject({ id: agreed.id, mode: 'in_person', durationMinutes: 30, teamSummary: 'for the team' });
    expect(seen).not.toHaveProperty('note');
    expect(seen).not.toHaveProperty('corrections');
    expect(seen).not.toHaveProperty('summaryAgreed');
    expect((await read<Contact>(pw, 'psychiatrist', `/api/contacts/${notAgreed.id}`)).teamSummary).toBeNull();
  });
});
