import type { Trend } from '@alongside/contracts';
import { SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { EChart, type ChartOption } from '../../components/EChart.tsx';
import { useFormat } from '../../lib/format.ts';
import { scoreTrendOption } from './trend-option.ts';

// Colours that pass 4.5:1 on white; the series also differ by line style and symbol.
const ENERGY_COLOUR = '#1d4ed8';
const LOAD_COLOUR = '#6b21a8';

/**
 * A PSP's monthly trend: the check-in score against the nudge threshold, and the month's pulses
 * (energy and how heavy the work felt). A chart or, at a tap, the same numbers as a table.
 */
export function TrendChart({ trend, name }: { trend: Trend; name: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const month = (m: string) => format.month(m, { month: 'short', year: '2-digit' });
  const one = (v: number | null) => (v === null ? '—' : format.number(v, { maximumFractionDigits: 1 }));
  const months = trend.months;

  if (months.length === 0) return <Text c="dimmed">{t('wellbeing.trend.empty')}</Text>;

  const scoreOption = scoreTrendOption(trend, {
    month,
    score: trend.scaleLabel ?? t('wellbeing.trend.score'),
    threshold: t('wellbeing.trend.thresholdLabel'),
  });
  const pulseOption: ChartOption = {
    aria: { enabled: false },
    grid: { left: 40, right: 16, top: 36, bottom: 32 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: '#343a40' } },
    xAxis: { type: 'category', data: months.map((m) => month(m.month)), axisLabel: { color: '#343a40' } },
    yAxis: { type: 'value', min: 1, max: 5, interval: 1, axisLabel: { color: '#343a40' } },
    series: [
      {
        name: t('wellbeing.pulse.energy'),
        type: 'line',
        data: months.map((m) => m.energyMean),
        connectNulls: true,
        symbol: 'triangle',
        symbolSize: 10,
        lineStyle: { width: 2, color: ENERGY_COLOUR },
        itemStyle: { color: ENERGY_COLOUR },
      },
      {
        name: t('wellbeing.pulse.load'),
        type: 'line',
        data: months.map((m) => m.loadMean),
        connectNulls: true,
        symbol: 'rect',
        symbolSize: 9,
        lineStyle: { width: 2, type: 'dashed', color: LOAD_COLOUR },
        itemStyle: { color: LOAD_COLOUR },
      },
    ],
  };
  const scoreText = months
    .map((m) => `${month(m.month)}: ${m.score === null ? t('wellbeing.trend.noCheckIn') : one(m.score)}`)
    .join('; ');
  const pulseText = months
    .map((m) => `${month(m.month)}: ${t('wellbeing.pulse.energy')} ${one(m.energyMean)}, ${t('wellbeing.pulse.load')} ${one(m.loadMean)}`)
    .join('; ');

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('program.viewLabel')}
        value={view}
        onChange={(v) => setView(v === 'table' ? 'table' : 'chart')}
        data={[
          { value: 'chart', label: t('program.viewCharts') },
          { value: 'table', label: t('program.viewTable') },
        ]}
        w="fit-content"
      />
      {view === 'chart' ? (
        <>
          <Text fw={600}>{trend.scaleLabel ?? t('wellbeing.trend.score')}</Text>
          <EChart option={scoreOption} description={t('wellbeing.trend.scoreDescription', { name, months: scoreText })} height={220} />
          <Text fw={600}>{t('wellbeing.trend.pulsesTitle')}</Text>
          <EChart option={pulseOption} description={t('wellbeing.trend.pulseDescription', { name, months: pulseText })} height={200} />
        </>
      ) : (
        <DataTable
          caption={t('wellbeing.trend.tableCaption', { name })}
          minWidth={520}
          head={[
            t('wellbeing.trend.month'),
            trend.scaleLabel ?? t('wellbeing.trend.score'),
            t('wellbeing.trend.band'),
            t('wellbeing.pulse.energy'),
            t('wellbeing.pulse.load'),
            t('wellbeing.trend.pulses'),
          ]}
        >
          {months.map((m) => (
            <Table.Tr key={m.month}>
              <Table.Td>{month(m.month)}</Table.Td>
              <Table.Td>{one(m.score)}</Table.Td>
              <Table.Td>{m.bandLabel ?? '—'}</Table.Td>
              <Table.Td>{one(m.energyMean)}</Table.Td>
              <Table.Td>{one(m.loadMean)}</Table.Td>
              <Table.Td>{format.number(m.pulses)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}
