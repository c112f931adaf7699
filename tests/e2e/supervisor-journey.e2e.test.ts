// The peer supervisor's journey (issue 4), in headless Chromium against a real server started with --demo:
// on a phone the supervisor lands on "My PSPs", sees the PSPs of their team in name order with a way to plan a
// step-away for each, records a supervision session (a future date is refused without losing what was typed),
// and finds it listed with its notes under a lock. Every view is checked for serious or critical WCAG 2.1 AA
// violations.
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, PHONE } from '../support/browser.ts';
import { demoJourney, h1, loaded, prefix, text, unique } from '../support/journey.ts';
import { DEMO_PASSWORD } from '../support/server.ts';

const SUPERVISOR = 'supervisor@alongside.example';
/** The demo PSP in the supervisor's team. */
const PSP_NAME = 'Jordan Blackbird';

const { base, newPage, screenshotsOnFailure } = demoJourney();

/** A `datetime-local` value in UTC (the browser runs in UTC here). */
const localInput = (d: Date): string => d.toISOString().slice(0, 16);

describe('a peer supervisor on a phone', () => {
  it('lands on My PSPs, records a supervision session and sees it listed with its notes kept private', async () => {
    screenshotsOnFailure('supervisor');
    const note = `Talked about pacing the week ${unique()}.`;
    const page = await newPage(PHONE);

    // ── Sign in: "/" sends a peer supervisor to My PSPs ──
    await page.goto(`${base()}/sign-in`);
    await page.getByRole('textbox', { name: text('signIn.email'), exact: true }).fill(SUPERVISOR);
    await page.getByRole('textbox', { name: text('signIn.password'), exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: text('signIn.submit'), exact: true }).click();
    await h1(page, text('supervision.title')).waitFor();
    expect(new URL(page.url()).pathname).toBe('/psps');
    await loaded(page);

    // The PSPs of the team, in name order (never ranked by load); those not away have "Plan a step-away" for
    // their team, which opens the step-away start page for that PSP and team.
    const region = page.getByRole('region', { name: text('supervision.pspsTitle') });
    const names = await region.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(names).toContain(PSP_NAME);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const plan = region.getByRole('link', { name: prefix('supervision.planStepAwayFor') }).first();
    const href = new URL((await plan.getAttribute('href')) ?? '', base());
    expect(href.pathname).toBe('/step-away/new');
    expect(href.searchParams.get('userId')).toBeTruthy();
    expect(href.searchParams.get('teamId')).toBeTruthy();
    const card = region
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: PSP_NAME, exact: true }) });
    // The shared-trends list says who decides when nobody shares (or shows only what was shared).
    await page.getByRole('heading', { level: 2, name: text('supervision.trendsTitle') }).waitFor();
    await expectNoSeriousA11yViolations(page, 'My PSPs (phone)');

    // ── Record a session from the PSP's card ──
    await card.getByRole('button', { name: text('supervision.recordFor', { name: PSP_NAME }) }).click();
    const dialog = page.getByRole('dialog', { name: text('supervision.form.title') });
    await dialog.waitFor();
    await expect
      .poll(() => dialog.getByRole('combobox', { name: text('supervision.form.psp') }).inputValue())
      .not.toBe('');
    await dialog.getByRole('combobox', { name: text('supervision.form.kind') }).selectOption('clinical');
    await dialog.getByRole('textbox', { name: text('supervision.form.notes') }).fill(note);
    await dialog.getByText(text('supervision.notesPrivacy', { name: PSP_NAME })).waitFor();
    await expectNoSeriousA11yViolations(page, 'record a supervision session (phone)');

    // A date in the future is refused; what was typed stays.
    const when = dialog.getByLabel(text('supervision.form.heldAt'), { exact: false });
    await when.fill(localInput(new Date(Date.now() + 3 * 86_400_000)));
    await dialog.getByRole('button', { name: text('supervision.form.submit'), exact: true }).click();
    await dialog.getByText(text('supervision.form.heldAtFuture')).waitFor();
    expect(await dialog.getByRole('textbox', { name: text('supervision.form.notes') }).inputValue()).toBe(note);

    await when.fill(localInput(new Date(Date.now() - 60 * 60_000)));
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/supervision-sessions') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: text('supervision.form.submit'), exact: true }).click(),
    ]);
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(text('supervision.recorded', { name: PSP_NAME })).waitFor();

    // ── Listed, with its kind and its notes under a lock naming who can read them ──
    const sessions = page.getByRole('region', { name: text('supervision.sessionsTitle') });
    const recorded = sessions.getByRole('listitem').filter({ hasText: note });
    await recorded.waitFor();
    await expect.poll(() => recorded.getByText(text('supervision.kinds.clinical')).count()).toBe(1);
    await expect.poll(() => recorded.getByText(text('supervision.notesPrivacy', { name: PSP_NAME })).count()).toBe(1);
    // The PSP is no longer due for supervision: their card names the last session instead.
    await card.getByText(prefix('supervision.lastSession')).waitFor();
    expect(await card.getByText(prefix('supervision.dueNever')).count()).toBe(0);
    expect(await card.getByText(prefix('supervision.dueSince')).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'My PSPs after recording (phone)');
  });
});
