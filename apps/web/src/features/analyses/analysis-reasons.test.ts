import { describe, expect, it } from 'vitest';
import { reasonFromMessage, reasonOfPart } from './analysis-reasons.ts';

const part = (code: string, terms: string[] = []) => ({ unavailable: { code, message: 'In English.', terms } });

describe('reasonOfPart', () => {
  it('takes the code and terms of a part, with a sample of one country as its own case', () => {
    expect(reasonOfPart(part('collinear', ['role_clarity']))).toEqual({ kind: 'collinear', terms: ['role_clarity'] });
    expect(reasonOfPart(part('not_requested'))).toEqual({ kind: 'not_requested', terms: [] });
    expect(reasonOfPart(part('no_variance', ['country']))).toEqual({ kind: 'one_country', terms: [] });
    expect(reasonOfPart(part('no_variance', ['mgmt_support']))).toEqual({
      kind: 'no_variance',
      terms: ['mgmt_support'],
    });
  });

  it('knows no reason for a code it does not know', () => {
    expect(reasonOfPart(part('something_new'))).toBeUndefined();
  });
});

describe('reasonFromMessage', () => {
  // The messages as packages/stats writes them.
  const cases: [string, ReturnType<typeof reasonFromMessage>][] = [
    ['No respondent has every chosen variable: nothing is left to analyse.', { kind: 'no_rows', terms: [] }],
    ['No respondent of NO is in the analysis sample.', { kind: 'no_rows', terms: [] }],
    [
      'collab_culture has the same value for every respondent in the sample (after 3 were left out): it cannot explain differences.',
      { kind: 'no_variance', terms: ['collab_culture'] },
    ],
    [
      "profile_psp_fte has the same value for every respondent with all of composite's parts: it cannot be standardized.",
      { kind: 'composite_part', terms: ['profile_psp_fte'] },
    ],
    [
      'role_clarity has the same mean in every program: it cannot explain differences between programs.',
      { kind: 'no_variance', terms: ['role_clarity'] },
    ],
    [
      'The analysis sample has respondents of one country only: there is nothing to compare.',
      { kind: 'one_country', terms: [] },
    ],
    ['12 respondents are too few for 14 terms and two variances.', { kind: 'too_few_rows', terms: [] }],
    ['A program-level variance needs at least 2 programs; there is 1.', { kind: 'too_few_programs', terms: [] }],
    ['4 programs are too few for 5 factors: at least 7 are needed.', { kind: 'too_few_programs', terms: [] }],
    [
      'countryNO is (nearly) a linear combination of the terms before it, or has no variance: the model cannot tell their effects apart.',
      { kind: 'collinear', terms: ['countryNO'] },
    ],
    [
      'The program variance grows without bound: the programs differ far more than their respondents do.',
      { kind: 'did_not_converge', terms: [] },
    ],
    ['Program p-1 is in two sets of summaries.', { kind: 'incompatible_summaries', terms: [] }],
    [
      'The dominance on the mixed model fits a model for every subset of the factors: at most 10 factors (1024 fits), not 11.',
      { kind: 'too_many_factors', terms: [] },
    ],
  ];

  it.each(cases)('reads %j', (message, reason) => {
    expect(reasonFromMessage(message)).toEqual(reason);
  });

  it('knows no reason for another message', () => {
    expect(reasonFromMessage('Something else went wrong.')).toBeUndefined();
  });
});
