// Acceptance journey of "supporting the supporters" (issue 4), in headless Chromium against one real server
// started with --demo. The PSP, on a phone, does the monthly check-in and sees their trend, then steps away,
// choosing who covers each person; the covering colleague finds those persons (with their open items and the
// hand-over note) on their own phone; the nurse's team board shows "away — covered by …" and nothing more;
// the PSP comes back with a gradual return plan and the persons go back to them. Every page on the way is
// checked for serious or critical WCAG 2.1 AA violations.
import type { Person, StepAway, TeamMember } from '@alongside/contracts';
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectNoSeriousA11yViolations, PHONE } from '../support/browser.ts';
import { demoJourney, h1, loaded, navigate, plural, text, unique } from '../support/journey.ts';
import { DEMO_PASSWORD, signIn } from '../support/server.ts';

const PEER = 'peer@alongside.example';
const PEER_NAME = 'Jordan Blackbird';
const NURSE = 'nurse@alongside.example';

const { base, signedIn, screenshotsOnFailure } = demoJourney();

/** What the journey needs to know about the demo team: the PSP's caseload there and a colleague who can cover. */
async function demoTeam() {
  const api = await signIn(base(), PEER, DEMO_PASSWORD);
  const json = async <T,>(path: string): Promise<T> => {
    const response = await api.get(path);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const me = await json<{ user: { id: string }; memberships: { teamId: string | null; role: string }[] }>('/api/me');
  const teamId = me.memberships.find((m) => m.role === 'peer_support_worker')!.teamId!;
  const [members, persons, away] = await Promise.all([
    json<TeamMember[]>(`/api/teams/${teamId}/members`),
    json<Person[]>(`/api/persons?teamId=${teamId}`),
    json<StepAway[]>(`/api/step-aways?teamId=${teamId}&active=true`),
  ]);
  const awayIds = new Set(away.map((s) => s.user.id));
  // A colleague who can cover and reads the interface in English, like the test.
  let colleague: TeamMember | undefined;
  for (const m of members
    .filter((m) => m.role === 'peer_support_worker' && m.userId !== me.user.id && !awayIds.has(m.userId))
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const them = await signIn(base(), m.email, DEMO_PASSWORD);
    const { user } = (await (await them.get('/api/me')).json()) as { user: { language: string } };
    if (user.language === 'en') {
      colleague = m;
      break;
    }
  }
  if (!colleague) throw new Error('The demo team has no other English-speaking PSP who can cover');
  const caseload = persons
    .filter((p) => p.psps.some((s) => s.id === me.user.id && s.isPrimary))
    .sort((a, b) => a.preferredName.localeCompare(b.preferredName));
  if (caseload.length === 0) throw new Error('The demo PSP has no one on their caseload');
  return { colleague, caseload };
}

describe('supporting the supporters (phone)', () => {
  it('PSP checks in and sees the trend, steps away choosing cover; the colleague sees the persons; the board shows away; the PSP returns', async () => {
    screenshotsOnFailure('wellbeing-journey');
    const { colleague, caseload } = await demoTeam();
    const person = caseload[0]!;
    const handover = `Likes to meet at the library on Thursdays ${unique()}.`;
    const handBack = `Went to the walking group twice ${unique()}.`;

    // ── The PSP, on a phone: My wellbeing → this month's check-in ──
    const psp = await signedIn(PEER, PHONE, 'people.title');
    await navigate(psp, 'nav.wellbeing');
    await h1(psp, text('wellbeing.title')).waitFor();
    await loaded(psp);
    await expectNoSeriousA11yViolations(psp, 'my wellbeing (phone)');
    await psp
      .getByRole('link', { name: new RegExp(`^(${text('wellbeing.checkIn.start')}|${text('wellbeing.checkIn.again')})$`) })
      .click();
    const send = psp.getByRole('button', { name: text('wellbeing.checkIn.send'), exact: true });
    await send.waitFor();
    await expectNoSeriousA11yViolations(psp, 'check-in (phone)');
    // The middle answer everywhere: coded 50, reverse-keyed or not, so the month's score is exactly 50.
    const questions = psp.getByRole('radiogroup');
    const count = await questions.count();
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i++) await questions.nth(i).getByRole('radio').nth(2).check();
    await send.click();
    await psp.getByText(text('wellbeing.checkIn.saved'), { exact: true }).waitFor();
    await h1(psp, text('wellbeing.title')).waitFor();

    // ── The trend: a chart with a text alternative, and the same numbers as a table ──
    const chartName = text('wellbeing.trend.scoreDescription', { name: text('wellbeing.trend.yours'), months: '' });
    const chart = psp.getByRole('img', { name: new RegExp(`^${chartName.slice(0, 30)}`) });
    await chart.locator('svg').waitFor();
    const thisMonth = new Intl.DateTimeFormat('en-CA', { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date());
    expect(await chart.getAttribute('aria-label')).toContain(`${thisMonth}: 50`);
    await psp.getByText(text('program.viewTable'), { exact: true }).click();
    const row = psp.getByRole('row').filter({ has: psp.getByRole('cell', { name: thisMonth, exact: true }) });
    await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toBe('50');
    await expectNoSeriousA11yViolations(psp, 'my wellbeing with the trend table (phone)');

    // ── Step away: no reason asked; one colleague covers everyone, with a hand-over note ──
    await psp.getByRole('link', { name: text('wellbeing.stepAway.start'), exact: true }).first().click();
    await h1(psp, text('stepAway.startTitle')).waitFor();
    await loaded(psp);
    await expectNoSeriousA11yViolations(psp, 'plan a step-away (phone)');
    await psp.getByRole('combobox', { name: text('stepAway.coverAll') }).selectOption({ label: colleague.name });
    await expect
      .poll(() => psp.getByRole('combobox', { name: text('stepAway.coveredBy', { name: person.preferredName }) }).inputValue())
      .toBe(colleague.userId);
    await psp.getByRole('textbox', { name: text('stepAway.handoverNote', { name: person.preferredName }) }).fill(handover);
    await psp.getByRole('button', { name: text('stepAway.submit'), exact: true }).click();
    await h1(psp, text('stepAway.yourTitle')).waitFor();
    await psp.getByText(text('stepAway.startedYours'), { exact: true }).waitFor();
    await psp.getByText(handover).waitFor();
    await expectNoSeriousA11yViolations(psp, 'your step-away (phone)');
    const stepAwayPath = new URL(psp.url()).pathname;

    // ── The colleague who covers, on their phone: the persons are on "My people", open items and all ──
    const cover = await signedIn(colleague.email, PHONE, 'people.title');
    await loaded(cover);
    await cover.getByRole('searchbox', { name: text('people.search') }).fill(person.preferredName);
    const personCard = cover.getByRole('listitem').filter({ has: cover.getByRole('link', { name: person.preferredName, exact: true }) });
    await personCard.getByText(text('people.coveringFor', { name: PEER_NAME }), { exact: true }).waitFor();
    await personCard.getByText(plural('people.openVoiceItems', person.openVoiceItems), { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(cover, 'my people while covering (phone)');
    await personCard.getByRole('link', { name: person.preferredName, exact: true }).click();
    await h1(cover, person.preferredName).waitFor();
    await cover.getByText(text('stepAway.notice.title', { name: PEER_NAME, cover: colleague.name }), { exact: true }).waitFor();
    await cover.getByText(handover).waitFor();
    await loaded(cover);
    await expectNoSeriousA11yViolations(cover, 'person page while covering (phone)');

    // ── The nurse's team board: "away — covered by …", and no hand-over words ──
    const nurse = await signedIn(NURSE, DESKTOP, 'board.title');
    await loaded(nurse);
    await nurse.getByText(text('board.awayCovered', { name: PEER_NAME, cover: colleague.name }), { exact: true }).waitFor();
    expect(await nurse.locator('body').textContent()).not.toContain(handover);
    await expectNoSeriousA11yViolations(nurse, 'team board with someone away');

    // ── The PSP comes back: half the caseload now, all of it in two weeks; a note as each person is handed back ──
    await psp.goto(`${base()}${stepAwayPath}`);
    await h1(psp, text('stepAway.yourTitle')).waitFor();
    await psp.getByText(text('stepAway.return.gradual'), { exact: true }).click();
    await psp
      .getByRole('textbox', { name: text('stepAway.return.handBackNote', { name: person.preferredName, cover: colleague.name }) })
      .fill(handBack);
    await expectNoSeriousA11yViolations(psp, 'plan the return (phone)');
    await psp.getByRole('button', { name: text('stepAway.return.submit'), exact: true }).click();
    await psp.getByRole('heading', { name: text('stepAway.return.planTitle'), exact: true }).waitFor();
    await psp.getByText(handBack).waitFor();
    expect(await psp.getByRole('button', { name: text('stepAway.return.submit') }).count()).toBe(0);

    // The persons are back with the PSP: no longer on the colleague's list, no longer "away" on the board.
    await cover.goto(`${base()}/people`);
    await loaded(cover);
    await cover.getByRole('searchbox', { name: text('people.search') }).fill(person.preferredName);
    await expect
      .poll(() => cover.getByText(text('people.coveringFor', { name: PEER_NAME }), { exact: true }).count())
      .toBe(0);
    await nurse.reload();
    await loaded(nurse);
    expect(
      await nurse.getByText(text('board.awayCovered', { name: PEER_NAME, cover: colleague.name }), { exact: true }).count(),
    ).toBe(0);
  });
});
