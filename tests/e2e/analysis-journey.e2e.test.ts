// Acceptance journey of the analysis (issue 10), in headless Chromium against one real server started with --demo.
// The researcher opens the demo campaign's Analysis tab, runs an analysis of the baseline wave with four factors,
// reads the plain-language summary, the forest plot, the importance ranking with its intervals, the Canada–Norway
// comparison and the diagnostics, downloads the report and opens it, opens the analysis from the list of earlier ones
// (the form takes its choices), runs it again with a program's profile as a factor, then with an indicator of the
// programs' everyday work as the outcome (one value per program: the program level answers, the mixed model does not
// apply), and once more with the importance in the mixed model asked for (its chart and table); then opens the
// saved analyses on a phone. Every page on the way —
// the downloaded report included — is checked for serious or critical WCAG 2.1 AA violations.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROGRAM_VARIABLES } from '@alongside/contracts';
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectNoSeriousA11yViolations, PHONE } from '../support/browser.ts';
import { demoJourney, h1, loaded, text } from '../support/journey.ts';
import { DEMO_PASSWORD, ROOT, signIn } from '../support/server.ts';

const RESEARCHER = 'researcher@alongside.example';
const FACTORS = ['collab_culture', 'role_clarity', 'mgmt_support', 'supervision_support'];
/** A program variable's English name, as the form and the result show it. */
const variable = (key: string) => PROGRAM_VARIABLES.find((v) => v.key === key)!.name.en;
const literally = (words: string) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The words of a catalog string before its {{values}}, as a pattern for the start of a name. */
const startOf = (key: string) => new RegExp(`^${literally(text(key, { values: '#' }).split('#')[0]!)}`);
const SCREENSHOTS = join(ROOT, '.tmp/e2e');

const { base, newPage, signedIn, screenshotsOnFailure } = demoJourney();

/** The demo campaign and its scales' English names, read through the API as the researcher. */
async function demoCampaign() {
  const api = await signIn(base(), RESEARCHER, DEMO_PASSWORD);
  const [campaign] = (await (await api.get('/api/campaigns')).json()) as { id: string; title: string }[];
  const scales = (await (await api.get(`/api/campaigns/${campaign!.id}/scales`)).json()) as { key: string; name: { en: string }; outcome: boolean }[];
  const name = (key: string) => scales.find((s) => s.key === key)!.name.en;
  return { campaign: campaign!, name, outcome: scales.find((s) => s.outcome)!.key };
}

describe('an analysis of the demo campaign', () => {
  it('runs the analysis, shows its parts, downloads and opens the report, and reopens it on a phone', { timeout: 300_000 }, async () => {
    screenshotsOnFailure('analysis-journey');
    const { campaign, name, outcome } = await demoCampaign();

    const page = await signedIn(RESEARCHER, DESKTOP, 'campaigns.list.title');
    await page.getByRole('link', { name: campaign.title }).first().click();
    await h1(page, campaign.title).waitFor();
    await page.getByRole('navigation', { name: text('campaigns.sections.label') }).getByRole('link', { name: text('campaigns.sections.analysis'), exact: true }).click();
    const form = page.getByRole('region', { name: text('analyses.form.title') });
    await form.waitFor();
    await loaded(page);
    await expectNoSeriousA11yViolations(page, 'analysis form');

    // Four factors: the drivers of the demo's latent structure.
    await form.getByRole('button', { name: text('analyses.form.selectNone'), exact: true }).click();
    const factors = form.getByRole('group', { name: text('analyses.form.factors') });
    for (const key of FACTORS) await factors.getByRole('checkbox', { name: name(key), exact: true }).check();
    await form.getByRole('button', { name: text('analyses.form.run'), exact: true }).click();

    const result = page.getByRole('region', { name: new RegExp(`^${name(outcome)} — `) });
    await result.waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/campaigns/${campaign.id}/analysis/[0-9a-f-]{36}$`));
    const summary = result.getByRole('region', { name: text('analyses.summary.title') });
    await summary.getByText(/respondents in \d+ programs were analysed/).waitFor();
    // The drivers come out clear: the sentence that lists them is there (a substring of the catalog's words).
    await summary.getByText(text('analyses.summary.positive', { list: '' }).split(':')[0]!).waitFor();
    for (const title of ['analyses.forest.title', 'analyses.countries.title']) await result.getByRole('region', { name: text(title) }).waitFor();
    const importance = result.getByRole('region', { name: text('analyses.importance.title') });
    await importance.getByRole('img').first().waitFor();
    // The diagnostics: three plots, each a chart named by its text alternative (which starts with its title).
    const diagnostics = result.getByRole('region', { name: text('analyses.diagnostics.title'), exact: true });
    await diagnostics.getByRole('heading', { level: 4, name: text('analyses.diagnostics.title'), exact: true }).waitFor();
    const PLOTS = ['byFitted', 'residuals', 'blups'].map((key) => text(`analyses.diagnostics.${key}.title`));
    for (const title of PLOTS) await diagnostics.getByRole('img', { name: new RegExp(`^${title}: `) }).waitFor();
    await expectNoSeriousA11yViolations(page, 'analysis result, charts');

    // The tables instead of the charts.
    await result.getByRole('radiogroup', { name: text('campaigns.viewLabel') }).getByText(text('campaigns.viewTable'), { exact: true }).click();
    const forestTable = result.getByRole('table', { name: text('analyses.forest.tableTitle') });
    for (const key of FACTORS) await forestTable.getByRole('row', { name: new RegExp(`^${name(key)} `) }).waitFor();
    for (const title of PLOTS) await diagnostics.getByRole('table', { name: title, exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'analysis result, tables');

    // The report: one HTML file that opens on its own.
    const [download] = await Promise.all([page.waitForEvent('download'), result.getByRole('link', { name: text('analyses.result.report'), exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^analysis-${outcome}-\\d{4}-\\d{2}-\\d{2}-en\\.html$`));
    const file = await download.path();
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(campaign.title);
    for (const key of FACTORS) expect(html).toContain(name(key));
    // Saved under its own name (the browser's temporary file has no extension, and would open as text).
    const saved = join(mkdtempSync(join(tmpdir(), 'analysis-report-')), download.suggestedFilename());
    writeFileSync(saved, html);
    const report = await newPage(DESKTOP);
    await report.goto(pathToFileURL(saved).href);
    await report.getByRole('heading', { level: 1, name: new RegExp(campaign.title) }).waitFor();
    await report.getByRole('heading', { level: 2, name: 'LEVEL reporting checklist' }).waitFor();
    await expectNoSeriousA11yViolations(report, 'downloaded report');

    // Opening an earlier analysis sets the form to it: from the bare page, with another outcome chosen meanwhile.
    const savedAt = page.url();
    await page.goto(`${base()}/campaigns/${campaign.id}/analysis`);
    const outcomeField = form.getByRole('combobox', { name: text('analyses.form.outcome'), exact: true });
    await outcomeField.selectOption(FACTORS[0]!);
    await page.getByRole('region', { name: text('analyses.list.title') }).locator(`a[href="${new URL(savedAt).pathname}"]`).click();
    await form.getByText(text('analyses.form.fromOpened'), { exact: true }).waitFor();
    expect(await outcomeField.inputValue()).toBe(outcome);
    expect(await factors.getByRole('checkbox', { checked: true }).count()).toBe(FACTORS.length);

    // The same analysis with a program's profile as a fifth factor: its name, not its key, in the fixed effects.
    const staffing = variable('profile_psp_fte');
    await factors.getByRole('button', { name: text('analyses.form.programProfile'), exact: true }).click();
    await factors.getByRole('checkbox', { name: staffing, exact: true }).check();
    await factors.getByRole('button', { name: new RegExp(`^${literally(text('analyses.form.programProfile'))} · 1 `) }).waitFor();
    // The composite builder, by keyboard: a part added takes the focus, and can be removed again.
    await form.getByRole('button', { name: text('analyses.composite.title'), exact: true }).click();
    await form.getByRole('button', { name: text('analyses.composite.addPart'), exact: true }).press('Enter');
    const third = form.getByRole('combobox', { name: text('analyses.composite.part', { n: 3 }), exact: true });
    const thirdId = await third.getAttribute('id');
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe(thirdId);
    await expectNoSeriousA11yViolations(page, 'analysis form with program variables and the composite builder');
    await form.getByRole('button', { name: text('analyses.composite.removePart', { n: 3 }), exact: true }).press('Enter');
    await third.waitFor({ state: 'detached' });
    await form.getByRole('button', { name: text('analyses.form.run'), exact: true }).click();
    await page.waitForURL((url) => url.pathname !== new URL(savedAt).pathname);
    const withStaffing = page.getByRole('region', { name: new RegExp(`^${name(outcome)} — `) });
    await withStaffing.getByRole('table', { name: text('analyses.forest.tableTitle') }).getByRole('row', { name: new RegExp(`^${literally(staffing)} `) }).waitFor({ timeout: 60_000 });
    await withStaffing.getByRole('region', { name: text('analyses.summary.title') }).getByText(text('analyses.summary.joined', { list: staffing }), { exact: true }).waitFor();

    // An indicator of the programs' everyday work as the outcome: one value per program, so the program level answers.
    const huddles = variable('indicator_huddle_attendance');
    const programLevelAt = page.url();
    await outcomeField.selectOption('indicator_huddle_attendance');
    await form.getByRole('button', { name: text('analyses.form.selectNone'), exact: true }).click();
    for (const key of FACTORS.slice(0, 2)) await factors.getByRole('checkbox', { name: name(key), exact: true }).check();
    await form.getByRole('button', { name: text('analyses.form.run'), exact: true }).click();
    await page.waitForURL((url) => url.href !== programLevelAt);
    const programLevel = page.getByRole('region', { name: new RegExp(`^${literally(huddles)} — `) });
    await programLevel.waitFor({ timeout: 60_000 });
    const notApplicable = text('analyses.unavailable.programLevelOutcome', { outcome: huddles, section: text('analyses.importance.title') });
    await programLevel.getByRole('region', { name: text('analyses.forest.title') }).getByText(notApplicable, { exact: true }).waitFor();
    await programLevel.getByRole('region', { name: text('analyses.summary.title') }).getByText(new RegExp(`^${literally(text('analyses.summary.programLevel', { outcome: huddles, programs: '#' }).split('#')[0]!)}`)).waitFor();
    const programImportance = programLevel.getByRole('region', { name: text('analyses.importance.title') });
    await programImportance.getByRole('img').first().waitFor();
    for (const key of FACTORS.slice(0, 2)) await programImportance.getByRole('table', { name: text('analyses.importance.tableTitle') }).getByRole('row', { name: new RegExp(`^${name(key)} `) }).waitFor();
    await expectNoSeriousA11yViolations(page, 'program-level analysis result');

    // The importance in the mixed model (one fit per subset of the factors: three factors, eight fits), asked for
    // beside the default parts: its chart, named by its text alternative, and its table with each level's R².
    const levelAt = page.url();
    await outcomeField.selectOption(outcome);
    await form.getByRole('button', { name: text('analyses.form.selectNone'), exact: true }).click();
    for (const key of FACTORS.slice(0, 3)) await factors.getByRole('checkbox', { name: name(key), exact: true }).check();
    const models = form.getByRole('group', { name: text('analyses.form.models') });
    await models.getByRole('checkbox', { name: text('analyses.form.model.levelDominance'), exact: true }).check();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await models.screenshot({ path: join(SCREENSHOTS, 'analysis-models-desktop.png') });
    await form.getByRole('button', { name: text('analyses.form.run'), exact: true }).click();
    await page.waitForURL((url) => url.href !== levelAt);
    const levelsAt = page.url();
    const levels = page.getByRole('region', { name: new RegExp(`^${name(outcome)} — `) }).getByRole('region', { name: text('analyses.levelDominance.title'), exact: true });
    await levels.getByRole('img', { name: startOf('analyses.levelDominance.description') }).waitFor({ timeout: 60_000 });
    const levelTable = levels.getByRole('table', { name: text('analyses.levelDominance.tableTitle') });
    for (const key of FACTORS.slice(0, 3)) await levelTable.getByRole('row', { name: new RegExp(`^${name(key)} `) }).waitFor();
    await levelTable.getByRole('row', { name: new RegExp(`^${literally(text('analyses.levelDominance.r2Row'))} `) }).waitFor();
    await levels.screenshot({ path: join(SCREENSHOTS, 'analysis-level-dominance-desktop.png') });
    await expectNoSeriousA11yViolations(page, 'analysis result with the importance in the mixed model');

    // The saved analysis, on a phone.
    const phone = await newPage(PHONE);
    await phone.goto(`${base()}/sign-in`);
    await phone.getByRole('textbox', { name: text('signIn.email'), exact: true }).fill(RESEARCHER);
    await phone.getByRole('textbox', { name: text('signIn.password'), exact: true }).fill(DEMO_PASSWORD);
    await phone.getByRole('button', { name: text('signIn.submit'), exact: true }).click();
    await h1(phone, text('campaigns.list.title')).waitFor();
    await phone.goto(savedAt);
    await phone.getByRole('region', { name: new RegExp(`^${name(outcome)} — `) }).getByRole('region', { name: text('analyses.forest.title') }).waitFor();
    await expectNoSeriousA11yViolations(phone, 'saved analysis (phone)');
    await phone.goto(levelsAt);
    const phoneLevels = phone.getByRole('region', { name: text('analyses.levelDominance.title'), exact: true });
    await phoneLevels.getByRole('img', { name: startOf('analyses.levelDominance.description') }).waitFor();
    await phoneLevels.screenshot({ path: join(SCREENSHOTS, 'analysis-level-dominance-phone.png') });
    await phone.getByRole('group', { name: text('analyses.form.models') }).screenshot({ path: join(SCREENSHOTS, 'analysis-models-phone.png') });
    await expectNoSeriousA11yViolations(phone, 'analysis with the importance in the mixed model (phone)');
  });
});
