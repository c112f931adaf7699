// Planning a campaign's size, in headless Chromium against one real server started with --demo. On the New campaign
// page the researcher enters an ICC of 0.10, a medium effect (r = 0.3) and 10 respondents per program and reads that
// about 17 programs (170 respondents) are needed, in words, in the table of figures and in the chart of programs
// against program size (and its table); an ICC out of range gets the server's 400 beside its field. On a phone the
// planner starts closed, opens from the link in the Programs section, and fits 390 px. Each state is checked for
// serious or critical WCAG 2.1 AA violations.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectNoSeriousA11yViolations, PHONE } from '../support/browser.ts';
import { demoJourney, h1, loaded, text } from '../support/journey.ts';
import { ROOT } from '../support/server.ts';

const RESEARCHER = 'researcher@alongside.example';
const SCREENSHOTS = join(ROOT, '.tmp/e2e');

const { base, signedIn, screenshotsOnFailure } = demoJourney();

const planner = (page: Page) => page.getByRole('region', { name: text('campaignPlanning.title'), exact: true });
const field = (page: Page, key: string) =>
  planner(page).getByRole('textbox', { name: text(`campaignPlanning.${key}`), exact: true });

describe('planning the size of a campaign', () => {
  it('works out the programs needed as the inputs change, and names a value out of range', async () => {
    screenshotsOnFailure('campaign-planning');
    const page = await signedIn(RESEARCHER, DESKTOP, 'campaigns.list.title');
    await page
      .getByRole('link', { name: text('campaigns.list.new'), exact: true })
      .first()
      .click();
    await h1(page, text('campaigns.form.title')).waitFor();
    await loaded(page);

    // Open beside the form on a wide screen.
    const card = planner(page);
    await card.getByRole('button', { name: text('campaignPlanning.hide'), exact: true }).waitFor();
    await field(page, 'icc').fill('0.1');
    await field(page, 'effect').fill('0.3');
    await field(page, 'perProgram').fill('10');

    const needs = text('campaignPlanning.needs_other', {
      count: 17,
      each: text('campaignPlanning.respondentsEach_other', { count: 10 }),
      respondents: 170,
    });
    await card.getByText(needs, { exact: true }).waitFor();
    await card
      .getByText(
        text('campaignPlanning.discount', {
          icc: '0.10',
          designEffect: '1.9',
          effect: '0.30',
          independent: 85,
          power: '80%',
          alpha: '0.05',
        }),
        { exact: true },
      )
      .waitFor();
    // 0.3 is the "medium" quick choice.
    expect(
      await card
        .getByRole('button', { name: text('campaignPlanning.medium'), exact: true })
        .getAttribute('aria-pressed'),
    ).toBe('true');

    const figures = card.getByRole('table', { name: text('campaignPlanning.figures') });
    for (const [key, value] of [
      ['designEffect', '1.9'],
      ['independent', '85'],
      ['respondents', '170'],
      ['programs', '17'],
    ] as const) {
      await expect
        .poll(() =>
          figures
            .getByRole('row', { name: text(`campaignPlanning.${key}`) })
            .getByRole('cell')
            .textContent(),
        )
        .toBe(value);
    }

    // The chart of programs against program size, named by its numbers; then the same as a table.
    const curveTitle = text('campaignPlanning.curve.title');
    await card.getByRole('img', { name: new RegExp(`^${curveTitle}`) }).waitFor();
    await expect
      .poll(() => card.getByRole('img', { name: new RegExp(`^${curveTitle}`) }).getAttribute('aria-label'))
      .toContain(text('campaignPlanning.curve.point', { size: 10, programs: 17 }));
    await expectNoSeriousA11yViolations(page, 'new campaign page with the planner');
    await card
      .getByRole('radiogroup', { name: text('campaigns.viewLabel') })
      .getByText(text('campaigns.viewTable'), { exact: true })
      .click();
    const curveTable = card.getByRole('table', { name: curveTitle });
    await expect.poll(() => curveTable.getByRole('row').count()).toBe(6);
    await curveTable.getByRole('row', { name: '10 17 170', exact: true }).waitFor();

    // Power and alpha wait under "More".
    await card.getByRole('button', { name: text('campaignPlanning.more'), exact: true }).click();
    await field(page, 'power').fill('0.9');
    await card.getByText(/at 90% power/).waitFor();
    await field(page, 'power').fill('0.8');

    // Out of range: the server's 400 names the field, and the message goes beside it.
    await field(page, 'icc').fill('1.5');
    await card.getByText(text('campaignPlanning.outOfRange', { min: '0', max: '0.99' }), { exact: true }).waitFor();
    await expect.poll(() => field(page, 'icc').getAttribute('aria-invalid')).toBe('true');
    await card.getByText(text('campaignPlanning.fixField'), { exact: true }).waitFor();
    expect(await card.getByRole('table', { name: text('campaignPlanning.figures') }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'planner with a value out of range');

    // Put right, the plan comes back.
    await field(page, 'icc').fill('0.1');
    await card.getByText(needs, { exact: true }).waitFor();
    expect(await field(page, 'icc').getAttribute('aria-invalid')).not.toBe('true');
  });

  it('starts closed on a phone and opens from the Programs section', async () => {
    screenshotsOnFailure('campaign-planning-phone');
    const page = await signedIn(RESEARCHER, PHONE, 'campaigns.list.title');
    await page.goto(`${base()}/campaigns/new`);
    await h1(page, text('campaigns.form.title')).waitFor();
    await loaded(page);

    const card = planner(page);
    const toggle = card.getByRole('button', { name: text('campaignPlanning.show'), exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await field(page, 'icc').count()).toBe(0);

    await page.getByRole('button', { name: text('campaignPlanning.fromPrograms'), exact: true }).click();
    await expect
      .poll(() => page.evaluate<string | undefined>('document.activeElement?.textContent'))
      .toBe(text('campaignPlanning.title'));
    await field(page, 'perProgram').fill('10');
    await card
      .getByText(
        text('campaignPlanning.needs_other', {
          count: 17,
          each: text('campaignPlanning.respondentsEach_other', { count: 10 }),
          respondents: 170,
        }),
        { exact: true },
      )
      .waitFor();
    await card.getByRole('img', { name: new RegExp(`^${text('campaignPlanning.curve.title')}`) }).waitFor();

    // Nothing wider than the screen.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await card.screenshot({ path: join(SCREENSHOTS, 'campaign-planning-phone.png') });
    await expectNoSeriousA11yViolations(page, 'planner on a phone');
  });
});
