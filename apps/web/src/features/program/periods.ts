/**
 * Reporting periods for the program page. The server reports whole months that are over (UTC), so the page offers
 * only those: the last month, the current quarter's months so far, past quarters, and any run of months. The
 * grid is the server's own (`monthPeriod` in packages/stats), so both sides agree on which months are over.
 */
import { lastCompletedMonth, monthPeriod } from '@alongside/stats';

export interface Period {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day (included), YYYY-MM-DD. */
  to: string;
}

export type PeriodPreset = Period & { id: string } & (
    { kind: 'month'; month: string } | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4; soFar: boolean }
  );

/** The last month that is over, the current quarter so far (when one of its months is over), and `count` past quarters. */
export function periodPresets(now: Date, count = 4): PeriodPreset[] {
  const last = lastCompletedMonth(now);
  const lastPeriod = monthPeriod(`${last}-01`, `${last}-01`, now)!;
  const out: PeriodPreset[] = [{ id: last, kind: 'month', month: last, from: lastPeriod.from, to: lastPeriod.to }];
  let year = now.getUTCFullYear();
  let quarter = Math.floor(now.getUTCMonth() / 3) + 1;
  for (let i = 0; i <= count; i++) {
    const firstMonth = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}`;
    const lastMonth = `${year}-${String(quarter * 3).padStart(2, '0')}`;
    const p = monthPeriod(`${firstMonth}-01`, `${lastMonth}-01`, now);
    // A quarter of one month (the last month, already offered) or of none is not worth a preset.
    if (p && !(i === 0 && p.months.length === 1)) {
      const soFar = p.months.length < 3;
      out.push({
        id: `${year}-Q${quarter}`,
        kind: 'quarter',
        year,
        quarter: quarter as 1 | 2 | 3 | 4,
        soFar,
        from: p.from,
        to: p.to,
      });
    }
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return out;
}

/** A custom run of months, YYYY-MM to YYYY-MM, as the period the server will report (undefined when not usable). */
export function monthsPeriod(fromMonth: string, toMonth: string, now: Date): Period | undefined {
  const p = monthPeriod(`${fromMonth}-01`, `${toMonth}-01`, now);
  return p ? { from: p.from, to: p.to } : undefined;
}

/** Whether a custom run of months is usable: both given, in order, at most 24 months, and one of them over. */
export function periodProblem(
  fromMonth: string,
  toMonth: string,
  now: Date,
): 'missing' | 'order' | 'tooLong' | 'notOver' | undefined {
  if (!/^\d{4}-\d{2}$/.test(fromMonth) || !/^\d{4}-\d{2}$/.test(toMonth)) return 'missing';
  if (fromMonth > toMonth) return 'order';
  const months =
    (Number(toMonth.slice(0, 4)) - Number(fromMonth.slice(0, 4))) * 12 +
    Number(toMonth.slice(5)) -
    Number(fromMonth.slice(5)) +
    1;
  if (months > 24) return 'tooLong';
  if (!monthsPeriod(fromMonth, toMonth, now)) return 'notOver';
  return undefined;
}

/** The change from the previous period, or undefined when either side is hidden or missing. */
export function change(current: number | null, previous: number | null): number | undefined {
  if (current === null || previous === null) return undefined;
  return current - previous;
}
