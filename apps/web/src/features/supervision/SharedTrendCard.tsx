import type { SharedTrend } from '@alongside/contracts';
import { Box, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { EChart } from '../../components/EChart.tsx';
import { PeopleIcon } from '../../components/Icons.tsx';
import { useFormat } from '../../lib/format.ts';
import { scoreTrendOption } from '../wellbeing/trend-option.ts';
import { latestScoredMonth, sharedTrendAnchor } from './rules.ts';

/** One PSP's shared trend: a small line chart (with the numbers as text and as a table), the threshold and bands. */
export function SharedTrendCard({ shared }: { shared: SharedTrend }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { trend, psp } = shared;
  const headingId = `trend-${shared.shareId}-name`;
  const month = (m: string, style: 'short' | 'long' = 'short') => format.month(m, { month: style, year: 'numeric' });
  const score = (v: number | null) =>
    v === null ? t('supervision.trend.noCheckIn') : format.number(v, { maximumFractionDigits: 1 });
  const mean = (v: number | null) => (v === null ? '—' : format.number(v, { maximumFractionDigits: 1 }));
  const scale = trend.scaleLabel ?? t('supervision.trend.score');
  // Band ids come from the instrument; ours have words here, an imported instrument's show as they are.

  const latest = latestScoredMonth(trend);
  const hasScores = latest !== undefined;

  const option = scoreTrendOption(trend, {
    month: (m) => month(m),
    score: scale,
    threshold: t('supervision.trend.threshold'),
  });

  const description = t('supervision.trend.chartDescription', {
    name: psp.name,
    scale,
    values: trend.months.map((m) => `${month(m.month, 'long')}: ${score(m.score)}`).join('; '),
    threshold: trend.threshold === null ? '—' : format.number(trend.threshold),
  });

  return (
    <Card
      component="li"
      id={sharedTrendAnchor(psp.id)}
      withBorder
      radius="md"
      padding="md"
      aria-labelledby={headingId}
    >
      <Stack gap="xs">
        <Title order={3} fz="lg" id={headingId}>
          {psp.name}
        </Title>
        <Text
          component="p"
          size="sm"
          m={0}
          style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}
          c="alongside.9"
          fw={500}
        >
          <PeopleIcon />
          <span>{t('supervision.trend.sharedSince', { name: psp.name, date: format.date(shared.sharedSince) })}</span>
        </Text>
        <Text size="sm">
          {trend.higherIsWorse
            ? t('supervision.trend.higherIsWorse', { scale })
            : t('supervision.trend.higherIsBetter', { scale })}
        </Text>
        {latest ? (
          <Text size="sm" fw={600}>
            {latest.band
              ? t('supervision.trend.latestWithBand', {
                  month: month(latest.month, 'long'),
                  score: score(latest.score),
                  band: latest.bandLabel ?? '—',
                })
              : t('supervision.trend.latest', { month: month(latest.month, 'long'), score: score(latest.score) })}
          </Text>
        ) : null}
        {hasScores ? (
          <>
            <EChart option={option} description={description} height={200} />
            {trend.threshold !== null ? (
              <Text size="sm">
                {t('supervision.trend.thresholdNote', { threshold: format.number(trend.threshold) })}
              </Text>
            ) : null}
            <Box component="details">
              <Box component="summary" py={10} style={{ cursor: 'pointer', lineHeight: '24px' }} fw={500}>
                {t('supervision.trend.showTable')}
              </Box>
              <DataTable
                caption={t('supervision.trend.tableCaption', { name: psp.name })}
                head={[
                  t('supervision.trend.month'),
                  scale,
                  t('supervision.trend.band'),
                  t('supervision.trend.energy'),
                  t('supervision.trend.load'),
                ]}
                minWidth={420}
              >
                {trend.months.map((m) => (
                  <Table.Tr key={m.month}>
                    <Table.Th scope="row" fw={500}>
                      {month(m.month, 'long')}
                    </Table.Th>
                    <Table.Td>{score(m.score)}</Table.Td>
                    <Table.Td>{m.bandLabel ?? '—'}</Table.Td>
                    <Table.Td>{mean(m.energyMean)}</Table.Td>
                    <Table.Td>{mean(m.loadMean)}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            </Box>
          </>
        ) : (
          <Text size="sm">{t('supervision.trend.noScores', { name: psp.name })}</Text>
        )}
      </Stack>
    </Card>
  );
}
