import type { Condition } from '@alongside/contracts';

// Show-if logic as REDCap (`[q1] = '2' and [q2] > 3`, `[q3(2)] = '1'`) and XLSForm (`${q1} = '2'`,
// `selected(${q3}, '2')`) write it. Only what Alongside's conditions can say is read: comparisons of one earlier
// answer with a value, joined by all `and` or all `or`. Anything else comes back with the reason.

export type Syntax = 'redcap' | 'xlsform';

export interface Comparison {
  variable: string;
  /** A checkbox option (`[q(2)]`, `selected(${q}, '2')`): the comparison is about whether it was chosen. */
  option?: string;
  operator: '=' | '!=' | '>' | '<' | '>=' | '<=';
  value: string;
  /** Whether the value was written as a bare number. */
  numeric: boolean;
}

export type ParsedLogic =
  { ok: true; comparisons: Comparison[]; behavior: 'all' | 'any' } | { ok: false; reason: string };

type Token =
  | { kind: 'var'; name: string; option?: string }
  | { kind: 'op'; op: Comparison['operator'] }
  | { kind: 'value'; value: string; numeric: boolean }
  | { kind: 'join'; join: 'and' | 'or' }
  | { kind: 'selected'; name: string; option: string; negated: boolean };

function tokenize(text: string, syntax: Syntax): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  const rest = () => text.slice(i);
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    let match: RegExpExecArray | null;
    if (syntax === 'redcap' && c === '[') {
      match = /^\[([^\]]*)\]/.exec(rest());
      if (!match) return 'an unclosed [';
      const inner = match[1]!.trim();
      if (text[i + match[0].length] === '[')
        return `it names an event or instance ([${inner}][…]), which Alongside has no equivalent for`;
      const variable = /^([A-Za-z][A-Za-z0-9_]*)(?:\(([^)]*)\))?$/.exec(inner);
      if (!variable) return `[${inner}] is a smart variable or not a field name`;
      if (variable[2] !== undefined) tokens.push({ kind: 'var', name: variable[1]!, option: variable[2] });
      else tokens.push({ kind: 'var', name: variable[1]! });
      i += match[0].length;
      continue;
    }
    if (syntax === 'xlsform' && c === '$') {
      match = /^\$\{([^}]*)\}/.exec(rest());
      if (!match) return 'an unclosed ${';
      tokens.push({ kind: 'var', name: match[1]!.trim() });
      i += match[0].length;
      continue;
    }
    if (syntax === 'xlsform') {
      match = /^(not\s*\(\s*)?selected\s*\(\s*\$\{([^}]*)\}\s*,\s*(?:'([^']*)'|"([^"]*)")\s*\)(\s*\))?/.exec(rest());
      if (match && Boolean(match[1]) === Boolean(match[5])) {
        tokens.push({
          kind: 'selected',
          name: match[2]!.trim(),
          option: match[3] ?? match[4]!,
          negated: Boolean(match[1]),
        });
        i += match[0].length;
        continue;
      }
    }
    match = /^(<>|!=|>=|<=|=|>|<)/.exec(rest());
    if (match) {
      const op = match[1] === '<>' ? '!=' : (match[1] as Comparison['operator']);
      tokens.push({ kind: 'op', op });
      i += match[0].length;
      continue;
    }
    match = /^(?:'([^']*)'|"([^"]*)")/.exec(rest());
    if (match) {
      tokens.push({ kind: 'value', value: match[1] ?? match[2]!, numeric: false });
      i += match[0].length;
      continue;
    }
    match = /^-?\d+(?:\.\d+)?(?![\w.])/.exec(rest());
    if (match) {
      tokens.push({ kind: 'value', value: match[0], numeric: true });
      i += match[0].length;
      continue;
    }
    match = /^(and|or)\b/i.exec(rest());
    if (match) {
      tokens.push({ kind: 'join', join: match[1]!.toLowerCase() as 'and' | 'or' });
      i += match[0].length;
      continue;
    }
    match = /^([A-Za-z_][\w-]*)\s*\(/.exec(rest());
    if (match) return `it uses the function ${match[1]}()`;
    if (c === '(' || c === ')') return 'it groups with parentheses';
    if (/[+*/-]/.test(c)) return 'it calculates with arithmetic';
    return `it contains "${rest().slice(0, 20)}", which is not a comparison`;
  }
  return tokens;
}

/** Reads show-if logic into comparisons joined one way, or says why it cannot. */
export function parseLogic(text: string, syntax: Syntax): ParsedLogic {
  const tokens = tokenize(text, syntax);
  if (typeof tokens === 'string') return { ok: false, reason: tokens };
  const comparisons: Comparison[] = [];
  let join: 'and' | 'or' | undefined;
  let i = 0;
  for (;;) {
    const first = tokens[i];
    if (first?.kind === 'selected') {
      comparisons.push({
        variable: first.name,
        option: first.option,
        operator: first.negated ? '!=' : '=',
        value: '1',
        numeric: false,
      });
      i += 1;
    } else {
      const op = tokens[i + 1];
      const value = tokens[i + 2];
      if (first?.kind !== 'var' || op?.kind !== 'op' || value?.kind !== 'value')
        return { ok: false, reason: "it is not a list of comparisons like [q1] = '2'" };
      comparisons.push({
        variable: first.name,
        ...(first.option !== undefined ? { option: first.option } : {}),
        operator: op.op,
        value: value.value,
        numeric: value.numeric,
      });
      i += 3;
    }
    const next = tokens[i];
    if (!next) break;
    if (next.kind !== 'join') return { ok: false, reason: 'comparisons must be joined by and or or' };
    if (join && join !== next.join) return { ok: false, reason: 'it mixes and with or' };
    join = next.join;
    i++;
  }
  if (comparisons.length > 20) return { ok: false, reason: 'it has more than 20 comparisons' };
  return { ok: true, comparisons, behavior: join === 'or' ? 'any' : 'all' };
}

/** What a condition needs to know about the item it refers to. */
export interface ConditionTarget {
  name: string;
  type: 'likert' | 'single' | 'multiple' | 'number' | 'text';
  integer?: boolean | undefined;
  /** Option code as the file writes it → the code imported. */
  codes?: ReadonlyMap<string, string>;
}

/** One comparison as an Alongside condition on `target`, or the reason it cannot be one. */
export function toCondition(comparison: Comparison, target: ConditionTarget): Condition | string {
  const { operator, value } = comparison;
  const item = target.name;
  if (comparison.option !== undefined) {
    if (target.type !== 'multiple' && target.type !== 'single')
      return `${comparison.variable}(${comparison.option}) refers to an option of a question that is not multiple choice`;
    const code = target.codes?.get(comparison.option);
    if (code === undefined) return `${comparison.option} is not an option of ${comparison.variable}`;
    if ((operator !== '=' && operator !== '!=') || (value !== '1' && value !== '0'))
      return 'a checkbox option can only be compared with 1 or 0';
    const chosen = (operator === '=') === (value === '1');
    return { item, operator: chosen ? 'equals' : 'not_equals', value: code };
  }
  if (value === '') {
    if (operator === '=') return { item, operator: 'not_answered' };
    if (operator === '!=') return { item, operator: 'answered' };
    return `${operator} '' does not compare with anything`;
  }
  switch (target.type) {
    case 'likert':
    case 'number': {
      const number = Number(value);
      if (!/^-?\d+(\.\d+)?$/.test(value.trim())) return `${comparison.variable} holds numbers, not "${value}"`;
      if (operator === '=') return { item, operator: 'equals', value: number };
      if (operator === '!=') return { item, operator: 'not_equals', value: number };
      if (operator === '>') return { item, operator: 'greater', value: number };
      if (operator === '<') return { item, operator: 'less', value: number };
      if (!Number.isInteger(number) || (target.type === 'number' && !target.integer))
        return `${operator} is only kept for whole-number answers`;
      return operator === '>='
        ? { item, operator: 'greater', value: number - 1 }
        : { item, operator: 'less', value: number + 1 };
    }
    case 'single':
    case 'multiple': {
      if (target.type === 'multiple')
        return `${comparison.variable} is a checkbox question: compare one of its options, like [${comparison.variable}(code)] = '1'`;
      const code = target.codes?.get(value);
      if (code === undefined) return `"${value}" is not an option of ${comparison.variable}`;
      if (operator === '=') return { item, operator: 'equals', value: code };
      if (operator === '!=') return { item, operator: 'not_equals', value: code };
      return `${operator} is not kept for a choice question, which Alongside compares with = and <> only`;
    }
    case 'text':
      if (operator === '=') return { item, operator: 'equals', value };
      if (operator === '!=') return { item, operator: 'not_equals', value };
      return `${operator} is not kept for a free-text question`;
  }
}

/** Writes conditions as REDCap branching logic or XLSForm relevance; undefined when one of them cannot be. */
export function formatLogic(
  conditions: readonly Condition[],
  behavior: 'all' | 'any' | undefined,
  syntax: Syntax,
  typeOf: (name: string) => ConditionTarget['type'] | undefined,
): string | undefined {
  const ref = (name: string) => (syntax === 'redcap' ? `[${name}]` : `\${${name}}`);
  const quote = (value: string | number) => `'${String(value).replace(/'/g, '')}'`;
  const parts: string[] = [];
  for (const condition of conditions) {
    const type = typeOf(condition.item);
    const value = condition.value ?? '';
    switch (condition.operator) {
      case 'answered':
      case 'not_answered':
        if (type === 'multiple') return undefined;
        parts.push(
          `${ref(condition.item)} ${condition.operator === 'answered' ? (syntax === 'redcap' ? '<>' : '!=') : '='} ''`,
        );
        break;
      case 'equals':
      case 'not_equals': {
        const equals = condition.operator === 'equals';
        if (type === 'multiple') {
          if (syntax === 'redcap') parts.push(`[${condition.item}(${String(value)})] = '${equals ? 1 : 0}'`);
          else
            parts.push(
              equals
                ? `selected(${ref(condition.item)}, ${quote(value)})`
                : `not(selected(${ref(condition.item)}, ${quote(value)}))`,
            );
        } else parts.push(`${ref(condition.item)} ${equals ? '=' : syntax === 'redcap' ? '<>' : '!='} ${quote(value)}`);
        break;
      }
      case 'greater':
      case 'less':
        parts.push(
          `${ref(condition.item)} ${condition.operator === 'greater' ? '>' : '<'} ${typeof value === 'number' ? value : quote(value)}`,
        );
        break;
    }
  }
  return parts.join(behavior === 'any' ? ' or ' : ' and ');
}
