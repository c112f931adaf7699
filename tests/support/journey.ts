// What the browser journeys share: one demo server and one Chromium per test file, signed-in pages, the web
// app's own words (English, or the French and Norwegian a respondent or an administrator reads; so tests follow
// wording changes but not key changes), and screenshots on failure.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '@alongside/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed } from 'vitest';
import { launchBrowser } from './browser.ts';
import { DEMO_PASSWORD, ROOT, startServer, type StartedServer } from './server.ts';

type Catalog = Record<string, unknown>;
type Vars = Record<string, string | number>;
const catalogs = new Map<Language, Catalog>();
const ARTIFACTS = join(ROOT, '.tmp/e2e');

function catalog(language: Language): Catalog {
  let found = catalogs.get(language);
  if (!found) {
    found = JSON.parse(readFileSync(join(ROOT, `apps/web/src/i18n/${language}.json`), 'utf8')) as Catalog;
    catalogs.set(language, found);
  }
  return found;
}

/** A catalog entry as written, placeholders and all (English unless another language is asked for). */
export function lookup(key: string, language: Language = 'en'): string {
  const value = key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Catalog)[part] : undefined),
      catalog(language),
    );
  if (typeof value !== 'string') throw new Error(`No string ${key} in the web app's ${language} catalog`);
  return value;
}

const fill = (template: string, vars: Vars): string =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? ''));

/** A string from the web app's English catalog with its placeholders filled in. */
export const text = (key: string, vars: Vars = {}): string => fill(lookup(key), vars);

/** The same for another language of the web app: what a French respondent or a Norwegian administrator reads. */
export const textIn =
  (language: Language) =>
  (key: string, vars: Vars = {}): string =>
    fill(lookup(key, language), vars);

/** The English plural form of a counted string. */
export const plural = (key: string, count: number): string => text(`${key}_${count === 1 ? 'one' : 'other'}`, { count });

/** Matches a catalog string by its words before the first placeholder. */
export const prefix = (key: string): RegExp =>
  new RegExp(`^${lookup(key).split('{{')[0]!.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** Words no demo record contains, so a test finds exactly what it wrote. */
export const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

/** Nothing on the page is still loading (lists, the board, the figures). */
export async function loaded(page: Page, language: Language = 'en'): Promise<void> {
  await expect
    .poll(() => page.getByRole('status', { name: lookup('common.loading', language) }).count(), { timeout: 20_000 })
    .toBe(0);
}

/** Follows a link of the main navigation; on a phone it sits behind the menu button. */
export async function navigate(page: Page, key: string, language: Language = 'en'): Promise<void> {
  const say = textIn(language);
  const menu = page.getByRole('button', { name: say('shell.openMenu') });
  if (await menu.isVisible()) await menu.click();
  await page
    .getByRole('navigation', { name: say('shell.mainNavigation') })
    .getByRole('link', { name: say(key), exact: true })
    .click();
}

/**
 * Starts a demo server and Chromium for this test file (stopped after it) and returns what the journeys use.
 * Call it at the top level of the file.
 */
export function demoJourney() {
  let server: StartedServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const base = (): string => server!.url;

  /** A fresh browser (no cookies, no stored defaults) in UTC, like the server's reporting days. */
  async function newPage(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser!.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC', reducedMotion: 'reduce' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return page;
  }

  /**
   * Signs in on a fresh (English) browser and waits for the role's home page, whose title is read in the account's
   * own language with `vars` filled in (e.g. the first name of "Hello, {{name}}").
   */
  async function signedIn(
    email: string,
    viewport: { width: number; height: number },
    homeTitleKey: string,
    { vars = {}, language = 'en' }: { vars?: Vars; language?: Language } = {},
  ): Promise<Page> {
    const page = await newPage(viewport);
    await page.goto(`${base()}/sign-in`);
    await page.getByRole('textbox', { name: text('signIn.email'), exact: true }).fill(email);
    await page.getByRole('textbox', { name: text('signIn.password'), exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: text('signIn.submit'), exact: true }).click();
    await h1(page, textIn(language)(homeTitleKey, vars)).waitFor();
    return page;
  }

  /** On failure, keep a screenshot of every open page for the report. */
  function screenshotsOnFailure(name: string): void {
    onTestFailed(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      let i = 0;
      for (const context of contexts) {
        for (const page of context.pages()) {
          await page
            .screenshot({ path: join(ARTIFACTS, `${name}-${String(i++)}.png`), fullPage: true })
            .catch(() => undefined);
        }
      }
    });
  }

  return { base, newPage, signedIn, screenshotsOnFailure };
}
