import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import { binEdges, describe, histogram } from './describe.ts';

// describe() and histogram() against base R (mean, sd, quantile type 7, hist with right = FALSE and the last bin
// closed) on the subscale scores of the reference fixture, as packages/stats/reference/survey.R computes them
// (regenerate: Rscript packages/stats/reference/survey.R). The scores are R's own, so only the descriptions are tested.

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
const here = (name: string) => new URL(`../reference/${name}`, import.meta.url);
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

  it('describes nothing as nothing', () => {
    expect(describe([Number.NaN, Number.NaN])).toEqual({ n: 0, mean: null, sd: null, quartiles: null });
    expect(histogram([], binEdges(1, 5, 8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
