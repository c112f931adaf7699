/** Reporting periods for the program page: calendar quarters and custom ranges, as YYYY-MM-DD. */

export interface Period {
  from: string;
  to: string;
}

export interface QuarterPreset extends Period {
  id: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** True for the quarter that contains today (its end is today, not the quarter's end). */
  isCurrent: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date's local calendar day as YYYY-MM-DD. */
export const isoDay = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

const lastDayOfMonth = (year: number, month0: number) => new Date(year, month0 + 1, 0).getDate();

/** The current quarter (to date) and the `count - 1` quarters before it, newest first. */
export function quarterPresets(today: Date, count = 5): QuarterPreset[] {
  const out: QuarterPreset[] = [];
  let year = today.getFullYear();
  let q = Math.floor(today.getMonth() / 3) + 1;
  for (let i = 0; i < count; i++) {
    const firstMonth0 = (q - 1) * 3;
    const lastMonth0 = firstMonth0 + 2;
    const isCurrent = i === 0;
    out.push({
      id: `${year}-Q${q}`,
      year,
      quarter: q as 1 | 2 | 3 | 4,
      isCurrent,
      from: `${year}-${pad(firstMonth0 + 1)}-01`,
      to: isCurrent ? isoDay(today) : `${year}-${pad(lastMonth0 + 1)}-${pad(lastDayOfMonth(year, lastMonth0))}`,
    });
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}

/** Whether a custom period is usable: both days given, in order, at most two years long (as the API allows). */
export function periodProblem(p: Period): 'missing' | 'order' | 'tooLong' | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(p.from) || !/^\d{4}-\d{2}-\d{2}$/.test(p.to)) return 'missing';
  if (p.from > p.to) return 'order';
  if ((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 > 731) return 'tooLong';
  return undefined;
}

/** The change from the previous period, or undefined when either side is hidden or missing. */
export function change(current: number | null, previous: number | null): number | undefined {
  if (current === null || previous === null) return undefined;
  return current - previous;
}
