import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createWorld, manualClock, signIn, type Session, type TestContext, type World } from './harness.ts';
import { addInstrument, campaignBody, linkInMail } from './survey-world.ts';

// Tries to break the survey's privacy rules: a respondent's words, address and link reach no log line and no one
// but the campaign's owner; an anonymous respondent's address is not logged at all.

const marker = (what: string) => `${what}-${randomUUID().slice(0, 8)}`;
const WORDS = marker('RESPONDENT-WORDS');
const EMAIL = `${marker('invitee').toLowerCase()}@example.org`;
const ADDRESS = '203.0.113.77';

const lines: string[] = [];
let ctx: TestContext;
let world: World;
let owner: Session;
let campaignId: string;
let token: string;

beforeAll(async () => {
  ctx = await createTestApp({ clock: manualClock(new Date('2026-03-02T09:00:00Z')), logStream: { write: (line) => lines.push(line) } });
  world = await createWorld(ctx.db, 'CA');
  owner = await signIn(ctx.app, world.users.researcherA!.email);
  const { versionId } = await addInstrument(owner, `privacy-${randomUUID().slice(0, 8)}`);
  const created = await owner.request({ method: 'POST', url: '/api/campaigns', payload: campaignBody(versionId, [world.programId], 'anonymous_tracked') });
  campaignId = created.json<{ id: string }>().id;
  const admin = await signIn(ctx.app, world.users.orgAdmin!.email);
  await admin.request({ method: 'PUT', url: `/api/campaigns/${campaignId}/programs/${world.programId}`, payload: { status: 'joined' } });
  const wave = await owner.request({ method: 'POST', url: `/api/campaigns/${campaignId}/waves`, payload: { name: 'Baseline', kind: 'baseline', opensOn: '2026-03-01', closesOn: '2026-04-30' } });
  const waveId = wave.json<{ id: string }>().id;
  await owner.request({ method: 'POST', url: `/api/campaigns/${campaignId}/invitations`, payload: { waveId, programId: world.programId, group: 'psp', language: 'en', emails: [EMAIL] } });
  token = await linkInMail(ctx.db, EMAIL);
  const answers = { team_1: 4, team_2: 4, team_3: 2, success_1: 5, success_2: 4, role: 'b', comment: WORDS };
  await ctx.app.inject({ method: 'PUT', url: `/api/respond/${token}`, payload: { language: 'en', consented: true, answers }, remoteAddress: ADDRESS });
  const submitted = await ctx.app.inject({ method: 'POST', url: `/api/respond/${token}/submit`, payload: { language: 'en', consented: true, answers }, remoteAddress: ADDRESS });
  expect(submitted.statusCode, submitted.body).toBe(200);
  // A refused submission too: its error is logged, its content must not be.
  await ctx.app.inject({ method: 'POST', url: `/api/respond/${token}/submit`, payload: { language: 'en', consented: true, answers }, remoteAddress: ADDRESS });
});

describe('survey privacy', () => {
  it('logs no words, e-mail address, link or respondent address', () => {
    const log = lines.join('\n');
    // Other routes do log the client's address (sign-ins come from 10.0.0.1): the respondent's is left out on purpose.
    expect(log).toContain('10.0.0.1');
    expect(log).toContain('/api/respond/:token/submit');
    for (const secret of [WORDS, EMAIL, token, ADDRESS]) expect(log, secret).not.toContain(secret);
  });

  it('shows invitations and results to the campaign owner only', async () => {
    const readers = {
      otherResearcher: world.users.researcherB!.email,
      manager: world.users.managerA!.email,
      nurse: world.users.nurseA!.email,
      psp: world.users.peer_support_workerA!.email,
      orgAdmin: world.users.orgAdmin!.email,
    };
    const urls = [`/api/campaigns/${campaignId}/invitations`, `/api/campaigns/${campaignId}/results`, `/api/campaigns/${campaignId}/progress`, `/api/campaigns/${campaignId}/open-links`];
    for (const [who, email] of Object.entries(readers)) {
      const session = await signIn(ctx.app, email);
      for (const url of urls) {
        const response = await session.request({ method: 'GET', url });
        expect(response.statusCode, `${who} ${url}`).toBe(404);
        expect(response.body).not.toContain(EMAIL);
      }
      const list = await session.request({ method: 'GET', url: '/api/campaigns' });
      expect(list.body, who).not.toContain(WORDS);
    }
    // The organization's administrator sees the campaign's terms and their program, not who was invited.
    const admin = await signIn(ctx.app, world.users.orgAdmin!.email);
    const seen = await admin.request({ method: 'GET', url: `/api/campaigns/${campaignId}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain(EMAIL);
    const invitations = await owner.request({ method: 'GET', url: `/api/campaigns/${campaignId}/invitations` });
    expect(invitations.body).toContain(EMAIL);
  });

  it('free-text answers are not in the results', async () => {
    const results = await owner.request({ method: 'GET', url: `/api/campaigns/${campaignId}/results` });
    expect(results.statusCode).toBe(200);
    expect(results.body).not.toContain(WORDS);
  });
});
