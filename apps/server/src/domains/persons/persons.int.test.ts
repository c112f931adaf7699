import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsentRecord, Person } from '@alongside/contracts';
import { errorOf, fieldsOf } from '../../test/harness.ts';
import {
  addPerson,
  createPracticeContext,
  createPracticeWorld,
  expectStatus,
  read,
  recordConsent,
  refused,
  type PracticeContext,
  type PracticeWorld,
} from '../../test/practice-world.ts';

let ctx: PracticeContext;
let pw: PracticeWorld;

beforeAll(async () => {
  ctx = await createPracticeContext();
  pw = await createPracticeWorld(ctx);
});

describe('adding a person', () => {
  it('a PSP adds a person, pseudonymous, on their own caseload with default consent', async () => {
    const person = await addPerson(pw, {
      preferredName: 'Robin',
      pronouns: 'they/them',
      externalId: 'MRN-1001',
      language: 'fr',
    });
    expect(person).toMatchObject({
      teamId: pw.teamId,
      programId: pw.programId,
      preferredName: 'Robin',
      pronouns: 'they/them',
      externalId: 'MRN-1001',
      language: 'fr',
      psps: [{ id: pw.ids.psp, name: pw.names.psp, isPrimary: true }],
      consent: { shareWithCareTeam: 'per_item', researchUse: false, lockbox: false },
      lastContactAt: null,
      openVoiceItems: 0,
      pendingConnections: 0,
      version: 1,
    });
    expect(person).not.toHaveProperty('diagnosis');
  });

  it('sets a primary PSP and secondary PSPs from the team’s peer staff', async () => {
    const person = await addPerson(
      pw,
      { primaryPspId: pw.ids.psp2, secondaryPspIds: [pw.ids.supervisor, pw.ids.psp2] },
      'supervisor',
    );
    expect(person.psps.find((p) => p.isPrimary)?.id).toBe(pw.ids.psp2);
    expect(person.psps.filter((p) => !p.isPrimary).map((p) => p.id)).toEqual([pw.ids.supervisor]);
  });

  it('refuses a PSP who is not peer staff of the team, naming the field, changing nothing', async () => {
    const base = { teamId: pw.teamId, preferredName: 'Nope' };
    expect(
      fieldsOf(
        await refused(
          ctx,
          pw.as.psp,
          { method: 'POST', url: '/api/persons', payload: { ...base, primaryPspId: pw.ids.nurse } },
          400,
        ),
      ),
    ).toEqual(['primaryPspId']);
    expect(
      fieldsOf(
        await refused(
          ctx,
          pw.as.psp,
          { method: 'POST', url: '/api/persons', payload: { ...base, primaryPspId: pw.ids.pspB } },
          400,
        ),
      ),
    ).toEqual(['primaryPspId']);
    expect(
      fieldsOf(
        await refused(
          ctx,
          pw.as.psp,
          { method: 'POST', url: '/api/persons', payload: { ...base, secondaryPspIds: [pw.ids.otherPsp] } },
          400,
        ),
      ),
    ).toEqual(['secondaryPspIds']);
  });

  it('rejects bad input naming the field', async () => {
    const url = '/api/persons';
    expect(
      fieldsOf(
        await refused(
          ctx,
          pw.as.psp,
          { method: 'POST', url, payload: { teamId: pw.teamId, preferredName: '   ' } },
          400,
        ),
      ),
    ).toEqual(['preferredName']);
    expect(
      fieldsOf(
        await refused(
          ctx,
          pw.as.psp,
          { method: 'POST', url, payload: { teamId: pw.teamId, preferredName: 'A', language: 'xx' } },
          400,
        ),
      ),
    ).toEqual(['language']);
    expect(
      fieldsOf(
        await refused(ctx, pw.as.psp, { method: 'POST', url, payload: { teamId: 'team-a', preferredName: 'A' } }, 400),
      ),
    ).toEqual(['teamId']);
  });

  it('clinicians refer instead (403); people outside the care team get 404; nothing changes', async () => {
    const payload = { teamId: pw.teamId, preferredName: 'Nope' };
    expect(errorOf(await refused(ctx, pw.as.nurse, { method: 'POST', url: '/api/persons', payload }, 403)).code).toBe(
      'forbidden',
    );
    for (const who of ['manager', 'researcher', 'orgAdmin', 'platform', 'pspB', 'otherPsp'] as const) {
      await refused(ctx, pw.as[who], { method: 'POST', url: '/api/persons', payload }, 404);
    }
  });
});

describe('reading persons', () => {
  let person: Person;
  beforeAll(async () => {
    person = await addPerson(pw, {
      preferredName: 'Searchable Sam',
      externalId: 'EXT-77',
      secondaryPspIds: [pw.ids.psp2],
    });
  });

  it('lists the team’s persons, my caseload first-class, and finds by name or external id', async () => {
    const all = await read<Person[]>(pw, 'psp', `/api/persons?teamId=${pw.teamId}`);
    expect(all.map((p) => p.id)).toContain(person.id);
    const mine = await read<Person[]>(pw, 'psp2', '/api/persons?mine=true');
    expect(mine.map((p) => p.id)).toContain(person.id);
    expect(mine.every((p) => p.psps.some((s) => s.id === pw.ids.psp2))).toBe(true);
    const supervisorMine = await read<Person[]>(pw, 'supervisor', '/api/persons?mine=true');
    expect(supervisorMine.map((p) => p.id)).not.toContain(person.id);
    expect((await read<Person[]>(pw, 'psp', '/api/persons?q=searchable')).map((p) => p.id)).toEqual([person.id]);
    expect((await read<Person[]>(pw, 'psp', '/api/persons?q=EXT-77')).map((p) => p.id)).toEqual([person.id]);
    expect(await read<Person[]>(pw, 'psp', '/api/persons?q=EXT-7')).toEqual([]);
  });

  it('the team’s clinicians see the person; nobody else does', async () => {
    expect((await read<Person>(pw, 'nurse', `/api/persons/${person.id}`)).preferredName).toBe('Searchable Sam');
    expect((await read<Person>(pw, 'supervisor', `/api/persons/${person.id}`)).id).toBe(person.id);
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
      await refused(ctx, pw.as[who], { method: 'GET', url: `/api/persons/${person.id}` }, 404);
      expect(await read<Person[]>(pw, who, '/api/persons')).toEqual([]);
    }
  });

  it('answers 404 for a person that does not exist', async () => {
    expect(
      errorOf(
        await refused(ctx, pw.as.psp, { method: 'GET', url: '/api/persons/00000000-0000-4000-8000-000000000000' }, 404),
      ).code,
    ).toBe('not_found');
  });
});

describe('editing a person', () => {
  it('peer staff edit with a version; a stale version gets 409 and changes nothing', async () => {
    const person = await addPerson(pw);
    const url = `/api/persons/${person.id}`;
    const edited = expectStatus<Person>(
      await pw.as.supervisor.request({
        method: 'PATCH',
        url,
        payload: {
          version: person.version,
          pronouns: 'she/her',
          primaryPspId: pw.ids.psp2,
          secondaryPspIds: [pw.ids.psp],
        },
      }),
      200,
    );
    expect(edited).toMatchObject({ pronouns: 'she/her', version: person.version + 1 });
    expect(edited.psps).toEqual([
      { id: pw.ids.psp2, name: pw.names.psp2, isPrimary: true },
      { id: pw.ids.psp, name: pw.names.psp, isPrimary: false },
    ]);
    expect(
      errorOf(
        await refused(
          ctx,
          pw.as.psp,
          { method: 'PATCH', url, payload: { version: person.version, pronouns: 'he/him' } },
          409,
        ),
      ).code,
    ).toBe('version_conflict');
    await refused(ctx, pw.as.nurse, { method: 'PATCH', url, payload: { version: edited.version, pronouns: 'x' } }, 403);
    await refused(ctx, pw.as.pspB, { method: 'PATCH', url, payload: { version: edited.version, pronouns: 'x' } }, 404);
    expect(fieldsOf(await refused(ctx, pw.as.psp, { method: 'PATCH', url, payload: { pronouns: 'x' } }, 400))).toEqual([
      'version',
    ]);
  });
});

describe('consent', () => {
  it('keeps the full history, newest first, and the current state on the person', async () => {
    const person = await addPerson(pw);
    await recordConsent(pw, person.id, 'share_with_care_team', 'none');
    ctx.clock.advanceMinutes(1);
    await recordConsent(pw, person.id, 'research_use', 'yes', 'supervisor');
    ctx.clock.advanceMinutes(1);
    await recordConsent(pw, person.id, 'lockbox', 'on');
    ctx.clock.advanceMinutes(1);
    const state = await recordConsent(pw, person.id, 'lockbox', 'off');
    expect(state.consent).toEqual({ shareWithCareTeam: 'none', researchUse: true, lockbox: false });

    const history = await read<ConsentRecord[]>(pw, 'psp', `/api/persons/${person.id}/consents`);
    expect(history.map((r) => [r.purpose, r.decision])).toEqual([
      ['lockbox', 'off'],
      ['lockbox', 'on'],
      ['research_use', 'yes'],
      ['share_with_care_team', 'none'],
    ]);
    expect(history[2]).toMatchObject({
      method: 'in_person',
      recordedBy: { id: pw.ids.supervisor, name: pw.names.supervisor },
    });

    const revoked = await recordConsent(pw, person.id, 'share_with_care_team', 'per_item');
    expect(revoked.consent.shareWithCareTeam).toBe('per_item');
    expect(await read<ConsentRecord[]>(pw, 'psp', `/api/persons/${person.id}/consents`)).toHaveLength(5);
  });

  it('records how and with what note', async () => {
    const person = await addPerson(pw);
    const response = await pw.as.psp.request({
      method: 'POST',
      url: `/api/persons/${person.id}/consents`,
      payload: { purpose: 'research_use', decision: 'yes', method: 'written', note: 'signed form' },
    });
    expect(response.statusCode).toBe(201);
    const [record] = await read<ConsentRecord[]>(pw, 'psp', `/api/persons/${person.id}/consents`);
    expect(record).toMatchObject({ method: 'written', note: 'signed form' });
  });

  it('is recorded and read by peer staff only: clinicians 403, outsiders 404, nothing changes', async () => {
    const person = await addPerson(pw);
    const url = `/api/persons/${person.id}/consents`;
    const payload = { purpose: 'lockbox', decision: 'on', method: 'verbal' };
    await refused(ctx, pw.as.nurse, { method: 'POST', url, payload }, 403);
    await refused(ctx, pw.as.nurse, { method: 'GET', url }, 403);
    for (const who of ['manager', 'orgAdmin', 'pspB', 'otherPsp'] as const) {
      await refused(ctx, pw.as[who], { method: 'POST', url, payload }, 404);
      await refused(ctx, pw.as[who], { method: 'GET', url }, 404);
    }
  });

  it('rejects an unknown purpose, decision or method naming the field', async () => {
    const person = await addPerson(pw);
    const url = `/api/persons/${person.id}/consents`;
    const bad = async (payload: object) =>
      fieldsOf(await refused(ctx, pw.as.psp, { method: 'POST', url, payload }, 400));
    expect(await bad({ purpose: 'lockbox', decision: 'maybe', method: 'verbal' })).toContain('decision');
    expect(await bad({ purpose: 'lockbox', decision: 'on', method: 'telepathy' })).toContain('method');
    expect(await bad({ purpose: 'marketing', decision: 'yes', method: 'verbal' })).toContain('purpose');
  });
});
