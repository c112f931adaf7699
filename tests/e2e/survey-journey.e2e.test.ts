// Acceptance journey of a research survey (issue 9), in headless Chromium against one real server started with
// --demo. The researcher imports a FHIR Questionnaire into the instrument library, records the owners' permission its
// conditional licence asks for and gives it a subscale, then builds a campaign for three programs in Canada and
// Norway; each organization's administrator joins on the Organization page (the Norwegian one in Norwegian). The
// researcher adds a wave and invites someone by e-mail in French; the link waits in the outbox. On a phone, the
// respondent reads the information and consent screen in French, answers about half, saves and closes; in a fresh
// browser the answers are still there, and they finish and submit. The researcher's invitations, progress and
// results count the response, with every figure about fewer than k = 11 people shown as withheld, and the CSV and
// SPSS exports download as zips holding the expected files. Every page on the way is checked for serious or
// critical WCAG 2.1 AA violations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InstrumentDefinition, Language } from '@alongside/contracts';
import { unzipSync } from 'fflate';
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectNoSeriousA11yViolations, PHONE } from '../support/browser.ts';
import { demoJourney, h1, loaded, navigate, text, textIn, unique } from '../support/journey.ts';
import { DEMO_PASSWORD, ROOT, signIn } from '../support/server.ts';

const RESEARCHER = 'researcher@alongside.example';
const PLATFORM_ADMIN = 'admin@alongside.example';
const FIXTURE = 'peer-support-integration-check.questionnaire.json';
const FIXTURE_PATH = join(ROOT, 'apps/server/src/domains/instruments/formats/fixtures', FIXTURE);
/** Two programs of a Canadian organization and one of a Norwegian one (packages/db/src/seed/demo.ts). */
const PROGRAMS = [
  { name: 'Acute Inpatient Psychiatry', organization: 'Lakeshore Regional Health' },
  { name: 'Emergency Mental Health', organization: 'Lakeshore Regional Health' },
  { name: 'Akuttpsykiatrisk døgnenhet', organization: 'Helse Nordfjell HF' },
] as const;
/** The program the respondent works in: its organization's outbox holds the invitation. */
const INVITED_PROGRAM = PROGRAMS[0];
const K = 11;

const fr = textIn('fr');
const { base, newPage, signedIn, screenshotsOnFailure } = demoJourney();

/** A day counted from today, as a date input takes it (the browsers run in UTC, like the server). */
const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Waits until a control reports the expected checked state. */
const expectChecked = (control: Locator, checked = true) => expect.poll(() => control.isChecked()).toBe(checked);

/**
 * Each organization's administrator, found through the API as the platform administrator: the seed makes up all but
 * the first organization's, so their addresses and languages are read rather than written here.
 */
async function orgAdmins(): Promise<Map<string, { email: string; firstName: string; language: Language }>> {
  const api = await signIn(base(), PLATFORM_ADMIN, DEMO_PASSWORD);
  const json = async <T>(path: string): Promise<T> => {
    const response = await api.get(path);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const organizations = await json<{ id: string; name: string }[]>('/api/organizations');
  const admins = new Map<string, { email: string; firstName: string; language: Language }>();
  for (const name of new Set(PROGRAMS.map((p) => p.organization))) {
    const organization = organizations.find((o) => o.name === name);
    if (!organization) throw new Error(`The demo has no organization ${name}`);
    const users = await json<{ email: string; name: string; language: Language; roles: { role: string }[] }[]>(
      `/api/users?organizationId=${organization.id}`,
    );
    const admin = users
      .filter((u) => u.roles.some((r) => r.role === 'org_admin'))
      .sort((a, b) => a.email.localeCompare(b.email))[0];
    if (!admin) throw new Error(`${name} has no organization administrator in the demo`);
    admins.set(name, { email: admin.email, firstName: admin.name.split(' ')[0]!, language: admin.language });
  }
  return admins;
}

/** The instrument's French wording as stored by the import: question texts and answer labels the respondent reads. */
function frenchWording(definition: InstrumentDefinition) {
  const item = (name: string) => {
    const found = definition.items.find((i) => i.name === name);
    if (!found) throw new Error(`The imported instrument has no item ${name}`);
    return found;
  };
  return {
    question: (name: string): string => item(name).text.fr!,
    /** The label of a choice (by code) or of a response-scale point (by value). */
    answer: (name: string, code: string | number): string => {
      const it = item(name);
      const option = it.options?.find((o) => o.code === String(code));
      if (option) return option.label.fr!;
      const point = definition.scales.find((s) => s.id === it.scale)?.points.find((p) => p.value === code);
      if (!point) throw new Error(`${name} has no answer ${String(code)}`);
      return point.label.fr!;
    },
  };
}

/** Switches a "Show as" control (a segmented control: the words are what a pointer reaches) to the table. */
async function showAsTable(within: Locator): Promise<void> {
  const show = within.getByRole('radiogroup', { name: text('campaigns.viewLabel'), exact: true });
  await show.getByText(text('campaigns.viewTable'), { exact: true }).click();
  await expectChecked(show.getByRole('radio', { name: text('campaigns.viewTable'), exact: true }));
}

/** Clicks the link of a download and returns it once the browser has it. */
async function download(page: Page, link: Locator): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(await file.failure()).toBeNull();
  return file;
}

/** The files of a downloaded zip by name. */
async function unzipped(file: Download): Promise<Record<string, string>> {
  const bytes = readFileSync(await file.path());
  expect(bytes.length).toBeGreaterThan(0);
  return Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, content]) => [
      name,
      new TextDecoder().decode(content),
    ]),
  );
}

describe('a research survey from import to export', () => {
  it(
    'imports an instrument, runs a campaign in two countries, a French respondent resumes on a phone, results and exports follow',
    // Five people and some thirty pages: longer than the other journeys, and a loaded 2-core machine is slow.
    { timeout: 600_000 },
    async () => {
      screenshotsOnFailure('survey-journey');
      const stamp = unique();
      const title = `Integration check ${stamp}`;
      const respondent = `respondent-${stamp}@example.org`;
      const informationFr = `Ce court bilan porte sur l’intégration des pairs aidants (${stamp}). Il prend cinq minutes.`;
      const admins = await orgAdmins();

      // ── The researcher, on a desktop: Campaigns, then the instrument library ──
      const researcher = await signedIn(RESEARCHER, DESKTOP, 'campaigns.list.title');
      expect(new URL(researcher.url()).pathname).toBe('/campaigns');
      await loaded(researcher);
      await expectNoSeriousA11yViolations(researcher, 'campaigns (researcher)');
      await navigate(researcher, 'nav.instrumentLibrary');
      await h1(researcher, text('instrumentLibrary.title')).waitFor();
      await loaded(researcher);
      await expectNoSeriousA11yViolations(researcher, 'instrument library');

      // Import the FHIR Questionnaire through the dialog's file input (the chooser its "File" button opens).
      await researcher
        .getByRole('button', { name: text('instrumentLibrary.import.button'), exact: true })
        .first()
        .click();
      const importDialog = researcher.getByRole('dialog', { name: text('instrumentLibrary.import.title') });
      const [chooser] = await Promise.all([
        researcher.waitForEvent('filechooser'),
        importDialog.getByRole('button', { name: text('instrumentLibrary.import.file'), exact: true }).click(),
      ]);
      await chooser.setFiles(FIXTURE_PATH);
      await importDialog.getByText(FIXTURE, { exact: true }).waitFor();
      await expectNoSeriousA11yViolations(researcher, 'import dialog with a file chosen');
      await importDialog.getByRole('button', { name: text('instrumentLibrary.import.submit'), exact: true }).click();
      const instrumentName = 'Peer support integration check';
      await importDialog
        .getByText(
          text('instrumentLibrary.import.done', {
            name: instrumentName,
            format: text('instrumentLibrary.formats.fhir'),
          }),
        )
        .waitFor();
      // The file states no licence status: it comes in as conditional, kept out of campaigns until permission is recorded.
      await importDialog.getByText(text('instrumentLibrary.import.needsPermission')).waitFor();
      await expectNoSeriousA11yViolations(researcher, 'import dialog, imported with notices');
      await importDialog.getByRole('link', { name: text('instrumentLibrary.import.open'), exact: true }).click();

      // ── The instrument page: record the owners' permission in the UI ──
      await h1(researcher, instrumentName).waitFor();
      const instrumentPath = new URL(researcher.url()).pathname;
      const licence = researcher.getByRole('region', { name: text('instrumentLibrary.licenceTitle') });
      await licence.getByText(text('instrumentLibrary.licence.conditional'), { exact: true }).waitFor();
      await licence.getByText(text('instrumentLibrary.notUsable')).waitFor();
      await expectNoSeriousA11yViolations(researcher, 'imported instrument, permission not recorded');
      const permission = researcher.getByRole('region', { name: text('instrumentLibrary.permission.title') });
      await permission
        .getByRole('textbox', { name: text('instrumentLibrary.permission.grantedBy') })
        .fill('Regional peer support network');
      await permission.getByRole('textbox', { name: text('instrumentLibrary.permission.grantedOn') }).fill(day(-3));
      await permission
        .getByRole('textbox', { name: text('instrumentLibrary.permission.file') })
        .fill(`permissions/psi-check-${stamp}.pdf`);
      await permission.getByRole('button', { name: text('instrumentLibrary.permission.record'), exact: true }).click();
      await permission.getByText(text('instrumentLibrary.permission.saved')).waitFor();
      await licence.getByText(text('instrumentLibrary.licence.permission_recorded'), { exact: true }).waitFor();
      await licence.getByText(text('instrumentLibrary.usable')).waitFor();
      await expectNoSeriousA11yViolations(researcher, 'imported instrument, permission recorded');

      // The import carries the questions and their response scales but no subscale (FHIR has none), and results are
      // per subscale: without one the results page would stay empty. The researcher scores the three team-climate
      // items as one in the editor — the licence keeps the wording as it is, scoring may change.
      await researcher.getByRole('link', { name: text('instrumentLibrary.edit'), exact: true }).click();
      await h1(researcher, text('instrumentLibrary.editor.title', { name: instrumentName })).waitFor();
      await researcher.getByRole('tab', { name: text('instrumentEditor.tabs.subscales') }).click();
      await researcher.getByRole('button', { name: text('instrumentEditor.subscales.add'), exact: true }).click();
      await researcher
        .getByRole('region', { name: text('instrumentEditor.subscales.heading', { id: 'subscale_1' }) })
        .getByRole('textbox', { name: text('instrumentEditor.subscales.id'), exact: true })
        .fill('team_climate');
      const subscale = researcher.getByRole('region', {
        name: text('instrumentEditor.subscales.heading', { id: 'team_climate' }),
      });
      await subscale
        .getByRole('textbox', { name: `${text('instrumentEditor.subscales.name')} (English)`, exact: true })
        .fill('Team climate');
      await subscale
        .getByRole('textbox', { name: `${text('instrumentEditor.subscales.name')} (Français)`, exact: true })
        .fill('Climat d’équipe');
      await subscale.getByRole('combobox', { name: text('instrumentEditor.subscales.items'), exact: true }).click();
      for (const item of ['climate_1', 'climate_2', 'climate_3'])
        await researcher.getByRole('option', { name: item, exact: true }).click();
      await researcher.keyboard.press('Escape');
      await expectNoSeriousA11yViolations(researcher, 'instrument editor, a subscale added');
      await researcher.getByRole('button', { name: text('instrumentEditor.save'), exact: true }).click();
      await researcher.getByText(text('instrumentEditor.saved'), { exact: true }).waitFor();
      await researcher.getByRole('status').getByText(text('instrumentEditor.noChanges'), { exact: true }).waitFor();

      // What the respondent will read: the stored definition's French wording (read through the API, not typed here).
      const api = await signIn(base(), RESEARCHER, DEMO_PASSWORD);
      const versionResponse = await api.get(`/api${instrumentPath}/versions/1`);
      expect(versionResponse.status).toBe(200);
      const { definition } = (await versionResponse.json()) as { definition: InstrumentDefinition };
      expect(definition.subscales.map((s) => [s.id, s.items])).toEqual([
        ['team_climate', ['climate_1', 'climate_2', 'climate_3']],
      ]);
      const wording = frenchWording(definition);

      // ── A new campaign: three programs in two countries, anonymous with personal invitations ──
      await navigate(researcher, 'nav.campaigns');
      await h1(researcher, text('campaigns.list.title')).waitFor();
      await researcher
        .getByRole('link', { name: text('campaigns.list.new'), exact: true })
        .first()
        .click();
      await h1(researcher, text('campaigns.form.title')).waitFor();
      await loaded(researcher);
      const about = researcher.getByRole('region', { name: text('campaigns.form.aboutTitle') });
      await about.getByRole('textbox', { name: text('campaigns.fields.title'), exact: true }).fill(title);
      await about
        .getByRole('textbox', { name: text('campaigns.fields.description'), exact: true })
        .fill('How peer support workers are brought into clinical teams, in Canada and Norway.');
      await about
        .getByRole('textbox', { name: text('campaigns.fields.ethicsApproval'), exact: true })
        .fill('REB 2026-041 / REK 123456');
      await about
        .getByRole('textbox', { name: text('campaigns.fields.dataController'), exact: true })
        .fill('Lakeshore Regional Health, Research Institute');
      const privacy = researcher.getByRole('region', { name: text('campaigns.form.privacyTitle') });
      await privacy.getByRole('radio', { name: text('campaigns.privacy.anonymous_tracked.name'), exact: true }).check();
      expect(await privacy.getByRole('textbox', { name: text('campaigns.fields.k'), exact: true }).inputValue()).toBe(
        String(K),
      );
      await privacy.getByRole('textbox', { name: text('campaigns.fields.retentionUntil'), exact: true }).fill(day(730));
      const groups = researcher.getByRole('region', { name: text('campaigns.form.groupsTitle') });
      for (const language of ['fr', 'nb'] as const)
        await groups.getByRole('checkbox', { name: text(`campaigns.languageNames.${language}`), exact: true }).check();
      const psp = text('campaigns.groups.psp');
      await groups
        .getByRole('checkbox', { name: text('campaigns.form.surveyGroup', { group: psp }), exact: true })
        .check();
      await groups
        .getByRole('combobox', { name: text('campaigns.form.instrumentFor', { group: psp }), exact: true })
        .selectOption({ label: text('campaigns.form.instrumentOption', { name: instrumentName, version: 1 }) });
      const programs = researcher.getByRole('region', { name: text('campaigns.form.programsTitle') });
      for (const program of PROGRAMS) await programs.getByRole('checkbox', { name: program.name, exact: true }).check();
      await programs
        .getByText(
          text('campaigns.form.chosen_other', {
            count: PROGRAMS.length,
            countries: [text('countries.CA'), text('countries.NO')].join(', '),
          }),
          { exact: true },
        )
        .waitFor();
      const information = researcher.getByRole('region', { name: text('campaigns.form.informationTitle') });
      const informationTexts: Record<Language, string> = {
        en: `This short check is about how peer support workers are brought into teams (${stamp}). It takes five minutes.`,
        fr: informationFr,
        nb: `Denne korte sjekken handler om hvordan erfaringskonsulenter tas inn i team (${stamp}). Den tar fem minutter.`,
      };
      for (const [language, words] of Object.entries(informationTexts))
        await information
          .getByRole('textbox', {
            name: text('campaigns.form.informationFor', { language: text(`campaigns.languageNames.${language}`) }),
            exact: true,
          })
          .fill(words);
      await expectNoSeriousA11yViolations(researcher, 'new campaign, filled in');
      await researcher.getByRole('button', { name: text('campaigns.form.submit'), exact: true }).click();

      // The overview: every program invited, none decided yet.
      await h1(researcher, title).waitFor();
      const programTable = researcher.getByRole('table', { name: text('campaigns.overview.programsTitle') });
      for (const program of PROGRAMS)
        await programTable
          .getByRole('row', { name: new RegExp(`^${program.name} `) })
          .getByRole('cell', { name: text('campaigns.participation.invited'), exact: true })
          .waitFor();
      await expectNoSeriousA11yViolations(researcher, 'campaign overview, programs invited');

      // ── Each organization's administrator joins for their programs, in their own language ──
      for (const [organization, admin] of admins) {
        const say = textIn(admin.language);
        const page = await signedIn(admin.email, DESKTOP, 'home.greeting', {
          vars: { name: admin.firstName },
          language: admin.language,
        });
        await expectNoSeriousA11yViolations(page, `home (administrator of ${organization})`);
        await navigate(page, 'nav.organizations', admin.language);
        await h1(page, say('organizations.title')).waitFor();
        const campaign = page
          .getByRole('region', { name: say('campaigns.participate.title') })
          .getByRole('article', { name: title });
        await campaign.waitFor();
        await loaded(page, admin.language);
        await expectNoSeriousA11yViolations(page, `organization page, invited (${organization})`);
        for (const program of PROGRAMS.filter((p) => p.organization === organization)) {
          await campaign
            .getByRole('button', { name: `${say('campaigns.participate.join')} — ${program.name}`, exact: true })
            .click();
          await campaign.getByText(say('campaigns.participate.done.joined', { program: program.name })).waitFor();
          const entry = campaign.getByRole('listitem').filter({ hasText: program.name });
          // The badge's mark (✓) is hidden from screen readers: the words are what counts.
          await entry.getByText(say('campaigns.participation.joined')).waitFor();
          expect(
            await entry
              .getByRole('button', { name: `${say('campaigns.participate.join')} — ${program.name}`, exact: true })
              .isDisabled(),
          ).toBe(true);
        }
        await expectNoSeriousA11yViolations(page, `organization page, joined (${organization})`);
        await page.context().close();
      }

      // ── The researcher sees them joined, adds a wave and invites someone by e-mail in French ──
      await researcher.reload();
      await h1(researcher, title).waitFor();
      for (const program of PROGRAMS)
        await programTable
          .getByRole('row', { name: new RegExp(`^${program.name} `) })
          .getByRole('cell', { name: text('campaigns.participation.joined'), exact: true })
          .waitFor();
      const waves = researcher.getByRole('region', { name: text('campaigns.waves.title') });
      await waves.getByRole('button', { name: text('campaigns.waves.addTitle'), exact: true }).click();
      const waveDialog = researcher.getByRole('dialog', { name: text('campaigns.waves.addTitle') });
      const waveName = text('campaigns.waves.defaultBaseline');
      expect(
        await waveDialog.getByRole('textbox', { name: text('campaigns.waves.name'), exact: true }).inputValue(),
      ).toBe(waveName);
      await waveDialog.getByRole('textbox', { name: text('campaigns.waves.opensOn'), exact: true }).fill(day(0));
      await waveDialog.getByRole('textbox', { name: text('campaigns.waves.closesOn'), exact: true }).fill(day(60));
      await expectNoSeriousA11yViolations(researcher, 'add a wave');
      await waveDialog.getByRole('button', { name: text('campaigns.waves.add'), exact: true }).click();
      await waves.getByText(text('campaigns.waves.added', { name: waveName })).waitFor();
      await waves.getByRole('rowheader', { name: waveName, exact: true }).waitFor();
      await expectNoSeriousA11yViolations(researcher, 'campaign overview with its wave');

      const sections = researcher.getByRole('navigation', { name: text('campaigns.sections.label') });
      await sections.getByRole('link', { name: text('campaigns.sections.invitations'), exact: true }).click();
      const invite = researcher.getByRole('region', { name: text('campaigns.invitations.inviteTitle') });
      await invite
        .getByRole('combobox', { name: text('fields.program'), exact: true })
        .selectOption({ label: `${INVITED_PROGRAM.name} (${text('countries.CA')})` });
      expect(
        await invite.getByRole('combobox', { name: text('campaigns.fields.wave'), exact: true }).inputValue(),
      ).not.toBe('');
      await invite
        .getByRole('combobox', { name: text('campaigns.invitations.language'), exact: true })
        .selectOption('fr');
      await invite
        .getByRole('textbox', { name: text('campaigns.invitations.addresses'), exact: true })
        .fill(respondent);
      await invite.getByText(text('campaigns.invitations.counted_one', { count: 1 }), { exact: true }).waitFor();
      await invite
        .getByRole('button', { name: text('campaigns.invitations.send_one', { count: 1 }), exact: true })
        .click();
      await invite.getByText(text('campaigns.invitations.sent_one', { count: 1 })).waitFor();
      const invitations = researcher.getByRole('table', { name: text('campaigns.invitations.listTitle') });
      const invitationRow = invitations.getByRole('row', { name: new RegExp(`^${respondent} `) });
      await invitationRow.getByRole('cell', { name: text('campaigns.languageNames.fr'), exact: true }).waitFor();
      await expectNoSeriousA11yViolations(researcher, 'invitations, one sent');

      // ── The link waits in the organization's outbox (no SMTP on this server) ──
      const outboxAdmin = admins.get(INVITED_PROGRAM.organization)!;
      const outbox = await signedIn(outboxAdmin.email, DESKTOP, 'home.greeting', {
        vars: { name: outboxAdmin.firstName },
        language: outboxAdmin.language,
      });
      await navigate(outbox, 'nav.outbox', outboxAdmin.language);
      await h1(outbox, textIn(outboxAdmin.language)('outbox.title')).waitFor();
      const message = outbox.getByRole('listitem').filter({ hasText: respondent });
      await message.getByRole('heading', { name: new RegExp(title) }).waitFor();
      await message.getByText(textIn(outboxAdmin.language)('outbox.showBody')).click();
      const link = new RegExp(`${base().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/s/[\\w-]{20,}`).exec(
        await message.innerText(),
      )?.[0];
      expect(link, 'the invitation link in the message').toBeDefined();
      await expectNoSeriousA11yViolations(outbox, 'outbox with the invitation');
      await outbox.context().close();

      // ── The respondent, on a phone, never signed in: information and consent in French ──
      let phone = await newPage(PHONE);
      await phone.goto(link!);
      await h1(phone, title).waitFor();
      await phone.getByText(fr('respond.consent.eyebrow'), { exact: true }).waitFor();
      await phone.getByText(informationFr, { exact: true }).waitFor();
      await phone.getByRole('heading', { name: fr('respond.privacy.anonymous_tracked.title'), exact: true }).waitFor();
      expect(await phone.getByRole('combobox', { name: fr('respond.language'), exact: true }).inputValue()).toBe('fr');
      expect(await phone.locator('html').getAttribute('lang')).toBe('fr');
      await expectNoSeriousA11yViolations(phone, 'consent screen in French (phone)');
      await phone.getByRole('button', { name: fr('respond.consent.agree'), exact: true }).click();

      /** The radio button of an answer (SurveyJS: one radio group per question, named by its text). */
      const radio = (page: Page, item: string, answer: string | number) =>
        page
          .getByRole('radiogroup', { name: wording.question(item), exact: true })
          .getByRole('radio', { name: wording.answer(item, answer), exact: true });
      /** Answers as a respondent does: a tap on the answer's words. */
      const choose = async (page: Page, item: string, answer: string | number) => {
        await page
          .getByRole('radiogroup', { name: wording.question(item), exact: true })
          .getByText(wording.answer(item, answer), { exact: true })
          .click();
        await expectChecked(radio(page, item, answer));
      };
      const years = (page: Page) => page.getByRole('spinbutton', { name: wording.question('years'), exact: true });
      const next = (page: Page) => page.getByRole('button', { name: fr('respond.form.next'), exact: true }).click();

      // About half: the first page (role, years, full time) and two of the three team-climate items.
      await radio(phone, 'role', 'psw').waitFor();
      await expectNoSeriousA11yViolations(phone, 'survey, first page (phone)');
      await choose(phone, 'role', 'psw');
      await years(phone).fill('4');
      await choose(phone, 'full_time', 'true');
      await next(phone);
      await radio(phone, 'climate_1', 4).waitFor();
      await choose(phone, 'climate_1', 4);
      await choose(phone, 'climate_2', 3);
      await expectNoSeriousA11yViolations(phone, 'survey, second page half answered (phone)');
      await phone.getByRole('button', { name: fr('respond.form.saveAndContinueLater'), exact: true }).click();
      await h1(phone, fr('respond.paused.title')).waitFor();
      await expectNoSeriousA11yViolations(phone, 'answers saved for later (phone)');
      await phone.context().close();

      // ── Later, in a fresh browser: the same link opens on the form, the answers kept ──
      phone = await newPage(PHONE);
      await phone.goto(link!);
      await h1(phone, title).waitFor();
      await radio(phone, 'role', 'psw').waitFor();
      expect(await phone.getByRole('button', { name: fr('respond.consent.agree') }).count()).toBe(0);
      await expectChecked(radio(phone, 'role', 'psw'));
      expect(await years(phone).inputValue()).toBe('4');
      await expectChecked(radio(phone, 'full_time', 'true'));
      await expectNoSeriousA11yViolations(phone, 'survey resumed (phone)');
      await next(phone);
      await expectChecked(radio(phone, 'climate_1', 4));
      await expectChecked(radio(phone, 'climate_2', 3));
      await expectChecked(radio(phone, 'climate_3', 1), false);
      await choose(phone, 'climate_3', 1);
      await next(phone);
      await choose(phone, 'sat_support', 2);
      await next(phone);
      await choose(phone, 'contact_ok', 'false');
      await phone.getByRole('button', { name: fr('respond.form.submit'), exact: true }).click();
      await h1(phone, fr('respond.thanks.title')).waitFor();
      await phone.getByText(fr('respond.thanks.anonymous'), { exact: true }).waitFor();
      await expectNoSeriousA11yViolations(phone, 'thank-you page (phone)');

      // ── The researcher: the invitation is answered, and progress and results count the response ──
      await researcher.reload();
      await invitationRow.waitFor();
      await researcher
        .getByText(text('campaigns.invitations.summary_one', { count: 1, responded: 1 }), { exact: true })
        .waitFor();
      expect(
        await invitationRow.getByRole('cell', { name: text('campaigns.invitations.notYet'), exact: true }).count(),
      ).toBe(0);

      const withheld = text('campaigns.suppressed', { k: K });
      await sections.getByRole('link', { name: text('campaigns.sections.progress'), exact: true }).click();
      const progress = researcher.getByRole('region', { name: text('campaigns.progress.title') });
      await showAsTable(progress);
      const byProgram = progress.getByRole('table', {
        name: text('campaigns.progress.chartTitle.program', { wave: waveName }),
      });
      // One response in a program is a figure about fewer than k people: withheld, never shown as 1 (nor as 0).
      await byProgram
        .getByRole('row', { name: new RegExp(`^${INVITED_PROGRAM.name} `) })
        .getByRole('cell', { name: withheld, exact: true })
        .first()
        .waitFor();
      expect(await byProgram.getByRole('cell', { name: '1', exact: true }).count()).toBe(0);
      await progress.getByText(text('campaigns.suppressedNote', { k: K }), { exact: true }).waitFor();
      await expectNoSeriousA11yViolations(researcher, 'campaign progress, table');

      await sections.getByRole('link', { name: text('campaigns.sections.results'), exact: true }).click();
      await researcher
        .getByText(text('campaigns.results.responsesLine_one', { formatted: '1', k: K }), { exact: true })
        .waitFor();
      await researcher
        .getByRole('table', { name: text('campaigns.results.scalesTitle') })
        .getByRole('row', { name: /^Team climate / })
        .getByRole('cell', { name: withheld, exact: true })
        .first()
        .waitFor();
      await expectNoSeriousA11yViolations(researcher, 'campaign results, charts');
      await showAsTable(researcher.getByRole('main'));
      await researcher
        .getByRole('table', { name: text('campaigns.results.byTitle.program') })
        .getByRole('row', { name: new RegExp(`^${INVITED_PROGRAM.name} `) })
        .getByRole('cell', { name: withheld, exact: true })
        .waitFor();
      await expectNoSeriousA11yViolations(researcher, 'campaign results, tables');

      // ── Exports: the wide CSV and the SPSS syntax, each a zip ──
      await sections.getByRole('link', { name: text('campaigns.sections.data'), exact: true }).click();
      const exports = researcher.getByRole('region', { name: text('campaigns.exports.title') });
      await exports.waitFor();
      await expectNoSeriousA11yViolations(researcher, 'campaign exports');
      const slug = `integration-check-${stamp}`;
      const exportLink = (format: 'csv' | 'spss') =>
        exports.getByRole('link', {
          name: text('campaigns.exports.download', { format: text(`campaigns.exports.formats.${format}.name`) }),
          exact: true,
        });

      const csv = await download(researcher, exportLink('csv'));
      expect(csv.suggestedFilename()).toMatch(new RegExp(`^${slug}-csv-en-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
      const csvFiles = await unzipped(csv);
      expect(Object.keys(csvFiles).sort()).toEqual(['README.txt', 'codebook.csv', 'survey-data.csv']);
      const [header, ...rows] = csvFiles['survey-data.csv']!.trim().split('\n');
      expect(header!.split(',')).toEqual(expect.arrayContaining(['program', 'climate_1', 'climate_3', 'team_climate']));
      // The k rule holds in exports too: one response of a program and group, with no pool of 11 to hide in, is left out.
      expect(rows).toEqual([]);
      expect(csvFiles['README.txt']).toMatch(new RegExp(`Left out:\\n- ${waveName}, ${text('countries.CA')}, `));
      expect(csvFiles['codebook.csv']).toContain('team_climate');

      await exports
        .getByRole('combobox', { name: text('campaigns.exports.labelLanguage'), exact: true })
        .selectOption('fr');
      const spss = await download(researcher, exportLink('spss'));
      expect(spss.suggestedFilename()).toMatch(new RegExp(`^${slug}-spss-fr-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
      const spssFiles = await unzipped(spss);
      expect(Object.keys(spssFiles).sort()).toEqual(['README.txt', 'codebook.csv', 'survey-data.csv', 'survey-fr.sps']);
      expect(spssFiles['survey-fr.sps']).toContain('survey-data.csv');
      expect(spssFiles['survey-fr.sps']).toContain(wording.question('years'));
    },
  );
});
