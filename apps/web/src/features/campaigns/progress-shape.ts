import type { CampaignProgress } from '@alongside/contracts';
import type { ChartOption } from '../../components/EChart.tsx';

export const PROGRESS_DIMENSIONS = ['program', 'country', 'group', 'wave'] as const;
export type ProgressDimension = (typeof PROGRESS_DIMENSIONS)[number];

/** One bar and one table row of the progress view. Figures are null when withheld, never 0 in their place. */
export interface ProgressRow {
  key: string;
  /** The server's label (a program's name); countries and groups are codes the page translates. */
  label: string;
  responses: number | null;
  invited: number | null;
  /** Responses to invitations ÷ invitations (0–1), when both are shown. */
  rate: number | null;
  suppressed: boolean;
}

/**
 * The rows for one dimension: programs, countries or groups within one wave, or the waves themselves
 * (their totals; a wave's rate is left out because open-link responses have no invitation to divide by).
 */
export function progressRows(
  progress: CampaignProgress,
  dimension: ProgressDimension,
  waveId: string | undefined,
): ProgressRow[] {
  if (dimension === 'wave') {
    return progress.waves.map((w) => ({
      key: w.waveId,
      label: w.name,
      responses: w.responses,
      invited: w.invited,
      rate: null,
      suppressed: w.suppressed,
    }));
  }
  const cells =
    dimension === 'program' ? progress.byProgram : dimension === 'country' ? progress.byCountry : progress.byGroup;
  return cells
    .filter((c) => c.waveId === waveId)
    .map((c) => ({
      key: c.key,
      label: c.label,
      responses: c.responses,
      invited: c.invited,
      rate: c.rate,
      suppressed: c.suppressed,
    }));
}

/** Whether any figure of these rows is withheld (the page then explains why). */
export const anySuppressed = (rows: readonly { suppressed: boolean }[]): boolean => rows.some((r) => r.suppressed);

// 7.1:1 on white; the labels beside the bars carry the numbers, so nothing rests on the colour.
const BAR_COLOUR = '#0f766e';

/**
 * A horizontal bar per row: the responses, labelled with the count and rate as text. A withheld row keeps its
 * place with no bar and says so in its label; it is never drawn as zero.
 */
export function progressBarOption(
  rows: readonly ProgressRow[],
  text: { series: string; category: (row: ProgressRow) => string; value: (row: ProgressRow) => string },
  /** On a phone the names get less room and wrap sooner, so the bars keep theirs. */
  narrow = false,
): ChartOption {
  return {
    aria: { enabled: false },
    animation: false,
    grid: { left: 8, right: narrow ? 64 : 120, top: 8, bottom: 8, containLabel: true },
    tooltip: { show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => text.category(r)),
      axisLabel: { color: '#343a40', width: narrow ? 110 : 200, overflow: 'break' },
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#343a40' } },
    series: [
      {
        name: text.series,
        type: 'bar',
        barMaxWidth: 28,
        data: rows.map((r) => ({
          value: r.suppressed ? null : r.responses,
          label: { show: true, position: 'right', color: '#212529', formatter: text.value(r) },
        })),
        itemStyle: { color: BAR_COLOUR },
      },
    ],
  };
}

/** The chart's height: enough room per bar for a name that wraps onto two lines (three on a phone). */
export const progressChartHeight = (rows: number, narrow = false): number =>
  Math.max(160, 24 + rows * (narrow ? 56 : 44));
