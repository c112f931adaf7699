// Questionnaire scoring: the rules an instrument definition may declare — answer coding (e.g. 100/75/50/25/0),
// reverse-keyed items, scales as the mean or sum of their items, and a minimum number of answered items
// below which a scale is missing. Pure functions; instruments are data.

/** One answer option: the value stored when chosen, and the score it is coded as. */
export interface ResponseOption {
  value: number;
  score: number;
}

export interface ScoredItem {
  id: string;
  /** Reverse-keyed: the option at position i counts as the option at position n − 1 − i. */
  reverse?: boolean;
}

export interface ScaleRule {
  id: string;
  itemIds: string[];
  aggregate: 'mean' | 'sum';
  /**
   * The fewest answered items for a score. A fraction in (0, 1] of the scale's items (0.5: "missing when
   * fewer than half were answered") or an absolute count.
   */
  minAnswered: { fraction: number } | { count: number };
}

export interface ScoringDefinition {
  /** Options in their order on the form (reverse keying mirrors this order). */
  options: ResponseOption[];
  items: ScoredItem[];
  scales: ScaleRule[];
}

/** Answers by item id; null or absent means not answered. */
export type Answers = Record<string, number | null | undefined>;

export interface ScaleScore {
  id: string;
  /** null when too few items were answered. */
  score: number | null;
  answered: number;
  of: number;
}

export class ScoringError extends Error {
  override name = 'ScoringError';
}

/** Checks a definition once: unique option values, known items in scales, sensible minimums. */
export function validateDefinition(definition: ScoringDefinition): void {
  const values = definition.options.map((o) => o.value);
  if (values.length < 2) throw new ScoringError('an instrument needs at least two answer options');
  if (new Set(values).size !== values.length) throw new ScoringError('answer option values must be unique');
  const itemIds = new Set(definition.items.map((i) => i.id));
  if (itemIds.size !== definition.items.length) throw new ScoringError('item ids must be unique');
  for (const scale of definition.scales) {
    if (scale.itemIds.length === 0) throw new ScoringError(`scale ${scale.id} has no items`);
    const unknown = scale.itemIds.find((id) => !itemIds.has(id));
    if (unknown) throw new ScoringError(`scale ${scale.id} names an unknown item ${unknown}`);
    const min = 'fraction' in scale.minAnswered ? scale.minAnswered.fraction : scale.minAnswered.count;
    const valid = 'fraction' in scale.minAnswered ? min > 0 && min <= 1 : Number.isInteger(min) && min >= 1 && min <= scale.itemIds.length;
    if (!valid) throw new ScoringError(`scale ${scale.id} has an impossible minimum of answered items`);
  }
}

/** The stored value an answer counts as after reverse keying (mirrors the option order). */
export function reverseValue(options: ResponseOption[], value: number): number {
  const index = options.findIndex((o) => o.value === value);
  if (index < 0) throw new ScoringError(`${value} is not one of the answer options`);
  return options[options.length - 1 - index]!.value;
}

/** The coded score of one answer to one item. */
export function scoreItem(definition: ScoringDefinition, item: ScoredItem, value: number): number {
  const keyed = item.reverse ? reverseValue(definition.options, value) : value;
  const option = definition.options.find((o) => o.value === keyed);
  if (!option) throw new ScoringError(`${value} is not one of the answer options for item ${item.id}`);
  return option.score;
}

/** The least number of answered items a scale needs. */
export function minimumAnswered(scale: ScaleRule): number {
  return 'fraction' in scale.minAnswered ? Math.ceil(scale.minAnswered.fraction * scale.itemIds.length - 1e-9) : scale.minAnswered.count;
}

/** Scores every scale of a response. Throws on an answer that is not an option; ignores answers to unknown items. */
export function scoreResponse(definition: ScoringDefinition, answers: Answers): ScaleScore[] {
  const items = new Map(definition.items.map((i) => [i.id, i]));
  return definition.scales.map((scale) => {
    const scores: number[] = [];
    for (const id of scale.itemIds) {
      const value = answers[id];
      if (value === null || value === undefined) continue;
      scores.push(scoreItem(definition, items.get(id)!, value));
    }
    const enough = scores.length >= minimumAnswered(scale);
    const sum = scores.reduce((a, b) => a + b, 0);
    const score = !enough || scores.length === 0 ? null : scale.aggregate === 'mean' ? sum / scores.length : sum;
    return { id: scale.id, score, answered: scores.length, of: scale.itemIds.length };
  });
}
