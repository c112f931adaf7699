import { Button, Card, Group, Loader, NativeSelect, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { EChart } from '../../components/EChart.tsx';
import { EmptyState, LoadError } from '../../components/Feedback.tsx';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useCampaignContext } from './campaign-context.ts';
import { useCampaignLabels } from './labels.ts';
import {
  anySuppressed,
  PROGRESS_DIMENSIONS,
  progressBarOption,
  progressChartHeight,
  progressRows,
  type ProgressDimension,
  type ProgressRow,
} from './progress-shape.ts';
import { useProgress } from './queries.ts';

/** Texts for a progress row: its name, its figures, and "fewer than k — hidden" in place of a withheld one. */
function useProgressText(k: number, dimension: ProgressDimension) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCampaignLabels();
  const hidden = t('campaigns.suppressed', { k });
  const name = (r: ProgressRow) => labels.dimensionLabel(dimension, r.key, r.label);
  return {
    hidden,
    name,
    responses: (r: ProgressRow) => (r.suppressed || r.responses === null ? hidden : format.number(r.responses)),
    invited: (r: ProgressRow) =>
      r.suppressed || r.invited === null ? (r.suppressed ? hidden : '—') : format.number(r.invited),
    rate: (r: ProgressRow) =>
      r.suppressed
        ? hidden
        : r.rate === null
          ? t('campaigns.progress.noRate')
          : format.number(r.rate, { style: 'percent', maximumFractionDigits: 0 }),
    barLabel: (r: ProgressRow) =>
      r.suppressed || r.responses === null
        ? ''
        : r.rate === null
          ? format.number(r.responses)
          : t('campaigns.progress.barLabel', {
              responses: format.number(r.responses),
              rate: format.number(r.rate, { style: 'percent', maximumFractionDigits: 0 }),
            }),
  };
}

/** /campaigns/:id/progress: responses and response rates by program, country, group and wave, withheld below k. */
export function CampaignProgressPage() {
  const { t } = useTranslation();
  const campaign = useCampaignContext();
  const format = useFormat();
  const progress = useProgress(campaign.id);
  const [dimension, setDimension] = useState<ProgressDimension>('program');
  const [waveId, setWaveId] = useState(campaign.waves.at(-1)?.id ?? '');
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const text = useProgressText(progress.data?.k ?? campaign.k, dimension);
  const isPhone = useMediaQuery('(max-width: 47.99em)', false);

  if (campaign.waves.length === 0) {
    return (
      <EmptyState headingOrder={2} title={t('campaigns.invitations.noWaveTitle')}>
        {t('campaigns.invitations.noWaveBody')}
      </EmptyState>
    );
  }
  if (progress.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (progress.isError) {
    return (
      <LoadError
        message={describeError(progress.error, t)}
        onRetry={() => void progress.refetch()}
        retryLabel={t('common.tryAgain')}
      />
    );
  }

  const data = progress.data;
  const rows = progressRows(data, dimension, waveId);
  const dimensionName = t(`campaigns.progress.by.${dimension}`);
  const waveName = campaign.waves.find((w) => w.id === waveId)?.name ?? '';
  const title = t(`campaigns.progress.chartTitle.${dimension}`, { wave: waveName });
  const description = t('campaigns.progress.chartDescription', {
    title,
    values: rows
      .map(
        (r) => `${text.name(r)}: ${text.responses(r)}${r.rate !== null && !r.suppressed ? ` (${text.rate(r)})` : ''}`,
      )
      .join('; '),
  });

  return (
    <section aria-labelledby="progress-title">
      <Stack gap="md">
        <Group justify="space-between" align="end" wrap="wrap">
          <Title order={2} fz="xl" id="progress-title">
            {t('campaigns.progress.title')}
          </Title>
          <Group gap="sm" align="center">
            <Text size="sm">
              {t('campaigns.progress.updated', { time: format.dateTime(new Date(progress.dataUpdatedAt)) })}
            </Text>
            <Button variant="outline" size="sm" onClick={() => void progress.refetch()} loading={progress.isFetching}>
              {t('campaigns.progress.refresh')}
            </Button>
          </Group>
        </Group>
        <Text size="sm">{t('campaigns.progress.intro', { k: data.k })}</Text>
        <Group align="end" gap="md" wrap="wrap">
          <SegmentedControl
            aria-label={t('campaigns.progress.byLabel')}
            value={dimension}
            onChange={(v) => setDimension(PROGRESS_DIMENSIONS.find((d) => d === v) ?? 'program')}
            data={PROGRESS_DIMENSIONS.map((d) => ({ value: d, label: t(`campaigns.progress.by.${d}`) }))}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
          {dimension !== 'wave' ? (
            <NativeSelect
              label={t('campaigns.fields.wave')}
              value={waveId}
              onChange={(e) => setWaveId(e.currentTarget.value)}
              data={campaign.waves.map((w) => ({ value: w.id, label: w.name }))}
              maw={280}
            />
          ) : null}
          <SegmentedControl
            aria-label={t('campaigns.viewLabel')}
            value={view}
            onChange={(v) => setView(v === 'table' ? 'table' : 'chart')}
            data={[
              { value: 'chart', label: t('campaigns.viewChart') },
              { value: 'table', label: t('campaigns.viewTable') },
            ]}
          />
        </Group>
        {rows.length === 0 ? (
          <Text>{t('campaigns.progress.noRows')}</Text>
        ) : view === 'chart' ? (
          <Card withBorder radius="md" padding="md">
            <Title order={3} fz="md" mb="xs">
              {title}
            </Title>
            <EChart
              option={progressBarOption(
                rows,
                {
                  series: t('campaigns.progress.responses'),
                  category: (r) => (r.suppressed ? `${text.name(r)} — ${text.hidden}` : text.name(r)),
                  value: text.barLabel,
                },
                isPhone,
              )}
              description={description}
              height={progressChartHeight(rows.length, isPhone)}
            />
          </Card>
        ) : (
          <DataTable
            caption={title}
            captionVisible
            head={[
              dimensionName,
              t('campaigns.progress.responses'),
              t('campaigns.progress.invited'),
              t('campaigns.progress.rate'),
            ]}
            minWidth={560}
          >
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Th scope="row" fw={500}>
                  {text.name(r)}
                </Table.Th>
                <Table.Td>{text.responses(r)}</Table.Td>
                <Table.Td>{text.invited(r)}</Table.Td>
                <Table.Td>{dimension === 'wave' ? '—' : text.rate(r)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
        {anySuppressed(rows) ? <Text size="sm">{t('campaigns.suppressedNote', { k: data.k })}</Text> : null}
        <Text size="sm">{t('campaigns.progress.rateNote')}</Text>
      </Stack>
    </section>
  );
}
