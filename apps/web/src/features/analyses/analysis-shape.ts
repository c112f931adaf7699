import type { AnalysisResult, MixedFitResult } from '@alongside/contracts';
import type { ChartOption } from '../../components/EChart.tsx';
import { SERIES_COLOURS } from '../campaigns/results-shape.ts';

type FixedEffect = MixedFitResult['fixed'][number];

/** A part of a result that could not be computed, and why (the contracts' shape). */
export interface UnavailablePart {
  unavailable: { code: string; message: string; terms: string[] };
}

/** Whether a part of a result (the mixed model, the program level, the countries…) could not be computed. */
export const isUnavailable = (part: object): part is UnavailablePart => 'unavailable' in part;

/** What a model term is about: a factor (or its within/between part), the intercept, the country or a group. */
export type TermKind =
  | { kind: 'intercept' }
  | { kind: 'factor'; factor: string; part?: 'within' | 'between' }
  | { kind: 'country'; country: string }
  | { kind: 'group'; group: string }
  | { kind: 'interaction'; factor: string; country: string }
  | { kind: 'other' };

/** Reads R's term names (`(Intercept)`, `collab_culture`, `countryNO`, `groupclinician`, `collab_culture:countryNO`). */
export function termKind(term: string, factors: readonly string[]): TermKind {
  if (term === '(Intercept)') return { kind: 'intercept' };
  if (factors.includes(term)) return { kind: 'factor', factor: term };
  const interaction = /^(.+):country([A-Z]{2})$/.exec(term);
  if (interaction && factors.includes(interaction[1]!))
    return { kind: 'interaction', factor: interaction[1]!, country: interaction[2]! };
  const part = /^(.+)_(within|between)$/.exec(term);
  if (part && factors.includes(part[1]!))
    return { kind: 'factor', factor: part[1]!, part: part[2] === 'within' ? 'within' : 'between' };
  const country = /^country([A-Z]{2})$/.exec(term);
  if (country) return { kind: 'country', country: country[1]! };
  const group = /^group([a-z_]+)$/.exec(term);
  if (group) return { kind: 'group', group: group[1]! };
  return { kind: 'other' };
}

/** One line of a forest plot: an estimate and its 95 % interval. */
export interface IntervalRow {
  key: string;
  estimate: number;
  low: number;
  high: number;
  /** Which series (legend entry) the row belongs to. */
  series: number;
}

/** The factors' standardized fixed effects with their t-based 95 % intervals, in the spec's order; others left out. */
export function forestRows(fixed: readonly FixedEffect[], factors: readonly string[]): IntervalRow[] {
  return factors.flatMap((factor) => {
    const e = fixed.find((f) => f.term === factor);
    if (!e || e.estimate === null || e.tLow === null || e.tHigh === null) return [];
    return [{ key: factor, estimate: e.estimate, low: e.tLow, high: e.tHigh, series: 0 }];
  });
}

export type Direction = 'positive' | 'negative' | 'unclear';

/** A factor clearly goes with the outcome when its 95 % interval does not cross 0. */
export const direction = (row: Pick<IntervalRow, 'low' | 'high'>): Direction =>
  row.low > 0 ? 'positive' : row.high < 0 ? 'negative' : 'unclear';

/** The plain-language summary's grouping: factors that clearly go up or down with the outcome, and those the data cannot tell from no effect. */
export function classifyFactors(rows: readonly IntervalRow[]): {
  positive: string[];
  negative: string[];
  unclear: string[];
  /** Two or more clear factors whose intervals overlap the strongest one's: the data cannot rank them. */
  cannotRank: string[];
} {
  const clear = rows.filter((r) => direction(r) !== 'unclear');
  const strongest = [...clear].sort((a, b) => Math.abs(b.estimate) - Math.abs(a.estimate))[0];
  const overlapping = strongest
    ? clear.filter((r) => r === strongest || (r.low <= strongest.high && strongest.low <= r.high))
    : [];
  return {
    positive: rows.filter((r) => direction(r) === 'positive').map((r) => r.key),
    negative: rows.filter((r) => direction(r) === 'negative').map((r) => r.key),
    unclear: rows.filter((r) => direction(r) === 'unclear').map((r) => r.key),
    cannotRank: overlapping.length >= 2 ? overlapping.map((r) => r.key) : [],
  };
}

/** The variables that lost respondents to missing answers, most first (zeros left out). */
export function lostRows(lost: Record<string, number>): { key: string; count: number }[] {
  return Object.entries(lost)
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

const SMALL_DF_T975 = [12.706205, 4.302653, 3.182446, 2.776445];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom, by the Cornish–Fisher expansion around the normal
 * (error below 1e-4 for df ≥ 5, exact below; the slopes here have hundreds). Avoids shipping a distribution library to the browser.
 */
export function tQuantile975(df: number): number {
  const z = 1.959963984540054;
  if (!Number.isFinite(df) || df <= 0) return z;
  // The expansion is poor for very few df (a program-level fit of few programs): the exact values there.
  const exact = SMALL_DF_T975[df - 1];
  if (Number.isInteger(df) && exact !== undefined) return exact;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

type CountryComparison = Exclude<AnalysisResult['countries'], UnavailablePart>;

/** Each factor's slope in Canada (the interaction model's main effect) and in Norway (its contrast), with 95 % intervals. */
export function countryRows(
  countries: CountryComparison,
  factors: readonly string[],
): (IntervalRow & { country: string; factor: string })[] {
  return factors.flatMap((factor) => {
    const rows: (IntervalRow & { country: string; factor: string })[] = [];
    const ca = countries.interaction.fixed.find((f) => f.term === factor);
    if (ca && ca.estimate !== null && ca.tLow !== null && ca.tHigh !== null)
      rows.push({
        key: `${factor}:CA`,
        factor,
        country: 'CA',
        estimate: ca.estimate,
        low: ca.tLow,
        high: ca.tHigh,
        series: 0,
      });
    const no = countries.slopes.find((s) => s.factor === factor);
    if (no && no.estimate !== null && no.se !== null) {
      const half = tQuantile975(no.df ?? Number.POSITIVE_INFINITY) * no.se;
      rows.push({
        key: `${factor}:${no.country}`,
        factor,
        country: no.country,
        estimate: no.estimate,
        low: no.estimate - half,
        high: no.estimate + half,
        series: 1,
      });
    }
    return rows;
  });
}

export type ProgramLevel = Exclude<AnalysisResult['programLevel'], UnavailablePart>;

/**
 * The factors' program-level OLS slopes with 95 % intervals from their HC3 standard errors (t with the residual df),
 * in the spec's order: what the plain-language summary reads when the outcome has one value per program.
 */
export function programLevelRows(programLevel: ProgramLevel, factors: readonly string[]): IntervalRow[] {
  const { terms, df } = programLevel.ols;
  const half = tQuantile975(df);
  return factors.flatMap((factor) => {
    const o = terms.find((x) => x.term === factor);
    if (!o || o.estimate === null || o.seHC3 === null) return [];
    return [
      {
        key: factor,
        estimate: o.estimate,
        low: o.estimate - half * o.seHC3,
        high: o.estimate + half * o.seHC3,
        series: 0,
      },
    ];
  });
}

/** General dominance per factor with its bootstrap interval and rank stability, largest share first. */
export function importanceRows(programLevel: ProgramLevel): {
  key: string;
  weight: number;
  low: number | null;
  high: number | null;
  rankStability: number | null;
}[] {
  const { dominance, bootstrap } = programLevel;
  return dominance.factors
    .flatMap((key, i) => {
      const weight = dominance.general[i];
      if (weight === null || weight === undefined) return [];
      const interval = bootstrap?.intervals[i];
      return [
        {
          key,
          weight,
          low: interval?.low ?? null,
          high: interval?.high ?? null,
          rankStability: bootstrap?.rankStability[i] ?? null,
        },
      ];
    })
    .sort((a, b) => b.weight - a.weight);
}

// The series' colours pass 4.5:1 on white; each series also has its own symbol, and the legend names it.
const SYMBOLS = ['circle', 'diamond', 'triangle', 'rect'] as const;

/**
 * A forest plot: one row per line, the estimate as a point and its interval as a line, a dashed vertical line at
 * `reference` (0: no effect). Rows of several series (Canada, Norway) share the plot, each with its colour and symbol.
 */
export function intervalOption(
  rows: readonly IntervalRow[],
  text: { category: (row: IntervalRow) => string; series: readonly string[]; axis: string },
  narrow = false,
  reference: number | null = 0,
): ChartOption {
  const seriesOf = (i: number) => ({
    colour: SERIES_COLOURS[i % SERIES_COLOURS.length],
    symbol: SYMBOLS[i % SYMBOLS.length],
  });
  return {
    aria: { enabled: false },
    animation: false,
    grid: { left: 8, right: 24, top: text.series.length > 1 ? 36 : 12, bottom: 28, containLabel: true },
    legend:
      text.series.length > 1
        ? { top: 0, left: 0, textStyle: { color: '#212529' }, data: [...text.series] }
        : { show: false },
    tooltip: { show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => text.category(r)),
      axisLabel: { color: '#343a40', width: narrow ? 110 : 220, overflow: 'break' },
      axisTick: { show: false },
    },
    xAxis: {
      type: 'value',
      name: text.axis,
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { color: '#343a40' },
      axisLabel: { color: '#343a40' },
      splitLine: { lineStyle: { color: '#e9ecef' } },
    },
    series: [
      ...text.series.map((name, s) => ({
        name,
        type: 'scatter',
        symbol: seriesOf(s).symbol,
        symbolSize: 12,
        itemStyle: { color: seriesOf(s).colour },
        data: rows.map((r, i) => (r.series === s ? [r.estimate, i] : ['-', i])),
        ...(s === 0 && reference !== null
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                label: { show: false },
                lineStyle: { color: '#495057', type: 'dashed', width: 1.5 },
                data: [{ xAxis: reference }],
              },
            }
          : {}),
      })),
      ...rows.map((r, i) => ({
        type: 'line',
        symbol: 'none',
        silent: true,
        lineStyle: { color: seriesOf(r.series).colour, width: 3 },
        data: [
          [r.low, i],
          [r.high, i],
        ],
      })),
    ],
  };
}

/** Bars of the importance shares with their bootstrap intervals drawn over them. */
export function importanceOption(
  rows: readonly { key: string; weight: number; low: number | null; high: number | null }[],
  text: { category: (key: string) => string; axis: string },
  narrow = false,
): ChartOption {
  return {
    aria: { enabled: false },
    animation: false,
    grid: { left: 8, right: 24, top: 12, bottom: 28, containLabel: true },
    legend: { show: false },
    tooltip: { show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => text.category(r.key)),
      axisLabel: { color: '#343a40', width: narrow ? 110 : 220, overflow: 'break' },
      axisTick: { show: false },
    },
    xAxis: {
      type: 'value',
      min: 0,
      name: text.axis,
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { color: '#343a40' },
      axisLabel: { color: '#343a40' },
      splitLine: { lineStyle: { color: '#e9ecef' } },
    },
    series: [
      {
        type: 'bar',
        barWidth: '55%',
        itemStyle: { color: '#99f6e4', borderColor: SERIES_COLOURS[0], borderWidth: 1 },
        data: rows.map((r) => r.weight),
      },
      ...rows.flatMap((r, i) =>
        r.low === null || r.high === null
          ? []
          : [
              {
                type: 'line',
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#212529', width: 2 },
                data: [
                  [r.low, i],
                  [r.high, i],
                ],
              },
            ],
      ),
    ],
  };
}

export type LevelDominance = Exclude<NonNullable<AnalysisResult['levelDominance']>, UnavailablePart>;

/** One factor's share of the level-specific R² of the mixed model, within and between programs. */
export interface LevelDominanceRow {
  key: string;
  within: number | null;
  between: number | null;
}

/** Each factor's general dominance within and between programs, largest share within programs first. */
export function levelDominanceRows(levels: LevelDominance): LevelDominanceRow[] {
  const { within, between } = levels;
  return within.factors
    .map((key, i) => ({
      key,
      within: within.general[i] ?? null,
      between: between.general[between.factors.indexOf(key)] ?? null,
    }))
    .sort((a, b) => (b.within ?? -Infinity) - (a.within ?? -Infinity));
}

// The second series is hatched as well as coloured, and both are named in the legend and labelled with their value.
const HATCH = {
  symbol: 'rect',
  dashArrayX: [1, 0],
  dashArrayY: [2, 4],
  rotation: Math.PI / 4,
  color: 'rgba(255,255,255,0.7)',
};

/**
 * Side-by-side horizontal bars per factor: its share within programs and between programs, each bar labelled with
 * its value (texts as `label` formats them: options are plain data, no functions). A share below 0 draws leftwards.
 */
export function levelDominanceOption(
  rows: readonly LevelDominanceRow[],
  text: {
    category: (key: string) => string;
    series: readonly [string, string];
    axis: string;
    label: (v: number) => string;
  },
  narrow = false,
): ChartOption {
  const bar = (value: number | null) =>
    value === null
      ? '-'
      : {
          value,
          label: {
            show: true,
            position: value < 0 ? 'left' : 'right',
            color: '#212529',
            formatter: text.label(value),
          },
        };
  return {
    aria: { enabled: false },
    animation: false,
    grid: { left: 8, right: 48, top: 36, bottom: 28, containLabel: true },
    legend: { top: 0, left: 0, textStyle: { color: '#212529' }, data: [...text.series] },
    tooltip: { show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => text.category(r.key)),
      axisLabel: { color: '#343a40', width: narrow ? 110 : 220, overflow: 'break' },
      axisTick: { show: false },
    },
    xAxis: {
      type: 'value',
      name: text.axis,
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { color: '#343a40' },
      axisLabel: { color: '#343a40' },
      splitLine: { lineStyle: { color: '#e9ecef' } },
    },
    series: [
      {
        name: text.series[0],
        type: 'bar',
        barGap: '15%',
        itemStyle: { color: SERIES_COLOURS[0] },
        data: rows.map((r) => bar(r.within)),
      },
      {
        name: text.series[1],
        type: 'bar',
        itemStyle: { color: SERIES_COLOURS[1], decal: HATCH },
        data: rows.map((r) => bar(r.between)),
      },
    ],
  };
}
