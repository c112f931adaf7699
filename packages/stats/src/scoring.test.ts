import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimumAnswered, reverseValue, scoreItem, scoreResponse, ScoringError, validateDefinition, type ScoringDefinition } from './scoring.ts';

// Shaped like the Copenhagen Burnout Inventory's work- and client-related scales (7 and 6 items, five options
// coded 100/75/50/25/0, one reverse-keyed work item, mean of answered items, missing when fewer than half are
// answered). Only the shape: items are placeholders, the instrument's wording is not ours to ship.
const CBI_SHAPED: ScoringDefinition = {
  options: [
    { value: 1, score: 100 },
    { value: 2, score: 75 },
    { value: 3, score: 50 },
    { value: 4, score: 25 },
    { value: 5, score: 0 },
  ],
  items: [
    ...Array.from({ length: 7 }, (_, i) => ({ id: `work${i + 1}`, reverse: i === 6 })),
    ...Array.from({ length: 6 }, (_, i) => ({ id: `client${i + 1}` })),
  ],
  scales: [
    { id: 'work', itemIds: Array.from({ length: 7 }, (_, i) => `work${i + 1}`), aggregate: 'mean', minAnswered: { fraction: 0.5 } },
    { id: 'client', itemIds: Array.from({ length: 6 }, (_, i) => `client${i + 1}`), aggregate: 'mean', minAnswered: { fraction: 0.5 } },
  ],
};

const score = (answers: Record<string, number | null>, id: string) => scoreResponse(CBI_SHAPED, answers).find((s) => s.id === id)!;

describe('scoring a CBI-shaped instrument', () => {
  it('codes answers 100/75/50/25/0 and takes the mean', () => {
    expect(score({ client1: 1, client2: 2, client3: 3, client4: 4, client5: 5, client6: 1 }, 'client').score).toBeCloseTo((100 + 75 + 50 + 25 + 0 + 100) / 6);
  });

  it('reverses the reverse-keyed work item', () => {
    expect(scoreItem(CBI_SHAPED, { id: 'work7', reverse: true }, 1)).toBe(0);
    expect(scoreItem(CBI_SHAPED, { id: 'work7', reverse: true }, 5)).toBe(100);
    expect(scoreItem(CBI_SHAPED, { id: 'work7', reverse: true }, 3)).toBe(50);
    const all = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`work${i + 1}`, 1]));
    // Six items at 100 and the reversed one at 0.
    expect(score(all, 'work').score).toBeCloseTo(600 / 7);
  });

  it('is missing when fewer than half the items are answered, and scored from half on', () => {
    expect(minimumAnswered(CBI_SHAPED.scales[0]!)).toBe(4); // 7 items: 3.5 → at least 4
    expect(minimumAnswered(CBI_SHAPED.scales[1]!)).toBe(3); // 6 items: exactly half counts
    expect(score({ work1: 1, work2: 1, work3: 1 }, 'work')).toMatchObject({ score: null, answered: 3, of: 7 });
    expect(score({ work1: 1, work2: 1, work3: 1, work4: 2 }, 'work').score).toBeCloseTo(375 / 4);
    expect(score({ client1: 2, client2: 2 }, 'client').score).toBeNull();
    expect(score({ client1: 2, client2: 2, client3: null, client4: 4 }, 'client').score).toBeCloseTo(175 / 3);
  });

  it('refuses an answer that is not an option', () => {
    expect(() => scoreResponse(CBI_SHAPED, { work1: 9 })).toThrow(ScoringError);
  });

  it('sums when a scale says so', () => {
    const definition: ScoringDefinition = { ...CBI_SHAPED, scales: [{ id: 's', itemIds: ['client1', 'client2'], aggregate: 'sum', minAnswered: { count: 2 } }] };
    expect(scoreResponse(definition, { client1: 1, client2: 2 })[0]!.score).toBe(175);
    expect(scoreResponse(definition, { client1: 1 })[0]!.score).toBeNull();
  });

  it('rejects impossible definitions', () => {
    expect(() => validateDefinition(CBI_SHAPED)).not.toThrow();
    expect(() => validateDefinition({ ...CBI_SHAPED, options: [{ value: 1, score: 0 }, { value: 1, score: 1 }] })).toThrow(/unique/);
    expect(() => validateDefinition({ ...CBI_SHAPED, scales: [{ id: 'x', itemIds: ['nope'], aggregate: 'mean', minAnswered: { fraction: 0.5 } }] })).toThrow(/unknown item/);
    expect(() => validateDefinition({ ...CBI_SHAPED, scales: [{ id: 'x', itemIds: ['work1'], aggregate: 'mean', minAnswered: { fraction: 0 } }] })).toThrow(/minimum/);
    expect(() => validateDefinition({ ...CBI_SHAPED, scales: [{ id: 'x', itemIds: ['work1'], aggregate: 'mean', minAnswered: { count: 2 } }] })).toThrow(/minimum/);
  });
});

describe('scoring invariants', () => {
  const optionValue = fc.constantFrom(1, 2, 3, 4, 5);
  const answer = fc.option(optionValue, { nil: null });
  const workAnswers = fc.tuple(...Array.from({ length: 7 }, () => answer)).map((a) => Object.fromEntries(a.map((v, i) => [`work${i + 1}`, v])));

  it('keeps every scale score within the coded range', () => {
    fc.assert(
      fc.property(workAnswers, (answers) => {
        const { score: s } = score(answers, 'work');
        return s === null || (s >= 0 && s <= 100);
      }),
    );
  });

  it('reverse keying twice is the identity', () => {
    fc.assert(fc.property(optionValue, (v) => reverseValue(CBI_SHAPED.options, reverseValue(CBI_SHAPED.options, v)) === v));
  });

  it('scores exactly when at least the minimum number of items is answered', () => {
    fc.assert(
      fc.property(workAnswers, (answers) => {
        const answered = Object.values(answers).filter((v) => v !== null).length;
        const result = score(answers, 'work');
        return result.answered === answered && (result.score !== null) === answered >= 4;
      }),
    );
  });

  it('does not depend on which answers are missing, only on the answered ones (mean of answered)', () => {
    fc.assert(
      fc.property(fc.array(optionValue, { minLength: 3, maxLength: 6 }), (values) => {
        const answers = Object.fromEntries(values.map((v, i) => [`client${i + 1}`, v]));
        const expected = values.map((v) => CBI_SHAPED.options.find((o) => o.value === v)!.score).reduce((a, b) => a + b, 0) / values.length;
        return Math.abs(score(answers, 'client').score! - expected) < 1e-9;
      }),
    );
  });
});
