import { beforeAll, describe, expect, it } from 'vitest';
import type { SupervisionSession } from '@alongside/contracts';
import { fieldsOf } from '../../test/harness.ts';
import {
  createPracticeContext,
  createPracticeWorld,
  expectStatus,
  marker,
  read,
  refused,
  type PracticeContext,
  type PracticeWorld,
  type Who,
} from '../../test/practice-world.ts';

let ctx: PracticeContext;
let pw: PracticeWorld;

beforeAll(async () => {
  ctx = await createPracticeContext();
  pw = await createPracticeWorld(ctx);
});

const url = '/api/supervision-sessions';
const heldAt = () => new Date(ctx.clock.now().getTime() - 86_400_000).toISOString();
const record = async (who: Who, payload: object) =>
  expectStatus<SupervisionSession>(
    await pw.as[who].request({ method: 'POST', url, payload: { heldAt: heldAt(), ...payload } }),
    201,
  );

describe('supervision sessions', () => {
  it('the supervisor or the PSP records a session; its notes are read by those two only', async () => {
    const peerNotes = marker('SUPERVISION-NOTES');
    const clinicalNotes = marker('CLINICAL-SUPERVISION-NOTES');
    const peer = await record('supervisor', {
      pspId: pw.ids.psp,
      supervisorId: pw.ids.supervisor,
      kind: 'peer',
      notes: peerNotes,
    });
    expect(peer).toMatchObject({
      psp: { id: pw.ids.psp, name: pw.names.psp },
      supervisor: { id: pw.ids.supervisor, name: pw.names.supervisor },
      kind: 'peer',
      notes: peerNotes,
      heldAt: heldAt(),
    });
    // The PSP records a clinical supervision with the team's nurse: the peer supervisor does not see it.
    const clinical = await record('psp', {
      pspId: pw.ids.psp,
      supervisorId: pw.ids.nurse,
      kind: 'clinical',
      notes: clinicalNotes,
    });
    const group = await record('psp2', { pspId: pw.ids.psp2, supervisorId: pw.ids.supervisor, kind: 'group' });
    expect(group.notes).toBe('');

    const ids = async (who: Who, query = '') =>
      (await read<SupervisionSession[]>(pw, who, `${url}${query}`)).map((s) => s.id);
    expect(await ids('psp')).toEqual(expect.arrayContaining([peer.id, clinical.id]));
    expect(await ids('psp')).not.toContain(group.id);
    expect(await ids('supervisor')).toEqual(expect.arrayContaining([peer.id, group.id]));
    expect(await ids('supervisor')).not.toContain(clinical.id);
    expect(await ids('supervisor', `?pspId=${pw.ids.psp2}`)).toEqual([group.id]);
    expect(await ids('nurse')).toEqual([clinical.id]);
    expect((await read<SupervisionSession[]>(pw, 'psp', url)).find((s) => s.id === peer.id)?.notes).toBe(peerNotes);

    // Nobody else: not colleagues, clinicians, managers, administrators or other teams — on any page they can open.
    for (const who of [
      'psp2',
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
      const seen = await ids(who, `?pspId=${pw.ids.psp}`);
      expect(seen, who).toEqual([]);
      for (const page of [
        url,
        '/api/audit-events',
        '/api/audit-events.csv',
        `/api/teams/${pw.teamId}/board`,
        `/api/programs/${pw.programId}/sustainability?from=2026-01-01&to=2026-03-31`,
      ]) {
        const body = (await pw.as[who].request({ method: 'GET', url: page })).body;
        expect(body, `${who} ${page}`).not.toContain(peerNotes);
        expect(body, `${who} ${page}`).not.toContain(clinicalNotes);
      }
    }
  });

  it('leaves the employer’s audit viewer without a trace of who was supervised', async () => {
    const session = await record('supervisor', { pspId: pw.ids.psp, supervisorId: pw.ids.supervisor, kind: 'peer' });
    for (const page of ['/api/audit-events', '/api/audit-events.csv']) {
      const body = (await pw.as.orgAdmin.request({ method: 'GET', url: page })).body;
      expect(body, page).not.toContain(session.id);
      expect(body, page).not.toContain('supervision_session.');
    }
  });

  it('is recorded only by one of the two, between a PSP and a supervisor or clinician of their team', async () => {
    const base = { pspId: pw.ids.psp, supervisorId: pw.ids.supervisor, kind: 'peer', heldAt: heldAt() };
    for (const who of ['psp2', 'nurse', 'manager', 'orgAdmin', 'platform', 'pspB', 'otherPsp'] as const) {
      await refused(ctx, pw.as[who], { method: 'POST', url, payload: base }, 403);
    }
    const bad = async (who: Who, payload: object) =>
      fieldsOf(await refused(ctx, pw.as[who], { method: 'POST', url, payload: { ...base, ...payload } }, 400));
    expect(await bad('psp', { supervisorId: pw.ids.psp2 })).toEqual(['supervisorId']);
    expect(await bad('psp', { supervisorId: pw.ids.manager })).toEqual(['supervisorId']);
    expect(await bad('psp', { supervisorId: pw.ids.psp })).toEqual(['supervisorId']);
    expect(await bad('supervisor', { pspId: pw.ids.pspB })).toEqual(['pspId']);
    expect(await bad('supervisor', { pspId: pw.ids.otherPsp })).toEqual(['pspId']);
    expect(await bad('psp', { kind: 'coaching' })).toEqual(['kind']);
    expect(await bad('psp', { heldAt: 'yesterday' })).toEqual(['heldAt']);
  });
});
