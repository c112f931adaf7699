import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDesign, type AnalysisRow } from './analysis-design.ts';
import { fitRandomIntercept, ModelError, programSummaries, type MixedFit } from './mixed-model.ts';
import { combineSummaries, rawSummaries, standardizeSummaries } from './summaries.ts';

// Canada's and Norway's respondents summarised in two installations, the summaries combined: the same fit as the
// pooled respondent rows, to 1e-9.

const [header, ...lines] = readFileSync(new URL('../../../tools/reference/mixed-unbalanced.csv', import.meta.url), 'utf8').trim().split('\n');
const columns = header!.split(',');
const rows: AnalysisRow[] = lines.map((line) => {
  const cells = Object.fromEntries(line.split(',').map((cell, i) => [columns[i]!, cell]));
  const number = (cell: string | undefined) => (cell ? Number(cell) : null);
  return { program: cells.program!, country: cells.country!, group: cells.group!, values: { f1: number(cells.f1), f2: number(cells.f2), f3: number(cells.f3), outcome: number(cells.outcome) } };
});
const spec = { outcome: 'outcome', factors: ['f1', 'f2', 'f3'] };
const levels = { countries: ['NO'], groups: ['clinician', 'manager'] };

function expectSameFit(actual: MixedFit, wanted: MixedFit) {
  const close = (a: number, b: number, where: string) => {
    // ML fits report no Satterthwaite df (NaN) on either side.
    if (Number.isNaN(b)) expect(a, where).toBeNaN();
    else expect(Math.abs(a - b), `${where}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
  };
  expect(actual.terms).toEqual(wanted.terms);
  expect(actual.n).toBe(wanted.n);
  actual.fixed.forEach((f, i) => {
    const w = wanted.fixed[i]!;
    for (const key of ['estimate', 'se', 'df', 't', 'p'] as const) close(f[key], w[key], `${f.term} ${key}`);
  });
  for (const key of ['programVariance', 'residualVariance', 'logLik', 'aic', 'bic', 'icc'] as const) close(actual[key], wanted[key], key);
  close(actual.r2.marginal, wanted.r2.marginal, 'marginal R²');
  actual.blups.forEach((b, j) => close(b.blup, wanted.blups[j]!.blup, `BLUP ${b.program}`));
}

describe('fitting from summaries of several installations', () => {
  const pooled = buildDesign(rows, spec);

  it('gives the pooled fit (REML and ML) from Canada’s and Norway’s summaries, to 1e-9', () => {
    const installations = ['CA', 'NO'].map((country) => rawSummaries(rows.filter((r) => r.country === country), spec, levels));
    expect(installations.every((s) => s.programs.length > 0)).toBe(true);
    const { terms, summaries, standardization } = standardizeSummaries(combineSummaries(installations));
    expect(terms).toEqual(pooled.terms);
    standardization.forEach((s, i) => {
      expect(s.mean).toBeCloseTo(pooled.standardization[i]!.mean, 12);
      expect(s.sd).toBeCloseTo(pooled.standardization[i]!.sd, 12);
    });
    for (const reml of [true, false]) expectSameFit(fitRandomIntercept(summaries, terms, { reml }), fitRandomIntercept(programSummaries(pooled.rows), pooled.terms, { reml }));
  });

  it('refuses summaries that do not fit together', () => {
    const canada = rawSummaries(rows.filter((r) => r.country === 'CA'), spec, levels);
    const other = rawSummaries(rows.filter((r) => r.country === 'NO'), { ...spec, factors: ['f1', 'f2'] }, levels);
    expect(() => combineSummaries([canada, other])).toThrow(ModelError);
    expect(() => combineSummaries([canada, canada])).toThrow(/is in two sets of summaries/);
  });
});
