import jStat from 'jstat';
import { choleskyInverse, multiply, multiplyVector, quadraticForm } from './linear.ts';

// A linear mixed model with a random intercept per program, y = Xβ + b_program + e, b ~ N(0, σ²_program),
// e ~ N(0, σ²), fitted by REML (or ML) exactly from per-program summaries (n, Σx, Σy, X'X, X'y, y'y): the same
// numbers as lme4::lmer(y ~ X + (1 | program)) and, for the degrees of freedom, lmerTest's Satterthwaite method.
//
// With γ = σ²_program/σ² (lme4's θ = √γ) and w = γ/(1 + nγ) for a program of n rows, σ²V⁻¹ of a program is I − w·11'.
// Summed over programs: A(γ) = X'X − Σ w·sx·sx', b(γ) = X'y − Σ w·sx·sy, c(γ) = y'y − Σ w·sy², where sx = Σx and
// sy = Σy of the program. Then β̂ = A⁻¹b, the weighted residual sum of squares is r = c − b'β̂, and the criteria
// profiled over σ² (Bates et al. 2015, "Fitting linear mixed-effects models using lme4", J Stat Softw 67(1), §3.4) are
//   REML: (N − p)·(1 + log(2π·r/(N − p))) + Σ log(1 + nγ) + log|A|,   σ̂² = r/(N − p)
//   ML:   N·(1 + log(2π·r/N)) + Σ log(1 + nγ),                          σ̂² = r/N.
// Their derivatives in γ are analytic (r' = −Σ w'·e², e = sy − sx'β̂, w' = 1/(1 + nγ)²; d log|A| = −Σ w'·sx'A⁻¹sx),
// so the optimum is the root of the derivative, found to machine precision — a function-value optimizer (lme4's
// bobyqa) stops about 1e-7 short. γ = 0 (a singular fit) is the optimum when the derivative is not negative there.
//
// Satterthwaite (lmerTest; Kuznetsova, Brockhoff & Christensen 2017, J Stat Softw 82(13)): for a contrast L,
// df = 2·(L'ΣL)² / (g'·Ω·g) with Σ = σ²A⁻¹ the covariance of β̂, g its gradient in the variance parameters (θ, σ) and
// Ω = 2·H⁻¹ their asymptotic covariance, H the Hessian of the REML deviance in (θ, σ). lmerTest differentiates
// numerically; here g and H are analytic. At θ = 0 the θ terms vanish and df = N − p.

/** What a program contributes: its row count and sums (no respondent rows), enough for the fit. */
export interface ProgramSummary {
  program: string;
  n: number;
  /** Σx over the program's rows, one entry per term (the intercept's is n). */
  sumX: number[];
  sumY: number;
  /** X'X over the program's rows (p × p). */
  xtx: number[][];
  xty: number[];
  yty: number;
}

export interface DesignRow {
  program: string;
  x: number[];
  y: number;
}

/** Per-program summaries of design rows (programs in code-point order of their ids). */
export function programSummaries(rows: readonly DesignRow[]): ProgramSummary[] {
  const byProgram = new Map<string, ProgramSummary>();
  for (const { program, x, y } of rows) {
    const p = x.length;
    let summary = byProgram.get(program);
    if (!summary) {
      summary = { program, n: 0, sumX: new Array<number>(p).fill(0), sumY: 0, xtx: Array.from({ length: p }, () => new Array<number>(p).fill(0)), xty: new Array<number>(p).fill(0), yty: 0 };
      byProgram.set(program, summary);
    }
    summary.n++;
    summary.sumY += y;
    summary.yty += y * y;
    for (let i = 0; i < p; i++) {
      summary.sumX[i]! += x[i]!;
      summary.xty[i]! += x[i]! * y;
      const row = summary.xtx[i]!;
      for (let k = 0; k < p; k++) row[k]! += x[i]! * x[k]!;
    }
  }
  return [...byProgram.values()].sort((a, b) => (a.program < b.program ? -1 : a.program > b.program ? 1 : 0));
}

/** Why a model cannot be fitted, named for the person who chose its inputs. */
export class ModelError extends Error {
  constructor(
    readonly code: 'no_rows' | 'no_variance' | 'too_few_rows' | 'too_few_programs' | 'collinear' | 'did_not_converge' | 'incompatible_summaries' | 'program_level_outcome' | 'not_requested' | 'too_many_factors',
    message: string,
    readonly terms: string[] = [],
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

export interface FixedEffect {
  term: string;
  estimate: number;
  se: number;
  /** Satterthwaite degrees of freedom (REML fits; NaN for ML fits). */
  df: number;
  t: number;
  /** Two-sided, from the t distribution with `df`. */
  p: number;
  /** Wald 95 % interval: estimate ∓ qnorm(0.975)·SE. */
  waldLow: number;
  waldHigh: number;
  /** t-based 95 % interval: estimate ∓ qt(0.975, df)·SE. */
  tLow: number;
  tHigh: number;
}

export interface MixedFit {
  reml: boolean;
  terms: string[];
  fixed: FixedEffect[];
  /** σ²_program and σ² (residual). */
  programVariance: number;
  residualVariance: number;
  /** lme4's θ = σ_program/σ. */
  theta: number;
  /** σ²_program / (σ²_program + σ²). */
  icc: number;
  /** The REML log-likelihood for a REML fit, the log-likelihood for an ML fit (lme4's logLik). */
  logLik: number;
  /** −2·logLik (lme4's REML criterion for a REML fit, deviance for an ML fit). */
  deviance: number;
  /** −2·logLik + 2k and + log(N)·k, with k = p + 2 parameters (as lme4's AIC and BIC). */
  aic: number;
  bic: number;
  n: number;
  programs: number;
  /** The program variance is at its boundary, 0. */
  singular: boolean;
  /** Nakagawa & Schielzeth R²: σ²_f = var(Xβ̂) (n − 1); marginal σ²_f/total, conditional (σ²_f + σ²_program)/total. */
  r2: { marginal: number; conditional: number };
  /** Conditional modes of the program intercepts (lme4's ranef). */
  blups: { program: string; n: number; blup: number }[];
  /** Covariance of the fixed effects (σ²A⁻¹). */
  vcov: number[][];
  /** A linear combination of the fixed effects with its SE and Satterthwaite df (REML fits). */
  contrast: (weights: readonly number[]) => { estimate: number; se: number; df: number; t: number; p: number };
}

const LOG_2PI = Math.log(2 * Math.PI);
const Z975 = jStat.normal.inv(0.975, 0, 1);

/** Two-sided p of a t statistic. */
export const twoSidedP = (t: number, df: number): number => 2 * (1 - jStat.studentt.cdf(Math.abs(t), df));

interface Evaluation {
  gamma: number;
  /** A⁻¹ (p × p). */
  inverse: number[][];
  beta: number[];
  /** Weighted residual sum of squares r. */
  rss: number;
  logDetA: number;
  /** Per program: e = sy − sx'β̂. */
  residualSums: number[];
}

/** Fits the random-intercept model from per-program summaries; `terms` name the columns of x. */
export function fitRandomIntercept(summaries: readonly ProgramSummary[], terms: readonly string[], options: { reml?: boolean } = {}): MixedFit {
  const reml = options.reml ?? true;
  const p = terms.length;
  const programs = summaries.length;
  const n = summaries.reduce((sum, s) => sum + s.n, 0);
  if (programs < 2) throw new ModelError('too_few_programs', `A program-level variance needs at least 2 programs; there ${programs === 1 ? 'is 1' : 'are none'}.`);
  if (n <= p + 1) throw new ModelError('too_few_rows', `${n} respondents are too few for ${p} terms and two variances.`);

  const xtx = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, k) => summaries.reduce((sum, s) => sum + s.xtx[i]![k]!, 0)));
  const xty = Array.from({ length: p }, (_, i) => summaries.reduce((sum, s) => sum + s.xty[i]!, 0));
  const yty = summaries.reduce((sum, s) => sum + s.yty, 0);
  const residualDf = reml ? n - p : n;
  // An outcome with one value per program (a program variable) leaves no variance within programs to split from theirs.
  const within = summaries.reduce((sum, s) => sum + (s.yty - s.sumY ** 2 / s.n), 0);
  if (!(within > 1e-9 * yty))
    throw new ModelError(
      'program_level_outcome',
      'The outcome has one value per program: nothing varies between the respondents of a program for a mixed model to explain. The program level (programs as units) answers this question.',
    );

  /** A(γ), b(γ) and c(γ) (A's upper triangle; choleskyInverse mirrors it). */
  const weighted = (gamma: number) => {
    const matrix = xtx.map((row) => row.slice());
    const vector = xty.slice();
    let scalar = yty;
    for (const s of summaries) {
      const w = gamma / (1 + s.n * gamma);
      if (w === 0) continue;
      for (let i = 0; i < p; i++) {
        const wi = w * s.sumX[i]!;
        vector[i]! -= wi * s.sumY;
        const row = matrix[i]!;
        for (let k = i; k < p; k++) row[k]! -= wi * s.sumX[k]!;
      }
      scalar -= w * s.sumY * s.sumY;
    }
    return { matrix, vector, scalar };
  };

  function evaluate(gamma: number): Evaluation {
    const { matrix, vector, scalar } = weighted(gamma);
    const solved = choleskyInverse(matrix);
    if ('degenerateAt' in solved) {
      const term = terms[solved.degenerateAt]!;
      throw new ModelError('collinear', `${term} is (nearly) a linear combination of the terms before it, or has no variance: the model cannot tell their effects apart.`, [term]);
    }
    const { inverse, logDet: logDetA } = solved;
    const beta = multiplyVector(inverse, vector);
    const rss = scalar - vector.reduce((sum, b, i) => sum + b * beta[i]!, 0);
    const residualSums = summaries.map((s) => s.sumY - s.sumX.reduce((sum, x, i) => sum + x * beta[i]!, 0));
    return { gamma, inverse, beta, rss, logDetA, residualSums };
  }

  const logDetV = (gamma: number) => summaries.reduce((sum, s) => sum + Math.log1p(s.n * gamma), 0);
  /** The profiled criterion without its constants. */
  const criterion = (e: Evaluation) => residualDf * Math.log(e.rss) + logDetV(e.gamma) + (reml ? e.logDetA : 0);
  /** d criterion / dγ. */
  function slope(e: Evaluation): number {
    let rssSlope = 0;
    let traceSlope = 0;
    let detSlope = 0;
    summaries.forEach((s, j) => {
      const w1 = 1 / (1 + s.n * e.gamma) ** 2;
      rssSlope -= w1 * e.residualSums[j]! ** 2;
      detSlope += s.n / (1 + s.n * e.gamma);
      if (reml) traceSlope -= w1 * quadraticForm(e.inverse, s.sumX);
    });
    return (residualDf * rssSlope) / e.rss + detSlope + traceSlope;
  }

  const best = optimum(evaluate, criterion, slope);
  const e = best.evaluation;
  const gamma = e.gamma;
  const sigma2 = e.rss / residualDf;
  const tau2 = gamma * sigma2;
  const deviance = residualDf * (1 + LOG_2PI + Math.log(sigma2)) + logDetV(gamma) + (reml ? e.logDetA : 0);
  const k = p + 2;
  const vcov = e.inverse.map((row) => row.map((a) => sigma2 * a));

  // Satterthwaite: the Hessian of the REML deviance in (θ, σ) and the θ-derivative of A⁻¹, analytic.
  const theta = Math.sqrt(gamma);
  const sigma = Math.sqrt(sigma2);
  const w1 = summaries.map((s) => 1 / (1 + s.n * gamma) ** 2);
  const w2 = summaries.map((s) => (-2 * s.n) / (1 + s.n * gamma) ** 3);
  const m = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, c) => summaries.reduce((sum, s, j) => sum + w1[j]! * s.sumX[i]! * s.sumX[c]!, 0)));
  const inverseSlope = multiply(multiply(e.inverse, m), e.inverse); // dA⁻¹/dγ = A⁻¹·M·A⁻¹
  let satterthwaite: ((weights: readonly number[]) => number) | undefined;
  if (reml) {
    const rssSlope = -summaries.reduce((sum, _s, j) => sum + w1[j]! * e.residualSums[j]! ** 2, 0);
    // dβ̂/dγ = −A⁻¹·Σ w'·sx·e
    const pull = Array.from({ length: p }, (_, i) => summaries.reduce((sum, s, j) => sum + w1[j]! * s.sumX[i]! * e.residualSums[j]!, 0));
    const betaSlope = multiplyVector(e.inverse, pull).map((v) => -v);
    let rssCurve = 0;
    let h = rssSlope / sigma2;
    let hSlope = 0;
    summaries.forEach((s, j) => {
      const q = quadraticForm(e.inverse, s.sumX);
      const qSlope = quadraticForm(inverseSlope, s.sumX);
      const moved = s.sumX.reduce((sum, x, i) => sum + x * betaSlope[i]!, 0);
      rssCurve += -w2[j]! * e.residualSums[j]! ** 2 + 2 * w1[j]! * e.residualSums[j]! * moved;
      h += s.n / (1 + s.n * gamma) - w1[j]! * q;
      hSlope += -((s.n / (1 + s.n * gamma)) ** 2) - w2[j]! * q - w1[j]! * qSlope;
    });
    hSlope += rssCurve / sigma2;
    const hessian = [
      [2 * h + 4 * gamma * hSlope, (-4 * theta * rssSlope) / sigma ** 3],
      [(-4 * theta * rssSlope) / sigma ** 3, (6 * e.rss) / sigma2 ** 2 - (2 * residualDf) / sigma2],
    ];
    const omega = scaledInverse2(hessian, 2, gamma === 0);
    satterthwaite = (weights) => {
      const variance = sigma2 * quadraticForm(e.inverse, weights);
      const g = [2 * theta * sigma2 * quadraticForm(inverseSlope, weights), 2 * sigma * quadraticForm(e.inverse, weights)];
      const denominator = g[0]! * (omega[0]![0]! * g[0]! + omega[0]![1]! * g[1]!) + g[1]! * (omega[1]![0]! * g[0]! + omega[1]![1]! * g[1]!);
      return (2 * variance * variance) / denominator;
    };
  }

  const contrast = (weights: readonly number[]) => {
    const estimate = weights.reduce((sum, w, i) => sum + w * e.beta[i]!, 0);
    const se = Math.sqrt(sigma2 * quadraticForm(e.inverse, weights));
    const df = satterthwaite ? satterthwaite(weights) : Number.NaN;
    const t = estimate / se;
    return { estimate, se, df, t, p: twoSidedP(t, df) };
  };
  const fixed = terms.map((term, i): FixedEffect => {
    const c = contrast(terms.map((_, k) => (k === i ? 1 : 0)));
    const half = Number.isFinite(c.df) ? jStat.studentt.inv(0.975, c.df) * c.se : Number.NaN;
    return { term, ...c, waldLow: c.estimate - Z975 * c.se, waldHigh: c.estimate + Z975 * c.se, tLow: c.estimate - half, tHigh: c.estimate + half };
  });

  // σ²_f: the variance (n − 1) of the fitted fixed part over all rows, from the summaries.
  const fittedSum = summaries.reduce((sum, s) => sum + s.sumX.reduce((inner, x, i) => inner + x * e.beta[i]!, 0), 0);
  const fittedSquares = quadraticForm(xtx, e.beta);
  const varianceFixed = (fittedSquares - (fittedSum * fittedSum) / n) / (n - 1);
  const total = varianceFixed + tau2 + sigma2;

  return {
    reml,
    terms: [...terms],
    fixed,
    programVariance: tau2,
    residualVariance: sigma2,
    theta,
    icc: tau2 / (tau2 + sigma2),
    logLik: -deviance / 2,
    deviance,
    aic: deviance + 2 * k,
    bic: deviance + Math.log(n) * k,
    n,
    programs,
    singular: gamma === 0,
    r2: { marginal: varianceFixed / total, conditional: (varianceFixed + tau2) / total },
    blups: summaries.map((s, j) => ({ program: s.program, n: s.n, blup: (gamma / (1 + s.n * gamma)) * e.residualSums[j]! })),
    vcov,
    contrast,
  };
}

/**
 * The γ ≥ 0 minimising the criterion: a coarse scan in θ = √γ (0 and 10⁻³…10² on a log scale) finds the basin, then
 * the root of the analytic slope is bracketed and closed in on by regula falsi (Illinois) with bisection as a guard.
 */
function optimum(evaluate: (gamma: number) => Evaluation, criterion: (e: Evaluation) => number, slope: (e: Evaluation) => number) {
  const thetas = [0, ...Array.from({ length: 41 }, (_, i) => 10 ** (-3 + (5 * i) / 40))];
  const scanned = thetas.map((theta) => {
    const evaluation = evaluate(theta * theta);
    return { evaluation, value: criterion(evaluation) };
  });
  let at = 0;
  scanned.forEach((s, i) => {
    if (s.value < scanned[at]!.value) at = i;
  });
  const atZero = scanned[0]!.evaluation;
  if (at === 0 && slope(atZero) >= 0) return { evaluation: atZero };
  let low = thetas[Math.max(0, at - 1)]! ** 2;
  let high = thetas[Math.min(thetas.length - 1, at + 1)]! ** 2;
  let highSlope = slope(evaluate(high));
  for (let grow = 0; highSlope < 0 && grow < 60; grow++) {
    low = high;
    high *= 4;
    highSlope = slope(evaluate(high));
  }
  if (highSlope < 0) throw new ModelError('did_not_converge', 'The program variance grows without bound: the programs differ far more than their respondents do.');
  let lowSlope = slope(evaluate(low));
  if (lowSlope >= 0) return { evaluation: evaluate(low) };
  let side = 0;
  for (let iteration = 0; iteration < 200; iteration++) {
    const width = high - low;
    let next = high - (highSlope * width) / (highSlope - lowSlope);
    if (!(next > low && next < high)) next = low + width / 2;
    if (width <= 1e-15 * Math.max(1e-8, high)) break;
    const nextSlope = slope(evaluate(next));
    if (nextSlope === 0) return { evaluation: evaluate(next) };
    if (nextSlope < 0) {
      low = next;
      lowSlope = nextSlope;
      if (side === -1) highSlope /= 2;
      side = -1;
    } else {
      high = next;
      highSlope = nextSlope;
      if (side === 1) lowSlope /= 2;
      side = 1;
    }
  }
  const gamma = Math.abs(lowSlope) < Math.abs(highSlope) ? low : high;
  return { evaluation: evaluate(gamma) };
}

/** factor·H⁻¹ for a 2 × 2 H; at the boundary θ = 0 only σ's part is used (θ's gradient is 0 there). */
function scaledInverse2(h: number[][], factor: number, boundary: boolean): number[][] {
  const [[a, b], [c, d]] = h as [[number, number], [number, number]];
  if (boundary || !(a > 0)) return [[0, 0], [0, factor / d]];
  const det = a * d - b * c;
  return [
    [(factor * d) / det, (-factor * b) / det],
    [(-factor * c) / det, (factor * a) / det],
  ];
}
