import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cell,
  distribution,
  effectiveK,
  K_FLOOR,
  lastCompletedWeekEnd,
  monthPeriod,
  periodCell,
  previousMonthPeriod,
  quantile,
  showableGroups,
  suppressSmallCells,
  trendMonths,
} from './disclosure.ts';

describe('k', () => {
  it('never goes below the floor, whatever an organization sets; outputs that leave the organization use at least 11', () => {
    expect(effectiveK('internal', 2)).toBe(K_FLOOR);
    expect(effectiveK('internal', 5)).toBe(5);
    expect(effectiveK('internal')).toBe(5);
    expect(effectiveK('internal', 11)).toBe(11);
    expect(effectiveK('research', 5)).toBe(11);
    expect(effectiveK('cross_program', 20)).toBe(20);
  });
});

const sets = (entries: Record<string, string[]>) => new Map(Object.entries(entries).map(([k, v]) => [k, new Set(v)]));

describe('which team aggregates may be shown', () => {
  it('needs k distinct contributors', () => {
    expect([...showableGroups(sets({ a: ['1', '2', '3'], b: ['4', '5'] }), 3)]).toEqual(['a']);
  });

  it('withholds both teams when one could be subtracted from the other to isolate fewer than k people', () => {
    // b is a with one person more: b − a would be that person.
    expect([...showableGroups(sets({ a: ['1', '2', '3'], b: ['1', '2', '3', 'x'] }), 3)]).toEqual([]);
    // Overlapping with small differences on both sides.
    expect([...showableGroups(sets({ a: ['1', '2', '3', 'x'], b: ['1', '2', '3', 'y'] }), 3)]).toEqual([]);
  });

  it('shows disjoint teams, identical sets, and overlaps that differ by at least k on each side', () => {
    expect([...showableGroups(sets({ a: ['1', '2', '3'], b: ['4', '5', '6'] }), 3)]).toEqual(['a', 'b']);
    expect([...showableGroups(sets({ a: ['1', '2', '3'], b: ['1', '2', '3'] }), 3)]).toEqual(['a', 'b']);
    expect([...showableGroups(sets({ a: ['1', '2', '3', '4'], b: ['4', '5', '6', '7'] }), 3)]).toEqual(['a', 'b']);
  });

  it('ignores teams that are themselves withheld for size', () => {
    expect([...showableGroups(sets({ a: ['1', '2', '3'], b: ['1', '2'] }), 3)]).toEqual(['a']);
  });

  it('property: no two shown teams differ by 1 … k−1 people on either side, and every shown team has k', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 12 }), { maxLength: 5 }),
        (k, teams) => {
          const input = new Map(teams.map((t, i) => [`t${i}`, new Set(t.map(String))]));
          const shown = [...showableGroups(input, k)];
          for (const a of shown) {
            expect(input.get(a)!.size).toBeGreaterThanOrEqual(k);
            for (const b of shown) {
              if (a === b) continue;
              const onlyA = [...input.get(a)!].filter((x) => !input.get(b)!.has(x)).length;
              const disjoint = onlyA === input.get(a)!.size;
              if (!disjoint) expect(onlyA === 0 || onlyA >= k).toBe(true);
            }
          }
        },
      ),
    );
  });
});

describe('small band counts', () => {
  it('are withheld, with a second one when a single withheld count could be worked out from the total', () => {
    expect(suppressSmallCells([6, 7, 8], 5)).toEqual([6, 7, 8]);
    expect(suppressSmallCells([1, 6, 7], 5)).toEqual([null, null, 7]);
    expect(suppressSmallCells([1, 2, 9], 5)).toEqual([null, null, 9]);
    expect(suppressSmallCells([0, 5, 0], 5)).toEqual([null, 5, null]);
  });

  it('property: never exactly one withheld count, never a shown count under k', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 11 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2, maxLength: 5 }),
        (k, counts) => {
          const shown = suppressSmallCells(counts, k);
          expect(shown.filter((c) => c === null).length).not.toBe(1);
          for (const c of shown) if (c !== null) expect(c).toBeGreaterThanOrEqual(k);
        },
      ),
    );
  });
});

describe('distributions', () => {
  it('interpolate quantiles as percentile_cont does', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([3], 0.25)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
  });
  it('are suppressed below k people, or below k values', () => {
    expect(distribution([1, 2, 3, 4], 5)).toEqual({ median: null, p25: null, p75: null, suppressed: true });
    expect(distribution([1, 2, 3, 4, null], 5).suppressed).toBe(true);
    expect(distribution([1, 2, 3, 4, 5], 5)).toEqual({ median: 3, p25: 2, p75: 4, suppressed: false });
  });
});

describe('cell suppression', () => {
  it('shows zero: an empty cell discloses nobody', () => {
    expect(cell(0, 0, 5)).toEqual({ value: 0, suppressed: false });
    expect(cell(null, 0, 5)).toEqual({ value: null, suppressed: false });
  });

  it('hides cells about 1 to k−1 people, and shows k or more', () => {
    for (const people of [1, 2, 3, 4]) expect(cell(42, people, 5)).toEqual({ value: null, suppressed: true });
    expect(cell(42, 5, 5)).toEqual({ value: 42, suppressed: false });
    expect(cell(42, 6, 5)).toEqual({ value: 42, suppressed: false });
  });

  it('follows the organization’s k', () => {
    expect(cell(7, 2, 3)).toEqual({ value: null, suppressed: true });
    expect(cell(7, 3, 3)).toEqual({ value: 7, suppressed: false });
    expect(cell(7, 9, 10)).toEqual({ value: null, suppressed: true });
    expect(cell(7, 10, 10)).toEqual({ value: 7, suppressed: false });
  });

  it('hides a suppressed cell’s value even when the value is zero or null', () => {
    expect(cell(0, 1, 5)).toEqual({ value: null, suppressed: true });
    expect(cell(null, 4, 5)).toEqual({ value: null, suppressed: true });
  });
});

describe('period cells', () => {
  it('show a period only when it and each of its months are about 0 or at least k people', () => {
    expect(periodCell(40, 12, [6, 0, 7], 5)).toEqual({ value: 40, suppressed: false });
    expect(periodCell(40, 12, [6, 2, 7], 5)).toEqual({ value: null, suppressed: true });
    expect(periodCell(3, 3, [3], 5)).toEqual({ value: null, suppressed: true });
  });

  it('property: any sum or difference of shown periods is made of months that are shown', () => {
    // Months with random people counts; every run of whole months a reader could ask for (as the API allows).
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 11 }),
        fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 24 }),
        (k, months) => {
          const shownMonths = months.map((p) => !cell(p, p, k).suppressed);
          for (let from = 0; from < months.length; from++)
            for (let to = from; to < months.length; to++) {
              const part = months.slice(from, to + 1);
              // A period's people are at least its largest month's: use that (the smallest it can be).
              const shown = !periodCell(1, Math.max(...part), part, k).suppressed;
              if (shown) for (let m = from; m <= to; m++) expect(shownMonths[m]).toBe(true);
            }
        },
      ),
    );
  });
});

describe('month periods', () => {
  const now = new Date('2026-12-04T10:00:00Z');

  it('widen any days to whole months and stop at the last month that is over', () => {
    const p = monthPeriod('2026-10-15', '2026-12-31', now)!;
    expect(p).toMatchObject({ from: '2026-10-01', to: '2026-11-30', months: ['2026-10', '2026-11'] });
    expect(p.start.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(monthPeriod('2026-12-01', '2026-12-03', now)).toBeUndefined();
  });

  it('two requests a day apart give the same period', () => {
    expect(monthPeriod('2026-01-01', '2026-06-29', now)).toEqual(monthPeriod('2026-01-02', '2026-06-30', now));
  });

  it('compare with the same number of months just before, and trend over twelve months', () => {
    const q = monthPeriod('2026-01-01', '2026-03-31', now)!;
    expect(previousMonthPeriod(q)).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    const feb = monthPeriod('2024-02-10', '2024-02-11', now)!;
    expect(feb.to).toBe('2024-02-29');
    expect(previousMonthPeriod(feb)).toMatchObject({ from: '2024-01-01', to: '2024-01-31' });
    expect(trendMonths(q).months).toHaveLength(12);
    expect(trendMonths(q)).toMatchObject({ from: '2025-04-01', to: '2026-03-31' });
  });

  it('rolling windows end at the start of the current ISO week (Monday, UTC)', () => {
    expect(lastCompletedWeekEnd(new Date('2026-12-04T10:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(lastCompletedWeekEnd(new Date('2026-11-30T00:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(lastCompletedWeekEnd(new Date('2026-11-29T23:59:59Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });
});
