import type { CheckIn, Trend } from '@alongside/contracts';
import { monthOf } from '@alongside/stats';

/**
 * The check-in is monthly: has the PSP already done this month's? (They may do it again; the last one counts.)
 * Months are calendar months in UTC, as on the server (ARCHITECTURE.md, "Months"): near midnight at a month's end
 * both sides agree which month a check-in belongs to.
 */
export const checkedInThisMonth = (checkIns: Pick<CheckIn, 'createdAt'>[], now: Date): boolean =>
  checkIns.some((c) => monthOf(new Date(c.createdAt)) === monthOf(now));

/** Months of the trend that have a check-in score, oldest first. */
export const scoredMonths = (trend: Trend) => trend.months.filter((m) => m.score !== null);

/** Answers ready to send: every item named, unanswered ones as null. */
export function answersFor(itemIds: string[], chosen: Record<string, number | undefined>): Record<string, number | null> {
  return Object.fromEntries(itemIds.map((id) => [id, chosen[id] ?? null]));
}

/** Items left unanswered; the check-in may be sent with some, but the PSP is told which. */
export const unanswered = (itemIds: string[], chosen: Record<string, number | undefined>): string[] =>
  itemIds.filter((id) => chosen[id] === undefined);

/** The trend from the first month with anything in it: a new PSP's chart does not open on empty months. */
export function fromFirstActiveMonth(trend: Trend): Trend {
  const first = trend.months.findIndex((m) => m.checkIns > 0 || m.pulses > 0);
  return { ...trend, months: first < 0 ? [] : trend.months.slice(first) };
}
