import { describe, expect, it } from 'vitest';
import { change, monthsPeriod, periodPresets, periodProblem } from './periods.ts';

describe('periodPresets', () => {
  it('offers the last month, this quarter so far and past quarters: only months that are over (UTC)', () => {
    const presets = periodPresets(new Date('2025-03-14T10:00:00Z'), 3);
    expect(presets.map((p) => [p.id, p.from, p.to])).toEqual([
      ['2025-02', '2025-02-01', '2025-02-28'],
      ['2025-Q1', '2025-01-01', '2025-02-28'],
      ['2024-Q4', '2024-10-01', '2024-12-31'],
      ['2024-Q3', '2024-07-01', '2024-09-30'],
      ['2024-Q2', '2024-04-01', '2024-06-30'],
    ]);
    expect(presets[1]).toMatchObject({ kind: 'quarter', soFar: true });
    expect(presets[2]).toMatchObject({ kind: 'quarter', soFar: false });
  });

  it('leaves out a quarter with no month over, and one whose only month over is the last month', () => {
    expect(periodPresets(new Date('2025-04-02T00:00:00Z'), 2).map((p) => p.id)).toEqual([
      '2025-03',
      '2025-Q1',
      '2024-Q4',
    ]);
    expect(periodPresets(new Date('2025-05-02T00:00:00Z'), 2).map((p) => p.id)).toEqual([
      '2025-04',
      '2025-Q1',
      '2024-Q4',
    ]);
  });

  it('counts months in UTC, as the server does: 23:30 on 31 March in Oslo is already April there', () => {
    expect(periodPresets(new Date('2025-03-31T22:30:00Z'), 1)[0]!.id).toBe('2025-02');
    expect(periodPresets(new Date('2025-04-01T00:00:00Z'), 1)[0]!.id).toBe('2025-03');
  });
});

describe('custom months', () => {
  const now = new Date('2025-03-14T10:00:00Z');
  it('become whole months, without the month not over yet', () => {
    expect(monthsPeriod('2024-02', '2024-02', now)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthsPeriod('2025-01', '2025-03', now)).toEqual({ from: '2025-01-01', to: '2025-02-28' });
  });
  it.each([
    ['2025-01', '2025-02', undefined],
    ['', '2025-02', 'missing'],
    ['2025-02', '2025-01', 'order'],
    ['2020-01', '2025-02', 'tooLong'],
    ['2025-03', '2025-03', 'notOver'],
  ])('%s to %s → %s', (from, to, expected) => expect(periodProblem(from, to, now)).toBe(expected));
});

describe('change', () => {
  it('is undefined when a side is hidden', () => {
    expect(change(12, 10)).toBe(2);
    expect(change(null, 10)).toBeUndefined();
    expect(change(3, null)).toBeUndefined();
  });
});
