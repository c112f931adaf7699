import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { binEdges, describe, describeSets, histogram } from './describe.ts';

// describe() and histogram() against base R (mean, sd, quantile type 7, hist with right = FALSE and the last bin
// closed) on the subscale scores of the reference fixture, as tools/reference/survey.R computes them
// (regenerate: Rscript tools/reference/survey.R). The scores are R's own, so only the descriptions are tested.

type Value = number | null;
interface Described {
  n: number;
  mean: Value;
  sd: Value;
  quartiles: Value[] | Value;
  histogram: number[];
}
type Subset = 'overall' | 'program' | 'country' | 'language' | 'group';
interface Expected {
  subscaleScores: Record<string, Value[]>;
  describe: Record<string, { range: [number, number]; breaks: number[] } & Record<Subset, Record<string, Described>>>;
  histogramEdgeCases: { x: number[]; breaks: number[]; counts: number[] };
}
const here = (name: string) => new URL(`../../../tools/reference/${name}`, import.meta.url);
const expected = JSON.parse(readFileSync(here('survey-expected.json'), 'utf8')) as Expected;

// Which respondents are in which program, country, language and group: the fixture's own columns.
const [header, ...lines] = readFileSync(here('survey-responses.csv'), 'utf8').trim().split('\n');
const columns = header!.split(',');
const records = lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i]!, cell])));
const rowsOf = (subset: Subset, key: string) =>
  subset === 'overall' ? records.map((_, r) => r) : records.flatMap((record, r) => (record[subset] === key ? [r] : []));

/** Agreement to 1e-6, absolute below 1 and relative above; null (R's NA) matches null. */
function expectAgrees(actual: number | null | undefined, wanted: Value, where: string) {
  if (wanted === null) {
    expect(actual ?? null, where).toBeNull();
    return;
  }
  expect(actual, where).toBeTypeOf('number');
  expect(Math.abs(actual! - wanted), `${where}: ${actual} vs R ${wanted}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(wanted)));
}

group('describe and histogram agree with R (survey.R)', () => {
  it('describes every subscale overall and by program, country, language and group as mean, sd, quantile and hist do', () => {
    let compared = 0;
    for (const [id, wanted] of Object.entries(expected.describe)) {
      const scores = Float64Array.from(expected.subscaleScores[id]!, (v) => v ?? Number.NaN);
      const edges = binEdges(wanted.range[0], wanted.range[1], 8);
      edges.forEach((edge, i) => expectAgrees(edge, wanted.breaks[i]!, `${id} edge ${i}`));
      for (const subset of ['overall', 'program', 'country', 'language', 'group'] as const) {
        for (const [key, figures] of Object.entries(wanted[subset])) {
          const rows = rowsOf(subset, key);
          const where = `${id} ${subset} ${key}`;
          const ours = describe(scores, rows);
          expect(ours.n, `${where} n`).toBe(figures.n);
          expectAgrees(ours.mean, figures.mean, `${where} mean`);
          expectAgrees(ours.sd, figures.sd, `${where} sd`);
          if (figures.n === 0) expect(ours.quartiles).toBeNull();
          else (figures.quartiles as number[]).forEach((q, i) => expectAgrees(ours.quartiles?.[i], q, `${where} quartile ${i}`));
          expect(histogram(scores, edges, rows), `${where} histogram`).toEqual(figures.histogram);
          compared++;
        }
      }
    }
    expect(compared).toBe(4 * (1 + 7 + 2 + 3 + 2));
    // The fixture's edge cases are there: a program of one (no sd), and a sum below the sum of the items' minimums.
    expect(expected.describe.culture!.program.no_single).toMatchObject({ n: 1, sd: null });
    expect(expected.describe.success!.range).toEqual([2, 21]);
    expect(expected.describe.success!.overall.all!.histogram[0]).toBeGreaterThan(0);
  });

  it('puts scores on and near the edges in the bins hist() does (its fuzz of 1e-7 bin widths), and leaves out scores beyond the ends', () => {
    const { x, breaks, counts } = expected.histogramEdgeCases;
    expect(histogram(x, breaks)).toEqual(counts);
    // Without a row list, with one, and with scores that are missing.
    expect(histogram([Number.NaN, ...x], breaks, x.map((_, i) => i + 1))).toEqual(counts);
  });

  it('finds the same quartiles as sorting does, for any scores (many ties, few, in any order)', () => {
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const typeSeven = (s: number[], p: number) => {
      const h = (s.length - 1) * p;
      const lo = Math.floor(h);
      return s[lo]! + (h - lo) * (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!);
    };
    const scores = fc.oneof(
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 60 }),
      // x + 0 turns −0 into 0: which of two equal zeros comes first is not a difference.
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0), { minLength: 1, maxLength: 60 }),
      fc.array(fc.integer({ min: 0, max: 400 }).map((i) => i / 4), { minLength: 200, maxLength: 3000 }),
    );
    fc.assert(
      fc.property(scores, (xs) => {
        const s = sorted(xs);
        const quartiles = describe(xs).quartiles!;
        expect(quartiles).toEqual([s[0], typeSeven(s, 0.25), typeSeven(s, 0.5), typeSeven(s, 0.75), s.at(-1)]);
      }),
    );
    // Sorted, reversed and organ-pipe orders: the selection must not degrade on them (it falls back to sorting).
    const ramp = Array.from({ length: 20001 }, (_, i) => i);
    for (const xs of [ramp, ramp.toReversed(), [...ramp.slice(0, 10000), ...ramp.slice(0, 10001).toReversed()]]) {
      const s = sorted(xs);
      expect(describe(xs).quartiles).toEqual([s[0], typeSeven(s, 0.25), typeSeven(s, 0.5), typeSeven(s, 0.75), s.at(-1)]);
    }
  });

  it('describes nothing as nothing', () => {
    expect(describe([Number.NaN, Number.NaN])).toEqual({ n: 0, mean: null, sd: null, quartiles: null });
    expect(histogram([], binEdges(1, 5, 8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

group('describeSets', () => {
  it('gives what describe() and histogram() give for each set, few distinct scores or many', () => {
    const edges = binEdges(1, 5, 8);
    const scores = fc.oneof(
      fc.array(fc.option(fc.integer({ min: 4, max: 20 }).map((i) => i / 4), { nil: Number.NaN }), { minLength: 0, maxLength: 80 }),
      fc.array(fc.option(fc.double({ min: 0.5, max: 5.5, noNaN: true }).map((x) => x + 0), { nil: Number.NaN }), { minLength: 0, maxLength: 80 }),
      fc.array(fc.integer({ min: 0, max: 400 }).map((i) => 1 + i / 100), { minLength: 500, maxLength: 1000 }),
      // More distinct scores than it counts: each set described on its own.
      fc.array(fc.integer({ min: 0, max: 1_000_000 }).map((i) => 1 + i / 250_000), { minLength: 2100, maxLength: 2300 }),
    );
    fc.assert(
      fc.property(scores, fc.array(fc.array(fc.nat({ max: 2300 }), { maxLength: 40 }), { maxLength: 6 }), (values, picks) => {
        const sets = [undefined, ...picks.map((pick) => pick.filter((i) => i < values.length).sort((a, b) => a - b))];
        const summaries = describeSets(values, sets, edges);
        sets.forEach((rows, i) => expect(summaries[i]).toEqual({ ...describe(values, rows), histogram: histogram(values, edges, rows) }));
        expect(describeSets(values, sets).every((s) => s.histogram === null)).toBe(true);
      }),
    );
  });
});
