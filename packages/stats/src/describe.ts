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
  const picked: number[] = [];
  const count = rows ? rows.length : values.length;
  for (let i = 0; i < count; i++) {
    const x = values[rows ? rows[i]! : i]!;
    if (!Number.isNaN(x)) picked.push(x);
  }
  const n = picked.length;
  if (n === 0) return { n, mean: null, sd: null, quartiles: null };
  let sum = 0;
  for (const x of picked) sum += x;
  const mean = sum / n;
  let squares = 0;
  for (const x of picked) squares += (x - mean) * (x - mean);
  picked.sort((a, b) => a - b);
  const at = (p: number) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    return picked[lo]! + (h - lo) * ((picked[Math.min(lo + 1, n - 1)] ?? picked[lo]!) - picked[lo]!);
  };
  return { n, mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : null, quartiles: [picked[0]!, at(0.25), at(0.5), at(0.75), picked[n - 1]!] };
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
  const bins = edges.length - 1;
  const counts = new Array<number>(bins).fill(0);
  const first = edges[0]!;
  const last = edges[bins]!;
  const width = (last - first) / bins;
  const fuzz = 1e-7 * width;
  const count = rows ? rows.length : values.length;
  for (let i = 0; i < count; i++) {
    const x = values[rows ? rows[i]! : i]!;
    if (Number.isNaN(x) || x < first - fuzz || x > last + fuzz) continue;
    const bin = Math.floor((x - first + fuzz) / width);
    counts[bin < 0 ? 0 : bin >= bins ? bins - 1 : bin]!++;
  }
  return counts;
}
