import { describe, expect, it } from 'vitest';
import { change, periodProblem, quarterPresets } from './periods.ts';

describe('quarterPresets', () => {
  it('starts with the current quarter to date and walks back across the year', () => {
    const presets = quarterPresets(new Date(2025, 1, 14), 4);
    expect(presets.map((p) => [p.id, p.from, p.to, p.isCurrent])).toEqual([
      ['2025-Q1', '2025-01-01', '2025-02-14', true],
      ['2024-Q4', '2024-10-01', '2024-12-31', false],
      ['2024-Q3', '2024-07-01', '2024-09-30', false],
      ['2024-Q2', '2024-04-01', '2024-06-30', false],
    ]);
  });
});

describe('periodProblem', () => {
  it.each([
    [{ from: '2025-01-01', to: '2025-03-31' }, undefined],
    [{ from: '', to: '2025-03-31' }, 'missing'],
    [{ from: '2025-04-01', to: '2025-03-31' }, 'order'],
    [{ from: '2020-01-01', to: '2025-03-31' }, 'tooLong'],
  ])('%j → %s', (p, expected) => expect(periodProblem(p)).toBe(expected));
});

describe('change', () => {
  it('is undefined when a side is hidden', () => {
    expect(change(12, 10)).toBe(2);
    expect(change(null, 10)).toBeUndefined();
    expect(change(3, null)).toBeUndefined();
  });
});
