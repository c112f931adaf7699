import { describe, expect, it } from 'vitest';
import { cohenKappa, krippendorffAlpha, percentAgreement } from './agreement.ts';
import { codeRatings, disagreements, expand, segments, type Coding } from './coding-units.ts';

// Coder A codes [10, 30) as "culture" and [40, 50) as "roles"; coder B codes [15, 30) as "culture" and [40, 50) as
// "culture". A 60-character source.
const a: Coding[] = [{ start: 10, end: 30, code: 'culture' }, { start: 40, end: 50, code: 'roles' }];
const b: Coding[] = [{ start: 15, end: 30, code: 'culture' }, { start: 40, end: 50, code: 'culture' }];

describe('coding units', () => {
  it('cuts the source at every boundary and keeps the coded pieces as segments', () => {
    expect(segments([a, b])).toEqual([{ start: 10, end: 15 }, { start: 15, end: 30 }, { start: 40, end: 50 }]);
  });

  it('rates every character per code: agreement counts the text both left alone', () => {
    const { ratings, weights } = codeRatings([a, b], 'culture', 'character', 60);
    const units = expand(ratings, weights);
    expect(units).toHaveLength(60);
    // Disagreement on [10, 15) and [40, 50): 15 of 60 characters.
    expect(percentAgreement(units).agreement).toBe(45 / 60);
    const first = units.map((u) => u[0]!);
    const second = units.map((u) => u[1]!);
    // p_o = 0.75; A codes 20/60, B 25/60: p_e = (20·25 + 40·35)/3600.
    const pe = (20 * 25 + 40 * 35) / 3600;
    expect(cohenKappa(first, second).kappa).toBeCloseTo((0.75 - pe) / (1 - pe), 12);
    expect(krippendorffAlpha(units).units).toBe(60);
  });

  it('rates segments per code: only what some coder coded is a unit', () => {
    const { ratings, weights } = codeRatings([a, b], 'culture', 'segment', 60);
    expect(ratings).toEqual([['1', '0'], ['1', '1'], ['0', '1']]);
    expect(weights).toEqual([1, 1, 1]);
  });

  it('lists the disagreements side by side, touching pieces merged', () => {
    expect(disagreements([a, b], 'culture')).toEqual([{ start: 10, end: 15, coded: [true, false] }, { start: 40, end: 50, coded: [false, true] }]);
    const c: Coding[] = [{ start: 0, end: 10, code: 'x' }, { start: 10, end: 20, code: 'x' }];
    expect(disagreements([c, [{ start: 5, end: 8, code: 'y' }]], 'x')).toEqual([{ start: 0, end: 20, coded: [true, false] }]);
  });
});
