import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@alongside/db';
import type { Informant, Source, Study, StudyCode } from '@alongside/contracts';
import { refiSchema, schemaErrors } from '../../test/refi-xsd.ts';
import { readCodebook } from './refi-qda/codebook.ts';
import { createTestApp, createWorld, errorOf, fieldsOf, signIn, type Session, type TestContext, type World } from '../../test/harness.ts';

// Case studies through the API: a researcher starts one and leads it; members see it, nobody else learns it exists
// (404, database unchanged); the lead manages members and informants; informant reads are audited; a stale edit is 409.

let ctx: TestContext;
let world: World;
let other: World;
let lead: Session;
let studyId: string;

const counts = async () =>
  (await queryRows<{ studies: number; members: number; informants: number; codes: number }>(ctx.db, sql`SELECT (SELECT count(*)::int FROM studies) AS studies, (SELECT count(*)::int FROM study_members) AS members, (SELECT count(*)::int FROM study_informants) AS informants, (SELECT count(*)::int FROM study_codes) AS codes`))[0]!;
const informant = { pseudonym: 'Bjørn-Åge (NO-07)', group: 'psp', countryCode: 'NO', setting: 'inpatient', consentDate: '2026-05-02', consentScope: ['quotes_published'] };

beforeAll(async () => {
  ctx = await createTestApp();
  world = await createWorld(ctx.db, 'NO');
  other = await createWorld(ctx.db, 'CA');
  lead = await signIn(ctx.app, world.users.researcherA!.email);
  const created = await lead.request({ method: 'POST', url: '/api/studies', payload: { title: 'Integrating PSPs — Canada and Norway' } });
  expect(created.statusCode, created.body).toBe(201);
  studyId = created.json<Study>().id;
});

describe('studies', () => {
  it('makes the researcher who starts a study its lead; someone without the researcher role cannot start one', async () => {
    const study = (await lead.request({ method: 'GET', url: `/api/studies/${studyId}` })).json<Study>();
    expect(study).toMatchObject({ myRole: 'lead', description: '', members: [{ userId: world.users.researcherA!.id, role: 'lead' }] });
    const peer = await signIn(ctx.app, world.users.peer_support_workerA!.email);
    const refused = await peer.request({ method: 'POST', url: '/api/studies', payload: { title: 'Mine' } });
    expect(refused.statusCode).toBe(403);
    expect((await lead.request({ method: 'POST', url: '/api/studies', payload: { title: '' } })).statusCode).toBe(400);
  });

  it('is unknown to everyone outside it — 404 on every route — and their attempts change nothing', async () => {
    const before = await counts();
    const outsider = await signIn(ctx.app, other.users.researcherA!.email);
    const attempts = [
      { method: 'GET' as const, url: `/api/studies/${studyId}` },
      { method: 'GET' as const, url: `/api/studies/${studyId}/informants` },
      { method: 'POST' as const, url: `/api/studies/${studyId}/members`, payload: { email: other.users.researcherA!.email, role: 'lead' } },
      { method: 'DELETE' as const, url: `/api/studies/${studyId}/members/${world.users.researcherA!.id}` },
      { method: 'POST' as const, url: `/api/studies/${studyId}/informants`, payload: informant },
    ];
    for (const attempt of attempts) expect((await outsider.request(attempt)).statusCode, `${attempt.method} ${attempt.url}`).toBe(404);
    expect((await outsider.request({ method: 'GET', url: '/api/studies' })).json()).toEqual([]);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/studies/${studyId}` })).statusCode).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('lets the lead add members by email; members read, only the lead manages; the only lead cannot leave', async () => {
    const add = (payload: object) => lead.request({ method: 'POST', url: `/api/studies/${studyId}/members`, payload });
    const added = await add({ email: world.users.nurseA!.email, role: 'coder' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json<Study>().members.map((m) => m.role)).toEqual(['lead', 'coder']);
    expect((await add({ email: world.users.nurseA!.email, role: 'reader' })).statusCode).toBe(409);
    const unknown = await add({ email: 'nobody@example.org', role: 'reader' });
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown)).toEqual(['email']);
    expect(fieldsOf(await add({ email: world.users.managerA!.email, role: 'owner' }))).toEqual(['role']);

    const coder = await signIn(ctx.app, world.users.nurseA!.email);
    expect((await coder.request({ method: 'GET', url: '/api/studies' })).json<{ myRole: string }[]>().map((s) => s.myRole)).toEqual(['coder']);
    expect((await coder.request({ method: 'POST', url: `/api/studies/${studyId}/informants`, payload: informant })).statusCode).toBe(403);
    expect((await coder.request({ method: 'POST', url: `/api/studies/${studyId}/members`, payload: { email: world.users.managerA!.email, role: 'lead' } })).statusCode).toBe(403);

    const lastLead = await lead.request({ method: 'DELETE', url: `/api/studies/${studyId}/members/${world.users.researcherA!.id}` });
    expect(lastLead.statusCode).toBe(409);
    expect(errorOf(lastLead).code).toBe('invalid_transition');
    const removed = await lead.request({ method: 'DELETE', url: `/api/studies/${studyId}/members/${world.users.nurseA!.id}` });
    expect(removed.statusCode).toBe(200);
    expect((await coder.request({ method: 'GET', url: `/api/studies/${studyId}` })).statusCode).toBe(404);
  });

  it('keeps informants pseudonymous and their consent with them; reads are audited; a stale edit is 409 and changes nothing', async () => {
    const created = await lead.request({ method: 'POST', url: `/api/studies/${studyId}/informants`, payload: informant });
    expect(created.statusCode, created.body).toBe(201);
    const saved = created.json<Informant>();
    expect(saved).toMatchObject({ ...informant, version: 1 });
    const twice = await lead.request({ method: 'POST', url: `/api/studies/${studyId}/informants`, payload: informant });
    expect(twice.statusCode).toBe(409);
    expect(fieldsOf(twice)).toEqual(['pseudonym']);
    for (const [field, value] of [['consentScope', ['publish_everything']], ['consentDate', '0000-01-01'], ['countryCode', 'SE'], ['pseudonym', 'x'.repeat(61)]] as const)
      expect(fieldsOf(await lead.request({ method: 'POST', url: `/api/studies/${studyId}/informants`, payload: { ...informant, pseudonym: 'P2', [field]: value } }))[0], field).toMatch(new RegExp(`^${field}`));

    const patch = (payload: object) => lead.request({ method: 'PATCH', url: `/api/studies/${studyId}/informants/${saved.id}`, payload });
    const changed = await patch({ consentScope: ['quotes_published', 'audio_kept'], version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Informant>()).toMatchObject({ consentScope: ['quotes_published', 'audio_kept'], version: 2 });
    // A field left out keeps its value.
    const renamed = await patch({ pseudonym: 'NO-07', version: 2 });
    expect(renamed.json<Informant>()).toMatchObject({ pseudonym: 'NO-07', setting: 'inpatient', consentScope: ['quotes_published', 'audio_kept'], version: 3 });
    expect((await patch({ pseudonym: informant.pseudonym, version: 3 })).statusCode).toBe(200);
    const stale = await patch({ consentScope: [], version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('version_conflict');

    const listed = await lead.request({ method: 'GET', url: `/api/studies/${studyId}/informants` });
    expect(listed.json<Informant[]>().map((i) => [i.pseudonym, i.consentScope, i.version])).toEqual([[informant.pseudonym, ['quotes_published', 'audio_kept'], 4]]);
    const audit = await queryRows<{ action: string; details: { ids?: string[] } | null }>(
      ctx.db,
      sql`SELECT action, details FROM audit_events WHERE action LIKE 'study.informant%' AND (entity_id = ${saved.id} OR entity_id = ${studyId}) ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['study.informant_create', 'study.informant_update', 'study.informant_update', 'study.informant_update', 'study.informants_read']);
    expect(audit.at(-1)!.details!.ids).toEqual([saved.id]);
    // The audit log holds ids and field names, never what identifies an informant.
    const leaked = await queryRows(ctx.db, sql`SELECT id FROM audit_events WHERE details::text LIKE ${'%' + 'Bjørn' + '%'}`);
    expect(leaked).toEqual([]);
  });

  it('keeps a codebook: the starter one in Norwegian, coders add and move codes, readers read, stale edits 409, out as a valid .qdc', async () => {
    const created = await lead.request({ method: 'POST', url: '/api/studies', payload: { title: 'Kodebok' } });
    const id = created.json<Study>().id;
    const codesUrl = `/api/studies/${id}/codes`;
    for (const [user, role] of [[world.users.psychiatristA!, 'coder'], [world.users.managerA!, 'reader']] as const)
      expect((await lead.request({ method: 'POST', url: `/api/studies/${id}/members`, payload: { email: user.email, role } })).statusCode).toBe(201);
    const coder = await signIn(ctx.app, world.users.psychiatristA!.email);
    const reader = await signIn(ctx.app, world.users.managerA!.email);

    expect((await coder.request({ method: 'POST', url: `${codesUrl}/starter`, payload: { language: 'nb' } })).statusCode).toBe(403);
    const starter = await lead.request({ method: 'POST', url: `${codesUrl}/starter`, payload: { language: 'nb' } });
    expect(starter.statusCode, starter.body).toBe(201);
    const tree = starter.json<StudyCode[]>();
    expect(tree.map((c) => c.name)).toEqual(['Makro: politikk og finansiering', 'Meso: kultur, ledelse og HR', 'Mikro: relasjoner i teamet og erfaringskonsulentenes trivsel', 'Strategier for integrering', 'Prinsipper i likepersonsarbeid']);
    expect(tree[0]!.codable).toBe(false);
    expect((await lead.request({ method: 'POST', url: `${codesUrl}/starter`, payload: { language: 'en' } })).statusCode).toBe(409);

    const micro = tree[2]!;
    const add = (session: Session, payload: object) => session.request({ method: 'POST', url: codesUrl, payload });
    const added = await add(coder, { name: 'Humor i teamet 😊', parentId: micro.id, color: '#b45309' });
    expect(added.statusCode, added.body).toBe(201);
    const humor = added.json<StudyCode[]>()[2]!.children.at(-1)!;
    expect(humor).toMatchObject({ name: 'Humor i teamet 😊', color: '#B45309', parentId: micro.id, version: 1 });
    expect(fieldsOf(await add(coder, { name: 'Humor i teamet 😊', parentId: micro.id }))).toEqual(['name']);
    expect(fieldsOf(await add(coder, { name: 'X', color: 'red' }))).toEqual(['color']);
    expect(fieldsOf(await add(coder, { name: 'X', parentId: studyId }))).toEqual(['parentId']);
    expect((await add(reader, { name: 'Lesers kode' })).statusCode).toBe(403);
    expect((await reader.request({ method: 'GET', url: codesUrl })).statusCode).toBe(200);

    const patch = (codeId: string, payload: object) => coder.request({ method: 'PATCH', url: `${codesUrl}/${codeId}`, payload });
    expect(fieldsOf(await patch(micro.id, { parentId: humor.id, version: micro.version }))).toEqual(['parentId']);
    const moved = await patch(humor.id, { parentId: tree[1]!.id, name: 'Humor', version: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<StudyCode[]>()[1]!.children.map((c) => c.name)).toContain('Humor');
    expect(errorOf(await patch(humor.id, { name: 'Humour', version: 1 })).code).toBe('version_conflict');
    // A field left out keeps its value: the colour and place stay when only the definition changes.
    const defined = await patch(humor.id, { definition: 'Latter som bygger tillit', version: 2 });
    expect(defined.json<StudyCode[]>()[1]!.children.find((c) => c.id === humor.id)).toMatchObject({ name: 'Humor', color: '#B45309', definition: 'Latter som bygger tillit', version: 3 });

    const qdc = await reader.request({ method: 'GET', url: `/api/studies/${id}/codebook.qdc` });
    expect(qdc.statusCode).toBe(200);
    expect(qdc.headers['content-type']).toMatch(/^application\/xml/);
    const schema = refiSchema('Codebook.xsd');
    if (schema) expect(await schemaErrors(qdc.body, schema, 'Codebook.xsd')).toEqual([]);
    const back = readCodebook(new Uint8Array(qdc.rawPayload)).codes;
    expect(back.map((c) => c.guid)).toEqual(tree.map((c) => c.id));
    expect(back[1]!.children.find((c) => c.name === 'Humor')?.guid).toBe(humor.id);

    const before = await counts();
    const outsider = await signIn(ctx.app, other.users.researcherA!.email);
    for (const attempt of [
      { method: 'GET' as const, url: codesUrl },
      { method: 'POST' as const, url: codesUrl, payload: { name: 'Utenfra' } },
      { method: 'PATCH' as const, url: `${codesUrl}/${humor.id}`, payload: { name: 'Utenfra', version: 3 } },
      { method: 'POST' as const, url: `${codesUrl}/starter`, payload: { language: 'en' } },
      { method: 'GET' as const, url: `/api/studies/${id}/codebook.qdc` },
    ])
      expect((await outsider.request(attempt)).statusCode, `${attempt.method} ${attempt.url}`).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('keeps a transcript to its uploader until they confirm the redaction; then members read it (audited), names replaced, offsets moved', async () => {
    const id = (await lead.request({ method: 'POST', url: '/api/studies', payload: { title: 'Intervjuer' } })).json<Study>().id;
    expect((await lead.request({ method: 'POST', url: `/api/studies/${id}/members`, payload: { email: world.users.nurseB!.email, role: 'reader' } })).statusCode).toBe(201);
    const reader = await signIn(ctx.app, world.users.nurseB!.email);
    const text = 'Intervjuer: Hvem hjalp deg? 😊\r\nP3: Det var Ola Nordmann på Blåtind. Siden gikk det bra.';
    const upload = (session: Session, payload: object) =>
      session.request({ method: 'POST', url: `/api/studies/${id}/sources`, payload: { filename: 'intervju.txt', content: Buffer.from(text).toString('base64'), language: 'nb', ...payload } });
    expect((await upload(reader, {})).statusCode).toBe(403);
    const bad = await upload(lead, { filename: 'intervju.vtt' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['line 1', 'line 2']);
    const uploaded = await upload(lead, {});
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const source = uploaded.json<Source>();
    expect(source).toMatchObject({ status: 'redaction', format: 'text', language: 'nb', length: Array.from(text.replace('\r\n', '\n')).length });
    const flagged = source.candidates.map((c) => Array.from(source.text).slice(c.start, c.end).join(''));
    expect(flagged).toEqual(['Ola Nordmann', 'Blåtind']);

    // Until confirmed, the transcript exists for its uploader alone.
    expect((await reader.request({ method: 'GET', url: `/api/studies/${id}/sources` })).json()).toEqual([]);
    expect((await reader.request({ method: 'GET', url: `/api/studies/${id}/sources/${source.id}` })).statusCode).toBe(404);
    const outsider = await signIn(ctx.app, other.users.researcherA!.email);
    expect((await outsider.request({ method: 'GET', url: `/api/studies/${id}/sources/${source.id}` })).statusCode).toBe(404);

    const confirm = (payload: object) => lead.request({ method: 'POST', url: `/api/studies/${id}/sources/${source.id}/redaction`, payload });
    expect(fieldsOf(await confirm({ redact: [{ start: 0, end: 500 }], version: 1 }))).toEqual(['redact']);
    expect(errorOf(await confirm({ redact: [], version: 7 })).code).toBe('version_conflict');
    const confirmed = await confirm({ redact: source.candidates, version: 1 });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const ready = confirmed.json<Source>();
    expect(ready.text).toBe('Intervjuer: Hvem hjalp deg? 😊\nP3: Det var […] på […]. Siden gikk det bra.');
    expect(ready.turns.map((t) => [t.speaker, Array.from(ready.text).slice(t.start, t.end).join('')])).toEqual([
      ['Intervjuer', 'Intervjuer: Hvem hjalp deg? 😊'],
      ['P3', 'P3: Det var […] på […]. Siden gikk det bra.'],
    ]);
    expect(errorOf(await confirm({ redact: [], version: 2 })).code).toBe('invalid_transition');

    const read = await reader.request({ method: 'GET', url: `/api/studies/${id}/sources/${source.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json<Source>().candidates).toEqual([]);
    // The original is not kept anywhere, and the audit log holds ids, not words.
    const stored = await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM study_sources WHERE text LIKE '%Nordmann%' OR candidates::text LIKE '%Nordmann%'`);
    expect(stored[0]!.n).toBe(0);
    const audit = await queryRows<{ action: string }>(ctx.db, sql`SELECT action FROM audit_events WHERE entity_id = ${source.id} ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['study.source_upload', 'study.source_redact', 'study.source_read', 'study.source_read']);
    expect(await queryRows(ctx.db, sql`SELECT id FROM audit_events WHERE details::text LIKE '%Nordmann%'`)).toEqual([]);
  });
});
