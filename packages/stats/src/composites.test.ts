import { describe, expect, it } from 'vitest';
import type { AnalysisRow } from './analysis-design.ts';
import { withComposites } from './composites.ts';
import { ModelError } from './mixed-model.ts';

const row = (values: AnalysisRow['values']): AnalysisRow => ({ program: 'p', country: 'CA', group: 'psp', values });

describe('withComposites', () => {
  const rows = [row({ a: 1, b: 10 }), row({ a: 2, b: 30 }), row({ a: 3, b: 20 }), row({ a: 4, b: null })];

  it('sums the parts z-scored over the rows that have every part, times their weights', () => {
    const composite = withComposites(rows, [{ key: 'c', parts: [{ variable: 'a', weight: 1 }, { variable: 'b', weight: 0.5 }], standardize: true }]);
    // Over the three complete rows: a has mean 2 and sd 1; b has mean 20 and sd 10.
    expect(composite.map((r) => r.values.c)).toEqual([-1 + 0.5 * -1, 0 + 0.5 * 1, 1 + 0.5 * 0, null]);
    expect(composite[0]!.values.a).toBe(1);
  });

  it('sums raw values when not standardized', () => {
    const out = withComposites(rows, [{ key: 'c', parts: [{ variable: 'a', weight: 2 }, { variable: 'b', weight: -1 }], standardize: false }]);
    expect(out.map((r) => r.values.c)).toEqual([2 - 10, 4 - 30, 6 - 20, null]);
  });

  it('names the part that has no variance instead of dividing by 0', () => {
    const flat = [row({ a: 1, b: 5 }), row({ a: 2, b: 5 })];
    expect(() => withComposites(flat, [{ key: 'c', parts: [{ variable: 'a', weight: 1 }, { variable: 'b', weight: 1 }], standardize: true }])).toThrow(ModelError);
    expect(() => withComposites(flat, [{ key: 'c', parts: [{ variable: 'a', weight: 1 }, { variable: 'b', weight: 1 }], standardize: true }])).toThrow(/b has the same value/);
  });

  it('leaves the rows as they are without composites', () => {
    expect(withComposites(rows, [])).toEqual(rows);
  });
});
