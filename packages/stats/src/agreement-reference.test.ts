import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cohenKappa, krippendorffAlpha, percentAgreement, type Rating } from './agreement.ts';

// Agreement statistics against R on the fixtures of tools/reference (regenerate: Rscript tools/reference/agreement.R):
// irr's agree, kappa2 and kripp.alpha (nominal), to 1e-9.

const here = (name: string) => new URL(`../../../tools/reference/${name}`, import.meta.url);
interface Expected {
  fixtures: {
    fixture: string;
    agreement: { agreement: number; units: number };
    alpha: { alpha: number; units: number; values: number; observedDisagreement: number; expectedDisagreement: number };
    kappa?: { kappa: number; units: number; observed: number; expected: number };
  }[];
}
const expected = JSON.parse(readFileSync(here('agreement-expected.json'), 'utf8')) as Expected;

/** A row per unit, a rating (or null) per coder. */
function readFixture(name: string): Rating[][] {
  const [, ...lines] = readFileSync(here(name), 'utf8').trim().split('\n');
  return lines.map((line) => line.split(',').map((cell) => (cell === '' ? null : cell)));
}

const close = (actual: number, wanted: number, where: string) =>
  expect(Math.abs(actual - wanted), `${where}: ${actual} vs R ${wanted}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(wanted)));

describe.each(expected.fixtures)('agreement on $fixture equals R', (reference) => {
  const units = readFixture(reference.fixture);

  it('gives the percentage agreement over the units every coder rated', () => {
    const ours = percentAgreement(units);
    expect(ours.units).toBe(reference.agreement.units);
    close(ours.agreement, reference.agreement.agreement, 'agreement');
  });

  it('gives Krippendorff’s alpha (nominal) with its disagreements', () => {
    const ours = krippendorffAlpha(units);
    expect([ours.units, ours.values]).toEqual([reference.alpha.units, reference.alpha.values]);
    close(ours.alpha, reference.alpha.alpha, 'alpha');
    close(ours.observedDisagreement, reference.alpha.observedDisagreement, 'observed disagreement');
    close(ours.expectedDisagreement, reference.alpha.expectedDisagreement, 'expected disagreement');
  });
});

describe.each(expected.fixtures.filter((f) => f.kappa))('Cohen’s kappa on $fixture equals R', (reference) => {
  it('gives kappa for two coders with the observed and expected agreement', () => {
    const units = readFixture(reference.fixture);
    const ours = cohenKappa(units.map((u) => u[0]!), units.map((u) => u[1]!));
    const wanted = reference.kappa!;
    expect(ours.units).toBe(wanted.units);
    close(ours.kappa, wanted.kappa, 'kappa');
    close(ours.observed, wanted.observed, 'observed agreement');
    close(ours.expected, wanted.expected, 'expected agreement');
  });
});

describe('agreement at the edges', () => {
  it('is 1 for identical codings, and kappa is undefined (NaN) when both coders use one code only', () => {
    const same: Rating[][] = [['a', 'a'], ['b', 'b'], ['a', 'a']];
    expect(krippendorffAlpha(same).alpha).toBe(1);
    expect(cohenKappa(['a', 'b', 'a'], ['a', 'b', 'a']).kappa).toBe(1);
    expect(cohenKappa(['a', 'a'], ['a', 'a']).kappa).toBeNaN();
    expect(percentAgreement([[null, 'a']]).agreement).toBeNaN();
  });
});
