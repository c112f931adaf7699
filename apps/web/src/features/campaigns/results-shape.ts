import type { ScaleResult, ScoreSummary } from '@alongside/contracts';
import type { ChartOption } from '../../components/EChart.tsx';

export const RESULT_VIEWS = ['country', 'group', 'program', 'setting', 'wave', 'language'] as const;
export type ResultView = (typeof RESULT_VIEWS)[number];

/** The outcome scale first (what the survey is about), then the others in the instrument's order. */
export function orderScales<T extends { outcome: boolean }>(scales: readonly T[]): T[] {
  return [...scales.filter((s) => s.outcome), ...scales.filter((s) => !s.outcome)];
}

/** Histogram bins as "1–1.5": `bins` holds each bin's lower edge and, last, the upper edge of the last bin. */
export function binLabels(bins: readonly number[], number: (v: number) => string): string[] {
  return bins.slice(0, -1).map((lower, i) => `${number(lower)}–${number(bins[i + 1]!)}`);
}

/** Percentages (0–100, one decimal) of a group's respondents per bin, so that groups of different sizes compare; null when withheld. */
export function histogramShares(summary: ScoreSummary): (number | null)[] | null {
  if (summary.suppressed || !summary.histogram) return null;
  const total = summary.histogram.reduce((a, b) => a + b, 0);
  return summary.histogram.map((count) => (total > 0 ? Math.round((count / total) * 1000) / 10 : null));
}

/** The range a chart of the scale shows: the scale's own, else what the data span. */
export function scaleRange(scale: Pick<ScaleResult, 'min' | 'max' | 'bins'>): {
  min: number | undefined;
  max: number | undefined;
} {
  return { min: scale.min ?? scale.bins[0], max: scale.max ?? scale.bins.at(-1) };
}

// Both pass 4.5:1 on white. The second series also carries a hatch, and every series is named in the legend.
export const SERIES_COLOURS = ['#0f766e', '#9a3412', '#1d4ed8', '#6d28d9', '#854d0e'] as const;
const HATCH = {
  symbol: 'rect',
  dashArrayX: [1, 0],
  dashArrayY: [2, 4],
  rotation: Math.PI / 4,
  color: 'rgba(255,255,255,0.65)',
};

/**
 * Box plots from the quartiles (min, q1, median, q3, max), one per group, side by side, with the mean as a
 * diamond. A withheld group keeps its place with no box; its axis label says it is hidden.
 */
export function boxplotOption(
  summaries: readonly ScoreSummary[],
  scale: Pick<ScaleResult, 'min' | 'max' | 'bins'>,
  text: { category: (s: ScoreSummary) => string; box: string; mean: string },
  /** On a phone the names get less room, so the boxes keep theirs. */
  narrow = false,
): ChartOption {
  const { min, max } = scaleRange(scale);
  return {
    aria: { enabled: false },
    animation: false,
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, textStyle: { color: '#212529' }, data: [text.box, text.mean] },
    tooltip: { show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: summaries.map((s) => text.category(s)),
      axisLabel: { color: '#343a40', width: narrow ? 100 : 180, overflow: 'break' },
    },
    xAxis: { type: 'value', min, max, axisLabel: { color: '#343a40' } },
    series: [
      {
        name: text.box,
        type: 'boxplot',
        data: summaries.map((s) => (s.suppressed || !s.quartiles ? ['-', '-', '-', '-', '-'] : s.quartiles)),
        itemStyle: { color: '#ccfbf1', borderColor: SERIES_COLOURS[0], borderWidth: 2 },
      },
      {
        name: text.mean,
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 14,
        data: summaries.map((s, i) => [s.suppressed || s.mean === null ? '-' : s.mean, i]),
        itemStyle: { color: SERIES_COLOURS[1] },
      },
    ],
  };
}

/** Histograms of several groups (Canada and Norway) side by side: the share of each group's respondents per bin. */
export function histogramOption(
  summaries: readonly ScoreSummary[],
  bins: readonly string[],
  /** `percentAxis` is an ECharts template such as "{value} %" (options are plain data: no functions). */
  text: { series: (s: ScoreSummary) => string; percentAxis: string },
): ChartOption {
  const shown = summaries.filter((s) => histogramShares(s) !== null);
  return {
    aria: { enabled: false },
    animation: false,
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, textStyle: { color: '#212529' } },
    tooltip: { show: false },
    xAxis: {
      type: 'category',
      data: [...bins],
      axisLabel: { color: '#343a40', interval: 0, rotate: bins.length > 6 ? 40 : 0 },
    },
    yAxis: { type: 'value', min: 0, axisLabel: { color: '#343a40', formatter: text.percentAxis } },
    series: shown.map((s, i) => ({
      name: text.series(s),
      type: 'bar',
      data: histogramShares(s),
      itemStyle: { color: SERIES_COLOURS[i % SERIES_COLOURS.length], ...(i % 2 === 1 ? { decal: HATCH } : {}) },
    })),
  };
}

/** One row per item: its item–rest correlation overall, per country and per language (null when withheld or not computed). */
export interface ItemRestRow {
  name: string;
  values: (number | null)[];
}

/** The columns of the item–rest table (overall, then each country, then each language) and a row per item. */
export function itemRestTable(alpha: ScaleResult['alpha']): {
  columns: { key: string; label: string; suppressed: boolean }[];
  rows: ItemRestRow[];
} {
  const summaries = [alpha.overall, ...alpha.byCountry, ...alpha.byLanguage];
  const names: string[] = [];
  for (const s of summaries) for (const item of s.items) if (!names.includes(item.name)) names.push(item.name);
  return {
    columns: summaries.map((s) => ({ key: s.key, label: s.label, suppressed: s.suppressed })),
    rows: names.map((name) => ({
      name,
      values: summaries.map((s) => (s.suppressed ? null : (s.items.find((i) => i.name === name)?.itemRest ?? null))),
    })),
  };
}
