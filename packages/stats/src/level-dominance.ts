import { fitRandomIntercept, ModelError, type ProgramSummary } from './mixed-model.ts';
import { dominanceOfSubsets, type Dominance } from './program-level.ts';

// Dominance analysis on the mixed model (Luo & Azen 2013, J Educ Behav Stat 38(1)): each factor's share of the
// level-specific R² of Snijders & Bosker (1994). Every subset S of the factors is fitted by REML with the other terms
// (intercept, country, group) always in; with σ²_S and τ²_S its residual and program variances, and 0 the model
// without any factor,
//   R²₁(S) = 1 − (σ²_S + τ²_S) / (σ²_0 + τ²_0)              (the respondents' outcome: within programs)
//   R²₂(S) = 1 − (σ²_S / B + τ²_S) / (σ²_0 / B + τ²_0)      (the programs' mean outcome: between programs)
// with B the mean number of respondents per program. General and conditional dominance are then taken over the 2^p
// subsets as on the program level. A subset's R² can be below 0 (adding a factor can raise a variance estimate), so
// a weight can be too: that is the method's, and R's, answer. Each fit reuses the per-program summaries.

export interface LevelDominance {
  /** B: the mean number of respondents per program. */
  clusterSize: number;
  within: Dominance;
  between: Dominance;
}

/** 2^p fits: at most 10 factors (1,024 fits; about 27 ms each for 1,000 programs on this project's 2-core machine). */
export const LEVEL_DOMINANCE_MAX_FACTORS = 10;

/** `terms` name the summaries' columns; the columns not named by `factors` (intercept, country, group) are always in. */
export function levelDominance(summaries: readonly ProgramSummary[], terms: readonly string[], factors: readonly string[]): LevelDominance {
  if (factors.length > LEVEL_DOMINANCE_MAX_FACTORS)
    throw new ModelError('too_many_factors', `The dominance on the mixed model fits a model for every subset of the factors: at most ${LEVEL_DOMINANCE_MAX_FACTORS} factors (${1 << LEVEL_DOMINANCE_MAX_FACTORS} fits), not ${factors.length}.`);
  const factorColumns = factors.map((f) => terms.indexOf(f));
  const always = terms.map((_, i) => i).filter((i) => !factorColumns.includes(i));
  const p = factors.length;
  const variances = Array.from({ length: 1 << p }, (_, subset) => {
    const columns = [...always.slice(0, 1), ...factorColumns.filter((_, i) => subset & (1 << i)), ...always.slice(1)];
    const fit = fitRandomIntercept(summaries.map((s) => select(s, columns)), columns.map((c) => terms[c]!));
    return { sigma2: fit.residualVariance, tau2: fit.programVariance };
  });
  const n = summaries.reduce((sum, s) => sum + s.n, 0);
  const b = n / summaries.length;
  const base = variances[0]!;
  const within = variances.map((v) => 1 - (v.sigma2 + v.tau2) / (base.sigma2 + base.tau2));
  const between = variances.map((v) => 1 - (v.sigma2 / b + v.tau2) / (base.sigma2 / b + base.tau2));
  return { clusterSize: b, within: dominanceOfSubsets(within, factors), between: dominanceOfSubsets(between, factors) };
}

/** A program's summaries over some of its columns. */
function select(s: ProgramSummary, columns: readonly number[]): ProgramSummary {
  return {
    program: s.program,
    n: s.n,
    sumX: columns.map((c) => s.sumX[c]!),
    sumY: s.sumY,
    xtx: columns.map((c) => columns.map((k) => s.xtx[c]![k]!)),
    xty: columns.map((c) => s.xty[c]!),
    yty: s.yty,
  };
}
