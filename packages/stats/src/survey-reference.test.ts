import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cronbachAlpha, icc, rwgJ } from './reliability.ts';
import { matrixCell, matrixColumn } from './score-matrix.ts';
import { scoreSurveyResponses, type SurveyAnswers, type SurveyInstrument } from './survey-scoring.ts';

// Our scoring, alpha, rwg(j) and ICCs against the values tools/reference/survey.R computes with base R,
// psych and multilevel on the same fixture (regenerate: Rscript tools/reference/survey.R).

const here = (name: string) => new URL(`../../../tools/reference/${name}`, import.meta.url);
const instrument = JSON.parse(readFileSync(here('survey-instrument.json'), 'utf8')) as SurveyInstrument;

type Value = number | null;
interface AlphaExpected {
  alpha: Value;
  n: number;
  items: { name: string; n: number; itemRest: Value }[];
}
interface Expected {
  respondents: string[];
  itemScores: Record<string, Value[]>;
  subscaleScores: Record<string, Value[]>;
  nullVariance: Record<string, Value>;
  alpha: Record<string, Record<'overall' | 'country' | 'language' | 'program', Record<string, AlphaExpected>>>;
  rwg: Record<string, { nullVariance: number; groups: { group: string; n: number; rwg: Value }[] }>;
  icc: Record<string, { icc1: number; icc2: number; n: number; groups: number; msBetween: number; msWithin: number }>;
}
const expected = JSON.parse(readFileSync(here('survey-expected.json'), 'utf8')) as Expected;

// The CSV as the server would hold the answers: Likert and number answers as numbers, choice codes as strings,
// empty cells unanswered. The fixture has no quoted cells.
const [header, ...lines] = readFileSync(here('survey-responses.csv'), 'utf8').trim().split('\n');
const columns = header!.split(',');
const records = lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i]!, cell])));
const types = new Map(instrument.items.map((item) => [item.name, item.type]));
const responses: SurveyAnswers[] = records.map((record) =>
  Object.fromEntries(
    Object.entries(record)
      .filter(([name, cell]) => types.has(name) && cell !== '')
      .map(([name, cell]) => [name, types.get(name) === 'single' ? cell : Number(cell)]),
  ),
);
const program = records.map((r) => r.program!);
const scores = scoreSurveyResponses(instrument, responses);
const { layout } = scores;

/** Agreement to 1e-6, absolute below 1 and relative above; null (R's NA) matches null or NaN. */
function expectAgrees(actual: number | null | undefined, wanted: Value, where: string) {
  if (wanted === null) {
    expect(actual === null || Number.isNaN(actual), `${where}: expected missing, got ${actual}`).toBe(true);
    return;
  }
  expect(actual, where).toBeTypeOf('number');
  expect(Math.abs(actual! - wanted), `${where}: ${actual} vs R ${wanted}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(wanted)));
}

const subscaleIndex = (id: string) => layout.subscales.findIndex((s) => s.id === id);

describe('survey scoring and reliability agree with R (survey.R)', () => {
  it('reads the whole fixture', () => {
    expect(records.map((r) => r.respondent)).toEqual(expected.respondents);
    expect(layout.items.map((i) => i.name)).toEqual(Object.keys(expected.itemScores));
  });

  it('scores every item as R does (score coding, reverse keys, single choice, number)', () => {
    for (const item of layout.items) {
      expected.itemScores[item.name]!.forEach((wanted, r) => expectAgrees(matrixCell(scores.items, r, item.column), wanted, `${item.name} of ${expected.respondents[r]}`));
    }
  });

  it('scores every subscale as R does (mean, sum, minimum answered, percent)', () => {
    for (const [id, wanted] of Object.entries(expected.subscaleScores)) {
      const column = matrixColumn(scores.subscales, subscaleIndex(id));
      wanted.forEach((w, r) => expectAgrees(column[r], w, `${id} of ${expected.respondents[r]}`));
    }
    // The fixture's edge cases are really there: fewer than half answered is missing, exactly half is scored.
    expect(expected.subscaleScores.culture![4]).toBeNull();
    expect(expected.subscaleScores.culture![5]).not.toBeNull();
    expect(expected.subscaleScores.support![6]).toBeNull();
  });

  it('finds the uniform null variance R uses', () => {
    for (const [id, wanted] of Object.entries(expected.nullVariance)) expectAgrees(layout.subscales[subscaleIndex(id)]!.nullVariance, wanted, id);
  });

  it("computes alpha and item–rest correlations as psych::alpha, overall and per country, language and program", () => {
    const by = { country: records.map((r) => r.country!), language: records.map((r) => r.language!), program };
    let compared = 0;
    for (const [id, subsets] of Object.entries(expected.alpha)) {
      const subscale = layout.subscales[subscaleIndex(id)]!;
      for (const [kind, groups] of Object.entries(subsets)) {
        for (const [group, wanted] of Object.entries(groups)) {
          const rows = kind === 'overall' ? undefined : by[kind as keyof typeof by].flatMap((g, r) => (g === group ? [r] : []));
          const result = cronbachAlpha(scores.items, { columns: subscale.columns, rows });
          const where = `${id} ${kind} ${group}`;
          expectAgrees(result.alpha, wanted.alpha, `${where} alpha`);
          expect(result.n, `${where} n`).toBe(wanted.n);
          wanted.items.forEach((item, i) => {
            expect(result.items[i]!.n, `${where} ${item.name} n`).toBe(item.n);
            expectAgrees(result.items[i]!.itemRest, item.itemRest, `${where} ${item.name} item–rest`);
          });
          compared++;
        }
      }
    }
    expect(compared).toBe(4 * (1 + 2 + 3 + 7));
    // psych leaves out an item without variance: sup_2 is the same for everyone in ca_b.
    expect(expected.alpha.support!.program.ca_b!.items[1]!.itemRest).toBeNull();
    expect(expected.alpha.support!.program.ca_b!.alpha).not.toBeNull();
  });

  it('computes rwg(j) per program as multilevel::rwg.j', () => {
    for (const [id, wanted] of Object.entries(expected.rwg)) {
      const subscale = layout.subscales[subscaleIndex(id)]!;
      const ours = rwgJ(scores.items, program, { columns: subscale.columns, nullVariance: subscale.nullVariance! });
      for (const group of wanted.groups) {
        const found = ours.find((g) => g.group === group.group);
        expect(found?.n, `${id} ${group.group} n`).toBe(group.n);
        expectAgrees(found?.rwg, group.rwg, `${id} ${group.group} rwg`);
      }
      // rwg.j leaves out a program with no complete respondent; we list it with none.
      for (const group of ours) if (!wanted.groups.some((g) => g.group === group.group)) expect(group).toMatchObject({ n: 0, rwg: null });
    }
    const culture = expected.rwg.culture!.groups;
    expect(culture.find((g) => g.group === 'no_single')!.rwg).toBeNull();
    expect(culture.find((g) => g.group === 'no_same')!.rwg).toBe(1);
  });

  it('computes ICC(1) and ICC(2) as multilevel on aov(score ~ program)', () => {
    for (const [id, wanted] of Object.entries(expected.icc)) {
      const result = icc(matrixColumn(scores.subscales, subscaleIndex(id)), program);
      expect(result.reason).toBeNull();
      expect([result.n, result.groups]).toEqual([wanted.n, wanted.groups]);
      for (const key of ['icc1', 'icc2', 'msBetween', 'msWithin'] as const) expectAgrees(result[key], wanted[key], `${id} ${key}`);
    }
  });
});
