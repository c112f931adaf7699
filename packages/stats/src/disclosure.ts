// Disclosure control: the one home of the k rule and its companions (ARCHITECTURE.md, "Disclosure control").
// Every aggregate the product shows about people passes through these functions; each says why it holds.

/** No k is ever below this, whatever an organization sets: a median or quartiles over two people reveal both. */
export const K_FLOOR = 3;

/**
 * The kinds of aggregate output, each with its default k (DOMAIN.md): a team's or a program's view of its own work
 * uses the organization's k (default 5); outputs that leave the organization (cross-program comparisons, research
 * exports) use at least 11.
 */
export type OutputKind = 'internal' | 'cross_program' | 'research';
export const DEFAULT_K: Readonly<Record<OutputKind, number>> = { internal: 5, cross_program: 11, research: 11 };

/** The k an output uses: the organization's own k (or the default) for internal views, never below the kind's default elsewhere, never below the floor. */
export function effectiveK(kind: OutputKind, organizationK: number = DEFAULT_K.internal): number {
  const k = kind === 'internal' ? organizationK : Math.max(organizationK, DEFAULT_K[kind]);
  return Math.max(K_FLOOR, k);
}

/** Why a figure is withheld, as a code the web translates (never a sentence). */
export const SUPPRESSION_REASONS = [
  /** It would be about 1 … k−1 people. */
  'small_group',
  /** Another group's figure differs from this one by 1 … k−1 people, so one could be subtracted from the other. */
  'overlapping_group',
  /** The period is not over: a running figure would move as one person acts. */
  'period_not_over',
] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** A group of people may be described when it is empty (that discloses nobody) or has at least k members. */
export const isSafeGroup = (people: number, k: number): boolean => people === 0 || people >= k;

export interface Cell {
  value: number | null;
  suppressed: boolean;
}

/** A figure about `people` persons: hidden when 1 ≤ people < k. */
export function cell(value: number | null, people: number, k: number): Cell {
  return isSafeGroup(people, k) ? { value, suppressed: false } : { value: null, suppressed: true };
}

/**
 * A figure for a period of whole months, about `people` persons over the period and `monthPeople[i]` in each of
 * its months. It is shown only when the period and every one of its months are safe groups. Why this stops
 * differencing: every period a reader can ask for is a run of whole months (see `monthPeriod`), and each shown
 * period is made only of months that are themselves shown. Any sum or difference of shown periods is then a sum or
 * difference of shown months, each about 0 or at least k people — a small month can never be isolated by
 * subtracting two periods, nor a small part of a month (there are no smaller periods).
 */
export function periodCell(value: number | null, people: number, monthPeople: readonly number[], k: number): Cell {
  return isSafeGroup(people, k) && monthPeople.every((p) => isSafeGroup(p, k))
    ? { value, suppressed: false }
    : { value: null, suppressed: true };
}

/**
 * Counts of one group split into bands, with small cells withheld (null): every count under k — zero included, as
 * "nobody in this band" says something about everyone else — and when exactly one is withheld, the next smallest
 * too, so that a withheld count cannot be worked out from the group's total.
 */
export function suppressSmallCells(counts: readonly number[], k: number): (number | null)[] {
  const hidden = counts.map((c) => c < k);
  if (hidden.filter(Boolean).length === 1) {
    let next = -1;
    counts.forEach((c, i) => {
      if (!hidden[i] && (next < 0 || c < counts[next]!)) next = i;
    });
    if (next >= 0) hidden[next] = true;
  }
  return counts.map((c, i) => (hidden[i] ? null : c));
}

/** Linear-interpolated quantile of sorted values (as PostgreSQL's percentile_cont and R's type 7). */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export interface Distribution {
  median: number | null;
  p25: number | null;
  p75: number | null;
  suppressed: boolean;
}

/**
 * A distribution over a group: median and quartiles (one decimal), withheld unless the group has at least k
 * members and at least k of them have a value. Never a minimum, a maximum or a list.
 */
export function distribution(values: readonly (number | null)[], k: number): Distribution {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (values.length < k || present.length < k) return { median: null, p25: null, p75: null, suppressed: true };
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    median: round(quantile(present, 0.5)),
    p25: round(quantile(present, 0.25)),
    p75: round(quantile(present, 0.75)),
    suppressed: false,
  };
}

/**
 * Which groups' aggregates may be shown side by side, given who contributed to each (teams that share people, for
 * instance). A group needs at least k contributors, and no other group's set may differ from its own by 1 … k−1
 * people on either side: subtracting one aggregate from the other would isolate them. Both of such a pair are
 * withheld (reason `overlapping_group`). Disjoint groups never interact.
 */
export function showableGroups(contributors: ReadonlyMap<string, ReadonlySet<string>>, k: number): Set<string> {
  const large = [...contributors].filter(([, set]) => set.size >= k);
  const risky = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
    const onlyA = [...a].filter((x) => !b.has(x)).length;
    const onlyB = [...b].filter((x) => !a.has(x)).length;
    if (onlyA === a.size && onlyB === b.size) return false;
    return (onlyA > 0 && onlyA < k) || (onlyB > 0 && onlyB < k);
  };
  const shown = new Set<string>();
  for (const [group, set] of large) {
    if (!large.some(([other, otherSet]) => other !== group && risky(set, otherSet))) shown.add(group);
  }
  return shown;
}

// ── Period grids ──────────────────────────────────────────────────────────────────────────────
// Aggregates are asked for on fixed grids, in UTC, so that two periods never differ by a few days or hours.

const DAY_MS = 86_400_000;

/** The calendar month (UTC) of an instant, as YYYY-MM. */
export const monthOf = (instant: Date): string => instant.toISOString().slice(0, 7);

/** The month before the one that contains `now` (UTC), as YYYY-MM: the latest month that is over. */
export function lastCompletedMonth(now: Date): string {
  return monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
}

/** The `count` months ending with `last` (YYYY-MM), oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  const { start } = monthBounds(last);
  return Array.from({ length: count }, (_, i) =>
    monthOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - (count - 1 - i), 1))),
  );
}

/** A month's bounds, [start, end) in UTC. */
export function monthBounds(month: string): { start: Date; end: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { start: new Date(Date.UTC(y, m - 1, 1)), end: new Date(Date.UTC(y, m, 1)) };
}

export interface MonthPeriod {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day (included), YYYY-MM-DD. */
  to: string;
  /** The months it is made of, YYYY-MM, oldest first. */
  months: string[];
  /** Half-open bounds in UTC. */
  start: Date;
  end: Date;
}

function periodOfMonths(first: string, count: number): MonthPeriod {
  const { start } = monthBounds(first);
  const months = Array.from({ length: count }, (_, i) =>
    monthOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1))),
  );
  const end = monthBounds(months[months.length - 1]!).end;
  return {
    from: start.toISOString().slice(0, 10),
    to: new Date(end.getTime() - DAY_MS).toISOString().slice(0, 10),
    months,
    start,
    end,
  };
}

/**
 * The period of whole months that covers the days `from` … `to` (YYYY-MM-DD, both included), without the months
 * that are not over at `now` — a running month would let a reader watch a figure move one person at a time.
 * Undefined when no month of it is over yet. Whole months are the grid: quarters and years are runs of months.
 */
export function monthPeriod(from: string, to: string, now: Date): MonthPeriod | undefined {
  const first = from.slice(0, 7);
  const last = [to.slice(0, 7), lastCompletedMonth(now)].sort()[0]!;
  if (last < first) return undefined;
  const [fy, fm] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  return periodOfMonths(first, (ly - fy) * 12 + (lm - fm) + 1);
}

/** The same number of whole months just before a period. */
export function previousMonthPeriod(period: MonthPeriod): MonthPeriod {
  const { start } = period;
  const count = period.months.length;
  return periodOfMonths(monthOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - count, 1))), count);
}

/** The twelve months that end with a period's last month (or the period itself, when longer). */
export function trendMonths(period: MonthPeriod): MonthPeriod {
  const count = Math.max(12, period.months.length);
  const { end } = period;
  return periodOfMonths(monthOf(new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - count, 1))), count);
}

/**
 * The start of the current ISO week (Monday 00:00 UTC) at `now`: rolling windows end there, so that they move a
 * whole completed week at a time rather than with each contact logged.
 */
export function lastCompletedWeekEnd(now: Date): Date {
  const day = (now.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day));
}
