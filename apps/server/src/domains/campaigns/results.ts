import {
  binEdges,
  cronbachAlpha,
  describe,
  emptyScoreMatrix,
  histogram,
  icc,
  rwgJ,
  scoreSurveyResponses,
  suppressSmallCells,
  type ScoredSubscale,
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
  items: Float64Array[];
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
  const pooled = new Map<string, Pooled>();
  for (const { group, definition } of input.groups) {
    const rows = rowsByGroup.get(group) ?? [];
    if (rows.length === 0 && pooled.size > 0 && definition.subscales.every((s) => pooled.has(s.id))) continue;
    const scores = scoreSurveyResponses(definition, rows.map((r) => input.responses[r]!.answers as Record<string, unknown>));
    scores.layout.subscales.forEach((layout, s) => {
      const subscale = definition.subscales.find((d) => d.id === layout.id)!;
      let target = pooled.get(layout.id);
      if (!target) {
        target = {
          id: layout.id,
          name: text(subscale.name, input.language),
          outcome: subscale.outcome,
          layout,
          itemNames: [],
          score: new Float64Array(total).fill(Number.NaN),
          items: [],
        };
        pooled.set(layout.id, target);
      }
      const column = scores.subscales.data.subarray(s * rows.length, (s + 1) * rows.length);
      rows.forEach((row, i) => (target.score[row] = column[i]!));
      for (const itemColumn of layout.columns) {
        const name = scores.layout.items[itemColumn]!.name;
        let index = target.itemNames.indexOf(name);
        if (index < 0) {
          index = target.itemNames.push(name) - 1;
          target.items.push(new Float64Array(total).fill(Number.NaN));
        }
        const values = scores.items.data.subarray(itemColumn * rows.length, (itemColumn + 1) * rows.length);
        rows.forEach((row, i) => (target.items[index]![row] = values[i]!));
      }
    });
  }
  return [...pooled.values()];
}

/** The results of one wave (or of all waves), withheld below k. */
export function computeResults(input: ResultsInput, waveId: string | null): CampaignResults {
  const { k } = input;
  const rowsByGroup = new Map<string, number[]>();
  input.responses.forEach((r, i) => pushTo(rowsByGroup, r.group, i));
  const keyOf = {
    country: (r: ResultsInput['responses'][number]) => input.programs.get(r.programId)?.countryCode ?? '',
    group: (r: ResultsInput['responses'][number]) => r.group,
    program: (r: ResultsInput['responses'][number]) => r.programId,
    setting: (r: ResultsInput['responses'][number]) => input.programs.get(r.programId)?.setting ?? '',
    wave: (r: ResultsInput['responses'][number]) => r.waveId,
    language: (r: ResultsInput['responses'][number]) => r.language,
  } as const;
  const labelOf = (dimension: (typeof RESULT_DIMENSIONS)[number], key: string) =>
    dimension === 'program' ? (input.programs.get(key)?.name ?? key) : dimension === 'wave' ? (input.waves.find((w) => w.id === key)?.name ?? key) : input.labels(dimension, key);

  const scales: ScaleResult[] = pool(input, rowsByGroup).map((scale) => {
    const { min, max } = scale.layout;
    const edges = min !== null && max !== null && max > min ? binEdges(min, max, BINS) : [];
    const answeredRows = (rows: number[]) => rows.filter((r) => !Number.isNaN(scale.score[r]!));
    const summary = (key: string, label: string, rows: number[], shown: boolean): ScoreSummary => {
      if (!shown) return { key, label, n: null, mean: null, sd: null, quartiles: null, histogram: null, suppressed: true };
      const d = describe(scale.score, rows);
      return { key, label, n: d.n, mean: d.mean, sd: d.sd, quartiles: d.quartiles, histogram: edges.length ? histogram(scale.score, edges, rows) : null, suppressed: false };
    };
    const all = answeredRows(input.responses.map((_, i) => i));
    const by = Object.fromEntries(
      RESULT_DIMENSIONS.map((dimension) => {
        const groups = new Map<string, number[]>();
        for (const row of all) {
          const key = keyOf[dimension](input.responses[row]!);
          pushTo(groups, key, row);
        }
        const keys = [...groups.keys()].sort((a, b) => labelOf(dimension, a).localeCompare(labelOf(dimension, b)));
        const shown = suppressSmallCells(keys.map((key) => groups.get(key)!.length), k);
        return [dimension, keys.map((key, i) => summary(key, labelOf(dimension, key), groups.get(key)!, shown[i] !== null))];
      }),
    ) as ScaleResult['by'];

    // Alpha over the scale's items, for the rows that answered at least one of them.
    const matrix = emptyScoreMatrix(input.responses.length, scale.items.length);
    scale.items.forEach((values, c) => matrix.data.set(values, c * input.responses.length));
    const alphaOf = (key: string, label: string, rows: number[]) => {
      const result = cronbachAlpha(matrix, { rows });
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
    const rowsWhere = (test: (r: ResultsInput['responses'][number]) => boolean) =>
      input.responses.flatMap((r, i) => (test(r) && scale.items.some((values) => !Number.isNaN(values[i]!)) ? [i] : []));
    const countries = [...new Set(input.responses.map(keyOf.country))].sort();
    const languages = [...new Set(input.responses.map((r) => r.language))].sort();

    const programOf = input.responses.map((r) => r.programId);
    const rwg =
      scale.layout.nullVariance === null
        ? []
        : rwgJ(matrix, programOf, { nullVariance: scale.layout.nullVariance }).map((g) => {
            const shown = g.n >= k;
            return { programId: g.group, label: labelOf('program', g.group), n: shown ? g.n : null, rwg: shown ? g.rwg : null, suppressed: !shown };
          });
    const agreement = icc(scale.score, programOf);
    // ICC needs at least k respondents in all: it describes programs together, not one of them.
    const iccShown = agreement.n >= k;
    return {
      id: scale.id,
      name: scale.name,
      outcome: scale.outcome,
      min,
      max,
      bins: edges,
      overall: summary('all', 'all', all, all.length === 0 || all.length >= k),
      by,
      alpha: {
        overall: alphaOf('all', 'all', rowsWhere(() => true)),
        byCountry: countries.map((c) => alphaOf(c, input.labels('country', c), rowsWhere((r) => keyOf.country(r) === c))),
        byLanguage: languages.map((l) => alphaOf(l, input.labels('language', l), rowsWhere((r) => r.language === l))),
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
  return { k, waveId, responses: input.responses.length, scales };
}
