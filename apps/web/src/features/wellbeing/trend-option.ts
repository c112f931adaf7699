import type { Trend } from '@alongside/contracts';
import type { ChartOption } from '../../components/EChart.tsx';

// Pass 4.5:1 on white; the threshold also differs by line style (dashed) and by its name in the legend.
const SCORE_COLOUR = '#0f766e';
const THRESHOLD_COLOUR = '#495057';

/**
 * A PSP's check-in score by month against the nudge threshold, as the PSP and a supervisor they share with see it.
 * Months without a check-in leave a gap.
 */
export function scoreTrendOption(
  trend: Trend,
  labels: { month: (m: string) => string; score: string; threshold: string },
): ChartOption {
  return {
    aria: { enabled: false },
    animation: false,
    grid: { left: 40, right: 16, top: 40, bottom: 28 },
    legend: { top: 0, left: 0, textStyle: { color: '#212529' }, itemWidth: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: trend.months.map((m) => labels.month(m.month)), axisLabel: { color: '#343a40' } },
    yAxis: { type: 'value', min: trend.range?.min, max: trend.range?.max, axisLabel: { color: '#343a40' } },
    series: [
      {
        name: labels.score,
        type: 'line',
        data: trend.months.map((m) => m.score),
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 8,
        lineStyle: { width: 3, color: SCORE_COLOUR },
        itemStyle: { color: SCORE_COLOUR },
      },
      ...(trend.threshold === null
        ? []
        : [
            {
              name: labels.threshold,
              type: 'line',
              data: trend.months.map(() => trend.threshold),
              symbol: 'none',
              silent: true,
              lineStyle: { width: 2, type: 'dashed', color: THRESHOLD_COLOUR },
              itemStyle: { color: THRESHOLD_COLOUR },
            },
          ]),
    ],
  };
}
