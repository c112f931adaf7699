import { describe, expect, it } from 'vitest';
import { formatRelative, isBefore, relativeParts, toLocalInputValue, wholeDaysBetween } from './time.ts';

const now = new Date('2025-03-10T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('relativeParts', () => {
  it.each([
    [5 * 60_000, { value: -5, unit: 'minute' }],
    [3 * 3_600_000, { value: -3, unit: 'hour' }],
    [2 * 86_400_000, { value: -2, unit: 'day' }],
    [14 * 86_400_000, { value: -2, unit: 'week' }],
    [90 * 86_400_000, { value: -3, unit: 'month' }],
    [800 * 86_400_000, { value: -2, unit: 'year' }],
  ])('%d ms ago', (ms, expected) => expect(relativeParts(ago(ms), now)).toEqual(expected));

  it('counts forward for future dates', () => {
    expect(relativeParts(new Date(now.getTime() + 2 * 86_400_000), now)).toEqual({ value: 2, unit: 'day' });
  });
});

describe('formatRelative', () => {
  it('speaks the locale', () => {
    expect(formatRelative(ago(86_400_000), now, 'en-CA')).toBe('yesterday');
    expect(formatRelative(ago(3 * 86_400_000), now, 'en-CA')).toBe('3 days ago');
    expect(formatRelative(ago(3 * 86_400_000), now, 'fr-CA')).toBe('il y a 3 jours');
  });
  it('is empty for a bad date', () => expect(formatRelative('nope', now, 'en-CA')).toBe(''));
});

describe('wholeDaysBetween', () => {
  it('rounds down and never goes below zero', () => {
    expect(wholeDaysBetween(ago(2.9 * 86_400_000), now)).toBe(2);
    expect(wholeDaysBetween(new Date(now.getTime() + 86_400_000), now)).toBe(0);
    expect(wholeDaysBetween('nope', now)).toBe(0);
  });
});

describe('toLocalInputValue and isBefore', () => {
  it('formats local wall-clock minutes', () => {
    expect(toLocalInputValue(new Date(2025, 0, 5, 7, 3, 59))).toBe('2025-01-05T07:03');
  });
  it('compares with an ISO instant', () => {
    expect(isBefore(now, '2025-03-10T12:00:01Z')).toBe(true);
    expect(isBefore(now, '2025-03-10T12:00:00Z')).toBe(false);
  });
});
