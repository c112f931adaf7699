import {
  binEdges,
  cronbachAlpha,
  describeSets,
  emptyScoreMatrix,
  icc,
  rwgJ,
  scoreSurveyResponses,
  suppressSmallCells,
  type ScoredSubscale,
  type ScoreMatrix,
  type Summary,
  type SurveyScores,
} from '@alongside/stats';
import type { CampaignResults, InstrumentDefinition, Language, ScaleResult, ScoreSummary, StakeholderGroup } from '@alongside/contracts';
import { RESULT_DIMENSIONS } from '@alongside/contracts';

// Campaign results from stored responses: every scale's scores by country, stakeholder group, program, setting,
// wave and language, Cronbach's alpha overall and per country and language, rwg(j) per program and ICC(1)/ICC(2)
// across programs. Every figure about fewer than k respondents is withheld, and so is a second one in the same
// breakdown when only one is (otherwise it could be worked out from the total). Pure: the service loads the rows.

export interface ResultsInput {
  k: number;
  language: Language;
  groups: { group: StakeholderGroup; definition: InstrumentDefinition }[];
  programs: ReadonlyMap<string, { name: string; countryCode: string; setting: string }>;
  waves: { id: string; name: string }[];
  responses: readonly { waveId: string; programId: string; group: string; language: string; answers: unknown }[];
  /** Labels for keys that are codes (country, group, setting, language), in the reader's language. */
  labels: (dimension: 'country' | 'group' | 'setting' | 'language', code: string) => string;
}

interface Pooled {
  id: string;
  name: string;
  outcome: boolean;
  layout: ScoredSubscale;
  /** Item names of the scale, the union over the groups' instruments (alpha columns). */
  itemNames: string[];
  score: Float64Array;
  /** Every response × the scale's items (NaN where a group's instrument has no such item). */
  items: ScoreMatrix;
}

const BINS = 8;
const pushTo = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};
const text = (localized: Partial<Record<Language, string>>, language: Language) => localized[language] ?? localized.en ?? Object.values(localized)[0] ?? '';

/** Scores every response with its group's instrument and pools each subscale across groups (by subscale id). */
function pool(input: ResultsInput, rowsByGroup: Map<string, number[]>): Pooled[] {
  const total = input.responses.length;
  const scored: { rows: number[]; scores: SurveyScores }[] = [];
  const pooled = new Map<string, Pooled>();
  for (const { group, definition } of input.groups) {
    const rows = rowsByGroup.get(group) ?? [];
    if (rows.length === 0 && pooled.size > 0 && definition.subscales.every((s) => pooled.has(s.id))) continue;
    const scores = scoreSurveyResponses(definition, rows.map((r) => input.responses[r]!.answers as Record<string, unknown>));
    scored.push({ rows, scores });
    for (const layout of scores.layout.subscales) {
      const subscale = definition.subscales.find((d) => d.id === layout.id)!;
      let target = pooled.get(layout.id);
      if (!target) {
        target = { id: layout.id, name: text(subscale.name, input.language), outcome: subscale.outcome, layout, itemNames: [], score: new Float64Array(total).fill(Number.NaN), items: emptyScoreMatrix(0, 0) };
        pooled.set(layout.id, target);
      }
      for (const column of layout.columns) {
        const name = scores.layout.items[column]!.name;
        if (!target.itemNames.includes(name)) target.itemNames.push(name);
      }
    }
  }
  // Once every scale's items are known, each gets one matrix of them, which alpha and rwg(j) read as it is.
  for (const target of pooled.values()) target.items = emptyScoreMatrix(total, target.itemNames.length);
  for (const { rows, scores } of scored) {
    scores.layout.subscales.forEach((layout, s) => {
      const target = pooled.get(layout.id)!;
      scatter(scores.subscales.data, s * rows.length, rows, target.score, 0);
      for (const column of layout.columns) {
        const index = target.itemNames.indexOf(scores.layout.items[column]!.name);
        scatter(scores.items.data, column * rows.length, rows, target.items.data, index * total);
      }
    });
  }
  return [...pooled.values()];
}

/** Copies a group's column (from `offset`) to the rows of all responses it belongs to (from `at`). */
function scatter(from: Float64Array, offset: number, rows: readonly number[], to: Float64Array, at: number) {
  for (let i = 0; i < rows.length; i++) to[at + rows[i]!] = from[offset + i]!;
}

/** Each row's key as a small integer, in order of first appearance, and the keys by their number. */
function codesOf(keys: readonly string[]): { codes: Int32Array; names: string[] } {
  const index = new Map<string, number>();
  const names: string[] = [];
  const codes = new Int32Array(keys.length);
  for (let row = 0; row < keys.length; row++) {
    let code = index.get(keys[row]!);
    if (code === undefined) {
      code = names.push(keys[row]!) - 1;
      index.set(keys[row]!, code);
    }
    codes[row] = code;
  }
  return { codes, names };
}

/** The rows of each key, keys in order of first appearance, rows in order. */
function partition(keys: readonly string[]): Map<string, Int32Array> {
  const { codes, names } = codesOf(keys);
  // Counting sort by code: one array of rows, each key's part of it a view.
  const starts = new Int32Array(names.length + 1);
  for (const code of codes) starts[code + 1]!++;
  for (let c = 0; c < names.length; c++) starts[c + 1]! += starts[c]!;
  const rows = new Int32Array(keys.length);
  const next = starts.slice(0, names.length);
  for (let row = 0; row < codes.length; row++) rows[next[codes[row]!]!++] = row;
  return new Map(names.map((name, c) => [name, rows.subarray(starts[c], starts[c + 1])]));
}

/** The results of one wave (or of all waves), withheld below k. */
export function computeResults(input: ResultsInput, waveId: string | null): CampaignResults {
  const { k, responses } = input;
  const rowsByGroup = new Map<string, number[]>();
  responses.forEach((r, i) => pushTo(rowsByGroup, r.group, i));
  const labelOf = (dimension: (typeof RESULT_DIMENSIONS)[number], key: string) =>
    dimension === 'program' ? (input.programs.get(key)?.name ?? key) : dimension === 'wave' ? (input.waves.find((w) => w.id === key)?.name ?? key) : input.labels(dimension, key);

  // Every response's key in every breakdown, and the rows of each key: worked out once for all scales.
  const programOf = responses.map((r) => input.programs.get(r.programId));
  const keysOf = {
    country: programOf.map((p) => p?.countryCode ?? ''),
    group: responses.map((r) => r.group),
    program: responses.map((r) => r.programId),
    setting: programOf.map((p) => p?.setting ?? ''),
    wave: responses.map((r) => r.waveId),
    language: responses.map((r) => r.language),
  } satisfies Record<(typeof RESULT_DIMENSIONS)[number], string[]>;
  const breakdowns = RESULT_DIMENSIONS.map((dimension) => ({
    dimension,
    cells: [...partition(keysOf[dimension])].map(([key, rows]) => ({ key, label: labelOf(dimension, key), rows })),
  }));
  const rowsBy = (dimension: (typeof RESULT_DIMENSIONS)[number]) => new Map(breakdowns.find((b) => b.dimension === dimension)!.cells.map((cell) => [cell.key, cell.rows]));
  const countryRows = rowsBy('country');
  const languageRows = rowsBy('language');
  const countries = [...countryRows.keys()].sort();
  const languages = [...languageRows.keys()].sort();
  const programs = codesOf(keysOf.program);
  // As String.prototype.localeCompare without a locale compares.
  const collator = new Intl.Collator();

  const scales: ScaleResult[] = pool(input, rowsByGroup).map((scale) => {
    const { min, max } = scale.layout;
    const edges = min !== null && max !== null && max > min ? binEdges(min, max, BINS) : [];
    // Everyone and every cell of every breakdown described at once (rows without a score are skipped, so each cell
    // passes all of its rows); the cells under k are withheld below, their figures never leave this function.
    const described = describeSets(scale.score, [undefined, ...breakdowns.flatMap(({ cells }) => cells.map((cell) => cell.rows))], edges.length ? edges : undefined);
    const summary = (key: string, label: string, d: Summary, shown: boolean): ScoreSummary =>
      shown
        ? { key, label, n: d.n, mean: d.mean, sd: d.sd, quartiles: d.quartiles, histogram: d.histogram, suppressed: false }
        : { key, label, n: null, mean: null, sd: null, quartiles: null, histogram: null, suppressed: true };
    const firstScored = (rows: Int32Array) => rows.find((r) => !Number.isNaN(scale.score[r]!)) ?? -1;
    let next = 1;
    const by = Object.fromEntries(
      breakdowns.map(({ dimension, cells }) => {
        // Cells with a score, by label, then (same label) by their first scored response, as they were met.
        const present = cells
          .map((cell) => ({ ...cell, d: described[next++]! }))
          .filter((cell) => cell.d.n > 0)
          .sort((a, b) => collator.compare(a.label, b.label) || firstScored(a.rows) - firstScored(b.rows));
        const shown = suppressSmallCells(
          present.map((cell) => cell.d.n),
          k,
        );
        return [dimension, present.map((cell, i) => summary(cell.key, cell.label, cell.d, shown[i] !== null))];
      }),
    ) as ScaleResult['by'];
    const everyone = described[0]!;

    // Alpha over the scale's items. Rows that answered none of them change nothing (pairwise-complete, and n counts
    // only respondents who answered), so each subset passes all of its rows.
    const matrix = scale.items;
    const alphaOf = (key: string, label: string, rows: Int32Array | undefined) => {
      const result = cronbachAlpha(matrix, rows ? { rows } : {});
      const shown = result.n >= k;
      return {
        key,
        label,
        n: shown ? result.n : null,
        alpha: shown ? result.alpha : null,
        items: shown ? result.items.map((item) => ({ name: scale.itemNames[item.column]!, itemRest: item.itemRest })) : [],
        suppressed: !shown,
        problem: shown ? result.reason : null,
      };
    };

    const rwg =
      scale.layout.nullVariance === null
        ? []
        : rwgJ(matrix, programs.codes, { nullVariance: scale.layout.nullVariance }).map((g) => {
            const shown = g.n >= k;
            const programId = programs.names[g.group]!;
            return { programId, label: labelOf('program', programId), n: shown ? g.n : null, rwg: shown ? g.rwg : null, suppressed: !shown };
          });
    const agreement = icc(scale.score, programs.codes);
    // ICC needs at least k respondents in all: it describes programs together, not one of them.
    const iccShown = agreement.n >= k;
    return {
      id: scale.id,
      name: scale.name,
      outcome: scale.outcome,
      min,
      max,
      bins: edges,
      overall: summary('all', 'all', everyone, everyone.n === 0 || everyone.n >= k),
      by,
      alpha: {
        overall: alphaOf('all', 'all', undefined),
        byCountry: countries.map((c) => alphaOf(c, input.labels('country', c), countryRows.get(c))),
        byLanguage: languages.map((l) => alphaOf(l, input.labels('language', l), languageRows.get(l))),
      },
      rwg,
      icc: {
        icc1: iccShown ? agreement.icc1 : null,
        icc2: iccShown ? agreement.icc2 : null,
        programs: agreement.groups,
        n: agreement.n,
        problem: iccShown ? agreement.reason : 'small_group',
      },
    };
  });
  return { k, waveId, responses: responses.length, scales };
}
