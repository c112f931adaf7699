import { describe, expect, it } from 'vitest';
import {
  chosenSummary,
  draftProblems,
  emptyDraft,
  fieldOfServerProblem,
  groupProgramsByCountry,
  termsChanges,
  termsDraftOf,
  termsProblems,
  toCreateBody,
  type CampaignDraft,
  type DirectoryEntry,
} from './campaign-form.ts';

const V1 = '00000000-0000-4000-8000-000000000001';
const V2 = '00000000-0000-4000-8000-000000000002';

const filled = (over: Partial<CampaignDraft> = {}): CampaignDraft => ({
  ...emptyDraft(),
  title: ' Integration 2026 ',
  ethicsApproval: 'REB 2026-041 / REK 123456',
  dataController: 'University of Bergen',
  privacyMode: 'anonymous_tracked',
  languages: ['nb', 'en'],
  retentionUntil: '2031-12-31',
  groups: { clinician: V2, psp: V1 },
  programIds: ['p1', 'p2', 'p1'],
  information: { en: 'About', nb: 'Om', fr: 'typed, then French unticked' },
  ...over,
});

describe('the new campaign form', () => {
  it('finds nothing wrong with a complete draft', () => {
    expect(draftProblems(filled(), '2026-03-02')).toEqual({});
  });

  it('names every missing field, by the key its message is shown under', () => {
    expect(draftProblems(emptyDraft(), '2026-03-02')).toEqual({
      title: 'required',
      ethicsApproval: 'required',
      dataController: 'required',
      privacyMode: 'choose',
      retentionUntil: 'required',
      groups: 'noGroup',
      programIds: 'noProgram',
      'information.en': 'required',
    });
  });

  it('refuses a k below 11, a k that is not whole, and a retention date that is not after today', () => {
    expect(draftProblems(filled({ k: 10 }), '2026-03-02').k).toBe('kTooSmall');
    expect(draftProblems(filled({ k: '12.5' }), '2026-03-02').k).toBe('kNotWhole');
    expect(draftProblems(filled({ k: '' }), '2026-03-02').k).toBe('required');
    expect(draftProblems(filled({ k: 11 }), '2026-03-02').k).toBeUndefined();
    expect(draftProblems(filled({ retentionUntil: '2026-03-02' }), '2026-03-02').retentionUntil).toBe('retentionPast');
  });

  it('asks for an instrument for a ticked group, and the information in every language', () => {
    const problems = draftProblems(
      filled({ groups: { psp: V1, manager: '' }, information: { en: 'About', nb: '  ' } }),
      '2026-03-02',
    );
    expect(problems).toEqual({ 'groups.manager': 'noInstrument', 'information.nb': 'required' });
  });

  it('sends languages and groups in the product order, programs once, and only the chosen languages’ text', () => {
    const body = toCreateBody(filled());
    expect(body.title).toBe('Integration 2026');
    expect(body.languages).toEqual(['en', 'nb']);
    expect(body.groups).toEqual([
      { group: 'psp', instrumentVersionId: V1 },
      { group: 'clinician', instrumentVersionId: V2 },
    ]);
    expect(body.programIds).toEqual(['p1', 'p2']);
    expect(body.information).toEqual({ en: 'About', nb: 'Om' });
    expect(body.k).toBe(11);
  });

  it('shows a server problem at the field it concerns', () => {
    const body = toCreateBody(filled());
    expect(fieldOfServerProblem('groups.1.instrumentVersionId', body)).toBe('groups.clinician');
    expect(fieldOfServerProblem('groups.0', body)).toBe('groups.psp');
    expect(fieldOfServerProblem('groups.7.instrumentVersionId', body)).toBe('groups');
    expect(fieldOfServerProblem('programIds.3', body)).toBe('programIds');
    expect(fieldOfServerProblem('information.nb', body)).toBe('information.nb');
    expect(fieldOfServerProblem('retentionUntil', body)).toBe('retentionUntil');
  });
});

const entry = (
  programId: string,
  programName: string,
  organizationName: string,
  countryCode: 'CA' | 'NO',
  setting = 'outpatient',
): DirectoryEntry => ({
  programId,
  programName,
  organizationName,
  countryCode,
  setting,
  organizationId: `org-${organizationName}`,
});

describe('choosing programs', () => {
  const directory = [
    entry('n1', 'Rusteam', 'Helse Bergen', 'NO', 'addictions'),
    entry('c2', 'Early psychosis', 'CAMH', 'CA'),
    entry('c1', 'Équipe mobile', 'CIUSSS Québec', 'CA', 'community_team'),
    entry('n2', 'DPS Trondheim', 'St. Olavs', 'NO'),
  ];

  it('groups by country, Canada first, sorted by organization then program', () => {
    expect(
      groupProgramsByCountry(directory, '').map((c) => [c.countryCode, c.programs.map((p) => p.programId)]),
    ).toEqual([
      ['CA', ['c2', 'c1']],
      ['NO', ['n1', 'n2']],
    ]);
  });

  it('filters on every word, ignoring case and accents, across program, organization and setting', () => {
    expect(groupProgramsByCountry(directory, 'quebec').flatMap((c) => c.programs.map((p) => p.programId))).toEqual([
      'c1',
    ]);
    expect(groupProgramsByCountry(directory, 'TROND olav').flatMap((c) => c.programs.map((p) => p.programId))).toEqual([
      'n2',
    ]);
    const label = (s: string) => (s === 'addictions' ? 'Rus og avhengighet' : s);
    expect(groupProgramsByCountry(directory, 'avhengighet', label).map((c) => c.countryCode)).toEqual(['NO']);
    expect(groupProgramsByCountry(directory, 'nowhere')).toEqual([]);
  });

  it('counts the chosen programs and their countries', () => {
    expect(chosenSummary(directory, ['n1', 'c2', 'gone'])).toEqual({ programs: 2, countries: ['CA', 'NO'] });
    expect(chosenSummary(directory, [])).toEqual({ programs: 0, countries: [] });
  });
});

describe('editing a campaign’s terms', () => {
  const campaign = {
    title: 'Integration 2026',
    description: '',
    ethicsApproval: 'REK 1',
    dataController: 'UiB',
    k: 11,
    retentionUntil: '2031-12-31',
    languages: ['en', 'nb'] as ('en' | 'nb')[],
    information: { en: 'About', nb: 'Om' },
  };

  it('sends nothing when nothing changed, and only what changed otherwise', () => {
    expect(termsChanges(campaign, termsDraftOf(campaign))).toEqual({});
    expect(termsChanges(campaign, { ...termsDraftOf(campaign), title: ' Integration 2026 ', k: '15' })).toEqual({
      k: 15,
    });
    expect(
      termsChanges(campaign, { ...termsDraftOf(campaign), information: { en: 'About', nb: 'Om undersøkelsen' } }),
    ).toEqual({
      information: { en: 'About', nb: 'Om undersøkelsen' },
    });
  });

  it('keeps the rules of a new campaign for k, retention and the information in every language', () => {
    expect(
      termsProblems(
        { ...termsDraftOf(campaign), k: 5, retentionUntil: '2026-01-01', information: { en: 'About' } },
        campaign.languages,
        '2026-03-02',
      ),
    ).toEqual({
      k: 'kTooSmall',
      retentionUntil: 'retentionPast',
      'information.nb': 'required',
    });
    expect(termsProblems(termsDraftOf(campaign), campaign.languages, '2026-03-02')).toEqual({});
  });
});
