// Acceptance journeys of peer support in the team (issue 3), in headless Chromium against one real
// server started with --demo: the person's voice goes round the loop (PSP on a phone → nurse on the
// team board → back to the person) and the manager sees the program's figures move; a clinician's
// referral to peer support is accepted and completed; a peer-tier contact note never reaches a
// clinician's browser. Every page on the way is checked for serious or critical WCAG 2.1 AA violations.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectNoSeriousA11yViolations, PHONE } from '../support/browser.ts';
import { demoJourney, h1, loaded, navigate, text, unique } from '../support/journey.ts';

/** A catalog string's wording before its {{k}}, whatever the organization's k is. */
const upToK = (key: string): string => text(key, { k: '\u0000' }).split('\u0000')[0]!;

const PEER = 'peer@alongside.example';
const PEER_NAME = 'Jordan Blackbird';
const NURSE = 'nurse@alongside.example';
const MANAGER = 'manager@alongside.example';

const { base, signedIn, screenshotsOnFailure } = demoJourney();

/** A card (voice item, connection) that contains this text. */
const card = (page: Page, hasText: string) => page.locator('article', { hasText });

/** A card's status badge showing this status (the progress steps use the same words, so look at the badge only). */
const badge = (within: Locator, status: string) =>
  within.locator('.mantine-Badge-root').getByText(status, { exact: true });

/** The PSP adds someone new to their caseload from "My people"; returns the path of the person page it opens. */
async function addPerson(psp: Page, name: string): Promise<string> {
  await psp
    .getByRole('button', { name: text('people.add'), exact: true })
    .first()
    .click();
  const dialog = psp.getByRole('dialog', { name: text('people.addTitle') });
  await dialog.getByRole('textbox', { name: text('people.preferredName') }).fill(name);
  await dialog.getByRole('button', { name: text('people.addSubmit'), exact: true }).click();
  await h1(psp, name).waitFor();
  return new URL(psp.url()).pathname;
}

/** The figures table of the program page for a run of months (YYYY-MM), read as numbers (percent as 0–100). */
async function programFigures(manager: Page, period: { from: string; to: string }): Promise<Record<string, number>> {
  await manager.goto(`${base()}/program`);
  await h1(manager, text('program.title')).waitFor();
  await loaded(manager);
  await manager.getByRole('combobox', { name: text('program.period'), exact: true }).selectOption('custom');
  await manager.getByLabel(text('program.from'), { exact: true }).fill(period.from);
  await manager.getByLabel(text('program.to'), { exact: true }).fill(period.to);
  await Promise.all([
    manager.waitForResponse(
      (r) =>
        r.url().includes('/indicators?') && r.url().includes(`from=${period.from}-01`) && r.ok(),
    ),
    manager.getByRole('button', { name: text('program.apply'), exact: true }).click(),
  ]);
  await loaded(manager);
  // The indicators' own charts/table switch (team sustainability below has one too).
  await manager
    .getByRole('region', { name: text('program.detailTitle'), exact: true })
    .getByText(text('program.viewTable'), { exact: true })
    .click();
  const table = manager.getByRole('table', { name: text('program.tableIndicators') });
  await table.waitFor();
  const figures: Record<string, number> = {};
  for (const key of ['people_supported', 'contacts', 'voice_items_shared', 'voice_returned_pct']) {
    const row = table
      .getByRole('row')
      .filter({ has: manager.getByRole('rowheader', { name: text(`indicators.${key}`), exact: true }) });
    const shown = await row.getByRole('cell').first().innerText();
    const value = Number(shown.replace(/[,%\s]/g, ''));
    expect(Number.isFinite(value), `${key} shows a number, not "${shown}"`).toBe(true);
    figures[key] = value;
  }
  return figures;
}


describe('the person’s voice goes round the loop, and the program’s figures count whole months', () => {
  it('PSP on a phone logs a contact and records shared words; the nurse answers; the PSP takes it back; the manager’s figures wait for the month to end', async () => {
    screenshotsOnFailure('voice-loop');
    const id = unique();
    const personName = `Robin ${id}`;
    const note = `Walked by the river ${id}, talked about sleep.`;
    const words = `I would like to try the walking group ${id}`;
    const answer = `Yes: the walking group meets on Tuesdays ${id}.`;
    const reaction = `Pleased, will go next week ${id}.`;
    // The last three months up to this one: the server reports the months that are over (UTC), so the figures are
    // about more than k people, and this month's work waits until the month has ended.
    const month = (offset: number) => {
      const now = new Date();
      return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
    };
    const period = { from: month(-3), to: month(0) };

    // ── The manager's figures before ──
    const manager = await signedIn(MANAGER, DESKTOP, 'program.title');
    await loaded(manager);
    const chart = manager.getByRole('img', {
      name: text('program.chartLine', { title: text('program.trendContacts'), values: '' }).slice(0, -1),
    });
    await chart.locator('svg').waitFor();
    // Team sustainability (issue 4): staffing figures, and about the PSPs only aggregates of at least k —
    // the demo teams are smaller than k, so their wellbeing and workload say so instead of showing numbers.
    const sustainability = manager.getByRole('region', { name: text('sustainability.title'), exact: true });
    await sustainability
      .getByRole('heading', { level: 3, name: text('sustainability.headcount'), exact: true })
      .waitFor();
    await sustainability.getByText(upToK('sustainability.privacy')).waitFor();
    await loaded(manager);
    expect(
      await sustainability.getByRole('heading', { level: 4, name: text('sustainability.wellbeing.title') }).count(),
    ).toBeGreaterThan(0);
    await sustainability
      .getByText(text('sustainability.wellbeing.notShown'), { exact: true })
      .or(sustainability.getByText(upToK('sustainability.workload.hidden')))
      .first()
      .waitFor();
    await expectNoSeriousA11yViolations(manager, 'program page, charts');
    const before = await programFigures(manager, period);
    await expectNoSeriousA11yViolations(manager, 'program page, table');

    // ── The PSP, on a phone: My people → a new person → log a contact from the list ──
    const psp = await signedIn(PEER, PHONE, 'people.title');
    await loaded(psp);
    await psp.getByRole('list').first().waitFor();
    await expectNoSeriousA11yViolations(psp, 'my people (phone)');
    const personPath = await addPerson(psp, personName);
    await psp.getByRole('link', { name: text('people.backToList'), exact: true }).click();
    await h1(psp, text('people.title')).waitFor();
    await psp.getByRole('searchbox', { name: text('people.search') }).fill(personName);
    await psp.getByRole('link', { name: text('people.logContactFor', { name: personName }), exact: true }).click();

    await h1(psp, text('contact.titleFor', { name: personName })).waitFor();
    await expectNoSeriousA11yViolations(psp, 'log-contact form (phone)');
    // Mode, place and duration have defaults; an activity and a note are all it takes.
    await psp.getByText(text('activities.emotional_support'), { exact: true }).click();
    await psp.getByText(text('activities.hope_and_recovery'), { exact: true }).click();
    await psp.getByRole('textbox', { name: text('contact.note') }).fill(note);
    await psp.getByRole('button', { name: text('contact.save'), exact: true }).click();
    await psp.getByText(text('contact.saved'), { exact: true }).waitFor();
    expect(new URL(psp.url()).pathname).toBe(personPath);
    await psp.getByText(note).waitFor();

    // Their words, which they agreed to share with the care team.
    await psp.getByRole('button', { name: text('voice.record'), exact: true }).click();
    const record = psp.getByRole('dialog', { name: text('voice.recordTitle', { name: personName }) });
    await record.getByRole('textbox', { name: text('voice.words') }).fill(words);
    await record.getByRole('checkbox', { name: text('voice.shareAgreed', { name: personName }) }).check();
    await record.getByRole('button', { name: text('voice.save'), exact: true }).click();
    await psp.getByText(text('voice.saved'), { exact: true }).waitFor();
    await badge(card(psp, words), text('voiceStatuses.open')).waitFor();
    await loaded(psp);
    await expectNoSeriousA11yViolations(psp, 'person page (phone)');

    // ── The nurse, at a desk: the words wait on the team board; seen, then answered in place ──
    const nurse = await signedIn(NURSE, DESKTOP, 'board.title');
    await loaded(nurse);
    const item = card(nurse, words);
    await item
      .getByRole('link', { name: text('voice.titleWithPerson', { kind: text('voiceKinds.goal'), name: personName }) })
      .waitFor();
    await expectNoSeriousA11yViolations(nurse, 'team board (nurse)');
    await item.getByRole('button', { name: text('voice.acknowledge'), exact: true }).click();
    await badge(item, text('voiceStatuses.acknowledged')).waitFor();
    await item.getByRole('textbox', { name: text('voice.answerLabel') }).fill(answer);
    await item.getByRole('button', { name: text('voice.sendAnswer'), exact: true }).click();
    // Answered items no longer wait for the team.
    await item.waitFor({ state: 'detached' });

    // ── The PSP takes the answer back to the person ──
    await psp.goto(`${base()}${personPath}`);
    const mine = card(psp, words);
    await mine.getByText(answer).waitFor();
    await badge(mine, text('voiceStatuses.answered')).waitFor();
    await mine.getByRole('button', { name: text('voice.markReturned'), exact: true }).click();
    await mine.getByRole('textbox', { name: text('voice.reactionLabel') }).fill(reaction);
    await mine.getByRole('button', { name: text('voice.confirmReturned'), exact: true }).click();
    await mine.getByText(reaction).waitFor();
    await mine.getByRole('button', { name: text('voice.markReturned'), exact: true }).waitFor({ state: 'detached' });
    await badge(mine, text('voiceStatuses.returned')).waitFor();

    // ── The manager: today's work is in a month that is not over, so no figure moves with it ──
    // (a running figure would let a reader watch one person's contact arrive; it counts once the month ends).
    const after = await programFigures(manager, period);
    if (month(0) === period.to) expect(after).toEqual(before);
    await manager.getByText(text('program.monthsNote'), { exact: false }).first().waitFor();
  });
});

describe('a clinician refers someone new to peer support', () => {
  it('the nurse refers; the PSP accepts, meets and completes; both see it completed', async () => {
    screenshotsOnFailure('referral');
    const id = unique();
    const personName = `Alex ${id}`;
    const reason = `Lonely since moving here ${id}.`;
    const feedback = `Glad to have someone who gets it ${id}.`;

    const nurse = await signedIn(NURSE, DESKTOP, 'board.title');
    await loaded(nurse);
    await nurse.getByRole('button', { name: text('refer.open'), exact: true }).click();
    const refer = nurse.getByRole('dialog', { name: text('refer.title') });
    await refer.getByText(text('refer.new'), { exact: true }).click();
    await refer.getByRole('textbox', { name: text('people.preferredName') }).fill(personName);
    await refer.getByRole('textbox', { name: text('refer.reason') }).fill(reason);
    await refer.getByRole('button', { name: text('refer.submit'), exact: true }).click();
    await nurse.getByText(text('refer.saved'), { exact: true }).waitFor();
    const referral = card(nurse, personName);
    await referral.getByText(reason).waitFor();
    await badge(referral, text('connectionStatuses.proposed')).waitFor();

    // The huddles page, while the nurse is here.
    await navigate(nurse, 'nav.huddles');
    await h1(nurse, text('huddles.title')).waitFor();
    await nurse.getByRole('heading', { level: 2, name: text('huddles.recordTitle') }).waitFor();
    await loaded(nurse);
    await expectNoSeriousA11yViolations(nurse, 'huddles (nurse)');

    // ── The PSP, on a phone, finds the referral on the team board ──
    const psp = await signedIn(PEER, PHONE, 'people.title');
    await navigate(psp, 'nav.board');
    await h1(psp, text('board.title')).waitFor();
    const offer = card(psp, personName);
    await offer.getByText(reason).waitFor();
    const personLink = offer.getByRole('link', {
      name: text('connections.titleWithPerson', { name: personName, where: text('connections.toPeerSupport') }),
    });
    const personPath = await personLink.getAttribute('href');
    expect(personPath).toMatch(/^\/people\/[\w-]+$/);

    /** Moves the referral on from its card, through the confirmation dialog. */
    const move = async (
      where: Page,
      on: Locator,
      status: 'accepted' | 'met' | 'completed',
      extra?: (dialog: Locator) => Promise<void>,
    ) => {
      const action = text(`connections.action.${status}`);
      await on
        .getByRole('button', { name: text('connections.actionFor', { action, name: personName }), exact: true })
        .click();
      const dialog = where.getByRole('dialog', {
        name: text('connections.changeTitle', { status: text(`connectionStatuses.${status}`), name: personName }),
      });
      if (extra) await extra(dialog);
      await dialog.getByRole('button', { name: action, exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
    };

    await move(psp, offer, 'accepted');
    await badge(offer, text('connectionStatuses.accepted')).waitFor();
    await move(psp, offer, 'met');
    // Once they have met, the referral no longer waits on the board.
    await offer.waitFor({ state: 'detached' });

    await psp.goto(`${base()}${personPath!}`);
    await h1(psp, personName).waitFor();
    const connection = card(psp, text('connections.toPeerSupport'));
    await badge(connection, text('connectionStatuses.met')).waitFor();
    await move(psp, connection, 'completed', (dialog) =>
      dialog.getByRole('textbox', { name: text('connections.feedback', { name: personName }) }).fill(feedback),
    );
    await connection.getByText(feedback).waitFor();
    const history = connection.getByRole('list', { name: text('connections.history') });
    for (const status of ['proposed', 'accepted', 'met', 'completed'] as const) {
      await history
        .getByText(new RegExp(`^${text(`connectionStatuses.${status}`)} · `))
        .first()
        .waitFor();
    }
    await badge(connection, text('connectionStatuses.completed')).waitFor();

    // The referring nurse sees the same outcome on the person's page.
    await nurse.goto(`${base()}${personPath!}`);
    await h1(nurse, personName).waitFor();
    const seen = card(nurse, text('connections.toPeerSupport'));
    await badge(seen, text('connectionStatuses.completed')).waitFor();
    await seen.getByText(feedback).waitFor();
  });
});

describe('a contact note stays with peer staff', () => {
  it('the PSP sees the note; the nurse’s board and person page (and every API answer behind them) never carry it', async () => {
    screenshotsOnFailure('privacy');
    const id = unique();
    const personName = `Kim ${id}`;
    const note = `Peer-tier note ${id}: talked about their brother.`;
    const summary = `Shared summary ${id}: doing better this week.`;

    const psp = await signedIn(PEER, PHONE, 'people.title');
    await loaded(psp);
    const personPath = await addPerson(psp, personName);
    await psp.getByRole('link', { name: text('people.logContact'), exact: true }).click();
    await h1(psp, text('contact.titleFor', { name: personName })).waitFor();
    await psp.getByText(text('activities.social_support'), { exact: true }).click();
    await psp.getByRole('textbox', { name: text('contact.note') }).fill(note);
    await psp.getByRole('textbox', { name: text('contact.summary') }).fill(summary);
    await psp.getByRole('checkbox', { name: text('contact.summaryAgreed') }).check();
    await psp.getByRole('button', { name: text('contact.save'), exact: true }).click();
    await psp.getByText(text('contact.saved'), { exact: true }).waitFor();
    await psp.getByText(note).waitFor();
    await psp.getByText(summary).waitFor();

    // Everything the server sends the nurse's browser, to look for the note in it.
    const nurse = await signedIn(NURSE, DESKTOP, 'board.title');
    const bodies: Promise<string>[] = [];
    nurse.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/')) bodies.push(response.text().catch(() => ''));
    });
    await nurse.reload();
    await h1(nurse, text('board.title')).waitFor();
    await loaded(nurse);
    // The contact reached the board (as activity, without its note).
    await nurse
      .getByRole('listitem')
      .filter({ hasText: text('board.activity.contact', { by: PEER_NAME, name: personName }) })
      .waitFor();
    expect(await nurse.locator('body').innerText()).not.toContain(note);

    await nurse.goto(`${base()}${personPath}`);
    await h1(nurse, personName).waitFor();
    await loaded(nurse);
    // The summary the person agreed to share is there: the nurse is looking at the right contact.
    await nurse.getByText(summary).waitFor();
    expect(await nurse.locator('body').innerText()).not.toContain(note);
    expect(await nurse.content()).not.toContain(note);

    const seen = await Promise.all(bodies);
    expect(
      seen.some((body) => body.includes(summary)),
      'the API answers were captured',
    ).toBe(true);
    expect(seen.filter((body) => body.includes(note))).toEqual([]);
  });
});
