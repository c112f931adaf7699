import { choleskyInverse, crossProducts, multiplyVector, quadraticForm } from './linear.ts';
import { ModelError, twoSidedP, type DesignRow, type ProgramSummary } from './mixed-model.ts';
import { quantileOfSorted } from './describe.ts';

// The program level: each program's means over the analysis sample, an OLS of the outcome mean on the factor means
// (z-scored over programs) with classical and HC3 standard errors (MacKinnon & White 1985; as sandwich::vcovHC
// type "HC3"), and the relative importance of the factors by dominance analysis on its R² (Budescu 1993; Azen &
// Budescu 2003): over all 2^p subsets of factors, a factor's conditional dominance at size k is the mean R² gained by
// adding it to the subsets of size k that lack it, and its general dominance the mean of those over k = 0…p − 1; the
// general dominances sum to the full model's R².

export interface ProgramMeans {
  programs: string[];
  n: number[];
  factors: string[];
  /** Factor means z-scored over programs (sd with n − 1), one row per program. */
  x: number[][];
  /** Outcome means. */
  y: number[];
}

/** Program means of a design's factor columns (1…factors.length) and outcome; the factor means z-scored over programs. */
export function programMeans(rows: readonly DesignRow[], factors: readonly string[]): ProgramMeans {
  const f = factors.length;
  const sums = new Map<string, { n: number; x: number[]; y: number }>();
  for (const row of rows) {
    let sum = sums.get(row.program);
    if (!sum) sums.set(row.program, (sum = { n: 0, x: new Array<number>(f).fill(0), y: 0 }));
    sum.n++;
    sum.y += row.y;
    for (let i = 0; i < f; i++) sum.x[i]! += row.x[i + 1]!;
  }
  const programs = [...sums.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return meansOfSums(
    programs.map((program) => ({ program, ...sums.get(program)! })),
    factors,
  );
}

/** The same from per-program summaries of a design (columns 1…factors.length are the factors). */
export function programMeansOfSummaries(summaries: readonly ProgramSummary[], factors: readonly string[]): ProgramMeans {
  return meansOfSums(
    summaries.map((s) => ({ program: s.program, n: s.n, x: s.sumX.slice(1, factors.length + 1), y: s.sumY })),
    factors,
  );
}

function meansOfSums(sums: readonly { program: string; n: number; x: readonly number[]; y: number }[], factors: readonly string[]): ProgramMeans {
  const means = sums.map((sum) => ({ n: sum.n, x: sum.x.map((v) => v / sum.n), y: sum.y / sum.n }));
  const columns = factors.map((factor, i) => {
    const values = means.map((m) => m.x[i]!);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
    if (!(sd > 0)) throw new ModelError('no_variance', `${factor} has the same mean in every program: it cannot explain differences between programs.`, [factor]);
    return values.map((v) => (v - mean) / sd);
  });
  return { programs: sums.map((s) => s.program), n: means.map((m) => m.n), factors: [...factors], x: means.map((_, j) => columns.map((c) => c[j]!)), y: means.map((m) => m.y) };
}

export interface OlsTerm {
  term: string;
  estimate: number;
  se: number;
  t: number;
  p: number;
  seHC3: number;
  tHC3: number;
  pHC3: number;
}

export interface OlsFit {
  terms: OlsTerm[];
  /** Residual degrees of freedom, n − p. */
  df: number;
  r2: number;
  sigma: number;
}

/** OLS of y on an intercept and the columns of x, with classical and HC3 standard errors; t and p on n − p df. */
export function olsHC3(x: readonly (readonly number[])[], y: readonly number[], names: readonly string[]): OlsFit {
  const design = x.map((row) => [1, ...row]);
  const p = names.length + 1;
  const n = y.length;
  if (n <= p) throw new ModelError('too_few_programs', `${n} programs are too few for ${names.length} factors: at least ${p + 1} are needed.`);
  const { xtx, xty } = crossProducts(design, y);
  const solved = choleskyInverse(xtx);
  if ('degenerateAt' in solved) {
    const term = names[solved.degenerateAt - 1] ?? names[0]!;
    throw new ModelError('collinear', `${term} is (nearly) a linear combination of the other factors at the program level.`, [term]);
  }
  const inverse = solved.inverse;
  const beta = multiplyVector(inverse, xty);
  const residuals = design.map((row, r) => y[r]! - row.reduce((sum, v, i) => sum + v * beta[i]!, 0));
  const rss = residuals.reduce((sum, e) => sum + e * e, 0);
  const df = n - p;
  const sigma2 = rss / df;
  const mean = y.reduce((sum, v) => sum + v, 0) / n;
  const tss = y.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  // HC3: (X'X)⁻¹ X' diag(e²/(1 − h)²) X (X'X)⁻¹, h the leverages.
  const meat = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  design.forEach((row, r) => {
    const h = quadraticForm(inverse, row);
    const weight = (residuals[r]! / (1 - h)) ** 2;
    for (let i = 0; i < p; i++) for (let k = 0; k < p; k++) meat[i]![k]! += weight * row[i]! * row[k]!;
  });
  const terms = ['(Intercept)', ...names].map((term, i): OlsTerm => {
    const se = Math.sqrt(sigma2 * inverse[i]![i]!);
    const column = inverse[i]!;
    const seHC3 = Math.sqrt(quadraticForm(meat, column));
    const t = beta[i]! / se;
    const tHC3 = beta[i]! / seHC3;
    return { term, estimate: beta[i]!, se, t, p: twoSidedP(t, df), seHC3, tHC3, pHC3: twoSidedP(tHC3, df) };
  });
  return { terms, df, r2: 1 - rss / tss, sigma: Math.sqrt(sigma2) };
}

export interface Dominance {
  factors: string[];
  r2: number;
  /** Per factor: the mean over subset sizes of its mean R² increment; they sum to `r2`. */
  general: number[];
  /** Per factor, per subset size k = 0…p − 1: its mean R² increment over the subsets of size k that lack it. */
  conditional: number[][];
}

/** R² of every subset of the columns of x (bit i of the index = column i), from their correlations. */
export function subsetR2(x: readonly (readonly number[])[], y: readonly number[]): Float64Array {
  const p = x[0]?.length ?? 0;
  const n = y.length;
  const columns = [...Array.from({ length: p }, (_, i) => x.map((row) => row[i]!)), [...y]];
  const centred = columns.map((c) => {
    const mean = c.reduce((s, v) => s + v, 0) / n;
    const d = c.map((v) => v - mean);
    const norm = Math.sqrt(d.reduce((s, v) => s + v * v, 0));
    return d.map((v) => v / norm);
  });
  const r = centred.map((a) => centred.map((b) => a.reduce((s, v, i) => s + v * b[i]!, 0)));
  const out = new Float64Array(1 << p);
  const lower = new Float64Array(p * p);
  const solution = new Float64Array(p);
  for (let subset = 1; subset < 1 << p; subset++) {
    const members: number[] = [];
    for (let i = 0; i < p; i++) if (subset & (1 << i)) members.push(i);
    const m = members.length;
    // Cholesky of R_SS (row-major in `lower`), then R² = ‖L⁻¹ r_Sy‖².
    let r2 = 0;
    let degenerate = false;
    for (let a = 0; a < m && !degenerate; a++) {
      for (let b = 0; b <= a; b++) {
        let sum = r[members[a]!]![members[b]!]!;
        for (let c = 0; c < b; c++) sum -= lower[a * p + c]! * lower[b * p + c]!;
        if (a === b) {
          if (!(sum > 1e-12)) degenerate = true;
          lower[a * p + a] = Math.sqrt(sum);
        } else lower[a * p + b] = sum / lower[b * p + b]!;
      }
      let sum = r[members[a]!]![p]!;
      for (let c = 0; c < a; c++) sum -= lower[a * p + c]! * solution[c]!;
      solution[a] = sum / lower[a * p + a]!;
      r2 += solution[a]! ** 2;
    }
    if (degenerate) throw new ModelError('collinear', 'Some factors are perfect linear combinations of others at the program level: their importance cannot be told apart.');
    out[subset] = r2;
  }
  return out;
}

export function dominance(x: readonly (readonly number[])[], y: readonly number[], factors: readonly string[]): Dominance {
  return dominanceOfSubsets(subsetR2(x, y), factors);
}

/** General and conditional dominance from the R² of every subset of the factors (bit i of the index = factor i). */
export function dominanceOfSubsets(r2: ArrayLike<number>, factors: readonly string[]): Dominance {
  const p = factors.length;
  const binomial = (k: number) => {
    let c = 1;
    for (let i = 0; i < k; i++) c = (c * (p - 1 - i)) / (i + 1);
    return c;
  };
  const conditional = factors.map(() => new Array<number>(p).fill(0));
  for (let subset = 0; subset < 1 << p; subset++) {
    let size = 0;
    for (let i = 0; i < p; i++) if (subset & (1 << i)) size++;
    for (let i = 0; i < p; i++) if (!(subset & (1 << i))) conditional[i]![size]! += r2[subset | (1 << i)]! - r2[subset]!;
  }
  for (const row of conditional) for (let k = 0; k < p; k++) row[k]! /= binomial(k);
  return { factors: [...factors], r2: r2[(1 << p) - 1]!, general: conditional.map((row) => row.reduce((s, v) => s + v, 0) / p), conditional };
}

/** Ranks by general dominance (1 = most important), ties in factor order. */
export const ranks = (general: readonly number[]): number[] => {
  const order = general.map((_, i) => i).sort((a, b) => general[b]! - general[a]! || a - b);
  const rank = new Array<number>(general.length);
  order.forEach((factor, position) => (rank[factor] = position + 1));
  return rank;
};

export interface DominanceBootstrap {
  /** Percentile 95 % intervals (quantile type 7) of each factor's general dominance. */
  intervals: { low: number; high: number }[];
  /** Share of resamples in which each factor holds its full-sample rank. */
  rankStability: number[];
  resamples: number;
}

/** Dominance over resamples of programs (each resample a list of program indices, drawn with replacement). */
export function bootstrapDominance(means: ProgramMeans, resamples: readonly (readonly number[])[]): DominanceBootstrap {
  const full = ranks(dominance(means.x, means.y, means.factors).general);
  // A resample that draws too few distinct programs (collinear factors, or an outcome without variance among them)
  // has no dominance: it is left out, and `resamples` counts those used.
  const draws = resamples.flatMap((indices) => {
    try {
      const { general } = dominance(
        indices.map((j) => means.x[j]!),
        indices.map((j) => means.y[j]!),
        means.factors,
      );
      return general.every(Number.isFinite) ? [general] : [];
    } catch (error) {
      if (error instanceof ModelError) return [];
      throw error;
    }
  });
  return {
    intervals: means.factors.map((_, i) => {
      const values = draws.map((d) => d[i]!).sort((a, b) => a - b);
      return { low: quantileOfSorted(values, 0.025), high: quantileOfSorted(values, 0.975) };
    }),
    rankStability: means.factors.map((_, i) => draws.filter((d) => ranks(d)[i] === full[i]).length / draws.length),
    resamples: draws.length,
  };
}

/** Uniform numbers in [0, 1) from a seeded generator (sfc32): the same sequence for the same seed. */
export function seededUniform(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** B resamples of n programs with replacement, the same for the same seed. */
export function programResamples(n: number, count: number, seed: number): number[][] {
  const next = seededUniform(seed);
  return Array.from({ length: count }, () => Array.from({ length: n }, () => Math.floor(next() * n)));
}
