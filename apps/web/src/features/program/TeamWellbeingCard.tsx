import type { SuppressionReason, TeamWellbeing } from '@alongside/contracts';
import { Group, Loader, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EChart, type ChartOption } from '../../components/EChart.tsx';
import { LoadError } from '../../components/Feedback.tsx';
import { LockIcon } from '../../components/Icons.tsx';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useTeamWellbeing } from './queries.ts';
import { bandSeries, withheldReason } from './sustainability.ts';

type Shown = Extract<TeamWellbeing, { suppressed: false }>;
type CheckIns = Extract<Shown['checkIns'], { suppressed: false }>;
type Pulses = Extract<Shown['pulses'], { suppressed: false }>;
type Band = CheckIns['distribution'][number];

// Both pass 4.5:1 on white (as on the indicators); the second series is also striped, so colour is never alone.
const FIRST_COLOUR = '#0f766e';
const SECOND_COLOUR = '#9a3412';
const STRIPES = {
  symbol: 'rect',
  dashArrayX: [1, 0],
  dashArrayY: [2, 4],
  rotation: Math.PI / 4,
  color: 'rgba(255,255,255,0.6)',
};

/** Why a team's figures are not shown: said plainly, with k, never as an error. */
function Withheld({ title, reason, k }: { title: string; reason: SuppressionReason; k: number }) {
  const { t } = useTranslation();
  const why = withheldReason(reason);
  return (
    <Paper withBorder radius="md" p="sm" bg="gray.0">
      <Group gap="xs" wrap="nowrap" align="start">
        <Text component="span" mt={2} c="gray.8">
          <LockIcon />
        </Text>
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {why === 'notOver' ? t('sustainability.wellbeing.notOverTitle') : title}
          </Text>
          <Text size="sm">{t(`sustainability.wellbeing.${why}`, { k })}</Text>
        </Stack>
      </Group>
    </Paper>
  );
}

/** Horizontal bars; a hidden count (null) is a labelled gap ("hidden"), never a zero bar. */
function barOption(
  categories: string[],
  series: { name: string; values: (number | null)[]; striped?: boolean }[],
  hiddenWord: string,
) {
  const option: ChartOption = {
    aria: { enabled: false },
    grid: { left: 8, right: 32, top: series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
    legend: series.length > 1 ? { top: 0, textStyle: { color: '#212529' } } : undefined,
    // Per bar, so a hidden band never reads as 0 in a tooltip.
    tooltip: { trigger: 'item' },
    yAxis: {
      type: 'category',
      data: categories,
      inverse: true,
      axisLabel: { color: '#343a40', width: 120, overflow: 'break' },
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#343a40' } },
    series: series.map((s, i) => ({
      name: s.name,
      type: 'bar',
      data: s.values.map((v) =>
        v === null
          ? {
              value: 0,
              itemStyle: { color: 'transparent' },
              label: { show: true, position: 'right', color: '#212529', fontStyle: 'italic', formatter: hiddenWord },
            }
          : v,
      ),
      itemStyle: { color: i === 0 ? FIRST_COLOUR : SECOND_COLOUR, ...(s.striped ? { decal: STRIPES } : {}) },
      label: { show: true, position: 'right', color: '#212529' },
    })),
  };
  return option;
}

function CheckInFigures({ data, k, view }: { data: CheckIns; k: number; view: 'charts' | 'table' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const count = (c: number | null) => (c === null ? t('program.suppressed', { k }) : format.number(c));
  const primary = data.scales.find((s) => s.id === data.primaryScaleId);
  const title = t('sustainability.wellbeing.bandsTitle', { scale: primary?.label ?? data.instrumentName });
  const { values, anyHidden } = bandSeries(data.distribution);
  const rows = (bands: Band[]) => bands.map((b) => `${b.label}: ${count(b.count)}`).join('; ');
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('sustainability.wellbeing.checkInsLine', { count: data.contributors, instrument: data.instrumentName })}
      </Text>
      <Text size="sm">
        {t('sustainability.wellbeing.means', {
          values: data.scales
            .map((s) =>
              s.mean === null
                ? `${s.label}: ${t('program.suppressed', { k })}`
                : `${s.label} ${format.number(s.mean, { maximumFractionDigits: 1 })}`,
            )
            .join(' · '),
        })}
      </Text>
      <Title order={5} fz="sm">
        {title}
      </Title>
      {view === 'charts' ? (
        <>
          <EChart
            option={barOption(
              data.distribution.map((b) => b.label),
              [{ name: t('sustainability.wellbeing.psps'), values }],
              t('sustainability.wellbeing.hiddenShort'),
            )}
            description={t('program.chartBars', { title, values: rows(data.distribution) })}
            height={40 + 44 * data.distribution.length}
          />
          {anyHidden ? <Text size="sm">{t('sustainability.wellbeing.hiddenBands', { k })}</Text> : null}
        </>
      ) : (
        <DataTable
          caption={title}
          head={[t('sustainability.wellbeing.band'), t('sustainability.wellbeing.psps')]}
          minWidth={280}
        >
          {data.distribution.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Th scope="row" fw={500}>
                {b.label}
              </Table.Th>
              <Table.Td>{count(b.count)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}

function PulseFigures({ data, k, view }: { data: Pulses; k: number; view: 'charts' | 'table' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const count = (c: number | null) => (c === null ? t('program.suppressed', { k }) : format.number(c));
  const one = (v: number) => format.number(v, { maximumFractionDigits: 1 });
  const title = t('sustainability.wellbeing.pulsesTitle');
  const energy = t('sustainability.wellbeing.energy');
  const load = t('sustainability.wellbeing.load');
  const labels = data.energyDistribution.map((b) => b.label);
  const hidden = bandSeries([...data.energyDistribution, ...data.loadDistribution]).anyHidden;
  const describe = data.energyDistribution
    .map((b, i) =>
      t('sustainability.wellbeing.pulseRow', {
        band: b.label,
        energy: count(b.count),
        load: count(data.loadDistribution[i]?.count ?? null),
      }),
    )
    .join('; ');
  return (
    <Stack gap="xs">
      <Title order={5} fz="sm">
        {title}
      </Title>
      <Text size="sm">
        {t('sustainability.wellbeing.pulsesLine', {
          count: data.contributors,
          energy: one(data.energyMean),
          load: one(data.loadMean),
        })}
      </Text>
      {view === 'charts' ? (
        <>
          <EChart
            option={barOption(
              labels,
              [
                { name: energy, values: bandSeries(data.energyDistribution).values },
                { name: load, values: bandSeries(data.loadDistribution).values, striped: true },
              ],
              t('sustainability.wellbeing.hiddenShort'),
            )}
            description={t('program.chartBars', { title, values: describe })}
            height={72 + 64 * labels.length}
          />
          <Text size="sm">
            {hidden ? `${t('sustainability.wellbeing.hiddenBands', { k })} ` : ''}
            {t('sustainability.wellbeing.stripedNote')}
          </Text>
        </>
      ) : (
        <DataTable caption={title} head={[t('sustainability.wellbeing.band'), energy, load]} minWidth={320}>
          {data.energyDistribution.map((b, i) => (
            <Table.Tr key={b.id}>
              <Table.Th scope="row" fw={500}>
                {b.label}
              </Table.Th>
              <Table.Td>{count(b.count)}</Table.Td>
              <Table.Td>{count(data.loadDistribution[i]?.count ?? null)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}

/**
 * A team's check-in and pulse aggregate for one completed month, with a month picker. The server shows nothing
 * about fewer than k PSPs; here that reads as "not enough responses to show", with why and k.
 */
export function TeamWellbeingCard({
  teamId,
  teamName,
  months,
  initialMonth,
  view,
}: {
  teamId: string;
  teamName: string;
  months: string[];
  initialMonth: string | undefined;
  view: 'charts' | 'table';
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [month, setMonth] = useState(initialMonth);
  const wellbeing = useTeamWellbeing(teamId, month);
  const notAllowed = wellbeing.isError && isApiError(wellbeing.error) && [403, 404].includes(wellbeing.error.status);

  return (
    <Stack gap="sm">
      <Stack gap={6}>
        <Title order={4} fz="md">
          {t('sustainability.wellbeing.title')}
        </Title>
        <NativeSelect
          label={t('sustainability.wellbeing.month')}
          aria-label={t('sustainability.wellbeing.monthFor', { team: teamName })}
          value={month ?? ''}
          onChange={(e) => setMonth(e.currentTarget.value)}
          data={months.map((m) => ({ value: m, label: format.month(m) }))}
          w={200}
        />
      </Stack>
      {wellbeing.isPending ? (
        <Loader size="sm" role="status" aria-label={t('common.loading')} />
      ) : notAllowed ? (
        <Text size="sm">{t('sustainability.wellbeing.notForYou')}</Text>
      ) : wellbeing.isError ? (
        <LoadError
          message={describeError(wellbeing.error, t)}
          onRetry={() => void wellbeing.refetch()}
          retryLabel={t('common.tryAgain')}
        />
      ) : wellbeing.data.suppressed ? (
        <Withheld title={t('sustainability.wellbeing.notShown')} reason={wellbeing.data.reason} k={wellbeing.data.k} />
      ) : (
        <Stack gap="md">
          {wellbeing.isPlaceholderData ? <Loader size="xs" role="status" aria-label={t('common.loading')} /> : null}
          {wellbeing.data.checkIns.suppressed ? (
            <Withheld
              title={t('sustainability.wellbeing.checkInsNotShown')}
              reason={wellbeing.data.checkIns.reason}
              k={wellbeing.data.k}
            />
          ) : (
            <CheckInFigures data={wellbeing.data.checkIns} k={wellbeing.data.k} view={view} />
          )}
          {wellbeing.data.pulses.suppressed ? (
            <Withheld
              title={t('sustainability.wellbeing.pulsesNotShown')}
              reason={wellbeing.data.pulses.reason}
              k={wellbeing.data.k}
            />
          ) : (
            <PulseFigures data={wellbeing.data.pulses} k={wellbeing.data.k} view={view} />
          )}
        </Stack>
      )}
    </Stack>
  );
}
