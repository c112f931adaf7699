// Acceptance journey of a case study (issue 11), in headless Chromium against one real server started with --demo.
// The researcher opens Studies (nothing there yet), starts a study and becomes its lead; adds a member by email (an
// address without an account, then the demo nurse as coder, then the nurse again) and cannot leave as the only lead;
// adds an informant whose pseudonym has Norwegian letters and whose consent allows quotes, edits it, meets the stale
// message when someone else changed it meanwhile and loads the latest, and is told a second informant cannot take the
// same pseudonym. The nurse signs in on a phone and reads the study without any control to change it. Every main
// state is checked for serious or critical WCAG 2.1 AA violations.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectNoSeriousA11yViolations, PHONE } from '../support/browser.ts';
import { demoJourney, h1, loaded, navigate, text, unique } from '../support/journey.ts';
import { DEMO_PASSWORD, ROOT, signIn } from '../support/server.ts';

const RESEARCHER = 'researcher@alongside.example';
/** A demo account without the researcher role (packages/db/src/seed/demo.ts): the study's coder. */
const NURSE = 'nurse@alongside.example';
const NURSE_NAME = 'Sam Okonkwo';
const PSEUDONYM = 'Åse Bjørnæs-Ødegård';
const SCREENSHOTS = join(ROOT, '.tmp/e2e');

const { base, signedIn, screenshotsOnFailure } = demoJourney();

/** A day counted from today, as a date input takes it (the browsers run in UTC, like the server). */
const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const button = (within: Page | Locator, key: string, vars: Record<string, string> = {}) =>
  within.getByRole('button', { name: text(key, vars), exact: true });
const textbox = (within: Page | Locator, key: string) => within.getByRole('textbox', { name: text(key), exact: true });
const select = (within: Page | Locator, key: string) => within.getByRole('combobox', { name: text(key), exact: true });
const dialog = (page: Page, key: string, vars: Record<string, string> = {}) =>
  page.getByRole('dialog', { name: text(key, vars) });
const informantCard = (region: Locator, pseudonym: string) =>
  region.getByRole('listitem').filter({ has: region.page().getByRole('heading', { name: pseudonym, exact: true }) });

/** Nothing is wider than the screen. */
async function fitsWidth(page: Page, width: number): Promise<void> {
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
}

describe('a case study from its start to a coder reading it', () => {
  it(
    'starts a study, adds a coder and informants with their consent, and the coder reads it on a phone',
    { timeout: 300_000 },
    async () => {
      screenshotsOnFailure('studies-journey');
      const title = `Peer roles in acute care ${unique()}`;
      mkdirSync(SCREENSHOTS, { recursive: true });

      // ── The researcher, on a desktop: Studies is empty and says how to begin ──
      const lead = await signedIn(RESEARCHER, DESKTOP, 'campaigns.list.title');
      await navigate(lead, 'studies.nav');
      await h1(lead, text('studies.list.title')).waitFor();
      await loaded(lead);
      await lead.getByRole('heading', { name: text('studies.list.emptyTitle'), exact: true }).waitFor();
      await expectNoSeriousA11yViolations(lead, 'studies, none yet');

      await lead.getByRole('link', { name: text('studies.list.new'), exact: true }).click();
      await h1(lead, text('studies.new.title')).waitFor();
      await button(lead, 'studies.new.submit').click();
      await lead.getByText(text('validation.required'), { exact: true }).waitFor();
      expect(await textbox(lead, 'studies.fields.title').getAttribute('aria-invalid')).toBe('true');
      await expectNoSeriousA11yViolations(lead, 'new study, title missing');
      await textbox(lead, 'studies.fields.title').fill(title);
      await textbox(lead, 'studies.fields.description').fill(
        'How peer support workers and nurses share the work on an acute ward, in Canada and Norway.',
      );
      await button(lead, 'studies.new.submit').click();

      // ── The study: the researcher leads it ──
      await h1(lead, title).waitFor();
      expect(new URL(lead.url()).pathname).toMatch(/^\/studies\/[\w-]+$/);
      const studyPath = new URL(lead.url()).pathname;
      await lead.getByText(text('studies.yourRole', { role: text('studies.roles.lead') }), { exact: true }).waitFor();
      await loaded(lead);
      await expectNoSeriousA11yViolations(lead, 'study, just started');

      // Members: an address without an account, then the nurse as coder, then the nurse once more.
      const members = lead.getByRole('region', { name: text('studies.members.title') });
      const email = textbox(members, 'studies.members.email');
      await email.fill(`nobody-${unique()}@example.org`);
      await button(members, 'studies.members.add').click();
      await members.getByText(text('studies.members.noAccount'), { exact: true }).waitFor();
      expect(await email.getAttribute('aria-invalid')).toBe('true');
      await expectNoSeriousA11yViolations(lead, 'members, no account has the address');

      await email.fill(NURSE);
      await select(members, 'studies.members.role').selectOption({ label: text('studies.roles.coder') });
      await button(members, 'studies.members.add').click();
      await members
        .getByText(text('studies.members.added', { email: NURSE, role: text('studies.roles.coder') }), { exact: true })
        .waitFor();
      const nurseRow = members.getByRole('listitem').filter({ hasText: NURSE_NAME });
      await nurseRow.getByText(text('studies.roles.coder'), { exact: true }).waitFor();

      await email.fill(NURSE);
      await button(members, 'studies.members.add').click();
      await members.getByText(text('studies.members.alreadyMember'), { exact: true }).waitFor();
      expect(await email.getAttribute('aria-invalid')).toBe('true');
      await email.fill('');

      // The only lead cannot leave: asked first, then told why not.
      await button(members, 'studies.members.leaveTitle').click();
      const leaving = dialog(lead, 'studies.members.leaveTitle');
      await leaving.getByText(text('studies.members.leaveBody'), { exact: true }).waitFor();
      await button(leaving, 'studies.members.confirmLeave').click();
      await leaving.getByText(text('studies.members.onlyLead'), { exact: true }).waitFor();
      await expectNoSeriousA11yViolations(lead, 'leaving refused: the only lead');
      await button(leaving, 'common.cancel').click();
      await leaving.waitFor({ state: 'hidden' });

      // Informants: pseudonymous, audited, none yet.
      const informants = lead.getByRole('region', { name: text('studies.informants.title') });
      await informants.getByText(text('studies.informants.privacyNote'), { exact: true }).waitFor();
      await informants.getByRole('heading', { name: text('studies.informants.emptyTitle'), exact: true }).waitFor();
      await button(informants, 'studies.informants.addTitle').click();
      const adding = dialog(lead, 'studies.informants.addTitle');
      await textbox(adding, 'studies.informants.pseudonym').fill(PSEUDONYM);
      await select(adding, 'studies.informants.group').selectOption({ label: text('campaigns.groups.psp') });
      await adding.getByRole('radio', { name: text('countries.NO'), exact: true }).check();
      await select(adding, 'studies.informants.setting').selectOption({ label: text('settings.inpatient') });
      await textbox(adding, 'studies.informants.consentDate').fill(day(-10));
      await adding.getByRole('checkbox', { name: text('studies.consentScopes.quotes_published'), exact: true }).check();
      await expectNoSeriousA11yViolations(lead, 'add an informant, filled in');
      await button(adding, 'studies.informants.add').click();
      await adding.waitFor({ state: 'hidden' });

      const card = informantCard(informants, PSEUDONYM);
      await card.getByText(text('campaigns.groups.psp'), { exact: true }).waitFor();
      await card.getByText(text('countries.NO'), { exact: true }).waitFor();
      await card.getByText(text('settings.inpatient'), { exact: true }).waitFor();
      await card.getByText(text('studies.consentScopes.quotes_published'), { exact: true }).waitFor();
      expect(await card.getByText(text('studies.consentScopes.audio_kept'), { exact: true }).count()).toBe(0);
      await expectNoSeriousA11yViolations(lead, 'study with an informant');

      // Edit: the consent now also keeps the audio.
      await button(card, 'studies.informants.editLabel', { pseudonym: PSEUDONYM }).click();
      const editing = dialog(lead, 'studies.informants.editTitle', { pseudonym: PSEUDONYM });
      expect(await textbox(editing, 'studies.informants.pseudonym').inputValue()).toBe(PSEUDONYM);
      await editing.getByRole('checkbox', { name: text('studies.consentScopes.audio_kept'), exact: true }).check();
      await button(editing, 'studies.informants.save').click();
      await editing.waitFor({ state: 'hidden' });
      await card.getByText(text('studies.consentScopes.audio_kept'), { exact: true }).waitFor();

      // Someone else changes the informant while the lead has it open: the save is refused, the latest loads.
      await button(card, 'studies.informants.editLabel', { pseudonym: PSEUDONYM }).click();
      await editing.waitFor();
      const api = await signIn(base(), RESEARCHER, DEMO_PASSWORD);
      const listed = await api.get(`/api${studyPath}/informants`);
      expect(listed.status).toBe(200);
      const [saved] = (await listed.json()) as ({ id: string; version: number } & Record<string, unknown>)[];
      // The other edit sends every field, as the web app does.
      const { pseudonym, group, countryCode, consentDate, consentScope, version } = saved!;
      const meanwhile = await fetch(`${base()}/api${studyPath}/informants/${saved!.id}`, {
        method: 'PATCH',
        headers: { cookie: api.cookie, 'content-type': 'application/json', 'x-csrf-token': api.csrfToken },
        body: JSON.stringify({
          pseudonym,
          group,
          countryCode,
          setting: 'outpatient',
          consentDate,
          consentScope,
          version,
        }),
      });
      expect(meanwhile.status).toBe(200);
      await textbox(editing, 'studies.informants.consentDate').fill(day(-9));
      await button(editing, 'studies.informants.save').click();
      await editing.getByText(text('studies.informants.stale'), { exact: true }).waitFor();
      expect(await button(editing, 'studies.informants.save').isDisabled()).toBe(true);
      await expectNoSeriousA11yViolations(lead, 'edit refused: changed meanwhile');
      await button(editing, 'studies.informants.loadLatest').click();
      await expect.poll(() => select(editing, 'studies.informants.setting').inputValue()).toBe('outpatient');
      expect(await textbox(editing, 'studies.informants.consentDate').inputValue()).toBe(day(-10));
      await textbox(editing, 'studies.informants.consentDate').fill(day(-9));
      await button(editing, 'studies.informants.save').click();
      await editing.waitFor({ state: 'hidden' });
      await card.getByText(text('settings.outpatient'), { exact: true }).waitFor();
      for (const scope of ['quotes_published', 'audio_kept'])
        await card.getByText(text(`studies.consentScopes.${scope}`), { exact: true }).waitFor();

      // A second informant cannot take the same pseudonym: said at the field, what was typed kept.
      await button(informants, 'studies.informants.addTitle').click();
      await adding.waitFor();
      await textbox(adding, 'studies.informants.pseudonym').fill(PSEUDONYM);
      await select(adding, 'studies.informants.group').selectOption({ label: text('campaigns.groups.clinician') });
      await adding.getByRole('radio', { name: text('countries.CA'), exact: true }).check();
      await button(adding, 'studies.informants.add').click();
      await adding.getByText(text('studies.informants.pseudonymTaken'), { exact: true }).waitFor();
      expect(await textbox(adding, 'studies.informants.pseudonym').getAttribute('aria-invalid')).toBe('true');
      expect(await textbox(adding, 'studies.informants.pseudonym').inputValue()).toBe(PSEUDONYM);
      await expectNoSeriousA11yViolations(lead, 'add an informant, pseudonym taken');
      await button(adding, 'common.cancel').click();
      await adding.waitFor({ state: 'hidden' });
      expect(await informants.getByRole('heading', { name: PSEUDONYM, exact: true }).count()).toBe(1);
      await lead.screenshot({ path: join(SCREENSHOTS, 'studies-lead-desktop.png'), fullPage: true });

      // The list now holds the study, with the lead's role.
      await navigate(lead, 'studies.nav');
      await h1(lead, text('studies.list.title')).waitFor();
      const studyCard = lead.getByRole('listitem').filter({ hasText: title });
      await studyCard
        .getByText(text('studies.yourRole', { role: text('studies.roles.lead') }), { exact: true })
        .waitFor();
      await expectNoSeriousA11yViolations(lead, 'studies, one');

      // ── The nurse, on a phone: the study is there to read, with nothing to change ──
      const coder = await signedIn(NURSE, PHONE, 'board.title');
      await coder.goto(`${base()}/studies`);
      await h1(coder, text('studies.list.title')).waitFor();
      await loaded(coder);
      const mine = coder.getByRole('listitem').filter({ hasText: title });
      await mine.getByText(text('studies.yourRole', { role: text('studies.roles.coder') }), { exact: true }).waitFor();
      expect(await coder.getByRole('link', { name: text('studies.list.new'), exact: true }).count()).toBe(0);
      await mine.getByRole('link', { name: title, exact: true }).click();
      await h1(coder, title).waitFor();
      await loaded(coder);
      await coder.getByText(text('studies.readOnlyTitle'), { exact: true }).waitFor();
      const coderInformants = coder.getByRole('region', { name: text('studies.informants.title') });
      const coderCard = informantCard(coderInformants, PSEUDONYM);
      await coderCard.getByText(text('studies.consentScopes.quotes_published'), { exact: true }).waitFor();
      await coderCard.getByText(text('studies.consentScopes.audio_kept'), { exact: true }).waitFor();
      await coder
        .getByRole('region', { name: text('studies.members.title') })
        .getByText(text('studies.members.nameYou', { name: NURSE_NAME }), { exact: true })
        .waitFor();
      for (const [key, vars] of [
        ['studies.members.add', {}],
        ['studies.members.leaveTitle', {}],
        ['studies.members.removeLabel', { name: 'Dr. Ayesha Rahman' }],
        ['studies.informants.addTitle', {}],
        ['studies.informants.editLabel', { pseudonym: PSEUDONYM }],
      ] as const) {
        expect(await button(coder, key, vars).count(), key).toBe(0);
      }
      expect(await coder.getByRole('textbox').count()).toBe(0);
      await fitsWidth(coder, PHONE.width);
      await expectNoSeriousA11yViolations(coder, 'study read by its coder on a phone');
      await coder.screenshot({ path: join(SCREENSHOTS, 'studies-coder-phone.png'), fullPage: true });

      // The lead's page on a phone, too: forms and cards fit the screen.
      await lead.setViewportSize(PHONE);
      await lead.getByRole('link', { name: title, exact: true }).click();
      await h1(lead, title).waitFor();
      await loaded(lead);
      await fitsWidth(lead, PHONE.width);
      await lead.screenshot({ path: join(SCREENSHOTS, 'studies-lead-phone.png'), fullPage: true });
    },
  );
});
