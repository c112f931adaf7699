import type { InstrumentDefinition, Item, Subscale } from '@alongside/contracts';
import { ExportError, type ExportAnswer } from './export.types.ts';

// A LOCAL STAND-IN for the survey scoring of packages/stats, which does not yet score an InstrumentDefinition in
// this branch (its scoreResponse takes one shared option list and mirrors positions). Same conventions as the
// issue states, so the lead can swap this file for the stats function: an item's score is its point's or option's
// `score` when given, else its value; a reverse-keyed item scores (min + max) − x over its possible scores; a
// subscale is the mean (or sum) of its answered items, missing when fewer than its minimum were answered
// (default: half); `percent` rescales each item's score onto 0–100 of its own range before aggregating.

interface ItemRange {
  min: number;
  max: number;
}

/** The possible scores of an item, or undefined when it has no numeric score. */
function scoreRange(definition: InstrumentDefinition, item: Item): ItemRange | undefined {
  let scores: number[] = [];
  if (item.type === 'likert')
    scores = (definition.scales.find((s) => s.id === item.scale)?.points ?? []).map((p) => p.score ?? p.value);
  else if (item.type === 'single')
    scores = (item.options ?? []).flatMap((o) => (o.score === undefined ? [] : [o.score]));
  else if (item.type === 'number')
    return item.min !== undefined && item.max !== undefined ? { min: item.min, max: item.max } : undefined;
  return scores.length ? { min: Math.min(...scores), max: Math.max(...scores) } : undefined;
}

/** The score of one answer before keying, or null when unanswered or not scorable. */
function rawScore(definition: InstrumentDefinition, item: Item, answer: ExportAnswer | undefined): number | null {
  if (answer === null || answer === undefined || Array.isArray(answer)) return null;
  if (item.type === 'likert') {
    const value = Number(answer);
    const point = definition.scales.find((s) => s.id === item.scale)?.points.find((p) => p.value === value);
    return point ? (point.score ?? point.value) : null;
  }
  if (item.type === 'single') return item.options?.find((o) => o.code === String(answer))?.score ?? null;
  if (item.type === 'number') {
    const value = Number(answer);
    return Number.isFinite(value) ? value : null;
  }
  return null;
}

/** One item's score as it enters its subscale: keyed, and rescaled when the subscale asks for percent. */
export function keyedItemScore(
  definition: InstrumentDefinition,
  item: Item,
  answer: ExportAnswer | undefined,
  subscale?: Subscale,
): number | null {
  const raw = rawScore(definition, item, answer);
  if (raw === null) return null;
  const needsRange = item.reverse || subscale?.transform === 'percent';
  const range = needsRange ? scoreRange(definition, item) : undefined;
  if (needsRange && !range)
    throw new ExportError(`item ${item.name}: reverse keying or a percent transform needs a known minimum and maximum`);
  const keyed = item.reverse && range ? range.min + range.max - raw : raw;
  if (subscale?.transform === 'percent' && range)
    return range.max === range.min ? null : ((keyed - range.min) / (range.max - range.min)) * 100;
  return keyed;
}

/** The fewest answered items a subscale needs (a fraction rounds up: half of 5 is 3). */
export function minimumAnswered(subscale: Subscale): number {
  return 'fraction' in subscale.minAnswered
    ? Math.ceil(subscale.minAnswered.fraction * subscale.items.length - 1e-9)
    : subscale.minAnswered.count;
}

/** Every subscale score of one response, by subscale id; null when too few of its items were answered. */
export function scoreSubscales(
  definition: InstrumentDefinition,
  answers: Record<string, ExportAnswer>,
): Map<string, number | null> {
  const items = new Map(definition.items.map((i) => [i.name, i]));
  const out = new Map<string, number | null>();
  for (const subscale of definition.subscales) {
    const scores: number[] = [];
    for (const name of subscale.items) {
      const item = items.get(name);
      if (!item) throw new ExportError(`subscale ${subscale.id} names an unknown item ${name}`);
      const score = keyedItemScore(definition, item, answers[name], subscale);
      if (score !== null) scores.push(score);
    }
    const sum = scores.reduce((a, b) => a + b, 0);
    const enough = scores.length > 0 && scores.length >= minimumAnswered(subscale);
    out.set(subscale.id, !enough ? null : subscale.aggregate === 'mean' ? sum / scores.length : sum);
  }
  return out;
}
