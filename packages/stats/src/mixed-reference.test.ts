import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDesign, type AnalysisRow } from './analysis-design.ts';
import { fitRandomIntercept, programSummaries } from './mixed-model.ts';
import { bootstrapDominance, dominance, olsHC3, programMeans } from './program-level.ts';
import { compareCountries } from './country-comparison.ts';
import { analyze } from './analysis.ts';
import { levelDominance } from './level-dominance.ts';

// Our random-intercept model against lme4 + lmerTest, and the program-level OLS (HC3) and dominance analysis against
// lm, sandwich and a dominance analysis written out in R, on the fixtures of tools/reference (regenerate:
// Rscript tools/reference/mixed.R): every reported number to 1e-6 relative (a number near 0 relative to
// max(|R's|, its SE)); Satterthwaite df and t-based intervals to 1e-3.

const here = (name: string) => new URL(`../../../tools/reference/${name}`, import.meta.url);
type Numbers = number[];
interface WrittenDominance {
  r2: number;
  general: Numbers;
  conditional: Numbers[];
}
interface Expected {
  fixtures: {
    fixture: string;
    n: number;
    programs: number;
    lost: Record<string, number>;
    terms: string[];
    reml: {
      estimate: Numbers; se: Numbers; df: Numbers; t: Numbers; p: Numbers;
      waldLow: Numbers; waldHigh: Numbers; tLow: Numbers; tHigh: Numbers;
      theta: number; programVariance: number; residualVariance: number; icc: number;
      logLik: number; deviance: number; aic: number; bic: number; singular: boolean;
      r2: { marginal: number; conditional: number };
      blups: Record<string, number>;
      contrast: { weights: number[]; estimate: number; se: number; df: number; t: number; p: number };
    };
    ml: { estimate: Numbers; se: Numbers; theta: number; logLik: number; deviance: number; aic: number; bic: number };
    programLevel: {
      programs: string[];
      y: Numbers;
      ols: { estimate: Numbers; se: Numbers; t: Numbers; p: Numbers; seHC3: Numbers; tHC3: Numbers; pHC3: Numbers; df: number; r2: number };
      dominance: { r2: number; general: Numbers; conditional: Numbers[] };
      bootstrap: { resamples: Numbers[]; low: Numbers; high: Numbers; rankStability: Numbers };
    };
    countries: {
      terms: string[];
      estimate: Numbers;
      se: Numbers;
      df: Numbers;
      slopes: { factor: string; estimate: number; se: number; df: number; t: number; p: number }[];
      lrt: { statistic: number; df: number; p: number };
      perCountry: { country: string; n: number; terms: string[]; estimate: Numbers; se: Numbers; df: Numbers; theta: number }[];
    };
    centered: { terms: string[]; estimate: Numbers; se: Numbers; df: Numbers; contextual: { factor: string; estimate: number; se: number; df: number }[] };
    levelDominance: { clusterSize: number; within: WrittenDominance; between: WrittenDominance };
  }[];
}
const expected = JSON.parse(readFileSync(here('mixed-expected.json'), 'utf8')) as Expected;

function readFixture(name: string): AnalysisRow[] {
  const [header, ...lines] = readFileSync(here(name), 'utf8').trim().split('\n');
  const columns = header!.split(',');
  return lines.map((line) => {
    const cells = Object.fromEntries(line.split(',').map((cell, i) => [columns[i]!, cell]));
    const number = (cell: string | undefined) => (cell === undefined || cell === '' ? null : Number(cell));
    return { program: cells.program!, country: cells.country!, group: cells.group!, values: { f1: number(cells.f1), f2: number(cells.f2), f3: number(cells.f3), outcome: number(cells.outcome) } };
  });
}

/** |ours − R's| ≤ tolerance · max(|R's|, scale): relative, and near 0 relative to `scale` (an SE). */
function agrees(actual: number, wanted: number, where: string, tolerance = 1e-6, scale = 0) {
  expect(Number.isFinite(actual), `${where}: ${actual}`).toBe(true);
  expect(Math.abs(actual - wanted), `${where}: ${actual} vs R ${wanted}`).toBeLessThanOrEqual(tolerance * Math.max(Math.abs(wanted), scale, 1e-12));
}

describe.each(expected.fixtures)('the random-intercept model agrees with lme4 and lmerTest on $fixture', (reference) => {
  const design = buildDesign(readFixture(reference.fixture), { outcome: 'outcome', factors: ['f1', 'f2', 'f3'] });
  const summaries = programSummaries(design.rows);
  const reml = fitRandomIntercept(summaries, design.terms);
  const ml = fitRandomIntercept(summaries, design.terms, { reml: false });

  it('takes the same analysis sample and terms', () => {
    expect(design.rows).toHaveLength(reference.n);
    expect(summaries).toHaveLength(reference.programs);
    expect(design.terms).toEqual(reference.terms);
    expect(design.lost).toEqual(reference.lost);
  });

  it('gives the REML fixed effects, SEs, t, p and intervals; Satterthwaite df to 1e-3', () => {
    const r = reference.reml;
    reml.fixed.forEach((f, i) => {
      const se = r.se[i]!;
      agrees(f.estimate, r.estimate[i]!, `${f.term} estimate`, 1e-6, se);
      agrees(f.se, se, `${f.term} se`);
      agrees(f.t, r.t[i]!, `${f.term} t`, 1e-6, 1);
      agrees(f.df, r.df[i]!, `${f.term} df`, 1e-3);
      agrees(f.p, r.p[i]!, `${f.term} p`, 1e-3);
      agrees(f.waldLow, r.waldLow[i]!, `${f.term} Wald low`, 1e-6, se);
      agrees(f.waldHigh, r.waldHigh[i]!, `${f.term} Wald high`, 1e-6, se);
      agrees(f.tLow, r.tLow[i]!, `${f.term} t low`, 1e-3, se);
      agrees(f.tHigh, r.tHigh[i]!, `${f.term} t high`, 1e-3, se);
    });
  });

  it('gives the variance components, ICC, REML criterion, AIC, BIC, R² and the singular flag', () => {
    const r = reference.reml;
    agrees(reml.theta, r.theta, 'theta', 1e-6, 1e-3);
    agrees(reml.programVariance, r.programVariance, 'program variance', 1e-6, r.residualVariance * 1e-3);
    agrees(reml.residualVariance, r.residualVariance, 'residual variance');
    agrees(reml.icc, r.icc, 'ICC', 1e-6, 1e-3);
    agrees(reml.logLik, r.logLik, 'REML logLik');
    agrees(reml.deviance, r.deviance, 'REML criterion');
    agrees(reml.aic, r.aic, 'AIC');
    agrees(reml.bic, r.bic, 'BIC');
    agrees(reml.r2.marginal, r.r2.marginal, 'marginal R²');
    agrees(reml.r2.conditional, r.r2.conditional, 'conditional R²');
    expect(reml.singular).toBe(r.singular);
    if (r.singular) for (const f of reml.fixed) expect(f.df).toBeCloseTo(reference.n - reference.terms.length, 9);
  });

  it('gives the program BLUPs and a contrast with its Satterthwaite df', () => {
    const r = reference.reml;
    for (const { program, blup } of reml.blups) agrees(blup, r.blups[program]!, `BLUP ${program}`, 1e-6, Math.sqrt(r.programVariance) + 1e-3);
    const c = reml.contrast(r.contrast.weights);
    agrees(c.estimate, r.contrast.estimate, 'contrast estimate', 1e-6, r.contrast.se);
    agrees(c.se, r.contrast.se, 'contrast se');
    agrees(c.df, r.contrast.df, 'contrast df', 1e-3);
  });

  it('gives the ML refit: fixed effects, logLik, deviance, AIC, BIC', () => {
    const r = reference.ml;
    ml.fixed.forEach((f, i) => {
      agrees(f.estimate, r.estimate[i]!, `${f.term} ML estimate`, 1e-6, r.se[i]);
      agrees(f.se, r.se[i]!, `${f.term} ML se`);
    });
    agrees(ml.theta, r.theta, 'ML theta', 1e-6, 1e-3);
    agrees(ml.logLik, r.logLik, 'ML logLik');
    agrees(ml.deviance, r.deviance, 'ML deviance');
    agrees(ml.aic, r.aic, 'ML AIC');
    agrees(ml.bic, r.bic, 'ML BIC');
  });

  it('gives the program-level OLS with HC3, the dominance weights and the bootstrap intervals', () => {
    const r = reference.programLevel;
    const means = programMeans(design.rows, ['f1', 'f2', 'f3']);
    expect(means.programs).toEqual(r.programs);
    means.y.forEach((y, j) => agrees(y, r.y[j]!, `mean outcome of ${means.programs[j]}`));
    const ols = olsHC3(means.x, means.y, means.factors);
    expect(ols.df).toBe(r.ols.df);
    agrees(ols.r2, r.ols.r2, 'program-level R²');
    ols.terms.forEach((term, i) => {
      agrees(term.estimate, r.ols.estimate[i]!, `${term.term} OLS estimate`, 1e-6, r.ols.se[i]);
      agrees(term.se, r.ols.se[i]!, `${term.term} OLS se`);
      agrees(term.seHC3, r.ols.seHC3[i]!, `${term.term} HC3 se`);
      agrees(term.t, r.ols.t[i]!, `${term.term} OLS t`, 1e-6, 1);
      agrees(term.tHC3, r.ols.tHC3[i]!, `${term.term} HC3 t`, 1e-6, 1);
      agrees(term.p, r.ols.p[i]!, `${term.term} OLS p`, 1e-6, 1e-6);
      agrees(term.pHC3, r.ols.pHC3[i]!, `${term.term} HC3 p`, 1e-6, 1e-6);
    });
    const weights = dominance(means.x, means.y, means.factors);
    agrees(weights.r2, r.dominance.r2, 'dominance R²');
    weights.general.forEach((g, i) => agrees(g, r.dominance.general[i]!, `general dominance of ${means.factors[i]}`, 1e-6, r.dominance.r2));
    weights.conditional.forEach((row, i) => row.forEach((c, k) => agrees(c, r.dominance.conditional[i]![k]!, `conditional dominance of ${means.factors[i]} at ${k}`, 1e-6, r.dominance.r2)));
    agrees(weights.general.reduce((sum, g) => sum + g, 0), weights.r2, 'general dominance sums to R²', 1e-12);
    const boot = bootstrapDominance(means, r.bootstrap.resamples);
    boot.intervals.forEach(({ low, high }, i) => {
      agrees(low, r.bootstrap.low[i]!, `bootstrap low of ${means.factors[i]}`, 1e-6, r.dominance.r2);
      agrees(high, r.bootstrap.high[i]!, `bootstrap high of ${means.factors[i]}`, 1e-6, r.dominance.r2);
    });
    expect(boot.rankStability).toEqual(r.bootstrap.rankStability);
  });

  it('compares the countries: interaction terms, each factor’s Norwegian slope, the likelihood-ratio test, per-country models', () => {
    const r = reference.countries;
    const rows = readFixture(reference.fixture);
    const comparison = compareCountries(rows, { outcome: 'outcome', factors: ['f1', 'f2', 'f3'] });
    expect(comparison.interaction.terms).toEqual(r.terms);
    comparison.interaction.fixed.forEach((f, i) => {
      agrees(f.estimate, r.estimate[i]!, `${f.term} estimate`, 1e-6, r.se[i]);
      agrees(f.se, r.se[i]!, `${f.term} se`);
      agrees(f.df, r.df[i]!, `${f.term} df`, 1e-3);
    });
    expect(comparison.slopes.map((s) => [s.factor, s.country])).toEqual(r.slopes.map((s) => [s.factor, 'NO']));
    comparison.slopes.forEach((slope, i) => {
      const wanted = r.slopes[i]!;
      agrees(slope.estimate, wanted.estimate, `NO slope of ${slope.factor}`, 1e-6, wanted.se);
      agrees(slope.se, wanted.se, `NO slope se of ${slope.factor}`);
      agrees(slope.df, wanted.df, `NO slope df of ${slope.factor}`, 1e-3);
    });
    expect(comparison.likelihoodRatio.df).toBe(r.lrt.df);
    agrees(comparison.likelihoodRatio.statistic, r.lrt.statistic, 'LRT statistic', 1e-6, 1e-3);
    agrees(comparison.likelihoodRatio.p, r.lrt.p, 'LRT p', 1e-4, 1e-4);
    expect(comparison.perCountry.map((c) => c.country)).toEqual(r.perCountry.map((c) => c.country));
    comparison.perCountry.forEach(({ fit }, c) => {
      const wanted = r.perCountry[c]!;
      expect(fit.terms).toEqual(wanted.terms);
      expect(fit.n).toBe(wanted.n);
      fit.fixed.forEach((f, i) => {
        agrees(f.estimate, wanted.estimate[i]!, `${wanted.country} ${f.term} estimate`, 1e-6, wanted.se[i]);
        agrees(f.se, wanted.se[i]!, `${wanted.country} ${f.term} se`);
        agrees(f.df, wanted.df[i]!, `${wanted.country} ${f.term} df`, 1e-3);
      });
    });
  });

  it('gives the dominance on the mixed model: level-specific R² (Luo & Azen) within and between programs', () => {
    const r = reference.levelDominance;
    const ours = levelDominance(summaries, design.terms, ['f1', 'f2', 'f3']);
    agrees(ours.clusterSize, r.clusterSize, 'cluster size', 1e-12);
    for (const level of ['within', 'between'] as const) {
      const [got, wanted] = [ours[level], r[level]];
      // The weights and R² are differences of variance ratios: near 0, relative to the full R² (or 1e-3 of 1).
      const scale = Math.max(Math.abs(wanted.r2), 1e-3);
      agrees(got.r2, wanted.r2, `${level} R²`, 1e-6, scale);
      got.general.forEach((g, i) => agrees(g, wanted.general[i]!, `${level} general dominance of f${i + 1}`, 1e-6, scale));
      got.conditional.forEach((row, i) => row.forEach((c, k) => agrees(c, wanted.conditional[i]![k]!, `${level} conditional dominance of f${i + 1} at ${k}`, 1e-6, scale)));
      agrees(got.general.reduce((sum, g) => sum + g, 0), got.r2, `${level} weights sum to R²`, 1e-12, 1);
    }
  });

  it('splits each factor into within- and between-program parts: the centred model and the contextual effects', () => {
    const r = reference.centered;
    const result = analyze(readFixture(reference.fixture), { outcome: 'outcome', factors: ['f1', 'f2', 'f3'] }, { centering: true, resamples: 0 });
    if (!result.centered || 'unavailable' in result.centered) throw new Error('the centred model is missing');
    const { fit, effects } = result.centered;
    expect(fit.terms).toEqual(r.terms);
    fit.fixed.forEach((f, i) => {
      agrees(f.estimate, r.estimate[i]!, `${f.term} estimate`, 1e-6, r.se[i]);
      agrees(f.se, r.se[i]!, `${f.term} se`);
      agrees(f.df, r.df[i]!, `${f.term} df`, 1e-3);
    });
    effects.forEach((effect, i) => {
      const wanted = r.contextual[i]!;
      expect(effect.factor).toBe(wanted.factor);
      agrees(effect.contextual.estimate, wanted.estimate, `contextual ${effect.factor}`, 1e-6, wanted.se);
      agrees(effect.contextual.se, wanted.se, `contextual se ${effect.factor}`);
      agrees(effect.contextual.df, wanted.df, `contextual df ${effect.factor}`, 1e-3);
    });
  });
});
