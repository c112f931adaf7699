import { describe, expect, it } from 'vitest';
import { InstrumentDefinitionSchema, type InstrumentDefinitionInput } from '@alongside/contracts';
import { ExportError } from './export.types.ts';
import { minimumAnswered, scoreSubscales } from './survey-scoring.local.ts';

const text = { en: 'An item' };
const definition = (
  subscales: InstrumentDefinitionInput['subscales'],
  extra: InstrumentDefinitionInput['items'] = [],
) =>
  InstrumentDefinitionSchema.parse({
    title: { en: 'Scoring' },
    sourceLanguage: 'en',
    languages: [{ code: 'en' }],
    scales: [
      // Stored 1…5, coded 0/25/50/75/100 (the Copenhagen style).
      { id: 'coded', points: [1, 2, 3, 4, 5].map((value) => ({ value, label: text, score: (value - 1) * 25 })) },
      { id: 'plain', points: [0, 1, 2, 3, 4].map((value) => ({ value, label: text })) },
    ],
    items: [
      { name: 'a', type: 'likert', scale: 'coded', text },
      { name: 'b', type: 'likert', scale: 'coded', reverse: true, text },
      { name: 'c', type: 'likert', scale: 'plain', text },
      { name: 'd', type: 'likert', scale: 'plain', reverse: true, text },
      { name: 'n', type: 'number', min: 0, max: 10, reverse: true, text },
      ...extra,
    ],
    subscales,
  } satisfies InstrumentDefinitionInput);

describe('local survey scoring', () => {
  it('reverse-keys as (min + max) − x on the coded scores, and means the answered items', () => {
    const def = definition([{ id: 's', name: text, items: ['a', 'b'] }]);
    // a = 4 → 75; b = 4 → 75 reversed over 0…100 → 25.
    expect(scoreSubscales(def, { a: 4, b: 4 }).get('s')).toBe(50);
    expect(scoreSubscales(def, { a: 5, b: null }).get('s')).toBe(100);
  });

  it('is missing when fewer than half the items were answered (half of 3 rounds up to 2)', () => {
    const def = definition([{ id: 's', name: text, items: ['c', 'd', 'n'] }]);
    expect(minimumAnswered(def.subscales[0]!)).toBe(2);
    expect(scoreSubscales(def, { c: 3 }).get('s')).toBeNull();
    // c = 3; d = 1 → (0 + 4) − 1 = 3; n = 2 → (0 + 10) − 2 = 8.
    expect(scoreSubscales(def, { c: 3, d: 1, n: 2 }).get('s')).toBeCloseTo(14 / 3, 12);
    expect(scoreSubscales(def, {}).get('s')).toBeNull();
  });

  it('sums when asked, counts an absolute minimum, and rescales to percent', () => {
    const def = definition([
      { id: 'total', name: text, items: ['c', 'd'], aggregate: 'sum', minAnswered: { count: 2 } },
      { id: 'pct', name: text, items: ['c', 'd'], transform: 'percent' },
    ]);
    expect(scoreSubscales(def, { c: 4, d: 0 }).get('total')).toBe(8);
    expect(scoreSubscales(def, { c: 4 }).get('total')).toBeNull();
    // c = 2 → 50 %; d = 1 → 3 reversed → 75 %.
    expect(scoreSubscales(def, { c: 2, d: 1 }).get('pct')).toBe(62.5);
  });

  it('refuses to reverse a number item with no range', () => {
    const def = definition(
      [{ id: 's', name: text, items: ['m'] }],
      [{ name: 'm', type: 'number', reverse: true, text }],
    );
    expect(() => scoreSubscales(def, { m: 3 })).toThrow(
      new ExportError('item m: reverse keying or a percent transform needs a known minimum and maximum'),
    );
  });
});
