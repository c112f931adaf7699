import { describe, expect, it } from 'vitest';
import { answersFor, checkedInThisMonth, fromFirstActiveMonth, scoredMonths, unanswered } from './rules.ts';

describe('wellbeing page rules', () => {
  it('knows whether this month has a check-in', () => {
    const now = new Date('2026-11-15T12:00:00Z');
    expect(checkedInThisMonth([{ createdAt: '2026-10-30T12:00:00Z' }], now)).toBe(false);
    expect(checkedInThisMonth([{ createdAt: '2026-11-01T09:00:00Z' }], now)).toBe(true);
    expect(checkedInThisMonth([], now)).toBe(false);
  });

  it('counts months in UTC as the server does, whatever the browser’s time zone', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Oslo';
    try {
      // 23:30 on 31 October in Oslo (22:30 UTC), then 00:30 on 1 November in Oslo — still October in UTC, where the
      // server keeps the month: the PSP has done October's check-in, and the page must not ask again.
      expect(new Date('2026-10-31T23:30:00Z').getDate()).toBe(1);
      expect(checkedInThisMonth([{ createdAt: '2026-10-31T22:30:00Z' }], new Date('2026-10-31T23:30:00Z'))).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('keeps only scored months of the trend', () => {
    const month = (m: string, score: number | null) => ({ month: m, score, band: null, bandLabel: null, checkIns: 0, pulses: 1, energyMean: 3, loadMean: 3 });
    const trend = { scaleLabel: 'x', higherIsWorse: true, range: { min: 0, max: 100 }, threshold: 60, months: [month('2026-01', 40), month('2026-02', null), month('2026-03', 55)] };
    expect(scoredMonths(trend).map((m) => m.month)).toEqual(['2026-01', '2026-03']);
  });

  it('sends every item, unanswered ones as null, and names them', () => {
    expect(answersFor(['a', 'b', 'c'], { a: 2, c: 0 })).toEqual({ a: 2, b: null, c: 0 });
    expect(unanswered(['a', 'b', 'c'], { a: 2, c: 0 })).toEqual(['b']);
  });

  it('starts the trend at the first month with a check-in or a pulse', () => {
    const month = (m: string, checkIns: number, pulses: number) => ({ month: m, score: null, band: null, bandLabel: null, checkIns, pulses, energyMean: null, loadMean: null });
    const trend = { scaleLabel: null, higherIsWorse: true, range: null, threshold: null, months: [month('2026-01', 0, 0), month('2026-02', 0, 2), month('2026-03', 0, 0)] };
    expect(fromFirstActiveMonth(trend).months.map((m) => m.month)).toEqual(['2026-02', '2026-03']);
    expect(fromFirstActiveMonth({ ...trend, months: [month('2026-01', 0, 0)] }).months).toEqual([]);
  });
});
