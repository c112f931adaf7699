// Descriptive figures of a set of scores, as R computes them: mean, sd with n − 1 (`sd`), quartiles by R's default
// type 7 (`quantile`), and counts per bin (`hist(…, right = FALSE)` with the last bin closed). NaN is missing.
// Checked against R in describe.test.ts.

export interface Description {
  n: number;
  mean: number | null;
  /** Standard deviation with n − 1; null below two scores. */
  sd: number | null;
  /** min, q1, median, q3, max; null without scores. */
  quartiles: [number, number, number, number, number] | null;
}

/** n, mean, sd and quartiles of the scores that are not NaN (of the given rows only, when `rows` is given). */
export function describe(values: ArrayLike<number>, rows?: ArrayLike<number>): Description {
  const count = rows ? rows.length : values.length;
  const picked = new Float64Array(count);
  let n = 0;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const x = values[rows ? rows[i]! : i]!;
    if (Number.isNaN(x)) continue;
    picked[n++] = x;
    sum += x;
  }
  if (n === 0) return { n, mean: null, sd: null, quartiles: null };
  const mean = sum / n;
  let squares = 0;
  let min = picked[0]!;
  let max = min;
  for (let i = 0; i < n; i++) {
    const x = picked[i]!;
    squares += (x - mean) * (x - mean);
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { n, mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : null, quartiles: [min, ...typeSevenQuartiles(picked.subarray(0, n)), max] };
}

/** R's quantile type 7 of values already sorted ascending: x[lo] + h·(x[lo+1] − x[lo]) at position (n − 1)·p. */
export function quantileOfSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo]! + (h - lo) * (sorted[lo + 1]! - sorted[lo]!) : sorted[lo]!;
}

/**
 * R's type-7 quartiles (x[lo] + h·(x[lo+1] − x[lo]) at position (n − 1)·p of the sorted scores) without sorting: the
 * few ranks needed are selected in place, each in the part the previous selections left it in. Summaries of 100,000
 * responses by six breakdowns × 11 scales spent most of their time sorting.
 */
function typeSevenQuartiles(x: Float64Array): [number, number, number] {
  const last = x.length - 1;
  const position = (p: number) => {
    const h = last * p;
    return { rank: Math.floor(h), fraction: h - Math.floor(h) };
  };
  const [q1, q2, q3] = [position(0.25), position(0.5), position(0.75)];
  // Selecting a rank leaves the smaller ranks before it and the larger after it, so the next rank is the smallest
  // value of the part after it.
  const nextAbove = (rank: number, end: number) => {
    let next = x[rank + 1]!;
    for (let i = rank + 2; i <= end; i++) if (x[i]! < next) next = x[i]!;
    return next;
  };
  const at = (q: { rank: number; fraction: number }, end: number) => {
    const value = x[q.rank]!;
    return q.fraction === 0 ? value : value + q.fraction * (nextAbove(q.rank, end) - value);
  };
  select(x, 0, last, q2.rank);
  const median = at(q2, last);
  // The ranks below the median now lie before it, those above after it: each side is searched on its own.
  if (q1.rank < q2.rank) select(x, 0, q2.rank - 1, q1.rank);
  const lower = at(q1, q2.rank);
  if (q3.rank > q2.rank) select(x, q2.rank + 1, last, q3.rank);
  return [lower, median, at(q3, last)];
}

/**
 * Moves values about within x[lo..hi] until x[k] holds the value of rank k there, smaller ones before it and larger
 * ones after (Hoare's selection, median-of-three pivots). Should the pivots keep splitting badly, it sorts instead.
 */
function select(x: Float64Array, lo: number, hi: number, k: number) {
  let budget = 6 * (hi - lo + 1) + 64;
  while (hi > lo) {
    budget -= hi - lo + 1;
    if (budget < 0) {
      x.subarray(lo, hi + 1).sort();
      return;
    }
    const a = x[lo]!;
    const b = x[(lo + hi) >>> 1]!;
    const c = x[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (x[i]! < pivot) i++;
      while (x[j]! > pivot) j--;
      if (i <= j) {
        const swap = x[i]!;
        x[i++] = x[j]!;
        x[j--] = swap;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Equal-width bins from `min` to `max`: their edges (bins + 1 of them). */
export function binEdges(min: number, max: number, bins: number): number[] {
  if (!(max > min) || !Number.isInteger(bins) || bins < 1) throw new RangeError('bins need max > min and a whole count');
  return Array.from({ length: bins + 1 }, (_, i) => min + ((max - min) * i) / bins);
}

/**
 * Scores per bin of equal-width `edges`: [edge i, edge i+1), the last bin closed, as R's `hist(…, right = FALSE,
 * include.lowest = TRUE)`, with its allowance for rounding: every edge but the last moves down by 1e-7 of a bin's
 * width, the last one up by as much. Scores beyond that are not counted.
 */
export function histogram(values: ArrayLike<number>, edges: readonly number[], rows?: ArrayLike<number>): number[] {
  const binOf = binRule(edges);
  const counts = new Array<number>(edges.length - 1).fill(0);
  const count = rows ? rows.length : values.length;
  for (let i = 0; i < count; i++) {
    const bin = binOf(values[rows ? rows[i]! : i]!);
    if (bin >= 0) counts[bin]!++;
  }
  return counts;
}

/** The bin of a score under histogram()'s rule; −1 for NaN and scores beyond the ends. */
function binRule(edges: readonly number[]): (x: number) => number {
  const bins = edges.length - 1;
  const first = edges[0]!;
  const last = edges[bins]!;
  const width = (last - first) / bins;
  const fuzz = 1e-7 * width;
  return (x) => {
    if (Number.isNaN(x) || x < first - fuzz || x > last + fuzz) return -1;
    const bin = Math.floor((x - first + fuzz) / width);
    return bin < 0 ? 0 : bin >= bins ? bins - 1 : bin;
  };
}

/** A description with the counts per bin of `edges` (null without edges). */
export interface Summary extends Description {
  histogram: number[] | null;
}

// Above this many distinct scores, describeSets() describes each set on its own.
const MAX_DISTINCT = 2048;

/**
 * describe() and histogram() of many sets of rows of the same scores (the cells of a breakdown): the same figures as
 * one call per set. When the scores take few distinct values — means of a few Likert items do — each set only counts
 * how often it has each one, and finds its quartiles and bins in those counts instead of reordering its scores.
 */
export function describeSets(values: ArrayLike<number>, sets: readonly (ArrayLike<number> | undefined)[], edges?: readonly number[]): Summary[] {
  const ranked = rankScores(values);
  if (!ranked) return sets.map((rows) => ({ ...describe(values, rows), histogram: edges ? histogram(values, edges, rows) : null }));
  const { distinct, rank } = ranked;
  const d = distinct.length;
  const binOfRank = edges ? Array.from(distinct, binRule(edges)) : null;
  const counts = new Int32Array(d);
  return sets.map((rows) => {
    counts.fill(0);
    const count = rows ? rows.length : values.length;
    let n = 0;
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const v = rank[rows ? rows[i]! : i]!;
      if (v < 0) continue;
      n++;
      sum += distinct[v]!;
      counts[v]!++;
    }
    const histogramOf = () => {
      if (!binOfRank || !edges) return null;
      const bins = new Array<number>(edges.length - 1).fill(0);
      for (let v = 0; v < d; v++) if (counts[v]! > 0 && binOfRank[v]! >= 0) bins[binOfRank[v]!]! += counts[v]!;
      return bins;
    };
    if (n === 0) return { n, mean: null, sd: null, quartiles: null, histogram: histogramOf() };
    // The same sums, in the same order, as describe(): the same mean and sd to the last bit.
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < count; i++) {
      const v = rank[rows ? rows[i]! : i]!;
      if (v >= 0) squares += (distinct[v]! - mean) * (distinct[v]! - mean);
    }
    const last = n - 1;
    const positions = [0.25, 0.5, 0.75].map((p) => last * p);
    const at = scoresAtRanks(counts, distinct, [0, ...positions.flatMap((h) => [Math.floor(h), Math.min(Math.floor(h) + 1, last)]), last]);
    const quartile = (q: number) => {
      const h = positions[q]!;
      const value = at[1 + 2 * q]!;
      return h === Math.floor(h) ? value : value + (h - Math.floor(h)) * (at[2 + 2 * q]! - value);
    };
    return { n, mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : null, quartiles: [at[0]!, quartile(0), quartile(1), quartile(2), at[7]!], histogram: histogramOf() };
  });
}

/** The scores at some ranks (0-based) of a set's sorted scores, from how many times it has each distinct score. */
function scoresAtRanks(counts: Int32Array, distinct: Float64Array, ranks: number[]): number[] {
  const order = ranks.map((_, i) => i).sort((a, b) => ranks[a]! - ranks[b]!);
  const found = new Array<number>(ranks.length);
  let below = 0;
  let next = 0;
  for (let v = 0; v < distinct.length && next < order.length; v++) {
    below += counts[v]!;
    while (next < order.length && ranks[order[next]!]! < below) found[order[next++]!] = distinct[v]!;
  }
  return found;
}

/**
 * The distinct scores, sorted, and each score's place among them (−1 for NaN); null when there are more than
 * MAX_DISTINCT of them.
 */
function rankScores(values: ArrayLike<number>): { distinct: Float64Array; rank: Int32Array } | null {
  const places = new Map<number, number>();
  for (let r = 0; r < values.length; r++) {
    const x = values[r]!;
    if (Number.isNaN(x) || places.has(x)) continue;
    if (places.size === MAX_DISTINCT) return null;
    places.set(x, 0);
  }
  const distinct = Float64Array.from(places.keys()).sort();
  distinct.forEach((x, place) => places.set(x, place));
  const rank = new Int32Array(values.length);
  for (let r = 0; r < values.length; r++) {
    const x = values[r]!;
    rank[r] = Number.isNaN(x) ? -1 : places.get(x)!;
  }
  return { distinct, rank };
}
