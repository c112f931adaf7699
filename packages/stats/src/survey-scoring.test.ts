import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixCell, matrixColumn } from './score-matrix.ts';
import { ScoringError } from './scoring.ts';
import { reverseScore, scoreSurveyResponses, surveyLayout, type SurveyInstrument, type SurveyItem, type SurveySubscale } from './survey-scoring.ts';

const AGREE5 = { id: 'agree5', points: [1, 2, 3, 4, 5].map((value) => ({ value })) };
// Values 1–5 coded 0/25/50/75/100.
const OFTEN5 = { id: 'often5', points: [1, 2, 3, 4, 5].map((value) => ({ value, score: (value - 1) * 25 })) };

const likert = (name: string, scale = 'agree5', reverse = false): SurveyItem => ({ name, type: 'likert', scale, reverse });

function instrument(items: SurveyItem[], subscales: SurveySubscale[]): SurveyInstrument {
  return { scales: [AGREE5, OFTEN5], items, subscales };
}

const TEAM = instrument(
  [
    likert('a1'),
    likert('a2'),
    likert('a3', 'agree5', true),
    likert('a4'),
    likert('f1', 'often5'),
    likert('f2', 'often5', true),
    { name: 'load', type: 'single', options: [{ code: 'low', score: 0 }, { code: 'high', score: 10 }] },
    { name: 'hours', type: 'number', min: 0, max: 40, reverse: true },
    { name: 'open', type: 'number' },
    { name: 'unscored', type: 'single', options: [{ code: 'x' }, { code: 'y', score: 1 }] },
    { name: 'roles', type: 'multiple', options: [{ code: 'x' }] },
    { name: 'note', type: 'text' },
  ],
  [
    { id: 'agree', items: ['a1', 'a2', 'a3', 'a4'] },
    { id: 'often', items: ['f1', 'f2'], aggregate: 'sum', minAnswered: { count: 2 } },
    { id: 'often_pct', items: ['f1', 'f2'], transform: 'percent' },
    { id: 'mixed', items: ['a1', 'load', 'hours'], transform: 'percent', minAnswered: { fraction: 0.6 } },
  ],
);

const column = (name: string) => surveyLayout(TEAM).items.find((i) => i.name === name)!.column;
const subscale = (id: string) => surveyLayout(TEAM).subscales.findIndex((s) => s.id === id);

describe('scoring survey responses', () => {
  it('puts only items with a score in the matrix, in definition order', () => {
    expect(surveyLayout(TEAM).items.map((i) => i.name)).toEqual(['a1', 'a2', 'a3', 'a4', 'f1', 'f2', 'load', 'hours', 'open']);
    expect(surveyLayout(TEAM).items.find((i) => i.name === 'open')).toMatchObject({ min: null, max: null, reverse: false });
  });

  it('codes answers by point score, option score or number, and reverses over the item’s own range', () => {
    const { items } = scoreSurveyResponses(TEAM, [{ a1: 2, a3: 2, f1: 2, f2: 2, load: 'high', hours: 30, open: -7.5 }]);
    expect(matrixCell(items, 0, column('a1'))).toBe(2);
    expect(matrixCell(items, 0, column('a3'))).toBe(4); // (1 + 5) − 2
    expect(matrixCell(items, 0, column('f1'))).toBe(25);
    expect(matrixCell(items, 0, column('f2'))).toBe(75); // (0 + 100) − 25
    expect(matrixCell(items, 0, column('load'))).toBe(10);
    expect(matrixCell(items, 0, column('hours'))).toBe(10); // (0 + 40) − 30
    expect(matrixCell(items, 0, column('open'))).toBe(-7.5);
    expect(matrixCell(items, 0, column('a2'))).toBeNaN();
  });

  it('takes the mean or sum of answered items, missing below the minimum', () => {
    const { subscales, answered } = scoreSurveyResponses(TEAM, [
      { a1: 5, a2: 4, a3: 1, a4: 3, f1: 1, f2: 1 },
      { a1: 5, a2: 5, a3: undefined, a4: null, f1: 5 },
      { a1: 5 },
    ]);
    const agree = matrixColumn(subscales, subscale('agree'));
    expect(agree[0]).toBe((5 + 4 + 5 + 3) / 4);
    expect(agree[1]).toBe(5); // two of four: half answered is enough
    expect(agree[2]).toBeNaN(); // one of four is fewer than half
    const often = matrixColumn(subscales, subscale('often'));
    expect(often[0]).toBe(0 + 100);
    expect(often[1]).toBeNaN(); // a sum needs both here
    expect(Array.from(answered.subarray(0, 3))).toEqual([4, 2, 1]);
  });

  it('maps the possible range onto 0–100, item by item when the ranges differ', () => {
    const { subscales } = scoreSurveyResponses(TEAM, [{ f1: 3, f2: 1 }, { a1: 2, load: 'high', hours: 10 }, { a1: 2, load: 'low' }]);
    expect(matrixColumn(subscales, subscale('often_pct'))[0]).toBe(75); // mean 75 of 0–100
    // (2 − 1) + (10 − 0) + (30 − 0) over (4 + 10 + 40)
    expect(matrixColumn(subscales, subscale('mixed'))[1]).toBeCloseTo((100 * 41) / 54, 12);
    // 0.6 of 3 items is 2 (ceil 1.8): two answered is enough.
    expect(matrixColumn(subscales, subscale('mixed'))[2]).toBeCloseTo((100 * 1) / 14, 12);
    expect(surveyLayout(TEAM).subscales[subscale('mixed')]).toMatchObject({ needed: 2, min: 0, max: 100 });
  });

  it('needs ceil(f·n) items, with 0.6 of 5 being 3 despite floating point', () => {
    const five = instrument(['a1', 'a2', 'a3', 'a4', 'f1'].map((n) => likert(n)), [{ id: 's', items: ['a1', 'a2', 'a3', 'a4', 'f1'], minAnswered: { fraction: 0.6 } }]);
    expect(surveyLayout(five).subscales[0]!.needed).toBe(3);
  });

  it('finds the uniform null variance when the items share their possible scores', () => {
    const [agree, often, , mixed] = surveyLayout(TEAM).subscales;
    expect(agree).toMatchObject({ responseOptions: 5, nullVariance: 2 }); // (5² − 1) / 12
    expect(often).toMatchObject({ responseOptions: 5, nullVariance: 25 * 25 * 2 });
    expect(mixed).toMatchObject({ responseOptions: null, nullVariance: null });
  });

  it('scores points with values too spread for a lookup table', () => {
    const wide = { scales: [{ id: 'wide', points: [{ value: -1000, score: 1 }, { value: 9000, score: 2 }] }], items: [likert('w', 'wide')], subscales: [] };
    const { items } = scoreSurveyResponses(wide, [{ w: 9000 }, { w: -1000 }]);
    expect(Array.from(items.data)).toEqual([2, 1]);
    expect(() => scoreSurveyResponses(wide, [{ w: 0 }])).toThrow('responses[0].w: the answer is not a point of scale wide');
  });

  it('refuses an answer the definition does not allow, naming the response and item but not the answer', () => {
    const refuses = (answers: Record<string, unknown>, message: string) => {
      const error = (() => {
        try {
          scoreSurveyResponses(TEAM, [{}, answers]);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ScoringError);
      expect((error as Error).message).toBe(message);
    };
    refuses({ a1: 6 }, 'responses[1].a1: the answer is not a point of scale agree5');
    refuses({ a1: 2.5 }, 'responses[1].a1: the answer is not a point of scale agree5');
    refuses({ a1: 'Marie Dubois, room 12' }, 'responses[1].a1: the answer is not a point of scale agree5');
    refuses({ load: 'medium' }, "responses[1].load: the answer is not one of the item's options");
    refuses({ hours: 41 }, "responses[1].hours: the answer is outside the item's range");
    refuses({ hours: '12' }, 'responses[1].hours: the answer is not a number');
    refuses({ open: Number.NaN }, 'responses[1].open: the answer is not a number');
    // Two bad answers, stored in another order than the items': the first item is named.
    refuses({ hours: 41, a2: 7, note: 'x' }, 'responses[1].a2: the answer is not a point of scale agree5');
    expect(() => scoreSurveyResponses(TEAM, [null as unknown as Record<string, unknown>])).toThrow('responses[0] is not a set of answers');
  });

  it('reads only the answers a response holds, not what every object inherits', () => {
    const inherited = instrument([likert('constructor'), likert('a1')], [{ id: 's', items: ['constructor', 'a1'] }]);
    const { items } = scoreSurveyResponses(inherited, JSON.parse('[{"a1": 4}, {"constructor": 2, "a1": 1}]') as Record<string, unknown>[]);
    expect(Array.from(items.data)).toEqual([Number.NaN, 2, 4, 1]);
  });

  it('refuses a definition it cannot score, naming the place', () => {
    const refuses = (items: SurveyItem[], subscales: SurveySubscale[], message: string) => expect(() => surveyLayout(instrument(items, subscales))).toThrow(message);
    refuses([likert('a'), { name: 'note', type: 'text' }], [{ id: 's', items: ['a', 'note'] }], 'subscales.s: note has no numeric score');
    refuses([likert('a')], [{ id: 's', items: ['a', 'b'] }], 'subscales.s: names an unknown item b');
    refuses([likert('a')], [{ id: 's', items: ['a', 'a'] }], 'subscales.s: names an item twice');
    refuses([likert('a')], [{ id: 's', items: [] }], 'subscales.s: has no items');
    refuses([likert('a')], [{ id: 's', items: ['a'], minAnswered: { count: 2 } }], 'subscales.s.minAnswered: the count must be a whole number from 1 to 1');
    refuses([likert('a')], [{ id: 's', items: ['a'], minAnswered: { fraction: 0 } }], 'subscales.s.minAnswered: the fraction must be above 0 and at most 1');
    refuses([{ name: 'n', type: 'number', min: 0 }], [{ id: 's', items: ['n'], transform: 'percent' }], 'subscales.s: a percent transform needs every item to have a min below its max');
    refuses([{ name: 'n', type: 'number', max: 3, reverse: true }], [], 'items.n: a reverse-keyed number item needs a min and a max');
    refuses([{ name: 'n', type: 'number', min: 3, max: 1 }], [], 'items.n: min must not exceed max');
    refuses([likert('a', 'nope')], [], 'items.a: a Likert item needs a known response scale');
    refuses([likert('a'), likert('a')], [], 'items.a: the name is used twice');
    refuses([{ name: 'c', type: 'single', options: [{ code: 'x', score: 1 }, { code: 'x', score: 2 }] }], [], 'items.c: option codes must be unique');
    const twice = { scales: [{ id: 'bad', points: [{ value: 1 }, { value: 1 }] }], items: [likert('a', 'bad')], subscales: [] };
    expect(() => surveyLayout(twice)).toThrow('scales.bad: point values must be unique');
  });

  it('reverse keying twice gives back the plain score, for any coding of the points', () => {
    const coding = fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 11 }).chain((values) =>
      fc.record({ values: fc.constant(values), scores: fc.array(fc.integer({ min: -100000, max: 100000 }), { minLength: values.length, maxLength: values.length }), pick: fc.nat(values.length - 1) }),
    );
    fc.assert(
      fc.property(coding, ({ values, scores, pick }) => {
        const scale = { id: 'x', points: values.map((value, i) => ({ value, score: scores[i] })) };
        const both = { scales: [scale], items: [likert('plain', 'x'), likert('reversed', 'x', true)], subscales: [] };
        const { items, layout } = scoreSurveyResponses(both, [{ plain: values[pick], reversed: values[pick] }]);
        const [plain, reversed] = layout.items;
        expect(reversed!.min).toBe(plain!.min);
        expect(reverseScore(matrixCell(items, 0, 1), reversed!.min!, reversed!.max!)).toBe(matrixCell(items, 0, 0));
      }),
    );
  });

  it('gives the range a score can reach with the fewest items allowed: a sum of part of its items, a mean of items with different ranges', () => {
    const gaps = instrument(
      [likert('a1'), likert('a2'), likert('f1', 'often5'), { name: 'delta', type: 'number', min: -3, max: 3 }],
      [
        { id: 'sum', items: ['a1', 'a2', 'f1'], aggregate: 'sum', minAnswered: { count: 1 } },
        { id: 'mean', items: ['a1', 'a2', 'f1'], minAnswered: { count: 2 } },
        { id: 'signed', items: ['a1', 'delta'], aggregate: 'sum', minAnswered: { count: 1 } },
      ],
    );
    expect(surveyLayout(gaps).subscales.map((s) => [s.min, s.max])).toEqual([
      [0, 110],
      [0.5, 52.5],
      [-3, 8],
    ]);
    // Those extremes are reached: a1 alone at 1 is below 1 + 1 + 0; f1 alone at 100 is above the mean of every maximum.
    const { subscales } = scoreSurveyResponses(gaps, [{ f1: 1 }, { a1: 5, f1: 5 }, { delta: -3 }, { a1: 5, delta: 3 }]);
    expect([matrixCell(subscales, 0, 0), matrixCell(subscales, 1, 1), matrixCell(subscales, 2, 2), matrixCell(subscales, 3, 2)]).toEqual([0, 52.5, -3, 8]);
  });

  it('keeps every subscale score within its possible range and missing exactly below the minimum', () => {
    const answer = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(answer, answer, answer, answer, answer, answer), { minLength: 1, maxLength: 30 }), (rows) => {
        const responses = rows.map(([a1, a2, a3, a4, f1, f2]) => ({ a1, a2, a3, a4, f1, f2 }));
        const { subscales, answered, layout } = scoreSurveyResponses(TEAM, responses);
        layout.subscales.forEach((s, index) => {
          const scores = matrixColumn(subscales, index);
          responses.forEach((_, r) => {
            const k = answered[index * responses.length + r]!;
            if (k < s.needed) expect(scores[r]).toBeNaN();
            else {
              expect(scores[r]).toBeGreaterThanOrEqual(s.min! - 1e-9);
              expect(scores[r]).toBeLessThanOrEqual(s.max! + 1e-9);
            }
          });
        });
      }),
    );
  });
});
