import { describe, expect, it } from 'vitest';
import { formatLogic, parseLogic, toCondition, type ConditionTarget } from './logic.ts';

const targets: Record<string, ConditionTarget> = {
  q1: { name: 'q1', type: 'likert' },
  q2: {
    name: 'q2',
    type: 'single',
    codes: new Map([
      ['1', '1'],
      ['2', '2'],
      ['a b', 'a_b'],
    ]),
  },
  q3: {
    name: 'q3',
    type: 'multiple',
    codes: new Map([
      ['1', '1'],
      ['2', '2'],
    ]),
  },
  q4: { name: 'q4', type: 'number', integer: false },
  q5: { name: 'q5', type: 'text' },
};

function read(text: string, syntax: 'redcap' | 'xlsform') {
  const parsed = parseLogic(text, syntax);
  if (!parsed.ok) return parsed.reason;
  return { behavior: parsed.behavior, conditions: parsed.comparisons.map((c) => toCondition(c, targets[c.variable]!)) };
}

describe('show-if logic', () => {
  it.each([
    ["[q1] = '2'", 'all', [{ item: 'q1', operator: 'equals', value: 2 }]],
    ["[q2] <> '1'", 'all', [{ item: 'q2', operator: 'not_equals', value: '1' }]],
    [
      '[q1] > 3 AND [q1] < 5',
      'all',
      [
        { item: 'q1', operator: 'greater', value: 3 },
        { item: 'q1', operator: 'less', value: 5 },
      ],
    ],
    [
      "[q1] >= 4 or [q2] = 'a b'",
      'any',
      [
        { item: 'q1', operator: 'greater', value: 3 },
        { item: 'q2', operator: 'equals', value: 'a_b' },
      ],
    ],
    [
      "[q3(2)] = '1' and [q3(1)] = '0'",
      'all',
      [
        { item: 'q3', operator: 'equals', value: '2' },
        { item: 'q3', operator: 'not_equals', value: '1' },
      ],
    ],
    ["[q5] <> ''", 'all', [{ item: 'q5', operator: 'answered' }]],
    ['[q4] = ""', 'all', [{ item: 'q4', operator: 'not_answered' }]],
  ])('reads REDCap %s', (text, behavior, conditions) => {
    expect(read(text, 'redcap')).toEqual({ behavior, conditions });
  });

  it.each([
    ["[q1] = '1' and [q2] = '1' or [q5] = 'x'", 'it mixes and with or'],
    ["([q1] = '1')", 'it groups with parentheses'],
    ["datediff([q5], 'today', 'd') > 3", 'it uses the function datediff()'],
    [
      "[event_1_arm_1][q1] = '1'",
      'it names an event or instance ([event_1_arm_1][…]), which Alongside has no equivalent for',
    ],
    ["[user-role] = '2'", '[user-role] is a smart variable or not a field name'],
    ['[q1] + [q4] > 3', 'it calculates with arithmetic'],
    ['[q1]', "it is not a list of comparisons like [q1] = '2'"],
  ])('gives the reason it cannot read REDCap %s', (text, reason) => {
    expect(read(text, 'redcap')).toBe(reason);
  });

  it('refuses comparisons an Alongside condition cannot hold', () => {
    expect(read("[q2] > '1'", 'redcap')).toEqual({
      behavior: 'all',
      conditions: ['> is not kept for a choice question, which Alongside compares with = and <> only'],
    });
    expect(read("[q3] = '1'", 'redcap')).toEqual({
      behavior: 'all',
      conditions: ["q3 is a checkbox question: compare one of its options, like [q3(code)] = '1'"],
    });
    expect(read("[q1] = 'high'", 'redcap')).toEqual({ behavior: 'all', conditions: ['q1 holds numbers, not "high"'] });
    expect(read('[q4] >= 2.5', 'redcap')).toEqual({
      behavior: 'all',
      conditions: ['>= is only kept for whole-number answers'],
    });
    expect(read("[q2] = '9'", 'redcap')).toEqual({ behavior: 'all', conditions: ['"9" is not an option of q2'] });
  });

  it('reads XLSForm relevance, selected() and not(selected())', () => {
    expect(read("${q1} != '2' and selected(${q3}, '1') and not(selected(${q3}, '2'))", 'xlsform')).toEqual({
      behavior: 'all',
      conditions: [
        { item: 'q1', operator: 'not_equals', value: 2 },
        { item: 'q3', operator: 'equals', value: '1' },
        { item: 'q3', operator: 'not_equals', value: '2' },
      ],
    });
    expect(read('string-length(${q5}) > 3', 'xlsform')).toBe('it uses the function string-length()');
  });

  it('writes what it reads', () => {
    const types = (name: string) => targets[name]!.type;
    const conditions = [
      { item: 'q1', operator: 'greater', value: 3 },
      { item: 'q2', operator: 'not_equals', value: '1' },
      { item: 'q3', operator: 'equals', value: '2' },
      { item: 'q5', operator: 'answered' },
    ] as const;
    const redcap = formatLogic(conditions, 'any', 'redcap', types)!;
    expect(redcap).toBe("[q1] > 3 or [q2] <> '1' or [q3(2)] = '1' or [q5] <> ''");
    expect(read(redcap, 'redcap')).toEqual({ behavior: 'any', conditions });
    const xlsform = formatLogic(conditions, 'all', 'xlsform', types)!;
    expect(xlsform).toBe("${q1} > 3 and ${q2} != '1' and selected(${q3}, '2') and ${q5} != ''");
    expect(read(xlsform, 'xlsform')).toEqual({ behavior: 'all', conditions });
    expect(formatLogic([{ item: 'q3', operator: 'answered' }], undefined, 'redcap', types)).toBeUndefined();
  });
});
