// Scoring survey responses against an instrument definition (issue 9), many at once, into flat matrices for the
// reliability and agreement functions. The conventions, so that results equal the reference tools:
// - an item's score: a Likert answer's point `score` when given, else its `value`; a single-choice answer's option
//   `score` (only when every option has one); a number answer itself. Multiple-choice and text items have no score.
// - a reverse-keyed item scores (min + max) − x, min and max over the item's possible scores (its scale's points,
//   its options, or a number item's `min`/`max`).
// - a subscale is the mean (or sum) of its answered items, missing when fewer than `minAnswered` were answered
//   (a fraction f of n items needs ceil(f·n); default one half).
// - `transform: 'percent'` maps the possible range onto 0–100: 100·Σ(x − min) / Σ(max − min) over the answered
//   items, which for items sharing one scale is (mean − min) / (max − min)·100.
// The input types are structural so that the contracts' InstrumentDefinition (which depends on this package) fits.
import { emptyScoreMatrix, type ScoreMatrix } from './score-matrix.ts';
import { ScoringError } from './scoring.ts';

export type SurveyItemType = 'likert' | 'single' | 'multiple' | 'number' | 'text';

export interface SurveyInstrument {
  readonly scales: readonly { readonly id: string; readonly points: readonly { readonly value: number; readonly score?: number | undefined }[] }[];
  readonly items: readonly SurveyItem[];
  readonly subscales: readonly SurveySubscale[];
}

export interface SurveyItem {
  readonly name: string;
  readonly type: SurveyItemType;
  readonly scale?: string | undefined;
  readonly options?: readonly { readonly code: string; readonly score?: number | undefined }[] | undefined;
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  readonly reverse?: boolean | undefined;
}

export interface SurveySubscale {
  readonly id: string;
  readonly items: readonly string[];
  readonly aggregate?: 'mean' | 'sum' | undefined;
  readonly minAnswered?: { readonly fraction: number } | { readonly count: number } | undefined;
  readonly transform?: 'none' | 'percent' | undefined;
}

/** One response's answers by item name; null or absent is unanswered. */
export type SurveyAnswers = Readonly<Record<string, unknown>>;

/** An item that has a score, and its column in the item matrix. */
export interface ScoredSurveyItem {
  name: string;
  column: number;
  type: 'likert' | 'single' | 'number';
  reverse: boolean;
  /** The lowest and highest possible scores; null for a number item without bounds. */
  min: number | null;
  max: number | null;
}

export interface ScoredSubscale {
  id: string;
  /** Columns of its items in the item matrix. */
  columns: number[];
  aggregate: 'mean' | 'sum';
  transform: 'none' | 'percent';
  /** The fewest answered items for a score. */
  needed: number;
  /** The lowest and highest score possible with any allowed set of answered items; null when an item has no bounds. */
  min: number | null;
  max: number | null;
  /**
   * When every item has the same possible scores (A of them): A, and the variance of those scores taken as equally
   * likely — the uniform null of rwg(j), (A² − 1)/12 for scores 1 … A. Null otherwise (e.g. number items).
   */
  responseOptions: number | null;
  nullVariance: number | null;
}

export interface SurveyLayout {
  items: ScoredSurveyItem[];
  subscales: ScoredSubscale[];
}

export interface SurveyScores {
  layout: SurveyLayout;
  /** Respondents × scored items (after reverse keying); NaN unanswered. */
  items: ScoreMatrix;
  /** Respondents × subscales; NaN when too few items were answered. */
  subscales: ScoreMatrix;
  /** Answered items per respondent and subscale, column by column like the matrices. */
  answered: Uint16Array;
}

interface ItemCoder {
  readonly name: string;
  readonly type: 'likert' | 'single' | 'number';
  /** Likert: scores by value − base (NaN where no point), or by value when values are not small integers. */
  readonly base: number;
  readonly table: Float64Array | null;
  readonly byValue: ReadonlyMap<number, number> | null;
  readonly byCode: ReadonlyMap<string, number> | null;
  readonly scaleId: string;
  readonly min: number;
  readonly max: number;
  /** min + max for a reverse-keyed item, else NaN. */
  readonly flip: number;
  readonly possible: number[] | null;
}

const MAX_TABLE = 4096;

/** Which items have scores, their columns, and each subscale's rule; throws a ScoringError naming what is wrong. */
export function surveyLayout(instrument: SurveyInstrument): SurveyLayout {
  return compile(instrument).layout;
}

/** Scores many responses at once: item scores (reverse-keyed) and subscale scores as matrices. */
export function scoreSurveyResponses(instrument: SurveyInstrument, responses: readonly SurveyAnswers[]): SurveyScores {
  const { layout, coders } = compile(instrument);
  const rows = responses.length;
  const items = emptyScoreMatrix(rows, coders.length);
  const data = items.data;
  const columnOf = new Map(coders.map((coder, column) => [coder.name, column]));
  for (let r = 0; r < rows; r++) {
    // Stored JSON is checked again here: a caller's types do not make a database row an object.
    const answers = responses[r] as unknown;
    if (typeof answers !== 'object' || answers === null) throw new ScoringError(`responses[${r}] is not a set of answers`);
    const byName = answers as SurveyAnswers;
    // Over the answers the response holds rather than every item's name (a fifth less time on 100,000 responses).
    // An answer that does not fit is reported for the first such item in the instrument's order.
    for (const name in byName) {
      const column = columnOf.get(name);
      if (column === undefined) continue;
      const raw = byName[name];
      if (raw === null || raw === undefined) continue;
      const score = codeAnswer(coders[column]!, raw);
      if (Number.isNaN(score)) throw firstProblem(coders, byName, r);
      data[column * rows + r] = score;
    }
  }

  const subscales = emptyScoreMatrix(rows, layout.subscales.length);
  const answered = new Uint16Array(rows * layout.subscales.length);
  const sums = new Float64Array(rows);
  const spans = new Float64Array(rows);
  layout.subscales.forEach((subscale, s) => {
    sums.fill(0);
    spans.fill(0);
    const counts = answered.subarray(s * rows, (s + 1) * rows);
    const percent = subscale.transform === 'percent';
    for (const column of subscale.columns) {
      const offset = column * rows;
      const low = percent ? coders[column]!.min : 0;
      const range = coders[column]!.max - coders[column]!.min;
      for (let r = 0; r < rows; r++) {
        const x = data[offset + r]!;
        if (Number.isNaN(x)) continue;
        sums[r]! += x - low;
        spans[r]! += range;
        counts[r]!++;
      }
    }
    const out = subscales.data.subarray(s * rows, (s + 1) * rows);
    for (let r = 0; r < rows; r++) {
      const k = counts[r]!;
      if (k < subscale.needed) continue;
      out[r] = percent ? (100 * sums[r]!) / spans[r]! : subscale.aggregate === 'mean' ? sums[r]! / k : sums[r]!;
    }
  });
  return { layout, items, subscales, answered };
}

/** An item's score after reverse keying: (min + max) − x. */
export function reverseScore(score: number, min: number, max: number): number {
  return min + max - score;
}

/** An answer's score after reverse keying; NaN when the answer does not fit the item. */
function codeAnswer(coder: ItemCoder, raw: unknown): number {
  let score = Number.NaN;
  switch (coder.type) {
    case 'likert':
      if (typeof raw === 'number') {
        if (coder.table) {
          const index = raw - coder.base;
          if (Number.isInteger(index) && index >= 0 && index < coder.table.length) score = coder.table[index]!;
        } else {
          score = coder.byValue!.get(raw) ?? Number.NaN;
        }
      }
      break;
    case 'single':
      if (typeof raw === 'string') score = coder.byCode!.get(raw) ?? Number.NaN;
      break;
    case 'number':
      if (typeof raw === 'number' && Number.isFinite(raw) && raw >= coder.min && raw <= coder.max) score = raw;
      break;
  }
  return Number.isNaN(coder.flip) ? score : coder.flip - score;
}

/** The error for a response holding an answer that does not fit: the first such item in the instrument's order. */
function firstProblem(coders: readonly ItemCoder[], answers: SurveyAnswers, r: number): ScoringError {
  const held = new Set<string>();
  for (const name in answers) held.add(name);
  for (const coder of coders) {
    const raw = held.has(coder.name) ? answers[coder.name] : undefined;
    if (raw === null || raw === undefined || !Number.isNaN(codeAnswer(coder, raw))) continue;
    const at = `responses[${r}].${coder.name}`;
    switch (coder.type) {
      case 'likert':
        return new ScoringError(`${at}: the answer is not a point of scale ${coder.scaleId}`);
      case 'single':
        return new ScoringError(`${at}: the answer is not one of the item's options`);
      case 'number':
        return new ScoringError(typeof raw === 'number' && Number.isFinite(raw) ? `${at}: the answer is outside the item's range` : `${at}: the answer is not a number`);
    }
  }
  return new ScoringError(`responses[${r}]: an answer does not fit its item`);
}

function compile(instrument: SurveyInstrument): { layout: SurveyLayout; coders: ItemCoder[] } {
  const scales = new Map(instrument.scales.map((scale) => [scale.id, scale]));
  const names = new Set<string>();
  const coders: ItemCoder[] = [];
  const unscored = new Set<string>();
  for (const item of instrument.items) {
    if (names.has(item.name)) throw new ScoringError(`items.${item.name}: the name is used twice`);
    names.add(item.name);
    const coder = itemCoder(item, scales);
    if (coder) coders.push(coder);
    else unscored.add(item.name);
  }
  const columns = new Map(coders.map((coder, column) => [coder.name, column]));
  const items: ScoredSurveyItem[] = coders.map((coder, column) => ({
    name: coder.name,
    column,
    type: coder.type,
    reverse: !Number.isNaN(coder.flip),
    min: Number.isFinite(coder.min) ? coder.min : null,
    max: Number.isFinite(coder.max) ? coder.max : null,
  }));
  const subscales = instrument.subscales.map((subscale) => compileSubscale(subscale, columns, coders, unscored));
  return { layout: { items, subscales }, coders };
}

function itemCoder(item: SurveyItem, scales: ReadonlyMap<string, SurveyInstrument['scales'][number]>): ItemCoder | null {
  const at = `items.${item.name}`;
  const reverse = item.reverse === true;
  const coder = (fields: Partial<ItemCoder> & Pick<ItemCoder, 'type' | 'min' | 'max'>): ItemCoder => {
    const flip = reverse ? fields.min + fields.max : Number.NaN;
    const possible = fields.possible ? fields.possible.map((s) => (reverse ? flip - s : s)).sort((a, b) => a - b) : null;
    return { name: item.name, base: 0, table: null, byValue: null, byCode: null, scaleId: '', ...fields, flip, possible };
  };
  switch (item.type) {
    case 'multiple':
    case 'text':
      return null;
    case 'likert': {
      const scale = item.scale === undefined ? undefined : scales.get(item.scale);
      if (!scale) throw new ScoringError(`${at}: a Likert item needs a known response scale`);
      if (scale.points.length < 2) throw new ScoringError(`scales.${scale.id}: needs at least two points`);
      const byValue = new Map<number, number>();
      for (const point of scale.points) {
        const score = point.score ?? point.value;
        if (!Number.isFinite(point.value) || !Number.isFinite(score)) throw new ScoringError(`scales.${scale.id}: point values and scores must be numbers`);
        if (byValue.has(point.value)) throw new ScoringError(`scales.${scale.id}: point values must be unique`);
        byValue.set(point.value, score);
      }
      const values = [...byValue.keys()];
      const scores = [...byValue.values()];
      const base = Math.min(...values);
      const width = Math.max(...values) - base + 1;
      const table = values.every(Number.isInteger) && width <= MAX_TABLE ? new Float64Array(width).fill(Number.NaN) : null;
      if (table) for (const [value, score] of byValue) table[value - base] = score;
      return coder({ type: 'likert', base, table, byValue: table ? null : byValue, scaleId: scale.id, min: Math.min(...scores), max: Math.max(...scores), possible: scores });
    }
    case 'single': {
      const options = item.options ?? [];
      if (options.length === 0 || options.some((o) => o.score === undefined || !Number.isFinite(o.score))) return null;
      const byCode = new Map(options.map((o) => [o.code, o.score!]));
      if (byCode.size !== options.length) throw new ScoringError(`${at}: option codes must be unique`);
      const scores = options.map((o) => o.score!);
      return coder({ type: 'single', byCode, min: Math.min(...scores), max: Math.max(...scores), possible: scores });
    }
    case 'number': {
      const min = item.min ?? Number.NEGATIVE_INFINITY;
      const max = item.max ?? Number.POSITIVE_INFINITY;
      if (min > max) throw new ScoringError(`${at}: min must not exceed max`);
      if (reverse && !(Number.isFinite(min) && Number.isFinite(max))) throw new ScoringError(`${at}: a reverse-keyed number item needs a min and a max`);
      return coder({ type: 'number', min, max });
    }
  }
}

/**
 * The lowest and highest score any allowed set of answered items gives (the fewest allowed is `needed`): a mean at
 * its lowest takes the `needed` lowest item minimums (more items can only raise it), a sum those and every further
 * negative minimum; the highest likewise. So a sum of two of three 1–7 items can be 2, below 3 × 1.
 */
function possibleRange(coders: readonly ItemCoder[], aggregate: 'mean' | 'sum', needed: number): [number, number] {
  const extreme = (sorted: number[], adds: (x: number) => boolean) => {
    const fewest = sorted.slice(0, needed).reduce((a, b) => a + b, 0);
    return aggregate === 'mean' ? fewest / needed : sorted.slice(needed).reduce((sum, x) => (adds(x) ? sum + x : sum), fewest);
  };
  return [
    extreme(coders.map((c) => c.min).sort((a, b) => a - b), (x) => x < 0),
    extreme(coders.map((c) => c.max).sort((a, b) => b - a), (x) => x > 0),
  ];
}

function compileSubscale(subscale: SurveySubscale, columns: ReadonlyMap<string, number>, coders: readonly ItemCoder[], unscored: ReadonlySet<string>): ScoredSubscale {
  const at = `subscales.${subscale.id}`;
  const n = subscale.items.length;
  if (n === 0) throw new ScoringError(`${at}: has no items`);
  if (new Set(subscale.items).size !== n) throw new ScoringError(`${at}: names an item twice`);
  const ownColumns = subscale.items.map((name) => {
    const column = columns.get(name);
    if (column === undefined) throw new ScoringError(unscored.has(name) ? `${at}: ${name} has no numeric score` : `${at}: names an unknown item ${name}`);
    return column;
  });
  const aggregate = subscale.aggregate ?? 'mean';
  const transform = subscale.transform ?? 'none';
  const rule = subscale.minAnswered ?? { fraction: 0.5 };
  let needed: number;
  if ('fraction' in rule) {
    if (!(rule.fraction > 0 && rule.fraction <= 1)) throw new ScoringError(`${at}.minAnswered: the fraction must be above 0 and at most 1`);
    // The small allowance keeps 0.6 × 5 (3.0000000000000004 in floating point) at 3.
    needed = Math.max(1, Math.ceil(rule.fraction * n - 1e-9));
  } else {
    if (!Number.isInteger(rule.count) || rule.count < 1 || rule.count > n) throw new ScoringError(`${at}.minAnswered: the count must be a whole number from 1 to ${n}`);
    needed = rule.count;
  }
  const ownCoders = ownColumns.map((column) => coders[column]!);
  const bounded = ownCoders.every((c) => Number.isFinite(c.min) && Number.isFinite(c.max));
  if (transform === 'percent' && !(bounded && ownCoders.every((c) => c.max > c.min))) throw new ScoringError(`${at}: a percent transform needs every item to have a min below its max`);
  const range: [number, number] | [null, null] = !bounded ? [null, null] : transform === 'percent' ? [0, 100] : possibleRange(ownCoders, aggregate, needed);

  const first = ownCoders[0]!.possible;
  const shared = first !== null && ownCoders.every((c) => c.possible !== null && c.possible.length === first.length && c.possible.every((s, i) => s === first[i]));
  let nullVariance: number | null = null;
  if (shared) {
    const mean = first.reduce((a, b) => a + b, 0) / first.length;
    nullVariance = first.reduce((sum, s) => sum + (s - mean) ** 2, 0) / first.length;
    if (!(nullVariance > 0)) nullVariance = null;
  }
  return {
    id: subscale.id,
    columns: ownColumns,
    aggregate,
    transform,
    needed,
    min: range[0],
    max: range[1],
    responseOptions: nullVariance === null ? null : first!.length,
    nullVariance,
  };
}
