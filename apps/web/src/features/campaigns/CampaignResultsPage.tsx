import type { ScoreSummary } from '@alongside/contracts';
import type { ApiResponse } from '../../api/client.ts';
import {
  Badge,
  Card,
  Group,
  Loader,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { EChart } from '../../components/EChart.tsx';
import { EmptyState, LoadError } from '../../components/Feedback.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useCampaignContext } from './campaign-context.ts';
import { useCampaignLabels } from './labels.ts';
import { anySuppressed } from './progress-shape.ts';
import { useResults } from './queries.ts';
import {
  binLabels,
  boxplotOption,
  histogramOption,
  itemRestTable,
  orderScales,
  RESULT_VIEWS,
  type ResultView,
} from './results-shape.ts';

/** A scale's results as the API sends them (`by` keyed by dimension). */
type ScaleResult = ApiResponse<'/api/campaigns/{id}/results'>['scales'][number];

/** Number texts for results: withheld figures say so, missing ones say why not. */
function useFigures(k: number) {
  const { t } = useTranslation();
  const format = useFormat();
  const hidden = t('campaigns.suppressed', { k });
  const fixed = (digits: number) => (v: number | null | undefined) =>
    v === null || v === undefined
      ? '—'
      : format.number(v, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return {
    hidden,
    score: fixed(2),
    coefficient: fixed(2),
    icc: fixed(3),
    count: (v: number | null | undefined) => (v === null || v === undefined ? '—' : format.number(v)),
    range: (v: number) => format.number(v, { maximumFractionDigits: 2 }),
  };
}

/** Every figure of one dimension as a table: n, mean, SD and the five numbers of the box plot. */
function SummaryTable({
  caption,
  summaries,
  dimension,
  k,
}: {
  caption: string;
  summaries: ScoreSummary[];
  dimension: ResultView | 'overall';
  k: number;
}) {
  const { t } = useTranslation();
  const f = useFigures(k);
  const labels = useCampaignLabels();
  return (
    <DataTable
      caption={caption}
      captionVisible
      head={[
        t(`campaigns.results.by.${dimension}`),
        t('campaigns.results.n'),
        t('campaigns.results.mean'),
        t('campaigns.results.sd'),
        t('campaigns.results.min'),
        t('campaigns.results.q1'),
        t('campaigns.results.median'),
        t('campaigns.results.q3'),
        t('campaigns.results.max'),
      ]}
      minWidth={760}
    >
      {summaries.map((s) => (
        <Table.Tr key={s.key}>
          <Table.Th scope="row" fw={500}>
            {dimension === 'overall'
              ? t('campaigns.results.everyone')
              : labels.dimensionLabel(dimension, s.key, s.label)}
          </Table.Th>
          {s.suppressed ? (
            <Table.Td colSpan={8}>{f.hidden}</Table.Td>
          ) : (
            <>
              <Table.Td>{f.count(s.n)}</Table.Td>
              <Table.Td>{f.score(s.mean)}</Table.Td>
              <Table.Td>{f.score(s.sd)}</Table.Td>
              {(s.quartiles ?? [null, null, null, null, null]).map((q, i) => (
                <Table.Td key={i}>{f.score(q)}</Table.Td>
              ))}
            </>
          )}
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function Boxplots({
  scale,
  dimension,
  k,
  title,
}: {
  scale: ScaleResult;
  dimension: ResultView;
  k: number;
  title: string;
}) {
  const { t } = useTranslation();
  const f = useFigures(k);
  const labels = useCampaignLabels();
  const summaries = scale.by[dimension];
  const name = (s: ScoreSummary) => labels.dimensionLabel(dimension, s.key, s.label);
  const isPhone = useMediaQuery('(max-width: 47.99em)', false);
  if (summaries.length === 0) return <Text>{t('campaigns.results.noGroups')}</Text>;
  const description = t('campaigns.results.boxDescription', {
    title,
    values: summaries
      .map((s) =>
        s.suppressed || !s.quartiles
          ? `${name(s)}: ${f.hidden}`
          : t('campaigns.results.boxValues', {
              name: name(s),
              n: f.count(s.n),
              mean: f.score(s.mean),
              median: f.score(s.quartiles[2]),
              q1: f.score(s.quartiles[1]),
              q3: f.score(s.quartiles[3]),
              min: f.score(s.quartiles[0]),
              max: f.score(s.quartiles[4]),
            }),
      )
      .join('; '),
  });
  return (
    <EChart
      option={boxplotOption(
        summaries,
        scale,
        {
          category: (s) =>
            s.suppressed
              ? `${name(s)} — ${f.hidden}`
              : t('campaigns.results.categoryN', { name: name(s), n: f.count(s.n) }),
          box: t('campaigns.results.boxLegend'),
          mean: t('campaigns.results.mean'),
        },
        isPhone,
      )}
      description={description}
      height={Math.max(180, 60 + summaries.length * (isPhone ? 64 : 56))}
    />
  );
}

/** Canada and Norway side by side: the share of each country's respondents per band of the score. */
function CountryHistogram({ scale, k }: { scale: ScaleResult; k: number }) {
  const { t } = useTranslation();
  const f = useFigures(k);
  const format = useFormat();
  const labels = useCampaignLabels();
  const countries = scale.by.country;
  const bins = binLabels(scale.bins, f.range);
  if (bins.length === 0 || countries.every((c) => c.suppressed)) return null;
  const description = t('campaigns.results.histogramDescription', {
    values: countries
      .map((c) =>
        c.suppressed || !c.histogram
          ? `${labels.country(c.key)}: ${f.hidden}`
          : `${labels.country(c.key)}: ${c.histogram.map((count, i) => `${bins[i]} ${format.number(count)}`).join(', ')}`,
      )
      .join('; '),
  });
  return (
    <EChart
      option={histogramOption(countries, bins, {
        series: (s) => labels.country(s.key),
        percentAxis: t('campaigns.results.percentAxis'),
      })}
      description={description}
      height={280}
    />
  );
}

function HistogramTable({ scale, k }: { scale: ScaleResult; k: number }) {
  const { t } = useTranslation();
  const f = useFigures(k);
  const labels = useCampaignLabels();
  const countries = scale.by.country;
  const bins = binLabels(scale.bins, f.range);
  if (bins.length === 0) return null;
  return (
    <DataTable
      caption={t('campaigns.results.histogramTitle')}
      captionVisible
      head={[t('campaigns.results.band'), ...countries.map((c) => labels.country(c.key))]}
      minWidth={420}
    >
      {bins.map((bin, i) => (
        <Table.Tr key={bin}>
          <Table.Th scope="row" fw={500}>
            {bin}
          </Table.Th>
          {countries.map((c) => (
            <Table.Td key={c.key}>{c.suppressed || !c.histogram ? f.hidden : f.count(c.histogram[i])}</Table.Td>
          ))}
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** Alpha overall, per country and per language; item–rest correlations; rwg(j) per program; ICC(1) and ICC(2). */
function Reliability({ scale, k }: { scale: ScaleResult; k: number }) {
  const { t } = useTranslation();
  const f = useFigures(k);
  const labels = useCampaignLabels();
  const alphas = [
    { where: t('campaigns.results.everyone'), s: scale.alpha.overall },
    ...scale.alpha.byCountry.map((s) => ({ where: labels.country(s.key), s })),
    ...scale.alpha.byLanguage.map((s) => ({ where: labels.language(s.key), s })),
  ];
  const itemRest = itemRestTable(scale.alpha);
  const columnName = (key: string, i: number) =>
    i === 0
      ? t('campaigns.results.everyone')
      : i <= scale.alpha.byCountry.length
        ? labels.country(key)
        : labels.language(key);
  return (
    <Stack gap="md">
      <Title order={4} fz="lg">
        {t('campaigns.results.reliabilityTitle')}
      </Title>
      <DataTable
        caption={t('campaigns.results.alphaTitle')}
        captionVisible
        head={[
          t('campaigns.results.where'),
          t('campaigns.results.n'),
          t('campaigns.results.alpha'),
          t('campaigns.results.note'),
        ]}
        minWidth={520}
      >
        {alphas.map(({ where, s }) => (
          <Table.Tr key={`${where}-${s.key}`}>
            <Table.Th scope="row" fw={500}>
              {where}
            </Table.Th>
            {s.suppressed ? (
              <Table.Td colSpan={3}>{f.hidden}</Table.Td>
            ) : (
              <>
                <Table.Td>{f.count(s.n)}</Table.Td>
                <Table.Td>{f.coefficient(s.alpha)}</Table.Td>
                <Table.Td>{s.problem ?? ''}</Table.Td>
              </>
            )}
          </Table.Tr>
        ))}
      </DataTable>
      {itemRest.rows.length > 0 ? (
        <DataTable
          caption={t('campaigns.results.itemRestTitle')}
          captionVisible
          head={[t('campaigns.results.item'), ...itemRest.columns.map((c, i) => columnName(c.key, i))]}
          minWidth={Math.max(420, 140 + itemRest.columns.length * 110)}
        >
          {itemRest.rows.map((row) => (
            <Table.Tr key={row.name}>
              <Table.Th scope="row" fw={500} className="mono">
                {row.name}
              </Table.Th>
              {row.values.map((v, i) => (
                <Table.Td key={itemRest.columns[i]!.key + String(i)}>
                  {itemRest.columns[i]!.suppressed ? f.hidden : f.coefficient(v)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </DataTable>
      ) : null}
      <DataTable
        caption={t('campaigns.results.rwgTitle')}
        captionVisible
        head={[t('fields.program'), t('campaigns.results.n'), t('campaigns.results.rwg')]}
        minWidth={420}
      >
        {scale.rwg.map((r) => (
          <Table.Tr key={r.programId}>
            <Table.Th scope="row" fw={500}>
              {r.label}
            </Table.Th>
            {r.suppressed ? (
              <Table.Td colSpan={2}>{f.hidden}</Table.Td>
            ) : (
              <>
                <Table.Td>{f.count(r.n)}</Table.Td>
                <Table.Td>{r.rwg === null ? t('campaigns.results.rwgNone') : f.coefficient(r.rwg)}</Table.Td>
              </>
            )}
          </Table.Tr>
        ))}
      </DataTable>
      <Text>
        {scale.icc.icc1 === null && scale.icc.icc2 === null
          ? t('campaigns.results.iccNone', { reason: scale.icc.problem ?? '' })
          : t('campaigns.results.iccLine', {
              icc1: f.icc(scale.icc.icc1),
              icc2: f.icc(scale.icc.icc2),
              programs: scale.icc.programs,
              n: f.count(scale.icc.n),
            })}
      </Text>
      <Text size="sm">{t('campaigns.results.reliabilityNote')}</Text>
    </Stack>
  );
}

function ScaleDetail({ scale, k, view }: { scale: ScaleResult; k: number; view: 'chart' | 'table' }) {
  const { t } = useTranslation();
  const f = useFigures(k);
  const [dimension, setDimension] = useState<Exclude<ResultView, 'country'>>('group');
  const others = RESULT_VIEWS.filter((d): d is Exclude<ResultView, 'country'> => d !== 'country');
  const overall = scale.overall;
  const hiddenSomewhere = anySuppressed([overall, ...Object.values(scale.by).flat()]);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={3} fz="xl" id="scale-detail-title">
            {scale.name}
          </Title>
          {scale.outcome ? (
            <Badge variant="outline" color="alongside.9" radius="sm" tt="none">
              {t('campaigns.results.outcome')}
            </Badge>
          ) : null}
        </Group>
        {scale.min !== null && scale.max !== null ? (
          <Text size="sm">
            {t('campaigns.results.rangeLine', { min: f.range(scale.min), max: f.range(scale.max) })}
          </Text>
        ) : null}
        <Text>
          {overall.suppressed
            ? f.hidden
            : t('campaigns.results.overallLine', {
                mean: f.score(overall.mean),
                sd: f.score(overall.sd),
                n: f.count(overall.n),
              })}
        </Text>
      </Stack>
      {view === 'chart' ? (
        <>
          <Card withBorder radius="md" padding="md">
            <Title order={4} fz="md" mb="xs">
              {t('campaigns.results.countriesTitle')}
            </Title>
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              <Boxplots scale={scale} dimension="country" k={k} title={t('campaigns.results.countriesTitle')} />
              <CountryHistogram scale={scale} k={k} />
            </SimpleGrid>
          </Card>
          <Card withBorder radius="md" padding="md">
            <Stack gap="sm">
              <Group justify="space-between" align="end" wrap="wrap">
                <Title order={4} fz="md">
                  {t(`campaigns.results.byTitle.${dimension}`)}
                </Title>
                <NativeSelect
                  label={t('campaigns.results.compareBy')}
                  value={dimension}
                  onChange={(e) => setDimension(others.find((d) => d === e.currentTarget.value) ?? 'group')}
                  data={others.map((d) => ({ value: d, label: t(`campaigns.results.by.${d}`) }))}
                  maw={260}
                />
              </Group>
              <Boxplots scale={scale} dimension={dimension} k={k} title={t(`campaigns.results.byTitle.${dimension}`)} />
            </Stack>
          </Card>
        </>
      ) : (
        <Stack gap="lg">
          <SummaryTable caption={t('campaigns.results.overallTitle')} summaries={[overall]} dimension="overall" k={k} />
          {RESULT_VIEWS.map((d) => (
            <SummaryTable
              key={d}
              caption={t(`campaigns.results.byTitle.${d}`)}
              summaries={scale.by[d]}
              dimension={d}
              k={k}
            />
          ))}
          <HistogramTable scale={scale} k={k} />
        </Stack>
      )}
      {hiddenSomewhere ? <Text size="sm">{t('campaigns.suppressedNote', { k })}</Text> : null}
      <Reliability scale={scale} k={k} />
    </Stack>
  );
}

/** Every scale in a line: the outcome first, then the others; figures withheld below k say so. */
function ScalesOverview({ scales, k }: { scales: ScaleResult[]; k: number }) {
  const { t } = useTranslation();
  const f = useFigures(k);
  return (
    <DataTable
      caption={t('campaigns.results.scalesTitle')}
      captionVisible
      head={[
        t('campaigns.results.scale'),
        t('campaigns.results.n'),
        t('campaigns.results.mean'),
        t('campaigns.results.sd'),
        t('campaigns.results.alpha'),
        t('campaigns.results.icc1'),
        t('campaigns.results.icc2'),
      ]}
      minWidth={680}
    >
      {scales.map((s) => (
        <Table.Tr key={s.id}>
          <Table.Th scope="row" fw={500}>
            {s.name}
            {s.outcome ? ` (${t('campaigns.results.outcome')})` : ''}
          </Table.Th>
          {s.overall.suppressed ? (
            <Table.Td colSpan={3}>{f.hidden}</Table.Td>
          ) : (
            <>
              <Table.Td>{f.count(s.overall.n)}</Table.Td>
              <Table.Td>{f.score(s.overall.mean)}</Table.Td>
              <Table.Td>{f.score(s.overall.sd)}</Table.Td>
            </>
          )}
          <Table.Td>{s.alpha.overall.suppressed ? f.hidden : f.coefficient(s.alpha.overall.alpha)}</Table.Td>
          <Table.Td>{f.icc(s.icc.icc1)}</Table.Td>
          <Table.Td>{f.icc(s.icc.icc2)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** /campaigns/:id/results: per scale, the distribution by country, group, program, setting, wave and language, and reliability. */
export function CampaignResultsPage() {
  const { t } = useTranslation();
  const campaign = useCampaignContext();
  const format = useFormat();
  const [waveId, setWaveId] = useState(
    campaign.waves.find((w) => w.kind === 'baseline')?.id ?? campaign.waves[0]?.id ?? '',
  );
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [scaleId, setScaleId] = useState<string>();
  const results = useResults(campaign.id, waveId, currentLanguage());

  if (campaign.waves.length === 0) {
    return (
      <EmptyState headingOrder={2} title={t('campaigns.invitations.noWaveTitle')}>
        {t('campaigns.invitations.noWaveBody')}
      </EmptyState>
    );
  }

  const controls = (
    <Group align="end" gap="md" wrap="wrap">
      <NativeSelect
        label={t('campaigns.fields.wave')}
        value={waveId}
        onChange={(e) => setWaveId(e.currentTarget.value)}
        data={[
          ...campaign.waves.map((w) => ({ value: w.id, label: w.name })),
          { value: '', label: t('campaigns.results.allWaves') },
        ]}
        maw={280}
      />
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
  );

  let body;
  if (results.isPending) body = <Loader role="status" aria-label={t('common.loading')} />;
  else if (results.isError)
    body = (
      <LoadError
        message={describeError(results.error, t)}
        onRetry={() => void results.refetch()}
        retryLabel={t('common.tryAgain')}
      />
    );
  else {
    const data = results.data;
    const scales = orderScales(data.scales);
    const scale = scales.find((s) => s.id === scaleId) ?? scales[0];
    body =
      data.responses === 0 || !scale ? (
        <EmptyState title={t('campaigns.results.emptyTitle')}>{t('campaigns.results.emptyBody')}</EmptyState>
      ) : (
        <Stack gap="lg">
          <Text>
            {t('campaigns.results.responsesLine', {
              count: data.responses,
              formatted: format.number(data.responses),
              k: data.k,
            })}
          </Text>
          {results.isPlaceholderData ? <Loader size="sm" role="status" aria-label={t('common.loading')} /> : null}
          <ScalesOverview scales={scales} k={data.k} />
          <NativeSelect
            label={t('campaigns.results.chooseScale')}
            value={scale.id}
            onChange={(e) => setScaleId(e.currentTarget.value)}
            data={scales.map((s) => ({
              value: s.id,
              label: s.outcome ? `${s.name} (${t('campaigns.results.outcome')})` : s.name,
            }))}
            maw={420}
          />
          <section aria-labelledby="scale-detail-title">
            <ScaleDetail key={scale.id} scale={scale} k={data.k} view={view} />
          </section>
        </Stack>
      );
  }

  return (
    <Stack gap="md">
      <Title order={2} fz="xl">
        {t('campaigns.results.title')}
      </Title>
      <Text size="sm">{t('campaigns.results.intro', { k: campaign.k })}</Text>
      {controls}
      {body}
    </Stack>
  );
}
