// Reliability and agreement of survey scales (issue 9), computed as the reference tools do so that results can be
// checked against them: Cronbach's alpha with item–rest correlations as psych::alpha computes them, rwg(j) as
// multilevel::rwg.j, ICC(1) and ICC(2) as multilevel::ICC1/ICC2 on a one-way ANOVA. Reference values:
// tools/reference/survey.R. Everything works on a ScoreMatrix; a figure that cannot be computed is null
// with a reason code, never NaN and never a throw (a throw is kept for a caller's mistake: a bad column, mismatched
// lengths).
import type { ScoreMatrix } from './score-matrix.ts';

/** Which part of a matrix to use: some columns (a scale's items), some rows (a country, a language). Default: all. */
export interface MatrixSelection {
  readonly columns?: readonly number[];
  readonly rows?: ArrayLike<number>;
}

/** Why an alpha is missing. */
export const ALPHA_PROBLEMS = [
  /** Fewer than two items with any variance (psych::alpha leaves out items without variance). */
  'too_few_items',
  /** Two items were never answered by the same two respondents, so their covariance is unknown. */
  'too_few_pairs',
  /** The items' covariances sum to zero. */
  'no_total_variance',
] as const;
export type AlphaProblem = (typeof ALPHA_PROBLEMS)[number];

export interface AlphaItem {
  column: number;
  /** Respondents (of the selected rows) who answered this item. */
  n: number;
  /** Left out for having no variance (fewer than two answers, or all the same), as psych::alpha does. */
  dropped: boolean;
  /** Correlation of the item with the sum of the other items (psych's `r.drop`); null when dropped or undefined. */
  itemRest: number | null;
}

export interface AlphaResult {
  alpha: number | null;
  reason: AlphaProblem | null;
  /** Items used. */
  k: number;
  /** Respondents who answered at least one of the items used. */
  n: number;
  items: AlphaItem[];
}

/** Why an ICC is missing. */
export const ICC_PROBLEMS = [
  /** No row has both a score and a group. */
  'no_scores',
  /** All scores are in one group. */
  'one_group',
  /** Every group has a single score, so there is no within-group variance to compare with. */
  'no_within_df',
  /** Every score is the same. */
  'no_variance',
  /**
   * Scores differ between groups but not within them. multilevel::ICC1/ICC2 return 1 and 1 here; issue 9 asks for
   * no figure, since agreement that perfect says more about the data (e.g. one answer copied) than about programs.
   */
  'no_within_variance',
  /** The group means are all the same (ICC(2) would be infinite). */
  'no_between_variance',
] as const;
export type IccProblem = (typeof ICC_PROBLEMS)[number];

export interface IccResult {
  /** (MSB − MSW) / (MSB + (N/J − 1)·MSW); may be negative. */
  icc1: number | null;
  /** (MSB − MSW) / MSB. */
  icc2: number | null;
  reason: IccProblem | null;
  /** Scores used (N) and groups they fall in (J). */
  n: number;
  groups: number;
  msBetween: number | null;
  msWithin: number | null;
}

export interface RwgGroup<G> {
  group: G;
  /** Respondents of the group who answered every item of the scale. */
  n: number;
  /** null for fewer than two such respondents. */
  rwg: number | null;
}

// A variance this small beside the squared mean (a standard deviation a billionth of the mean) is rounding in the
// mean of identical values, not spread; a sum of squares this small beside another is rounding beside it.
const VARIANCE_ZERO = 1e-18;
const RATIO_ZERO = 1e-12;

const isZeroVariance = (variance: number, mean: number): boolean => variance <= VARIANCE_ZERO * Math.max(mean * mean, Number.MIN_VALUE);

/** The variance of answers spread evenly over A options 1 … A: (A² − 1) / 12, the uniform null of rwg. */
export function uniformNullVariance(options: number): number {
  if (!Number.isInteger(options) || options < 2) throw new RangeError('the uniform null needs at least two response options');
  return (options * options - 1) / 12;
}

/** Cronbach's alpha from pairwise-complete covariances, with item–rest correlations, as psych::alpha (use = "pairwise"). */
export function cronbachAlpha(matrix: ScoreMatrix, selection: MatrixSelection = {}): AlphaResult {
  const columns = selectedColumns(matrix, selection.columns);
  const values = columns.map((column) => gatherColumn(matrix, column, selection.rows));
  const size = values[0]?.length ?? selectedRowCount(matrix, selection.rows);
  const items: AlphaItem[] = [];
  const kept: Float64Array[] = [];
  const variances: number[] = [];
  columns.forEach((column, index) => {
    const [n, mean, variance] = meanAndVariance(values[index]!);
    const dropped = n < 2 || isZeroVariance(variance, mean);
    items.push({ column, n, dropped, itemRest: null });
    if (!dropped) {
      kept.push(values[index]!);
      variances.push(variance);
    }
  });
  const k = kept.length;
  const n = countAnswering(kept, size);
  if (k < 2) return { alpha: null, reason: 'too_few_items', k, n, items };

  const cov = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    cov[i * k + i] = variances[i]!;
    for (let j = i + 1; j < k; j++) {
      const c = pairwiseCovariance(kept[i]!, kept[j]!);
      if (Number.isNaN(c)) return { alpha: null, reason: 'too_few_pairs', k, n, items };
      cov[i * k + j] = c;
      cov[j * k + i] = c;
    }
  }
  let total = 0;
  let trace = 0;
  const rowSums = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    trace += cov[i * k + i]!;
    for (let j = 0; j < k; j++) rowSums[i] = rowSums[i]! + cov[i * k + j]!;
    total += rowSums[i]!;
  }
  if (Math.abs(total) <= RATIO_ZERO * trace) return { alpha: null, reason: 'no_total_variance', k, n, items };
  const alpha = (k / (k - 1)) * (1 - trace / total);

  // psych's r.drop: the item's covariance with the rest over the root of the product of their variances, all read
  // from the pairwise covariance matrix (not a correlation computed on respondents who answered everything).
  let index = 0;
  for (const item of items) {
    if (item.dropped) continue;
    const own = cov[index * k + index]!;
    const withRest = rowSums[index]! - own;
    let restVariance = 0;
    for (let i = 0; i < k; i++) if (i !== index) for (let j = 0; j < k; j++) if (j !== index) restVariance += cov[i * k + j]!;
    // A rest whose items cancel out has no variance, and the correlation is undefined (not a rounding residue).
    item.itemRest = restVariance > RATIO_ZERO * trace ? withRest / Math.sqrt(own * restVariance) : null;
    index++;
  }
  return { alpha, reason: null, k, n, items };
}

/**
 * rwg(j) per group under a null variance (uniform: `uniformNullVariance(A)`), as multilevel::rwg.j: respondents with
 * any missing item are left out, the mean item variance (n − 1) is capped at the null variance, null below two
 * respondents. Groups in order of first appearance; rows whose group is null or undefined are left out.
 */
export function rwgJ<G extends string | number>(
  matrix: ScoreMatrix,
  groups: ArrayLike<G | null | undefined>,
  options: { readonly columns?: readonly number[]; readonly nullVariance: number },
): RwgGroup<G>[] {
  if (groups.length !== matrix.rows) throw new RangeError(`${groups.length} groups for ${matrix.rows} rows`);
  if (!(options.nullVariance > 0) || !Number.isFinite(options.nullVariance)) throw new RangeError('the null variance must be a positive number');
  const columns = selectedColumns(matrix, options.columns);
  const { codes, keys } = groupCodes(groups);
  const j = columns.length;
  const rows = matrix.rows;
  const data = matrix.data;
  // Left out: rows without a group, and rows missing any item of the scale.
  for (let r = 0; r < rows; r++) {
    if (codes[r]! < 0) continue;
    for (const column of columns) {
      if (Number.isNaN(data[column * rows + r]!)) {
        codes[r] = -1;
        break;
      }
    }
  }
  const count = new Float64Array(keys.length);
  for (let r = 0; r < rows; r++) if (codes[r]! >= 0) count[codes[r]!]!++;
  const sums = new Float64Array(keys.length * j);
  const squares = new Float64Array(keys.length * j);
  columns.forEach((column, c) => {
    const offset = column * rows;
    for (let r = 0; r < rows; r++) {
      const g = codes[r]!;
      if (g >= 0) sums[g * j + c]! += data[offset + r]!;
    }
    for (let g = 0; g < keys.length; g++) sums[g * j + c] = sums[g * j + c]! / count[g]!;
    for (let r = 0; r < rows; r++) {
      const g = codes[r]!;
      if (g < 0) continue;
      const d = data[offset + r]! - sums[g * j + c]!;
      squares[g * j + c]! += d * d;
    }
  });
  return keys.map((group, g) => {
    const n = count[g]!;
    if (n < 2) return { group, n, rwg: null };
    let meanVariance = 0;
    for (let c = 0; c < j; c++) meanVariance += squares[g * j + c]! / (n - 1);
    const ratio = Math.min(meanVariance / j, options.nullVariance) / options.nullVariance;
    return { group, n, rwg: (j * (1 - ratio)) / (j * (1 - ratio) + ratio) };
  });
}

/**
 * ICC(1) and ICC(2) of a score across groups from a one-way ANOVA, as multilevel::ICC1/ICC2 on
 * aov(score ~ as.factor(group)); rows with a missing score or group are left out.
 */
export function icc<G extends string | number>(scores: ArrayLike<number | null | undefined>, groups: ArrayLike<G | null | undefined>): IccResult {
  if (groups.length !== scores.length) throw new RangeError(`${groups.length} groups for ${scores.length} scores`);
  const { codes, keys } = groupCodes(groups);
  const rows = scores.length;
  const count = new Float64Array(keys.length);
  const means = new Float64Array(keys.length);
  let n = 0;
  let grand = 0;
  for (let r = 0; r < rows; r++) {
    const x = scores[r];
    if (x === null || x === undefined || Number.isNaN(x)) codes[r] = -1;
    const g = codes[r]!;
    if (g < 0) continue;
    count[g]!++;
    means[g]! += x!;
    grand += x!;
    n++;
  }
  let groupsUsed = 0;
  for (let g = 0; g < keys.length; g++) {
    if (count[g]! > 0) {
      groupsUsed++;
      means[g] = means[g]! / count[g]!;
    }
  }
  const missing = (reason: IccProblem): IccResult => ({ icc1: null, icc2: null, reason, n, groups: groupsUsed, msBetween: null, msWithin: null });
  if (n === 0) return missing('no_scores');
  if (groupsUsed < 2) return missing('one_group');
  if (n === groupsUsed) return missing('no_within_df');
  grand /= n;
  let within = 0;
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const g = codes[r]!;
    if (g < 0) continue;
    const x = scores[r]!;
    within += (x - means[g]!) ** 2;
    total += (x - grand) ** 2;
  }
  let between = 0;
  for (let g = 0; g < keys.length; g++) if (count[g]! > 0) between += count[g]! * (means[g]! - grand) ** 2;
  if (isZeroVariance(total / (n - 1), grand)) return missing('no_variance');
  if (within <= RATIO_ZERO * total) return missing('no_within_variance');
  if (between <= RATIO_ZERO * total) return missing('no_between_variance');
  const msBetween = between / (groupsUsed - 1);
  const msWithin = within / (n - groupsUsed);
  const meanGroupSize = n / groupsUsed;
  return {
    icc1: (msBetween - msWithin) / (msBetween + (meanGroupSize - 1) * msWithin),
    icc2: (msBetween - msWithin) / msBetween,
    reason: null,
    n,
    groups: groupsUsed,
    msBetween,
    msWithin,
  };
}

function selectedColumns(matrix: ScoreMatrix, columns: readonly number[] | undefined): readonly number[] {
  if (!columns) return Array.from({ length: matrix.cols }, (_, c) => c);
  for (const column of columns) {
    if (!Number.isInteger(column) || column < 0 || column >= matrix.cols) throw new RangeError(`there is no column ${column}`);
  }
  return columns;
}

function selectedRowCount(matrix: ScoreMatrix, rows: ArrayLike<number> | undefined): number {
  return rows ? rows.length : matrix.rows;
}

/** A column's values for the selected rows: a view when all rows are selected, else a copy. */
function gatherColumn(matrix: ScoreMatrix, column: number, rows: ArrayLike<number> | undefined): Float64Array {
  const offset = column * matrix.rows;
  if (!rows) return matrix.data.subarray(offset, offset + matrix.rows);
  const values = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (!Number.isInteger(r) || r < 0 || r >= matrix.rows) throw new RangeError(`there is no row ${r}`);
    values[i] = matrix.data[offset + r]!;
  }
  return values;
}

/** [answered, mean, variance (n − 1)] of one column's answered values, in two passes. */
function meanAndVariance(values: Float64Array): [number, number, number] {
  // Indexed loops: for…of over a typed array's view was several times slower here (Node 20).
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (Number.isNaN(x)) continue;
    n++;
    sum += x;
  }
  if (n === 0) return [0, Number.NaN, Number.NaN];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (!Number.isNaN(x)) squares += (x - mean) * (x - mean);
  }
  return [n, mean, n > 1 ? squares / (n - 1) : Number.NaN];
}

/** The covariance (n − 1) over the rows where both are answered, as R's cov(use = "pairwise"); NaN below two. */
function pairwiseCovariance(a: Float64Array, b: Float64Array): number {
  let n = 0;
  let sumA = 0;
  let sumB = 0;
  for (let r = 0; r < a.length; r++) {
    const x = a[r]!;
    const y = b[r]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    n++;
    sumA += x;
    sumB += y;
  }
  if (n < 2) return Number.NaN;
  const meanA = sumA / n;
  const meanB = sumB / n;
  let products = 0;
  for (let r = 0; r < a.length; r++) {
    const x = a[r]!;
    const y = b[r]!;
    if (!Number.isNaN(x) && !Number.isNaN(y)) products += (x - meanA) * (y - meanB);
  }
  return products / (n - 1);
}

function countAnswering(columns: readonly Float64Array[], size: number): number {
  let n = 0;
  for (let r = 0; r < size; r++) {
    for (const column of columns) {
      if (!Number.isNaN(column[r]!)) {
        n++;
        break;
      }
    }
  }
  return n;
}

/** Each row's group as a small integer (−1 for no group), and the groups in order of first appearance. */
function groupCodes<G extends string | number>(groups: ArrayLike<G | null | undefined>): { codes: Int32Array; keys: G[] } {
  const codes = new Int32Array(groups.length);
  const keys: G[] = [];
  // Groups already numbered (0, 1, 2 …, as callers that work with many scales pass them): a table, not a Map.
  if (groups instanceof Int32Array && groups.every((g) => g >= 0 && g <= groups.length)) {
    const table = new Int32Array(groups.length + 1).fill(-1);
    for (let r = 0; r < groups.length; r++) {
      const group = groups[r]!;
      if (table[group]! < 0) table[group] = keys.push(group) - 1;
      codes[r] = table[group]!;
    }
    return { codes, keys };
  }
  const index = new Map<G, number>();
  for (let r = 0; r < groups.length; r++) {
    const group = groups[r];
    if (group === null || group === undefined) {
      codes[r] = -1;
      continue;
    }
    let code = index.get(group);
    if (code === undefined) {
      code = keys.length;
      index.set(group, code);
      keys.push(group);
    }
    codes[r] = code;
  }
  return { codes, keys };
}
