import { describe, expect, it } from 'vitest';
import {
  classifyFactors,
  countryRows,
  direction,
  forestRows,
  importanceRows,
  intervalOption,
  isUnavailable,
  levelDominanceOption,
  levelDominanceRows,
  lostRows,
  programLevelRows,
  termKind,
  tQuantile975,
} from './analysis-shape.ts';

const effect = (term: string, estimate: number, tLow: number, tHigh: number) => ({
  term,
  estimate,
  se: 0.05,
  df: 200,
  t: estimate / 0.05,
  p: 0.01,
  waldLow: tLow,
  waldHigh: tHigh,
  tLow,
  tHigh,
});

const FACTORS = ['collab_culture', 'role_clarity', 'mgmt_support'];
const fixed = [
  effect('(Intercept)', 3.8, 3.6, 4.0),
  effect('collab_culture', 0.25, 0.19, 0.32),
  effect('role_clarity', 0.05, -0.02, 0.12),
  effect('mgmt_support', -0.2, -0.3, -0.1),
  effect('countryNO', 0.1, -0.1, 0.3),
  effect('groupclinician', 0.02, -0.1, 0.14),
];

describe('termKind', () => {
  it('reads R term names', () => {
    expect(termKind('(Intercept)', FACTORS)).toEqual({ kind: 'intercept' });
    expect(termKind('role_clarity', FACTORS)).toEqual({ kind: 'factor', factor: 'role_clarity' });
    expect(termKind('role_clarity_within', FACTORS)).toEqual({
      kind: 'factor',
      factor: 'role_clarity',
      part: 'within',
    });
    expect(termKind('countryNO', FACTORS)).toEqual({ kind: 'country', country: 'NO' });
    expect(termKind('grouppolicy_maker', FACTORS)).toEqual({ kind: 'group', group: 'policy_maker' });
    expect(termKind('mgmt_support:countryNO', FACTORS)).toEqual({
      kind: 'interaction',
      factor: 'mgmt_support',
      country: 'NO',
    });
    expect(termKind('something', FACTORS)).toEqual({ kind: 'other' });
  });
});

describe('forestRows', () => {
  it('keeps the factors in the spec order and leaves out intercept, country and group terms', () => {
    const rows = forestRows(fixed, FACTORS);
    expect(rows.map((r) => r.key)).toEqual(FACTORS);
    expect(rows[0]).toEqual({ key: 'collab_culture', estimate: 0.25, low: 0.19, high: 0.32, series: 0 });
  });

  it('skips a factor whose interval is missing', () => {
    const rows = forestRows([{ ...effect('collab_culture', 0.2, 0, 0), tLow: null }], FACTORS);
    expect(rows).toEqual([]);
  });
});

describe('classifyFactors', () => {
  it('calls a factor clear only when its interval does not cross 0', () => {
    expect(direction({ low: 0.01, high: 0.2 })).toBe('positive');
    expect(direction({ low: -0.2, high: -0.01 })).toBe('negative');
    expect(direction({ low: -0.01, high: 0.2 })).toBe('unclear');
    expect(direction({ low: 0, high: 0.2 })).toBe('unclear');
    const c = classifyFactors(forestRows(fixed, FACTORS));
    expect(c.positive).toEqual(['collab_culture']);
    expect(c.negative).toEqual(['mgmt_support']);
    expect(c.unclear).toEqual(['role_clarity']);
  });

  it('says when the clear factors cannot be ranked (intervals overlap the strongest)', () => {
    const rows = [
      { key: 'a', estimate: 0.3, low: 0.2, high: 0.4, series: 0 },
      { key: 'b', estimate: 0.25, low: 0.15, high: 0.35, series: 0 },
      { key: 'c', estimate: 0.05, low: 0.01, high: 0.09, series: 0 },
    ];
    expect(classifyFactors(rows).cannotRank).toEqual(['a', 'b']);
    expect(classifyFactors(rows.slice(0, 1)).cannotRank).toEqual([]);
  });
});

describe('lostRows', () => {
  it('lists the variables that lost respondents, most first', () => {
    expect(lostRows({ group: 0, mgmt_support: 340, role_clarity: 3, country: 0 })).toEqual([
      { key: 'mgmt_support', count: 340 },
      { key: 'role_clarity', count: 3 },
    ]);
  });
});

describe('tQuantile975', () => {
  it('matches R qt(0.975, df)', () => {
    expect(tQuantile975(5)).toBeCloseTo(2.570582, 3);
    expect(tQuantile975(30)).toBeCloseTo(2.042272, 5);
    expect(tQuantile975(240)).toBeCloseTo(1.969898, 6);
    expect(tQuantile975(Number.POSITIVE_INFINITY)).toBeCloseTo(1.959964, 6);
  });

  it('is exact for the few df of a program-level fit of few programs', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706205, 5);
    expect(tQuantile975(2)).toBeCloseTo(4.302653, 5);
    expect(tQuantile975(4)).toBeCloseTo(2.776445, 5);
  });
});

describe('programLevelRows', () => {
  const ols = (term: string, estimate: number, seHC3: number | null) => ({
    term,
    estimate,
    se: 0.1,
    t: null,
    p: null,
    seHC3,
    tHC3: null,
    pHC3: null,
  });

  it('gives each factor its OLS slope with a 95 % interval from its HC3 standard error', () => {
    const programLevel = {
      programs: [],
      ols: { terms: [ols('(Intercept)', 50, 2), ols('a', 3, 1), ols('b', -1, null)], df: 4, r2: 0.5, sigma: 1 },
      dominance: { factors: ['a', 'b'], r2: 0.5, general: [0.4, 0.1], conditional: [] },
      bootstrap: null,
    };
    const rows = programLevelRows(programLevel, ['a', 'b']);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.low).toBeCloseTo(3 - 2.776445, 5);
    expect(rows[0]!.high).toBeCloseTo(3 + 2.776445, 5);
    expect(isUnavailable(programLevel)).toBe(false);
    expect(isUnavailable({ unavailable: { code: 'program_level_outcome', message: '', terms: [] } })).toBe(true);
  });
});

describe('countryRows', () => {
  it('puts each factor’s Canadian slope beside its Norwegian one', () => {
    const rows = countryRows(
      {
        interaction: { fixed } as never,
        slopes: [{ factor: 'collab_culture', country: 'NO', estimate: 0.3, se: 0.05, df: 240, t: 6, p: 0.001 }],
        likelihoodRatio: { statistic: 4.9, df: 4, p: 0.3 },
        perCountry: [],
      },
      ['collab_culture'],
    );
    expect(rows.map((r) => [r.country, r.series])).toEqual([
      ['CA', 0],
      ['NO', 1],
    ]);
    expect(rows[1]!.low).toBeCloseTo(0.3 - 1.969898 * 0.05, 6);
    expect(rows[1]!.high).toBeCloseTo(0.3 + 1.969898 * 0.05, 6);
  });
});

describe('importanceRows', () => {
  it('orders the factors by general dominance and keeps their intervals', () => {
    const rows = importanceRows({
      programs: [],
      ols: { terms: [], df: 6, r2: 0.7, sigma: 0.1 },
      dominance: { factors: ['a', 'b'], r2: 0.7, general: [0.2, 0.5], conditional: [] },
      bootstrap: {
        intervals: [
          { low: 0.1, high: 0.3 },
          { low: 0.3, high: 0.6 },
        ],
        rankStability: [0.6, 0.8],
        resamples: 200,
      },
    });
    expect(rows).toEqual([
      { key: 'b', weight: 0.5, low: 0.3, high: 0.6, rankStability: 0.8 },
      { key: 'a', weight: 0.2, low: 0.1, high: 0.3, rankStability: 0.6 },
    ]);
  });
});

describe('intervalOption', () => {
  it('draws a point and an interval line per row and a line at 0', () => {
    const rows = forestRows(fixed, FACTORS);
    const option = intervalOption(rows, { category: (r) => r.key, series: ['Effect'], axis: 'SD' }) as {
      series: { type: string; data: unknown[]; markLine?: { data: unknown[] } }[];
    };
    expect(option.series).toHaveLength(1 + rows.length);
    expect(option.series[0]!.markLine?.data).toEqual([{ xAxis: 0 }]);
    expect(option.series[1]!.data).toEqual([
      [0.19, 0],
      [0.32, 0],
    ]);
    // Options are serialized by the chart component: plain data only.
    expect(JSON.parse(JSON.stringify(option))).toEqual(option);
  });
});

describe('the dominance on the mixed model', () => {
  const levels = {
    clusterSize: 21.5,
    within: { factors: ['a', 'b', 'c'], r2: 0.3, general: [0.05, 0.26, -0.01], conditional: [] },
    between: { factors: ['a', 'b', 'c'], r2: 0.6, general: [0.4, 0.15, 0.05], conditional: [] },
  };

  it('pairs each factor’s shares within and between programs, largest within first', () => {
    expect(levelDominanceRows(levels)).toEqual([
      { key: 'b', within: 0.26, between: 0.15 },
      { key: 'a', within: 0.05, between: 0.4 },
      { key: 'c', within: -0.01, between: 0.05 },
    ]);
  });

  it('draws two labelled bar series, the negative share labelled on its left, as plain data', () => {
    const option = levelDominanceOption(levelDominanceRows(levels), {
      category: (key) => key.toUpperCase(),
      series: ['Within', 'Between'],
      axis: 'Share',
      label: (v) => v.toFixed(2),
    }) as {
      yAxis: { data: string[] };
      series: { name: string; data: { value: number; label: { position: string; formatter: string } }[] }[];
    };
    expect(option.yAxis.data).toEqual(['B', 'A', 'C']);
    expect(option.series.map((s) => s.name)).toEqual(['Within', 'Between']);
    expect(option.series[0]!.data.map((d) => d.label.formatter)).toEqual(['0.26', '0.05', '-0.01']);
    expect(option.series[0]!.data[2]!.label.position).toBe('left');
    expect(JSON.parse(JSON.stringify(option))).toEqual(option);
  });
});
