import type { Answers, Condition, InstrumentDefinition, Item } from '@alongside/contracts';

type Value = Answers[string] | undefined;

/** The values an item accepts: scale points, option codes, a number in range, or text. */
function valueProblem(definition: InstrumentDefinition, item: Item, value: Value): string | undefined {
  if (value === undefined) return undefined;
  switch (item.type) {
    case 'likert': {
      const points = definition.scales.find((s) => s.id === item.scale)?.points ?? [];
      return typeof value === 'number' && points.some((p) => p.value === value) ? undefined : `must be one of ${points.map((p) => p.value).join(', ')}`;
    }
    case 'single':
      return typeof value === 'string' && item.options?.some((o) => o.code === value) ? undefined : `must be one of ${item.options?.map((o) => o.code).join(', ')}`;
    case 'multiple':
      return Array.isArray(value) && new Set(value).size === value.length && value.every((v) => item.options?.some((o) => o.code === v))
        ? undefined
        : `must be a list of distinct codes among ${item.options?.map((o) => o.code).join(', ')}`;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (item.integer && !Number.isInteger(value)) return 'must be a whole number';
      if (item.min !== undefined && value < item.min) return `must be at least ${item.min}`;
      if (item.max !== undefined && value > item.max) return `must be at most ${item.max}`;
      return undefined;
    case 'text':
      return typeof value === 'string' ? undefined : 'must be text';
  }
}

const answered = (value: Value) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

function holds(condition: Condition, value: Value): boolean {
  switch (condition.operator) {
    case 'answered':
      return answered(value);
    case 'not_answered':
      return !answered(value);
    case 'equals':
      return Array.isArray(value) ? value.includes(String(condition.value)) : value === condition.value || String(value) === String(condition.value);
    case 'not_equals':
      return answered(value) && !(Array.isArray(value) ? value.includes(String(condition.value)) : String(value) === String(condition.value));
    case 'greater':
      return typeof value === 'number' && typeof condition.value === 'number' && value > condition.value;
    case 'less':
      return typeof value === 'number' && typeof condition.value === 'number' && value < condition.value;
  }
}

/** Whether an item is shown, given the answers so far (its `enableWhen`, all or any). */
export function isEnabled(item: Item, answers: Answers): boolean {
  if (!item.enableWhen?.length) return true;
  const results = item.enableWhen.map((c) => holds(c, answers[c.item]));
  return item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
}

/**
 * What is wrong with a set of answers: unknown variables, values an item does not accept, answers to items that are
 * not shown, and (when `complete`) required items left unanswered. Field names are variable names.
 */
export function answerProblems(definition: InstrumentDefinition, answers: Answers, options: { complete: boolean }): { field: string; message: string }[] {
  const items = new Map(definition.items.map((i) => [i.name, i]));
  const problems: { field: string; message: string }[] = [];
  for (const [name, value] of Object.entries(answers)) {
    const item = items.get(name);
    if (!item) {
      problems.push({ field: name, message: 'is not a question of this survey' });
      continue;
    }
    const problem = valueProblem(definition, item, value);
    if (problem) problems.push({ field: name, message: problem });
  }
  if (problems.length > 0) return problems;
  for (const item of definition.items) {
    const shown = isEnabled(item, answers);
    if (!shown && answered(answers[item.name])) problems.push({ field: item.name, message: 'is answered but not shown for the answers given' });
    if (options.complete && shown && item.required && !answered(answers[item.name])) problems.push({ field: item.name, message: 'is required' });
  }
  return problems;
}

/** The answers with empty values dropped (stored compactly; a missing key means not answered). */
export const compactAnswers = (answers: Answers): Answers => Object.fromEntries(Object.entries(answers).filter(([, v]) => answered(v)));
