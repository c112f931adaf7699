import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { queryRows, schema } from '@alongside/db';
import { createTestApp, createWorld, errorOf, fieldsOf, manualClock, signIn, type Session, type TestContext, type World } from '../../test/harness.ts';
import { addInstrument, campaignBody, FREE_LICENCE, linkInMail, testDefinition } from '../../test/survey-world.ts';

// The survey life cycle through the whole app: a campaign across two countries, participation decided by each
// organization, invitations mailed, a respondent who stops and resumes, anonymity held by the tables, reminders,
// results under k, response import, retention.

const clock = manualClock(new Date('2026-03-02T09:00:00Z'));
let ctx: TestContext;
let canada: World;
let norway: World;
let researcher: Session;

beforeAll(async () => {
  ctx = await createTestApp({ clock });
  canada = await createWorld(ctx.db, 'CA');
  norway = await createWorld(ctx.db, 'NO');
});

// The clock moves days ahead in some tests (reminders): sessions are fresh for each.
beforeEach(async () => {
  researcher = await signIn(ctx.app, canada.users.researcherA!.email);
});

async function campaignWithWave(privacyMode: 'identified' | 'anonymous_tracked' | 'anonymous' = 'anonymous_tracked') {
  const { versionId, instrumentId } = await addInstrument(researcher, `test-${randomUUID().slice(0, 8)}`);
  const created = await researcher.request({ method: 'POST', url: '/api/campaigns', payload: campaignBody(versionId, [canada.programId, norway.programId], privacyMode) });
  expect(created.statusCode, created.body).toBe(201);
  const campaign = created.json<{ id: string; k: number }>();
  for (const world of [canada, norway]) {
    const admin = await signIn(ctx.app, world.users.orgAdmin!.email);
    const decided = await admin.request({ method: 'PUT', url: `/api/campaigns/${campaign.id}/programs/${world.programId}`, payload: { status: 'joined' } });
    expect(decided.statusCode, decided.body).toBe(200);
  }
  const wave = await researcher.request({ method: 'POST', url: `/api/campaigns/${campaign.id}/waves`, payload: { name: 'Baseline', kind: 'baseline', opensOn: '2026-03-01', closesOn: '2026-04-30', reminderDays: [7] } });
  expect(wave.statusCode, wave.body).toBe(201);
  return { campaignId: campaign.id, waveId: wave.json<{ id: string }>().id, instrumentId, versionId };
}

const answers = { team_1: 4, team_2: 5, team_3: 2, success_1: 4, success_2: 3, role: 'a' };

describe('campaigns', () => {
  it('runs a tracked-anonymous campaign: invitation, save, resume, submit once, and nothing joins the response to the invitee', async () => {
    const { campaignId, waveId } = await campaignWithWave('anonymous_tracked');
    const emails = ['ada@example.org', 'bo@example.org'];
    const invited = await researcher.request({ method: 'POST', url: `/api/campaigns/${campaignId}/invitations`, payload: { waveId, programId: norway.programId, group: 'psp', language: 'fr', emails } });
    expect(invited.statusCode, invited.body).toBe(201);
    const token = await linkInMail(ctx.db, 'ada@example.org');

    const opened = await ctx.app.inject({ method: 'GET', url: `/api/respond/${token}` });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ language: 'fr', privacyMode: 'anonymous_tracked', submitted: false, answers: {} });

    // Stops halfway, switches to Norwegian, and comes back.
    const saved = await ctx.app.inject({ method: 'PUT', url: `/api/respond/${token}`, payload: { language: 'nb', consented: true, answers: { team_1: 4, team_2: 5 } } });
    expect(saved.statusCode, saved.body).toBe(200);
    const resumed = await ctx.app.inject({ method: 'GET', url: `/api/respond/${token}` });
    expect(resumed.json()).toMatchObject({ language: 'nb', consented: true, answers: { team_1: 4, team_2: 5 } });

    const bad = await ctx.app.inject({ method: 'POST', url: `/api/respond/${token}/submit`, payload: { language: 'nb', consented: true, answers: { ...answers, team_1: 9 } } });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['answers.team_1']);
    const submitted = await ctx.app.inject({ method: 'POST', url: `/api/respond/${token}/submit`, payload: { language: 'nb', consented: true, answers } });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const again = await ctx.app.inject({ method: 'POST', url: `/api/respond/${token}/submit`, payload: { language: 'nb', consented: true, answers } });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('already_submitted');
    expect((await ctx.app.inject({ method: 'GET', url: `/api/respond/${token}` })).json()).toMatchObject({ submitted: true });

    // From the database alone: the response has no invitation id, only a day, and shares no id with the completion.
    const [response] = await queryRows(ctx.db, sql`SELECT * FROM survey_responses WHERE campaign_id = ${campaignId}`);
    expect(response).toMatchObject({ invitation_id: null, submitted_at: null, language: 'nb' });
    // The completion waits in the queue until its day is over, then moves with the day's others (shuffled): it then
    // shares neither a transaction id (xmin) with its response nor a place in the table's order.
    const ofCampaign = (table: string) =>
      queryRows(ctx.db, sql`SELECT c.*, c.xmin::text AS tx FROM ${sql.raw(table)} c JOIN survey_invitations i ON i.id = c.invitation_id WHERE i.campaign_id = ${campaignId}`);
    const [queued] = await ofCampaign('survey_completion_queue');
    const responseTx = (await queryRows<{ tx: string }>(ctx.db, sql`SELECT xmin::text AS tx FROM survey_responses WHERE campaign_id = ${campaignId}`))[0]!.tx;
    expect(queued!.tx).toBe(responseTx);
    expect(await ofCampaign('survey_completions')).toHaveLength(0);
    clock.advanceMinutes(24 * 60);
    await ctx.app.jobs.ensureScheduled();
    await ctx.app.jobs.runDue();
    expect(await ofCampaign('survey_completion_queue')).toHaveLength(0);
    const [completion] = await ofCampaign('survey_completions');
    expect(completion!.tx).not.toBe(responseTx);
    const { tx: _tx, ...columns } = completion!;
    expect(Object.keys(columns).sort()).toEqual(['completed_on', 'invitation_id']);
    researcher = await signIn(ctx.app, canada.users.researcherA!.email);
    const invitationIds = (await ctx.db.select({ id: schema.surveyInvitations.id, tokenHash: schema.surveyInvitations.tokenHash }).from(schema.surveyInvitations).where(eq(schema.surveyInvitations.campaignId, campaignId)));
    const responseText = JSON.stringify(response);
    for (const invitation of invitationIds) {
      expect(responseText).not.toContain(invitation.id);
      expect(responseText).not.toContain(invitation.tokenHash);
    }
    expect(await queryRows(ctx.db, sql`SELECT 1 FROM survey_drafts WHERE campaign_id = ${campaignId}`)).toHaveLength(0);
    // The database itself refuses an anonymous response that names an invitation or a moment.
    await expect(
      ctx.db.execute(sql`UPDATE survey_responses SET invitation_id = ${invitationIds[0]!.id} WHERE campaign_id = ${campaignId}`),
    ).rejects.toThrow();
    await expect(ctx.db.execute(sql`UPDATE survey_responses SET submitted_at = now() WHERE campaign_id = ${campaignId}`)).rejects.toThrow();

    // The researcher sees that one of two answered, but a count under k is withheld.
    const invitations = (await researcher.request({ method: 'GET', url: `/api/campaigns/${campaignId}/invitations` })).json<{ email: string; respondedOn: string | null; remindersSent: number }[]>();
    expect(invitations.find((i) => i.email === 'ada@example.org')!.respondedOn).toBe('2026-03-02');
    expect(invitations.find((i) => i.email === 'ada@example.org')!.remindersSent).toBe(0);
    expect(invitations.find((i) => i.email === 'bo@example.org')!.respondedOn).toBeNull();
    const progress = (await researcher.request({ method: 'GET', url: `/api/campaigns/${campaignId}/progress` })).json<{ k: number; byProgram: { key: string; responses: number | null; suppressed: boolean }[] }>();
    expect(progress.k).toBe(11);
    expect(progress.byProgram.find((c) => c.key === norway.programId)).toMatchObject({ responses: null, suppressed: true });

    // Reminders go, a week on, to the one who has not answered — with the same link.
    clock.advanceMinutes(7 * 24 * 60);
    await ctx.app.jobs.runDue();
    const reminders = await ctx.db.select().from(schema.mailOutbox).where(sql`${schema.mailOutbox.subject} like 'Rappel%'`);
    expect(reminders.map((m) => m.to)).toEqual(['bo@example.org']);
    const boToken = await linkInMail(ctx.db, 'bo@example.org');
    expect((await ctx.app.inject({ method: 'GET', url: `/api/respond/${boToken}` })).statusCode).toBe(200);
  });

  it('lists a campaign for its owner and for the administrators of the programs it invited, saying whose it is', async () => {
    const { campaignId } = await campaignWithWave('anonymous_tracked');
    const mine = (await researcher.request({ method: 'GET', url: '/api/campaigns' })).json<{ id: string; ownerId: string }[]>();
    expect(mine.find((c) => c.id === campaignId)).toMatchObject({ ownerId: canada.users.researcherA!.id, programCount: 2, countryCodes: ['CA', 'NO'] });
    const admin = await signIn(ctx.app, norway.users.orgAdmin!.email);
    const invited = (await admin.request({ method: 'GET', url: '/api/campaigns' })).json<{ id: string; ownerId: string }[]>();
    expect(invited.find((c) => c.id === campaignId)?.ownerId).toBe(canada.users.researcherA!.id);
    const otherResearcher = await signIn(ctx.app, norway.users.researcherA!.email);
    expect((await otherResearcher.request({ method: 'GET', url: '/api/campaigns' })).json<{ id: string }[]>().map((c) => c.id)).not.toContain(campaignId);
  });

  it('locks the instrument version once answered, and keeps campaigns, links and drafts to their owners', async () => {
    const { campaignId, waveId, instrumentId } = await campaignWithWave('identified');
    await researcher.request({ method: 'POST', url: `/api/campaigns/${campaignId}/invitations`, payload: { waveId, programId: canada.programId, group: 'psp', language: 'en', emails: ['cy@example.org'] } });
    const token = await linkInMail(ctx.db, 'cy@example.org');
    const version = (await researcher.request({ method: 'GET', url: `/api/instruments/${instrumentId}/versions/1` })).json<{ definition: Record<string, unknown> }>();
    const unlockedEdit = await researcher.request({ method: 'PUT', url: `/api/instruments/${instrumentId}/versions/1`, payload: { definition: version.definition } });
    expect(unlockedEdit.statusCode, unlockedEdit.body).toBe(200);
    expect((await ctx.app.inject({ method: 'POST', url: `/api/respond/${token}/submit`, payload: { language: 'en', consented: true, answers } })).statusCode).toBe(200);
    const [identified] = await queryRows<{ invitation_id: string | null; submitted_at: string | null }>(ctx.db, sql`SELECT invitation_id, submitted_at FROM survey_responses WHERE campaign_id = ${campaignId}`);
    expect(identified!.invitation_id).not.toBeNull();
    expect(identified!.submitted_at).not.toBeNull();

    const lockedEdit = await researcher.request({ method: 'PUT', url: `/api/instruments/${instrumentId}/versions/1`, payload: { definition: version.definition } });
    expect(lockedEdit.statusCode).toBe(409);
    expect(errorOf(lockedEdit).code).toBe('instrument_locked');
    await expect(ctx.db.execute(sql`UPDATE instrument_versions SET definition = '{}'::jsonb WHERE instrument_id = ${instrumentId}`)).rejects.toThrow();

    // A new version instead; a changed English wording leaves the French and Norwegian flagged for review.
    const changed = structuredClone(version.definition) as { items: { name: string; text: Record<string, string> }[] };
    changed.items[0]!.text.en = 'We plan our work together.';
    const next = await researcher.request({ method: 'POST', url: `/api/instruments/${instrumentId}/versions`, payload: { definition: changed, basedOn: 1 } });
    expect(next.statusCode, next.body).toBe(201);
    const languages = next.json<{ number: number; definition: { languages: { code: string; staleItems: string[] }[] } }>();
    expect(languages.number).toBe(2);
    expect(languages.definition.languages.find((l) => l.code === 'fr')!.staleItems).toEqual(['team_1']);
    expect(languages.definition.languages.find((l) => l.code === 'en')!.staleItems).toEqual([]);

    // Outsiders: another researcher, a nurse, another organization's administrator.
    const otherResearcher = await signIn(ctx.app, norway.users.researcherA!.email);
    for (const url of [`/api/campaigns/${campaignId}/progress`, `/api/campaigns/${campaignId}/results`, `/api/campaigns/${campaignId}/invitations`]) {
      expect((await otherResearcher.request({ method: 'GET', url })).statusCode, url).toBe(404);
    }
    const nurse = await signIn(ctx.app, canada.users.nurseA!.email);
    expect((await nurse.request({ method: 'GET', url: '/api/instruments' })).statusCode).toBe(404);
    expect((await nurse.request({ method: 'GET', url: `/api/campaigns/${campaignId}` })).statusCode).toBe(404);
    const stranger = await createWorld(ctx.db, 'CA');
    const strangerAdmin = await signIn(ctx.app, stranger.users.orgAdmin!.email);
    const before = await ctx.db.select().from(schema.campaignPrograms).where(eq(schema.campaignPrograms.campaignId, campaignId));
    expect((await strangerAdmin.request({ method: 'PUT', url: `/api/campaigns/${campaignId}/programs/${canada.programId}`, payload: { status: 'declined' } })).statusCode).toBe(404);
    expect(await ctx.db.select().from(schema.campaignPrograms).where(eq(schema.campaignPrograms.campaignId, campaignId))).toEqual(before);
  });

  it('refuses an instrument whose licence needs a permission until the permission is recorded', async () => {
    const { instrumentId, versionId } = await addInstrument(researcher, `prop-${randomUUID().slice(0, 8)}`, { status: 'proprietary', attribution: '© Owners', wordingEditable: false });
    const refused = await researcher.request({ method: 'POST', url: '/api/campaigns', payload: campaignBody(versionId, [canada.programId]) });
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('permission_required');
    const instrument = (await researcher.request({ method: 'GET', url: `/api/instruments/${instrumentId}` })).json<{ version: number; usable: boolean }>();
    expect(instrument.usable).toBe(false);
    const recorded = await researcher.request({
      method: 'PATCH',
      url: `/api/instruments/${instrumentId}`,
      payload: { version: instrument.version, licence: { status: 'permission_recorded', attribution: '© Owners', wordingEditable: false, permission: { grantedBy: 'The owners', grantedOn: '2026-02-01', file: 'letters/permission.pdf' } } },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect((await researcher.request({ method: 'POST', url: '/api/campaigns', payload: campaignBody(versionId, [canada.programId]) })).statusCode).toBe(201);

    // An instrument that asks for a name cannot go into an anonymous campaign.
    const named = testDefinition();
    named.items.push({ name: 'your_name', type: 'text', identifier: true, text: { en: 'Your name', fr: 'Votre nom', nb: 'Navnet ditt' } });
    const withName = await researcher.request({ method: 'POST', url: '/api/instruments', payload: { key: `named-${randomUUID().slice(0, 8)}`, name: 'Named', licence: FREE_LICENCE, definition: named } });
    const namedVersion = withName.json<{ latestVersion: { id: string } }>().latestVersion.id;
    const anonymous = await researcher.request({ method: 'POST', url: '/api/campaigns', payload: campaignBody(namedVersion, [canada.programId], 'anonymous') });
    expect(anonymous.statusCode).toBe(400);
    expect(fieldsOf(anonymous)).toEqual(['groups.0.instrumentVersionId']);
    expect((await researcher.request({ method: 'POST', url: '/api/campaigns', payload: campaignBody(namedVersion, [canada.programId], 'identified') })).statusCode).toBe(201);

    // Its wording is protected: a new version may change structure, not text.
    const version = (await researcher.request({ method: 'GET', url: `/api/instruments/${instrumentId}/versions/1` })).json<{ definition: { items: { text: Record<string, string> }[] } }>();
    version.definition.items[1]!.text.fr = 'Autre libellé.';
    const edit = await researcher.request({ method: 'POST', url: `/api/instruments/${instrumentId}/versions`, payload: { definition: version.definition, basedOn: 1 } });
    expect(edit.statusCode).toBe(403);
    expect(errorOf(edit).code).toBe('wording_locked');
  });

  it('a fully anonymous campaign has open links only, resumed by a continuation code', async () => {
    const { campaignId, waveId } = await campaignWithWave('anonymous');
    const invite = await researcher.request({ method: 'POST', url: `/api/campaigns/${campaignId}/invitations`, payload: { waveId, programId: canada.programId, group: 'psp', language: 'en', emails: ['x@example.org'] } });
    expect(invite.statusCode).toBe(409);
    const link = await researcher.request({ method: 'POST', url: `/api/campaigns/${campaignId}/open-links`, payload: { waveId, programId: canada.programId, group: 'psp' } });
    expect(link.statusCode, link.body).toBe(201);
    const { code } = link.json<{ code: string }>();
    expect((await ctx.app.inject({ method: 'GET', url: `/api/respond-open/${code}` })).json()).toMatchObject({ privacyMode: 'anonymous', answers: {} });
    const started = await ctx.app.inject({ method: 'POST', url: `/api/respond-open/${code}`, payload: { language: 'en' } });
    expect(started.statusCode, started.body).toBe(201);
    const { continuationCode } = started.json<{ continuationCode: string }>();
    expect(continuationCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await ctx.app.inject({ method: 'PUT', url: `/api/respond/${continuationCode}`, payload: { language: 'en', consented: true, answers: { team_1: 3 } } });
    // Typed back in lower case without dashes, on another device.
    const resumed = await ctx.app.inject({ method: 'GET', url: `/api/respond/${continuationCode.replaceAll('-', '').toLowerCase()}` });
    expect(resumed.json()).toMatchObject({ answers: { team_1: 3 } });
    expect((await ctx.app.inject({ method: 'POST', url: `/api/respond/${continuationCode}/submit`, payload: { language: 'en', consented: true, answers } })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/respond/${continuationCode}` })).statusCode).toBe(404);
    const audit = await queryRows(ctx.db, sql`SELECT 1 FROM audit_events WHERE action = 'survey_response.submit' AND details->>'campaignId' = ${campaignId}`);
    expect(audit).toHaveLength(0);
  });

  it('keeps one response per link when the same answers are sent several times at once, in every privacy mode', async () => {
    const submitAtOnce = (token: string) =>
      Promise.all(Array.from({ length: 4 }, () => ctx.app.inject({ method: 'POST', url: `/api/respond/${token}/submit`, payload: { language: 'en', consented: true, answers } })));
    for (const mode of ['identified', 'anonymous_tracked', 'anonymous'] as const) {
      const { campaignId, waveId } = await campaignWithWave(mode);
      let token: string;
      if (mode === 'anonymous') {
        const link = await researcher.request({ method: 'POST', url: `/api/campaigns/${campaignId}/open-links`, payload: { waveId, programId: canada.programId, group: 'psp' } });
        const started = await ctx.app.inject({ method: 'POST', url: `/api/respond-open/${link.json<{ code: string }>().code}`, payload: { language: 'en' } });
        token = started.json<{ continuationCode: string }>().continuationCode;
      } else {
        const email = `once-${mode}@example.org`;
        await researcher.request({ method: 'POST', url: `/api/campaigns/${campaignId}/invitations`, payload: { waveId, programId: canada.programId, group: 'psp', language: 'en', emails: [email] } });
        token = await linkInMail(ctx.db, email);
      }
      const statuses = (await submitAtOnce(token)).map((r) => r.statusCode).sort();
      // The open link's code is gone with its draft once used: a late one finds nothing (404) rather than a conflict.
      expect(statuses[0], mode).toBe(200);
      expect(statuses.slice(1).every((status) => status === 409 || (mode === 'anonymous' && status === 404)), `${mode}: ${statuses.join(',')}`).toBe(true);
      expect(await queryRows(ctx.db, sql`SELECT 1 FROM survey_responses WHERE campaign_id = ${campaignId}`), mode).toHaveLength(1);
    }
  });

  it('imports responses line by line (nothing on a problem), shows results above k and withholds the rest', async () => {
    const { campaignId, waveId } = await campaignWithWave('anonymous');
    const header = 'record_id,program,country,group,language,team_1,team_2,team_3,success_1,success_2,role';
    const rows = Array.from({ length: 14 }, (_, i) => `${i + 1},${canada.programId},CA,psp,${i % 2 ? 'fr' : 'en'},${1 + (i % 5)},${1 + ((i + 1) % 5)},${1 + ((i + 2) % 5)},${1 + (i % 4)},${2 + (i % 3)},a`);
    const norwegian = Array.from({ length: 3 }, (_, i) => `n${i},${norway.programId},NO,psp,nb,3,3,3,3,3,b`);
    const good = [header, ...rows, ...norwegian].join('\n');
    const bad = [header, rows[0], `2,Nowhere,CA,psp,en,1,1,1,1,1,a`, `3,${canada.programId},CA,psp,en,7,1,1,1,1,a`, rows[0]].join('\n');
    const url = `/api/campaigns/${campaignId}/waves/${waveId}/responses/import`;
    const refused = await researcher.request({ method: 'POST', url, payload: { content: Buffer.from(bad).toString('base64') } });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual(['line 3, program', 'line 4, team_1', 'line 5, record_id']);
    expect(await queryRows(ctx.db, sql`SELECT 1 FROM survey_responses WHERE campaign_id = ${campaignId}`)).toHaveLength(0);
    const imported = await researcher.request({ method: 'POST', url, payload: { content: Buffer.from(good).toString('base64') } });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toEqual({ imported: 17 });

    const results = (await researcher.request({ method: 'GET', url: `/api/campaigns/${campaignId}/results` })).json<{
      k: number;
      scales: { id: string; overall: { n: number | null; mean: number | null }; by: Record<string, { key: string; n: number | null; suppressed: boolean }[]>; alpha: { overall: { alpha: number | null; n: number | null } } }[];
    }>();
    const teamwork = results.scales.find((s) => s.id === 'teamwork')!;
    expect(teamwork.overall.n).toBe(17);
    expect(teamwork.alpha.overall.n).toBe(17);
    // 14 Canadian and 3 Norwegian: Norway is under 11, and Canada would give it away from the total — both withheld.
    expect(teamwork.by.country!.map((c) => [c.key, c.n, c.suppressed])).toEqual([
      ['CA', null, true],
      ['NO', null, true],
    ]);
    expect(teamwork.by.program!.every((c) => c.suppressed)).toBe(true);

    // Exports: every format downloads; the Norwegian program's 3 rows are under k, pooled or withheld — never named.
    const programName = (await ctx.db.select().from(schema.programs).where(eq(schema.programs.id, norway.programId)))[0]!.name;
    for (const format of ['csv', 'long', 'redcap', 'spss', 'stata', 'r']) {
      const exported = await researcher.request({ method: 'GET', url: `/api/campaigns/${campaignId}/export?format=${format}&language=fr` });
      expect(exported.statusCode, `${format}: ${exported.body.slice(0, 200)}`).toBe(200);
      expect(exported.headers['content-type']).toBe('application/zip');
      const files = unzipSync(new Uint8Array(exported.rawPayload));
      expect(Object.keys(files), format).toContain('README.txt');
      for (const [name, bytes] of Object.entries(files)) expect(strFromU8(bytes), `${format} ${name}`).not.toContain(programName);
    }
    const [audit] = await queryRows<{ details: { withheld: number } }>(ctx.db, sql`SELECT details FROM audit_events WHERE action = 'campaign.export' AND entity_id = ${campaignId} LIMIT 1`);
    expect(audit!.details.withheld).toBe(1);
  });

  it('deletes responses, drafts and invitations once the retention date has passed, and records it', async () => {
    const { campaignId, waveId } = await campaignWithWave('identified');
    await researcher.request({ method: 'POST', url: `/api/campaigns/${campaignId}/invitations`, payload: { waveId, programId: canada.programId, group: 'psp', language: 'en', emails: ['dee@example.org'] } });
    const token = await linkInMail(ctx.db, 'dee@example.org');
    await ctx.app.inject({ method: 'POST', url: `/api/respond/${token}/submit`, payload: { language: 'en', consented: true, answers } });
    await ctx.db.update(schema.campaigns).set({ retentionUntil: '2026-01-01' }).where(eq(schema.campaigns.id, campaignId));
    await ctx.app.jobs.ensureScheduled();
    // The retention job runs hourly: move past its next run.
    clock.advanceMinutes(61);
    await ctx.app.jobs.runDue();
    expect(await queryRows(ctx.db, sql`SELECT 1 FROM survey_responses WHERE campaign_id = ${campaignId}`)).toHaveLength(0);
    expect(await queryRows(ctx.db, sql`SELECT 1 FROM survey_invitations WHERE campaign_id = ${campaignId}`)).toHaveLength(0);
    const [purge] = await queryRows<{ details: { responses: number; invitations: number } }>(ctx.db, sql`SELECT details FROM audit_events WHERE action = 'campaign.purge' AND entity_id = ${campaignId}`);
    expect(purge!.details).toMatchObject({ responses: 1, invitations: 1 });
    expect((await ctx.app.inject({ method: 'GET', url: `/api/respond/${token}` })).statusCode).toBe(404);
  });
});
