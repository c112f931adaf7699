import type { AnalysisResult } from '@alongside/contracts';
import type { ChartOption } from '../../components/EChart.tsx';
import { SERIES_COLOURS } from '../campaigns/results-shape.ts';

export type Diagnostics = NonNullable<AnalysisResult['diagnostics']>;

/** A point a chart can draw. */
export interface Point {
  x: number;
  y: number;
}

/** What a diagnostic plot is read against: the zero line (residuals) or the identity line (Q–Q). */
export type Reference = 'zero' | 'identity';

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The rows whose two figures are both finite: a null would otherwise be drawn at 0, or as NaN. */
export function finitePoints<T>(
  rows: readonly T[],
  x: (row: T) => number | null | undefined,
  y: (row: T) => number | null | undefined,
): Point[] {
  return rows.flatMap((row) => {
    const px = x(row);
    const py = y(row);
    return finite(px) && finite(py) ? [{ x: px, y: py }] : [];
  });
}

/** The three plots' points: mean residual by fitted value, and the residuals' and BLUPs' normal Q–Q. */
export function diagnosticPoints(d: Diagnostics): { byFitted: Point[]; residuals: Point[]; blups: Point[] } {
  return {
    byFitted: finitePoints(
      d.residualsByFitted,
      (b) => b.fitted,
      (b) => b.residual,
    ),
    residuals: finitePoints(
      d.residualQuantiles,
      (q) => q.theoretical,
      (q) => q.sample,
    ),
    blups: finitePoints(
      d.blupQuantiles,
      (q) => q.theoretical,
      (q) => q.sample,
    ),
  };
}

const referenceAt = (reference: Reference, x: number) => (reference === 'zero' ? 0 : x);

/** The points' ranges and their largest distance from the reference line, for the chart's text alternative. */
export function describePoints(
  points: readonly Point[],
  reference: Reference,
): { xMin: number; xMax: number; yMin: number; yMax: number; gap: number } | undefined {
  if (points.length === 0) return undefined;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return {
    xMin: Math.min(...xs),
    xMax: Math.max(...xs),
    yMin: Math.min(...ys),
    yMax: Math.max(...ys),
    gap: Math.max(...points.map((p) => Math.abs(p.y - referenceAt(reference, p.x)))),
  };
}

// Axes at the plot's edges, never through 0: there they would hide the dashed zero line.
const AXIS = {
  nameLocation: 'middle',
  axisLine: { onZero: false, lineStyle: { color: '#868e96' } },
  nameTextStyle: { color: '#343a40' },
  axisLabel: { color: '#343a40' },
  splitLine: { lineStyle: { color: '#e9ecef' } },
} as const;
const REFERENCE_LINE = { color: '#495057', type: 'dashed', width: 1.5 } as const;

/**
 * A diagnostic scatter plot: the points, and the line they should lie near — a horizontal line at 0 (residuals by
 * fitted value; the y axis always shows it), or the identity line y = x across the points' range (a normal Q–Q plot).
 */
export function diagnosticOption(
  points: readonly Point[],
  text: { x: string; y: string; series: string },
  reference: Reference,
): ChartOption {
  const all = points.flatMap((p) => [p.x, p.y]);
  let low = all.length > 0 ? Math.min(...all) : -1;
  let high = all.length > 0 ? Math.max(...all) : 1;
  if (low === high) {
    low -= 1;
    high += 1;
  }
  return {
    aria: { enabled: false },
    animation: false,
    // Room on the left for the y axis's name, which `containLabel` does not count.
    grid: { left: 40, right: 16, top: 12, bottom: 36, containLabel: true },
    legend: { show: false },
    tooltip: { show: false },
    xAxis: { type: 'value', scale: true, name: text.x, nameGap: 26, ...AXIS },
    // The residuals' axis keeps 0 in view (the line they are read against); a Q–Q plot's fits its points.
    yAxis: { type: 'value', scale: reference === 'identity', name: text.y, nameGap: 36, ...AXIS },
    series: [
      {
        name: text.series,
        type: 'scatter',
        symbol: 'circle',
        symbolSize: 8,
        itemStyle: { color: SERIES_COLOURS[0], opacity: 1 },
        data: points.map((p) => [p.x, p.y]),
        ...(reference === 'zero'
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                label: { show: false },
                lineStyle: REFERENCE_LINE,
                data: [{ yAxis: 0 }],
              },
            }
          : {}),
      },
      ...(reference === 'identity'
        ? [
            {
              type: 'line',
              symbol: 'none',
              silent: true,
              lineStyle: REFERENCE_LINE,
              data: [
                [low, low],
                [high, high],
              ],
            },
          ]
        : []),
    ],
  };
}
