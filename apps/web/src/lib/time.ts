/** Pure date helpers for the practice pages (no React, easy to test). */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type RelativeUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** The biggest sensible unit for "how long ago" (negative values are in the past). */
export function relativeParts(then: Date, now: Date): { value: number; unit: RelativeUnit } {
  const diff = then.getTime() - now.getTime();
  const abs = Math.abs(diff);
  const round = (n: number) => (diff < 0 ? -Math.round(n) : Math.round(n));
  if (abs < HOUR) return { value: round(abs / MINUTE), unit: 'minute' };
  if (abs < DAY) return { value: round(abs / HOUR), unit: 'hour' };
  if (abs < 7 * DAY) return { value: round(abs / DAY), unit: 'day' };
  if (abs < 30 * DAY) return { value: round(abs / (7 * DAY)), unit: 'week' };
  if (abs < 365 * DAY) return { value: round(abs / (30 * DAY)), unit: 'month' };
  return { value: round(abs / (365 * DAY)), unit: 'year' };
}

/** "3 days ago", "in 2 hours", "now" — in the given locale. */
export function formatRelative(value: string | Date, now: Date, locale: string): string {
  const then = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(then.getTime())) return '';
  const { value: n, unit } = relativeParts(then, now);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(n, unit);
}

/** Whole days from `from` to `to`, rounded down (0 when `to` is earlier). */
export function wholeDaysBetween(from: string | Date, to: Date): number {
  const start = from instanceof Date ? from : new Date(from);
  if (Number.isNaN(start.getTime())) return 0;
  return Math.max(0, Math.floor((to.getTime() - start.getTime()) / DAY));
}

/** A Date as a `datetime-local` input value (local wall-clock time, minutes). */
export function toLocalInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** True while `until` is in the future. */
export const isBefore = (now: Date, until: string): boolean => now.getTime() < new Date(until).getTime();
