import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cronbachAlpha, icc, rwgJ, uniformNullVariance } from './reliability.ts';
import { emptyScoreMatrix, scoreMatrixFromRows, type ScoreMatrix } from './score-matrix.ts';

const variance = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
};
const correlation = (xs: number[], ys: number[]) => {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
};

const rowsOf = <T>(cell: fc.Arbitrary<T>, items: number) => fc.array(fc.array(cell, { minLength: items, maxLength: items }), { minLength: 3, maxLength: 40 });
const likertRows = (items: number) => rowsOf(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 5 }), items);
const completeRows = (items: number) => rowsOf(fc.integer({ min: 1, max: 5 }), items);

describe("Cronbach's alpha", () => {
  it('is k/(k−1)·(1 − Σ item variances / variance of the total) on complete data, item–rest the plain correlation', () => {
    const rows = [
      [4, 5, 4],
      [2, 3, 3],
      [3, 3, 2],
      [5, 4, 5],
      [1, 2, 2],
      [3, 4, 3],
    ];
    const result = cronbachAlpha(scoreMatrixFromRows(rows));
    const totals = rows.map((r) => r[0]! + r[1]! + r[2]!);
    const itemVariances = [0, 1, 2].map((i) => variance(rows.map((r) => r[i]!)));
    expect(result.alpha).toBeCloseTo(1.5 * (1 - itemVariances.reduce((a, b) => a + b) / variance(totals)), 12);
    expect(result.items[0]!.itemRest).toBeCloseTo(correlation(rows.map((r) => r[0]!), rows.map((r) => r[1]! + r[2]!)), 12);
    expect(result).toMatchObject({ k: 3, n: 6, reason: null });
  });

  it('gives item–rest correlations equal to the correlation with the sum of the others whenever nothing is missing', () => {
    fc.assert(
      fc.property(completeRows(4), (rows) => {
        const result = cronbachAlpha(scoreMatrixFromRows(rows));
        result.items.forEach((item, i) => {
          if (item.itemRest === null) return;
          const rest = rows.map((r) => r.reduce((a, b, j) => (j === i ? a : a + b), 0));
          expect(item.itemRest).toBeCloseTo(correlation(rows.map((r) => r[i]!), rest), 9);
        });
      }),
    );
  });

  it('does not depend on the order of respondents, nor on a constant added to an item', () => {
    fc.assert(
      fc.property(likertRows(4), fc.integer({ min: -50, max: 50 }), fc.nat(3), fc.nat(), (rows, shift, item, seed) => {
        const base = cronbachAlpha(scoreMatrixFromRows(rows));
        const shuffled = [...rows].sort((a, b) => ((rows.indexOf(a) * 7919 + seed) % 97) - ((rows.indexOf(b) * 7919 + seed) % 97));
        const shifted = rows.map((r) => r.map((x, j) => (x === null || j !== item ? x : x + shift)));
        for (const other of [cronbachAlpha(scoreMatrixFromRows(shuffled)), cronbachAlpha(scoreMatrixFromRows(shifted))]) {
          expect(other.reason).toBe(base.reason);
          if (base.alpha === null) expect(other.alpha).toBeNull();
          // Relative: pairwise covariances need not make a positive definite matrix, so the total can be near zero
          // and alpha far from 0–1, as in psych.
          else expect(Math.abs(other.alpha! - base.alpha)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(base.alpha)));
          other.items.forEach((it, i) => expect(it.n).toBe(base.items[i]!.n));
        }
      }),
    );
  });

  it('uses pairwise-complete covariances and counts who answered', () => {
    const result = cronbachAlpha(
      scoreMatrixFromRows([
        [1, 2, null],
        [2, null, 3],
        [null, 4, 4],
        [4, 5, 5],
        [null, null, null],
        [3, 3, 2],
      ]),
    );
    expect(result.items.map((i) => i.n)).toEqual([4, 4, 4]);
    expect(result.n).toBe(5);
    expect(result.alpha).not.toBeNull();
  });

  it('selects columns and rows, and leaves out an item without variance as psych does', () => {
    const matrix = scoreMatrixFromRows([
      [1, 3, 9, 2],
      [2, 3, 9, 3],
      [3, 3, 9, 3],
      [4, 3, 1, 5],
    ]);
    const firstThree = cronbachAlpha(matrix, { columns: [0, 1, 3], rows: [0, 1, 2] });
    expect(firstThree.items.map((i) => [i.column, i.dropped])).toEqual([
      [0, false],
      [1, true],
      [3, false],
    ]);
    expect(firstThree.k).toBe(2);
    expect(firstThree.alpha).toBeCloseTo(cronbachAlpha(matrix, { columns: [0, 3], rows: [0, 1, 2] }).alpha!, 12);
    expect(() => cronbachAlpha(matrix, { columns: [4] })).toThrow(RangeError);
    expect(() => cronbachAlpha(matrix, { rows: [4] })).toThrow(RangeError);
  });

  it('is missing with a reason when it cannot be computed', () => {
    expect(cronbachAlpha(scoreMatrixFromRows([[1], [2], [3]])).reason).toBe('too_few_items');
    expect(cronbachAlpha(scoreMatrixFromRows([[1, 2], [1, 3], [1, 4]])).reason).toBe('too_few_items');
    expect(cronbachAlpha(emptyScoreMatrix(0, 3))).toMatchObject({ alpha: null, reason: 'too_few_items', n: 0 });
    const apart = cronbachAlpha(scoreMatrixFromRows([[1, null], [2, null], [null, 1], [null, 3]]));
    expect(apart).toMatchObject({ alpha: null, reason: 'too_few_pairs' });
    expect(cronbachAlpha(scoreMatrixFromRows([[1, 3], [2, 2], [3, 1]]))).toMatchObject({ alpha: null, reason: 'no_total_variance' });
  });
});

describe('rwg(j)', () => {
  it('uses the uniform null (A² − 1)/12', () => {
    expect(uniformNullVariance(5)).toBe(2);
    expect(uniformNullVariance(7)).toBe(4);
    expect(() => uniformNullVariance(1)).toThrow(RangeError);
  });

  it('drops incomplete respondents, is 1 for identical answers, 0 at or past the null, null below two', () => {
    const matrix = scoreMatrixFromRows([
      [3, 4],
      [3, 4],
      [3, null],
      [1, 1],
      [5, 5],
      [2, 2],
      [4, 4],
    ]);
    const groups = ['same', 'same', 'same', 'spread', 'spread', 'one', null];
    expect(rwgJ(matrix, groups, { nullVariance: 2 })).toEqual([
      { group: 'same', n: 2, rwg: 1 },
      { group: 'spread', n: 2, rwg: 0 }, // item variances 8, capped at 2
      { group: 'one', n: 1, rwg: null },
    ]);
  });

  it('follows J(1 − s̄²/σ²) / (J(1 − s̄²/σ²) + s̄²/σ²)', () => {
    const matrix = scoreMatrixFromRows([
      [3, 4, 2],
      [4, 4, 3],
      [5, 3, 3],
    ]);
    const meanVariance = (1 + 1 / 3 + 1 / 3) / 3;
    const ratio = meanVariance / 2;
    expect(rwgJ(matrix, [7, 7, 7], { nullVariance: 2 })[0]!.rwg).toBeCloseTo((3 * (1 - ratio)) / (3 * (1 - ratio) + ratio), 12);
  });

  it('stays between 0 and 1', () => {
    fc.assert(
      fc.property(likertRows(3), (rows) => {
        const groups = rows.map((_, i) => i % 3);
        for (const g of rwgJ(scoreMatrixFromRows(rows), groups, { nullVariance: uniformNullVariance(5) })) {
          if (g.rwg === null) expect(g.n).toBeLessThan(2);
          else {
            expect(g.rwg).toBeGreaterThanOrEqual(0);
            expect(g.rwg).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it('refuses mismatched groups and a bad null variance', () => {
    const matrix = scoreMatrixFromRows([[1], [2]]);
    expect(() => rwgJ(matrix, ['a'], { nullVariance: 2 })).toThrow(RangeError);
    expect(() => rwgJ(matrix, ['a', 'a'], { nullVariance: 0 })).toThrow(RangeError);
  });
});

describe('ICC(1) and ICC(2)', () => {
  it('follows the one-way ANOVA formulas, leaving out missing scores', () => {
    // Groups a: 1, 2, 3 (mean 2); b: 4, 6 (mean 5); grand mean 3.2. SSB = 3·1.44 + 2·3.24 = 10.8, SSW = 2 + 2 = 4.
    const result = icc([1, 2, 3, 4, 6, null, Number.NaN, 9], ['a', 'a', 'a', 'b', 'b', 'b', 'a', null]);
    const msb = 10.8;
    const msw = 4 / 3;
    expect(result).toMatchObject({ n: 5, groups: 2, reason: null });
    expect(result.msBetween).toBeCloseTo(msb, 12);
    expect(result.msWithin).toBeCloseTo(msw, 12);
    expect(result.icc1).toBeCloseTo((msb - msw) / (msb + (2.5 - 1) * msw), 12);
    expect(result.icc2).toBeCloseTo((msb - msw) / msb, 12);
  });

  it('may be negative', () => {
    expect(icc([1, 5, 2, 5, 1, 4], [1, 1, 2, 2, 3, 3]).icc1).toBeLessThan(0);
  });

  it('is ICC(2) = k·ICC(1) / (1 + (k − 1)·ICC(1)) for groups of equal size k, whatever the labels or a shift', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 5 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 30, maxLength: 30 }), fc.integer({ min: -9, max: 9 }), (j, k, pool, shift) => {
        const scores = pool.slice(0, j * k);
        const groups = scores.map((_, i) => Math.floor(i / k));
        const result = icc(scores, groups);
        if (result.reason !== null) return;
        expect(result.icc2!).toBeCloseTo((k * result.icc1!) / (1 + (k - 1) * result.icc1!), 9);
        const moved = icc(
          scores.map((x) => x + shift),
          groups.map((g) => `program ${j - g}`),
        );
        expect(moved.icc1!).toBeCloseTo(result.icc1!, 9);
        expect(moved.icc2!).toBeCloseTo(result.icc2!, 9);
      }),
    );
  });

  it('is missing with a reason on degenerate input, never NaN or a throw', () => {
    expect(icc([], [])).toMatchObject({ icc1: null, icc2: null, reason: 'no_scores', n: 0 });
    expect(icc([null, Number.NaN], ['a', 'b']).reason).toBe('no_scores');
    expect(icc([1, 2, 3], ['a', 'a', 'a']).reason).toBe('one_group');
    expect(icc([1, 2, 3], ['a', 'b', 'c']).reason).toBe('no_within_df');
    expect(icc([2, 2, 2, 2], ['a', 'a', 'b', 'b']).reason).toBe('no_variance');
    expect(icc([0.1, 0.1, 0.1, 0.1], ['a', 'a', 'b', 'b']).reason).toBe('no_variance');
    expect(icc([1, 1, 3, 3], ['a', 'a', 'b', 'b']).reason).toBe('no_within_variance');
    expect(icc([1, 3, 1, 3], ['a', 'a', 'b', 'b']).reason).toBe('no_between_variance');
    expect(() => icc([1], [])).toThrow(RangeError);
  });
});

describe('groups given as numbers', () => {
  it('gives rwg(j) and ICCs for groups numbered in an Int32Array exactly as for the same groups named', () => {
    fc.assert(
      fc.property(likertRows(3), fc.array(fc.nat(4), { minLength: 40, maxLength: 40 }), (rows, labels) => {
        const matrix = scoreMatrixFromRows(rows);
        const named = rows.map((_, r) => `program ${labels[r]!}`);
        const numbered = Int32Array.from(rows, (_, r) => labels[r]!);
        const byName = rwgJ(matrix, named, { nullVariance: 2 });
        expect(rwgJ(matrix, numbered, { nullVariance: 2 })).toEqual(byName.map((g) => ({ ...g, group: Number(g.group.slice(8)) })));
        const scores = matrix.data.subarray(0, rows.length);
        expect(icc(scores, numbered)).toEqual(icc(scores, named));
      }),
    );
  });
});

describe('score matrices', () => {
  it('refuses ragged rows', () => {
    expect(() => scoreMatrixFromRows([[1, 2], [3]])).toThrow('row 1 has 1 cells, not 2');
  });

  it('stores column by column', () => {
    const matrix: ScoreMatrix = scoreMatrixFromRows([
      [1, 2],
      [3, null],
    ]);
    expect(Array.from(matrix.data)).toEqual([1, 3, 2, Number.NaN]);
  });
});
