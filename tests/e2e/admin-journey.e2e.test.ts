// Acceptance journey in headless Chromium against a real server started with --demo:
// an organization administrator sets up a program and a team and invites a peer support
// provider, who accepts on a phone, switches to Norwegian, and finds it kept at the next sign-in.
// Every page on the way is checked for serious or critical WCAG 2.1 AA violations.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { DESKTOP, expectNoSeriousA11yViolations, launchBrowser, PHONE } from '../support/browser.ts';
import { DEMO_ORG_ADMIN, DEMO_PASSWORD, ROOT, startServer, type StartedServer } from '../support/server.ts';

type Catalog = Record<string, unknown>;
const catalog = (lang: string): Catalog => JSON.parse(readFileSync(join(ROOT, `apps/web/src/i18n/${lang}.json`), 'utf8')) as Catalog;

/** A string from the web app's own catalogs, so the test follows wording changes but not key changes. */
function text(messages: Catalog, key: string, vars: Record<string, string> = {}): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Catalog)[part] : undefined), messages);
  if (typeof value !== 'string') throw new Error(`No string ${key} in the web app's catalog`);
  return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => vars[name] ?? '');
}

const ARTIFACTS = join(ROOT, '.tmp/e2e');
const ADMIN_PASSWORD = DEMO_PASSWORD;

let server: StartedServer | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser!.newContext({ viewport, locale: 'en-US', reducedMotion: 'reduce' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** On failure, keep a screenshot of every open page for the report. */
function screenshotsOnFailure(name: string): void {
  onTestFailed(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    let i = 0;
    for (const context of contexts) {
      for (const page of context.pages()) {
        await page.screenshot({ path: join(ARTIFACTS, `${name}-${String(i++)}.png`), fullPage: true }).catch(() => undefined);
      }
    }
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The running server's address (beforeAll started it). */
const base = (): string => server!.url;

const en = catalog('en');

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: text(en, 'signIn.email'), exact: true }).fill(email);
  await page.getByRole('textbox', { name: text(en, 'signIn.password'), exact: true }).fill(password);
  await page.getByRole('button', { name: text(en, 'signIn.submit'), exact: true }).click();
}

/** Follows a link of the main navigation; on a phone it sits behind the menu button. */
async function navigate(page: Page, messages: Catalog, key: string): Promise<void> {
  const menu = page.getByRole('button', { name: text(messages, 'shell.openMenu') });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation', { name: text(messages, 'shell.mainNavigation') }).getByRole('link', { name: text(messages, key), exact: true }).click();
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

describe('sign-in page on a demo server', () => {
  it('lists the demo accounts and says so when the password is wrong', async () => {
    screenshotsOnFailure('sign-in');
    const page = await newPage(DESKTOP);
    await page.goto(`${base()}/sign-in`);
    const demo = page.getByRole('region', { name: text(en, 'signIn.demoTitle') });
    await demo.getByText(DEMO_ORG_ADMIN, { exact: true }).waitFor();
    expect(await demo.getByRole('listitem').count()).toBeGreaterThan(5);
    await expect.poll(() => demo.getByText('peer@alongside.example', { exact: true }).isVisible()).toBe(true);

    await signIn(page, DEMO_ORG_ADMIN, 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(text(en, 'errors.invalidCredentials'));
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.context().close();
  });
});

describe('organization administrator invites a peer support provider', () => {
  it('sets up a program and a team, invites, and the new member works in Norwegian', { timeout: 300_000 }, async () => {
    screenshotsOnFailure('journey');
    const nb = catalog('nb');
    // The check below is only meaningful if the Norwegian catalog really is Norwegian.
    for (const key of ['profile.title', 'people.title', 'people.intro', 'shell.signOut']) expect(text(nb, key)).not.toBe(text(en, key));

    const suffix = Date.now().toString(36);
    const programName = `Journey program ${suffix}`;
    const teamName = `Journey team ${suffix}`;
    const memberEmail = `journey.${suffix}@example.org`;
    const memberName = 'Kari Nordmann';
    const memberPassword = 'a sentence that is long enough';

    // ── The administrator, on a desktop ──
    const admin = await newPage(DESKTOP);
    await admin.goto(`${base()}/sign-in`);
    await h1(admin).waitFor();
    await admin.getByRole('region', { name: text(en, 'signIn.demoTitle') }).waitFor();
    await expectNoSeriousA11yViolations(admin, 'sign-in page');

    await signIn(admin, DEMO_ORG_ADMIN, ADMIN_PASSWORD);
    await admin.getByRole('heading', { level: 1, name: text(en, 'home.greeting', { name: 'Dana' }) }).waitFor();
    await admin.getByRole('heading', { name: text(en, 'home.teamsTitle') }).waitFor();
    await expectNoSeriousA11yViolations(admin, 'home page (organization administrator)');

    // A program.
    await navigate(admin, en, 'nav.programs');
    await admin.getByRole('heading', { level: 1, name: text(en, 'programs.title') }).waitFor();
    await admin.getByRole('table').first().waitFor();
    await expectNoSeriousA11yViolations(admin, 'programs page');
    const programForm = admin.getByRole('region', { name: /^Add a program/ });
    await programForm.getByRole('textbox', { name: text(en, 'fields.name'), exact: true }).fill(programName);
    await programForm.getByRole('combobox', { name: text(en, 'programs.setting'), exact: true }).selectOption('outpatient');
    await programForm.getByRole('button', { name: text(en, 'programs.submit'), exact: true }).click();
    await admin.getByText(text(en, 'programs.created', { name: programName })).waitFor();
    await admin.getByRole('cell', { name: programName, exact: true }).waitFor();

    // A team in it.
    await navigate(admin, en, 'nav.teams');
    await admin.getByRole('heading', { level: 1, name: text(en, 'teams.title') }).waitFor();
    await admin.getByRole('table').first().waitFor();
    await expectNoSeriousA11yViolations(admin, 'teams page');
    const teamForm = admin.getByRole('region', { name: text(en, 'teams.createTitle') });
    await teamForm.getByRole('combobox', { name: text(en, 'fields.program'), exact: true }).selectOption({ label: programName });
    await teamForm.getByRole('textbox', { name: text(en, 'fields.name'), exact: true }).fill(teamName);
    await teamForm.getByRole('button', { name: text(en, 'teams.submit'), exact: true }).click();
    await admin.getByText(text(en, 'teams.created', { name: teamName })).waitFor();
    await admin.getByRole('link', { name: teamName, exact: true }).waitFor();

    // An invitation to that team.
    await navigate(admin, en, 'nav.invitations');
    await admin.getByRole('heading', { level: 1, name: text(en, 'invitations.title') }).waitFor();
    await admin.getByRole('heading', { level: 2, name: /^Invitations for / }).waitFor();
    await expectNoSeriousA11yViolations(admin, 'invitations page');
    const inviteForm = admin.getByRole('region', { name: /^Invite someone to / });
    await inviteForm.getByRole('textbox', { name: text(en, 'fields.email'), exact: true }).fill(memberEmail);
    await inviteForm.getByRole('combobox', { name: text(en, 'fields.role'), exact: true }).selectOption('peer_support_worker');
    await inviteForm.getByRole('combobox', { name: text(en, 'fields.team'), exact: true }).selectOption({ label: teamName });
    await inviteForm.getByRole('button', { name: text(en, 'invitations.submit'), exact: true }).click();
    await admin.getByText(text(en, 'invitations.sentOutbox', { email: memberEmail })).waitFor();
    const acceptUrl = await admin.getByRole('textbox', { name: text(en, 'invitations.link'), exact: true }).inputValue();
    expect(acceptUrl).toMatch(new RegExp(`^${base()}/invitations/[\\w-]{20,}$`));
    await expectNoSeriousA11yViolations(admin, 'invitations page, after sending');

    // The same link waits in the outbox (no SMTP on this server).
    await navigate(admin, en, 'nav.outbox');
    await admin.getByRole('heading', { level: 1, name: text(en, 'outbox.title') }).waitFor();
    const message = admin.getByRole('listitem').filter({ hasText: memberEmail });
    await message.getByText(text(en, 'outbox.showBody')).click();
    expect(await message.innerText()).toContain(acceptUrl);
    await expectNoSeriousA11yViolations(admin, 'outbox page');

    await admin.getByRole('button', { name: text(en, 'shell.signOut'), exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: text(en, 'signIn.title') }).waitFor();
    expect(new URL(admin.url()).pathname).toBe('/sign-in');

    // ── The new member, on a phone, in a browser that has never seen Alongside ──
    const member = await newPage(PHONE);
    await member.goto(acceptUrl);
    await member.getByRole('heading', { level: 1, name: /^Join .+ on Alongside$/ }).waitFor();
    await member.getByText(teamName).waitFor();
    await expectNoSeriousA11yViolations(member, 'invitation-accept page');
    await member.getByRole('textbox', { name: text(en, 'invitation.name'), exact: true }).fill(memberName);
    await member.getByRole('textbox', { name: text(en, 'invitation.password'), exact: true }).fill(memberPassword);
    await member.getByRole('button', { name: text(en, 'invitation.submit'), exact: true }).click();

    // Signed in as the member, on a peer support provider's home: the people of the team they were invited to.
    await member.getByRole('heading', { level: 1, name: text(en, 'people.title') }).waitFor();
    await member.getByText(text(en, 'people.intro', { team: teamName })).waitFor();
    expect(new URL(member.url()).pathname).toBe('/people');
    await expectNoSeriousA11yViolations(member, 'my people (peer support provider, phone)');

    await navigate(member, en, 'nav.profile');
    await member.getByRole('heading', { level: 1, name: text(en, 'profile.title') }).waitFor();
    await expectNoSeriousA11yViolations(member, 'profile page');
    await member.getByRole('combobox', { name: text(en, 'common.language'), exact: true }).selectOption('nb');

    // The interface is Norwegian at once, and the server has confirmed the choice.
    await member.getByRole('heading', { level: 1, name: text(nb, 'profile.title') }).waitFor();
    await member.getByText(text(nb, 'profile.languageSaved', { language: 'Norsk bokmål' })).waitFor();
    expect(await member.locator('html').getAttribute('lang')).toBe('nb');
    await expectNoSeriousA11yViolations(member, 'profile page in Norwegian');

    await member.getByRole('button', { name: text(nb, 'shell.signOut'), exact: true }).click();
    await member.getByRole('heading', { level: 1, name: text(nb, 'signIn.title') }).waitFor();

    // Signing in again from another device (nothing stored locally, an English browser):
    // Norwegian comes back from the account, not from this browser.
    const again = await newPage(PHONE);
    await again.goto(`${base()}/sign-in`);
    await again.getByRole('heading', { level: 1, name: text(en, 'signIn.title') }).waitFor();
    await signIn(again, memberEmail, memberPassword);
    await again.getByRole('heading', { level: 1, name: text(nb, 'people.title') }).waitFor();
    await again.getByText(text(nb, 'people.intro', { team: teamName })).waitFor();
    expect(await again.locator('html').getAttribute('lang')).toBe('nb');
    await navigate(again, nb, 'nav.profile');
    await again.getByRole('heading', { level: 1, name: text(nb, 'profile.title') }).waitFor();
    expect(await again.getByRole('combobox', { name: text(nb, 'common.language'), exact: true }).inputValue()).toBe('nb');
  });
});
