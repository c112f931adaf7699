import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InstrumentDefinitionSchema, RESULT_DIMENSIONS, type ScoreSummary, type StakeholderGroup } from '@alongside/contracts';
import { computeResults, type ResultsInput } from './results.ts';

// Campaign results against base R, psych and multilevel on the reference fixture of packages/stats
// (tools/reference/survey.R; regenerate: Rscript tools/reference/survey.R). With k = 1 nothing is
// withheld, so every summary by program, country, stakeholder group and language, every alpha by country and
// language, rwg(j) per program and the ICCs can be compared with R's figures to 1e-6.

type Value = number | null;
interface Described {
  n: number;
  mean: Value;
  sd: Value;
  quartiles: Value[] | Value;
  histogram: number[];
}
interface AlphaExpected {
  alpha: Value;
  n: number;
  items: { name: string; n: number; itemRest: Value }[];
}
interface Expected {
  describe: Record<string, { range: [number, number]; breaks: number[] } & Record<'overall' | 'program' | 'country' | 'language' | 'group', Record<string, Described>>>;
  alpha: Record<string, Record<'overall' | 'country' | 'language', Record<string, AlphaExpected>>>;
  rwg: Record<string, { groups: { group: string; n: number; rwg: Value }[] }>;
  icc: Record<string, { icc1: number; icc2: number; n: number; groups: number }>;
}
const reference = (name: string) => readFileSync(new URL(`../../../../../tools/reference/${name}`, import.meta.url), 'utf8');
const expected = JSON.parse(reference('survey-expected.json')) as Expected;
const definition = InstrumentDefinitionSchema.parse(JSON.parse(reference('survey-instrument.json')));

// The fixture's rows as stored responses: Likert and number answers as numbers, choice codes as strings, empty cells
// unanswered. One wave, one setting; the stakeholder group column picks the (shared) instrument.
const [header, ...lines] = reference('survey-responses.csv').trim().split('\n');
const columns = header!.split(',');
const records = lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i]!, cell])));
const types = new Map(definition.items.map((item) => [item.name, item.type]));
const WAVE = 'baseline';
const input: ResultsInput = {
  k: 1,
  language: 'en',
  groups: (['psp', 'clinician'] as StakeholderGroup[]).map((group) => ({ group, definition })),
  programs: new Map(records.map((r) => [r.program!, { name: `Program ${r.program!}`, countryCode: r.country!, setting: 'community_team' }])),
  waves: [{ id: WAVE, name: 'Baseline' }],
  responses: records.map((record) => ({
    waveId: WAVE,
    programId: record.program!,
    group: record.group!,
    language: record.language!,
    answers: Object.fromEntries(
      Object.entries(record)
        .filter(([name, cell]) => types.has(name) && cell !== '')
        .map(([name, cell]) => [name, types.get(name) === 'single' ? cell : Number(cell)]),
    ),
  })),
  labels: (_dimension, code) => code,
};
const results = computeResults(input, null);

/** Agreement to 1e-6, absolute below 1 and relative above; null (R's NA) matches null. */
function expectAgrees(actual: number | null | undefined, wanted: Value, where: string) {
  if (wanted === null) {
    expect(actual ?? null, where).toBeNull();
    return;
  }
  expect(actual, where).toBeTypeOf('number');
  expect(Math.abs(actual! - wanted), `${where}: ${actual} vs R ${wanted}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(wanted)));
}

function expectSummary(summary: ScoreSummary | undefined, wanted: Described, where: string) {
  expect(summary, where).toBeDefined();
  expect(summary!.suppressed, `${where} suppressed`).toBe(false);
  expect(summary!.n, `${where} n`).toBe(wanted.n);
  expectAgrees(summary!.mean, wanted.mean, `${where} mean`);
  expectAgrees(summary!.sd, wanted.sd, `${where} sd`);
  (wanted.quartiles as number[]).forEach((q, i) => expectAgrees(summary!.quartiles?.[i], q, `${where} quartile ${i}`));
  expect(summary!.histogram, `${where} histogram`).toEqual(wanted.histogram);
}

const scale = (id: string) => results.scales.find((s) => s.id === id)!;
// Our dimension names for R's subsets; the program's key is its id, the fixture's program column.
const DIMENSIONS = { program: 'program', country: 'country', language: 'language', group: 'group' } as const;

describe('campaign results agree with R (survey.R) when nothing is withheld', () => {
  it('scores every scale of the fixture', () => {
    expect(results.responses).toBe(records.length);
    expect(results.scales.map((s) => s.id).sort()).toEqual(Object.keys(expected.describe).sort());
  });

  it('summarizes every scale overall and by program, country, stakeholder group and language as R does', () => {
    let compared = 0;
    for (const [id, wanted] of Object.entries(expected.describe)) {
      const result = scale(id);
      expect([result.min, result.max], `${id} range`).toEqual(wanted.range);
      result.bins.forEach((edge, i) => expectAgrees(edge, wanted.breaks[i]!, `${id} edge ${i}`));
      expectSummary(result.overall, wanted.overall.all!, `${id} overall`);
      for (const [subset, dimension] of Object.entries(DIMENSIONS)) {
        const cells = result.by[dimension];
        const groups = wanted[subset as keyof typeof DIMENSIONS];
        // R lists a group only when it has respondents; so do we, but only those with a score.
        expect(cells.map((c) => c.key).sort(), `${id} ${dimension} keys`).toEqual(Object.keys(groups).filter((key) => groups[key]!.n > 0).sort());
        for (const cell of cells) expectSummary(cell, groups[cell.key]!, `${id} ${dimension} ${cell.key}`);
        compared += cells.length;
      }
      // One wave and one setting: both are everyone.
      for (const dimension of ['wave', 'setting'] as const) expectSummary(result.by[dimension][0], wanted.overall.all!, `${id} ${dimension}`);
    }
    expect(compared).toBe(4 * (7 + 2 + 3 + 2));
    expect(RESULT_DIMENSIONS).toHaveLength(6);
  });

  it("reports alpha and item–rest correlations overall and by country and language as psych::alpha does", () => {
    for (const [id, wanted] of Object.entries(expected.alpha)) {
      const { alpha } = scale(id);
      const cells = [
        ['overall', 'all', alpha.overall],
        ...alpha.byCountry.map((a) => ['country', a.key, a] as const),
        ...alpha.byLanguage.map((a) => ['language', a.key, a] as const),
      ] as const;
      expect(cells).toHaveLength(1 + Object.keys(wanted.country).length + Object.keys(wanted.language).length);
      for (const [subset, key, ours] of cells) {
        const figures = wanted[subset][key]!;
        const where = `${id} alpha ${subset} ${key}`;
        expect(ours.suppressed, where).toBe(false);
        expect(ours.n, `${where} n`).toBe(figures.n);
        expectAgrees(ours.alpha, figures.alpha, where);
        figures.items.forEach((item) => expectAgrees(ours.items.find((i) => i.name === item.name)?.itemRest, item.itemRest, `${where} ${item.name}`));
      }
    }
  });

  it('reports rwg(j) per program and ICC(1), ICC(2) as multilevel does', () => {
    for (const [id, wanted] of Object.entries(expected.rwg)) {
      const { rwg } = scale(id);
      for (const group of wanted.groups) {
        const ours = rwg.find((g) => g.programId === group.group);
        expect(ours?.n, `${id} rwg ${group.group} n`).toBe(group.n);
        expectAgrees(ours?.rwg, group.rwg, `${id} rwg ${group.group}`);
      }
    }
    for (const [id, wanted] of Object.entries(expected.icc)) {
      const { icc } = scale(id);
      expect([icc.n, icc.programs], `${id} icc n`).toEqual([wanted.n, wanted.groups]);
      expectAgrees(icc.icc1, wanted.icc1, `${id} icc1`);
      expectAgrees(icc.icc2, wanted.icc2, `${id} icc2`);
    }
  });
});
