import type { CampaignProgress, ScaleResult, ScoreSummary } from '@alongside/contracts';
import { describe, expect, it } from 'vitest';
import { campaignExportUrl, openLinkUrl } from './links.ts';
import { anySuppressed, progressBarOption, progressRows } from './progress-shape.ts';
import {
  binLabels,
  boxplotOption,
  histogramOption,
  histogramShares,
  itemRestTable,
  orderScales,
} from './results-shape.ts';

const W1 = 'wave-1';
const W2 = 'wave-2';
const cell = (
  waveId: string,
  key: string,
  responses: number | null,
  invited: number | null = null,
  rate: number | null = null,
) => ({
  waveId,
  key,
  label: key,
  responses,
  invited,
  rate,
  suppressed: responses === null,
});

const progress: CampaignProgress = {
  k: 11,
  waves: [
    { waveId: W1, name: 'Baseline', responses: 240, invited: 300, suppressed: false },
    { waveId: W2, name: 'Follow-up', responses: null, invited: null, suppressed: true },
  ],
  byProgram: [cell(W1, 'Rusteam', 40, 60, 0.5), cell(W1, 'Small', null), cell(W2, 'Rusteam', null)],
  byCountry: [cell(W1, 'CA', 120), cell(W1, 'NO', 120)],
  byGroup: [cell(W1, 'psp', 30, 40, 0.75)],
};

describe('progress for charts and tables', () => {
  it('takes one wave’s cells of a dimension, or the waves’ totals', () => {
    expect(progressRows(progress, 'program', W1).map((r) => [r.key, r.responses])).toEqual([
      ['Rusteam', 40],
      ['Small', null],
    ]);
    expect(progressRows(progress, 'country', W2)).toEqual([]);
    expect(progressRows(progress, 'wave', undefined).map((r) => [r.label, r.responses, r.rate, r.suppressed])).toEqual([
      ['Baseline', 240, null, false],
      ['Follow-up', null, null, true],
    ]);
    expect(anySuppressed(progressRows(progress, 'program', W1))).toBe(true);
    expect(anySuppressed(progressRows(progress, 'country', W1))).toBe(false);
  });

  it('draws a withheld row with no bar (never a zero) and its words in the labels', () => {
    const rows = progressRows(progress, 'program', W1);
    const option = progressBarOption(rows, {
      series: 'Responses',
      category: (r) => (r.suppressed ? `${r.label} (hidden)` : r.label),
      value: (r) => (r.suppressed ? '' : `${r.responses}`),
    }) as { yAxis: { data: string[] }; series: { data: { value: number | null; label: { formatter: string } }[] }[] };
    expect(option.yAxis.data).toEqual(['Rusteam', 'Small (hidden)']);
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([40, null]);
    expect(option.series[0]!.data[0]!.label.formatter).toBe('40');
    // The options go through JSON (EChart redraws when they change): nothing may be lost on the way.
    expect(JSON.parse(JSON.stringify(option))).toEqual(option);
  });
});

const summary = (key: string, over: Partial<ScoreSummary> = {}): ScoreSummary => ({
  key,
  label: key,
  n: 20,
  mean: 3.2,
  sd: 0.8,
  quartiles: [1, 2.5, 3, 4, 5],
  histogram: [2, 3, 5, 10],
  suppressed: false,
  ...over,
});
const hidden = (key: string) =>
  summary(key, { n: null, mean: null, sd: null, quartiles: null, histogram: null, suppressed: true });

describe('results for charts and tables', () => {
  it('puts the outcome scale first, then the instrument’s order', () => {
    expect(
      orderScales([
        { id: 'a', outcome: false },
        { id: 'b', outcome: false },
        { id: 'out', outcome: true },
      ]).map((s) => s.id),
    ).toEqual(['out', 'a', 'b']);
  });

  it('labels bins from their edges and turns counts into shares of the group', () => {
    expect(binLabels([1, 2, 3, 4, 5], String)).toEqual(['1–2', '2–3', '3–4', '4–5']);
    expect(histogramShares(summary('CA'))).toEqual([10, 15, 25, 50]);
    expect(histogramShares(summary('CA', { histogram: [1, 2] }))).toEqual([33.3, 66.7]);
    expect(histogramShares(hidden('NO'))).toBeNull();
  });

  it('draws box plots from the quartiles, with no box and no mean for a withheld group', () => {
    const option = boxplotOption(
      [summary('CA'), hidden('NO')],
      { min: 1, max: 5, bins: [] },
      { category: (s) => s.label, box: 'Spread', mean: 'Mean' },
    ) as {
      xAxis: { min: number; max: number };
      series: { data: unknown[] }[];
    };
    expect(option.xAxis).toMatchObject({ min: 1, max: 5 });
    expect(option.series[0]!.data).toEqual([
      [1, 2.5, 3, 4, 5],
      ['-', '-', '-', '-', '-'],
    ]);
    expect(option.series[1]!.data).toEqual([
      [3.2, 0],
      ['-', 1],
    ]);
    expect(JSON.parse(JSON.stringify(option))).toEqual(option);
  });

  it('draws the histograms of the groups that are shown, side by side, and falls back on the data’s range', () => {
    const option = histogramOption(
      [summary('CA'), hidden('NO'), summary('XX', { histogram: [0, 0, 1, 1] })],
      ['a', 'b', 'c', 'd'],
      {
        series: (s) => s.key,
        percentAxis: '{value} %',
      },
    ) as { series: { name: string; data: number[] }[]; yAxis: { axisLabel: { formatter: string } } };
    expect(option.series.map((s) => s.name)).toEqual(['CA', 'XX']);
    expect(option.series[1]!.data).toEqual([0, 0, 50, 50]);
    expect(option.yAxis.axisLabel.formatter).toBe('{value} %');
    const range = boxplotOption(
      [],
      { min: null, max: null, bins: [0, 50, 100] },
      { category: () => '', box: '', mean: '' },
    ) as { xAxis: { min: number; max: number } };
    expect(range.xAxis).toMatchObject({ min: 0, max: 100 });
  });

  it('lays out item–rest correlations by item, overall then per country and language, empty where withheld', () => {
    const alpha = (key: string, items: [string, number | null][], suppressed = false) => ({
      key,
      label: key,
      n: suppressed ? null : 30,
      alpha: suppressed ? null : 0.8,
      items: items.map(([name, itemRest]) => ({ name, itemRest })),
      suppressed,
      problem: null,
    });
    const table = itemRestTable({
      overall: alpha('all', [
        ['team_1', 0.61],
        ['team_2', 0.55],
      ]),
      byCountry: [
        alpha('CA', [
          ['team_2', 0.5],
          ['team_1', 0.7],
        ]),
        alpha('NO', [], true),
      ],
      byLanguage: [
        alpha('fr', [
          ['team_1', null],
          ['team_3', 0.2],
        ]),
      ],
    } satisfies ScaleResult['alpha']);
    expect(table.columns.map((c) => [c.key, c.suppressed])).toEqual([
      ['all', false],
      ['CA', false],
      ['NO', true],
      ['fr', false],
    ]);
    expect(table.rows).toEqual([
      { name: 'team_1', values: [0.61, 0.7, null, null] },
      { name: 'team_2', values: [0.55, 0.5, null, null] },
      { name: 'team_3', values: [null, null, null, 0.2] },
    ]);
  });
});

describe('links', () => {
  it('points exports at the campaign’s export route with format, label language and wave', () => {
    expect(campaignExportUrl('c-1', 'spss', 'nb')).toBe('/api/campaigns/c-1/export?format=spss&language=nb');
    expect(campaignExportUrl('c-1', 'csv', 'fr', 'w-2')).toBe(
      '/api/campaigns/c-1/export?format=csv&language=fr&waveId=w-2',
    );
  });

  it('makes the open link from the page’s origin', () => {
    expect(openLinkUrl('https://alongside.example/', 'Ab_9-x')).toBe('https://alongside.example/s/open/Ab_9-x');
  });
});
