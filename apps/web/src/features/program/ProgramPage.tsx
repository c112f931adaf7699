import type { Cell, Indicators } from '@alongside/contracts';
import {
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, LoadError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { usePracticeLabels } from '../../lib/practice-labels.ts';
import { useSignedInMe } from '../session/RequireAuth.tsx';
import { EChart, type ChartOption } from '../../components/EChart.tsx';
import { ChangeText, useCellText } from './cells.tsx';
import { monthsPeriod, periodPresets, periodProblem, type Period, type PeriodPreset } from './periods.ts';
import { indicatorsCsvUrl, useIndicators } from './queries.ts';
import { SustainabilitySection } from './SustainabilitySection.tsx';

// Two colours that pass 4.5:1 on white; series also differ by line style, symbol and bar pattern.
const CURRENT_COLOUR = '#0f766e';
const PREVIOUS_COLOUR = '#9a3412';

function Figures({ data }: { data: Indicators }) {
  const { t } = useTranslation();
  const text = useCellText(data.k);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {data.indicators.map((ind) => (
        <Card component="li" key={ind.key} withBorder radius="md" padding="md">
          <Stack gap={4}>
            <Title order={3} fz="sm" fw={600}>
              {t(`indicators.${ind.key}`, { days: data.voiceAnswerTargetDays })}
            </Title>
            <Text fz={ind.current.suppressed ? 'sm' : 28} fw={ind.current.suppressed ? 500 : 700} lh={1.2}>
              {text(ind.current, ind.unit)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('program.previous', { value: text(ind.previous, ind.unit) })}
            </Text>
            <ChangeText current={ind.current} previous={ind.previous} unit={ind.unit} />
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** Trend and mix charts, each with a text alternative that lists the numbers. */
function Charts({ data }: { data: Indicators }) {
  const { t } = useTranslation();
  const labels = usePracticeLabels();
  const format = useFormat();
  const text = useCellText(data.k);
  const month = (m: string) => format.month(m.slice(0, 7), { month: 'short', year: 'numeric' });
  const value = (c: Cell) => (c.suppressed ? null : c.value);

  const lineOption = (title: string, pick: (row: Indicators['trend'][number]) => Cell): ChartOption => ({
    aria: { enabled: false },
    grid: { left: 48, right: 16, top: 24, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: data.trend.map((r) => month(r.month)), axisLabel: { color: '#343a40' } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#343a40' } },
    series: [
      {
        name: title,
        type: 'line',
        data: data.trend.map((r) => value(pick(r))),
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 8,
        lineStyle: { width: 3, color: CURRENT_COLOUR },
        itemStyle: { color: CURRENT_COLOUR },
        label: { show: true, position: 'top', color: '#212529' },
      },
    ],
  });

  const barOption = (rows: { label: string; current: Cell; previous: Cell }[]): ChartOption => ({
    aria: { enabled: false },
    grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: '#212529' } },
    tooltip: { trigger: 'axis' },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      inverse: true,
      axisLabel: { color: '#343a40', width: 180, overflow: 'break' },
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#343a40' } },
    series: [
      {
        name: t('program.thisPeriod'),
        type: 'bar',
        data: rows.map((r) => value(r.current)),
        itemStyle: { color: CURRENT_COLOUR },
        label: { show: true, position: 'right', color: '#212529' },
      },
      {
        name: t('program.previousPeriod'),
        type: 'bar',
        data: rows.map((r) => value(r.previous)),
        itemStyle: {
          color: PREVIOUS_COLOUR,
          decal: {
            symbol: 'rect',
            dashArrayX: [1, 0],
            dashArrayY: [2, 4],
            rotation: Math.PI / 4,
            color: 'rgba(255,255,255,0.6)',
          },
        },
        label: { show: true, position: 'right', color: '#212529' },
      },
    ],
  });

  const activities = data.activities.map((a) => ({
    label: labels.activity(a.activity),
    current: a.current,
    previous: a.previous,
  }));
  const referrals = data.referralsByProfession.map((r) => ({
    label: t(`roles.${r.profession}`),
    current: r.current,
    previous: r.previous,
  }));
  const describeTrend = (title: string, pick: (row: Indicators['trend'][number]) => Cell, unit: 'count' | 'percent') =>
    t('program.chartLine', {
      title,
      values: data.trend.map((r) => `${month(r.month)}: ${text(pick(r), unit)}`).join('; '),
    });
  const describeBars = (title: string, rows: typeof activities) =>
    t('program.chartBars', {
      title,
      values: rows
        .map((r) =>
          t('program.chartBarRow', {
            label: r.label,
            current: text(r.current, 'count'),
            previous: text(r.previous, 'count'),
          }),
        )
        .join('; '),
    });

  const trends: {
    id: string;
    title: string;
    pick: (row: Indicators['trend'][number]) => Cell;
    unit: 'count' | 'percent';
  }[] = [
    { id: 'people', title: t('program.trendPeople'), pick: (r) => r.peopleSupported, unit: 'count' },
    { id: 'contacts', title: t('program.trendContacts'), pick: (r) => r.contacts, unit: 'count' },
    {
      id: 'ontime',
      title: t('program.trendOnTime', { days: data.voiceAnswerTargetDays }),
      pick: (r) => r.voiceAnsweredOnTimePct,
      unit: 'percent',
    },
  ];
  const hiddenBars = [...activities, ...referrals].some((r) => r.current.suppressed || r.previous.suppressed);
  const hiddenMonths = data.trend.some(
    (r) => r.peopleSupported.suppressed || r.contacts.suppressed || r.voiceAnsweredOnTimePct.suppressed,
  );

  return (
    <Stack gap="lg">
      {hiddenMonths ? <Text size="sm">{t('program.gapsNote', { k: data.k })}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {trends.map((tr) => (
          <Card key={tr.id} withBorder radius="md" padding="md">
            <Title order={3} fz="md" mb="xs">
              {tr.title}
            </Title>
            <EChart option={lineOption(tr.title, tr.pick)} description={describeTrend(tr.title, tr.pick, tr.unit)} />
          </Card>
        ))}
      </SimpleGrid>
      {hiddenBars ? <Text size="sm">{t('program.hiddenBarsNote', { k: data.k })}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder radius="md" padding="md">
          <Title order={3} fz="md" mb="xs">
            {t('program.activitiesTitle')}
          </Title>
          {activities.length ? (
            <EChart
              option={barOption(activities)}
              description={describeBars(t('program.activitiesTitle'), activities)}
              height={420}
            />
          ) : (
            <Text>{t('program.noData')}</Text>
          )}
        </Card>
        <Card withBorder radius="md" padding="md">
          <Title order={3} fz="md" mb="xs">
            {t('program.referralsTitle')}
          </Title>
          {referrals.length ? (
            <EChart
              option={barOption(referrals)}
              description={describeBars(t('program.referralsTitle'), referrals)}
              height={300}
            />
          ) : (
            <Text>{t('program.noReferrals')}</Text>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

/** The same numbers as tables. */
function Tables({ data }: { data: Indicators }) {
  const { t } = useTranslation();
  const labels = usePracticeLabels();
  const format = useFormat();
  const text = useCellText(data.k);
  const month = (m: string) => format.month(m.slice(0, 7));
  return (
    <Stack gap="lg">
      <DataTable
        caption={t('program.tableIndicators')}
        captionVisible
        head={[t('program.figure'), t('program.thisPeriod'), t('program.previousPeriod')]}
        minWidth={520}
      >
        {data.indicators.map((ind) => (
          <Table.Tr key={ind.key}>
            <Table.Th scope="row" fw={500}>
              {t(`indicators.${ind.key}`, { days: data.voiceAnswerTargetDays })}
            </Table.Th>
            <Table.Td>{text(ind.current, ind.unit)}</Table.Td>
            <Table.Td>{text(ind.previous, ind.unit)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <DataTable
        caption={t('program.tableTrend')}
        captionVisible
        head={[
          t('program.month'),
          t('program.trendPeople'),
          t('program.trendContacts'),
          t('program.trendOnTime', { days: data.voiceAnswerTargetDays }),
        ]}
        minWidth={560}
      >
        {data.trend.map((r) => (
          <Table.Tr key={r.month}>
            <Table.Th scope="row" fw={500}>
              {month(r.month)}
            </Table.Th>
            <Table.Td>{text(r.peopleSupported, 'count')}</Table.Td>
            <Table.Td>{text(r.contacts, 'count')}</Table.Td>
            <Table.Td>{text(r.voiceAnsweredOnTimePct, 'percent')}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <DataTable
        caption={t('program.activitiesTitle')}
        captionVisible
        head={[t('program.activity'), t('program.thisPeriod'), t('program.previousPeriod')]}
        minWidth={520}
      >
        {data.activities.map((a) => (
          <Table.Tr key={a.activity}>
            <Table.Th scope="row" fw={500}>
              {labels.activity(a.activity)}
            </Table.Th>
            <Table.Td>{text(a.current, 'count')}</Table.Td>
            <Table.Td>{text(a.previous, 'count')}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <DataTable
        caption={t('program.referralsTitle')}
        captionVisible
        head={[t('program.profession'), t('program.thisPeriod'), t('program.previousPeriod')]}
        minWidth={520}
      >
        {data.referralsByProfession.map((r) => (
          <Table.Tr key={r.profession}>
            <Table.Th scope="row" fw={500}>
              {t(`roles.${r.profession}`)}
            </Table.Th>
            <Table.Td>{text(r.current, 'count')}</Table.Td>
            <Table.Td>{text(r.previous, 'count')}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}

/** The manager's home: is integration improving? Figures with the previous period, trends, mix, CSV. */
export function ProgramPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const format = useFormat();
  const programs = useMemo(() => {
    const seen = new Map<string, string>();
    for (const m of me.memberships)
      if (m.programId && !seen.has(m.programId)) seen.set(m.programId, m.programName ?? '');
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [me.memberships]);
  const presets = useMemo(() => periodPresets(new Date(), 4), []);
  const [programId, setProgramId] = useState(programs[0]?.id ?? '');
  // This quarter so far when one of its months is over, else the last month.
  const [presetId, setPresetId] = useState(presets.find((p) => p.kind === 'quarter')?.id ?? presets[0]!.id);
  const [custom, setCustom] = useState({ from: presets.at(-1)!.from.slice(0, 7), to: presets[0]!.to.slice(0, 7) });
  const [applied, setApplied] = useState(() => monthsPeriod(custom.from, custom.to, new Date()));
  const [customProblem, setCustomProblem] = useState<string>();
  const [view, setView] = useState<'charts' | 'table'>('charts');
  const period: Period | undefined = presetId === 'custom' ? applied : presets.find((p) => p.id === presetId);
  const indicators = useIndicators(programId || undefined, period);

  if (programs.length === 0) {
    return (
      <Stack>
        <PageHeader title={t('program.title')} />
        <EmptyState title={t('program.noProgramTitle')}>{t('program.noProgramBody')}</EmptyState>
      </Stack>
    );
  }

  const applyCustom = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    const problem = periodProblem(custom.from, custom.to, new Date());
    setCustomProblem(problem ? t(`program.periodProblem.${problem}`) : undefined);
    if (!problem) setApplied(monthsPeriod(custom.from, custom.to, new Date()));
  };

  const presetLabel = (p: PeriodPreset) =>
    p.kind === 'month'
      ? t('program.lastMonth', { month: format.month(p.month) })
      : p.soFar
        ? t('program.quarterToDate', { q: p.quarter, year: p.year, to: format.day(p.to) })
        : t('program.quarter', { q: p.quarter, year: p.year });

  return (
    <Stack gap="lg">
      <PageHeader title={t('program.title')} description={t('program.intro')} />
      <Group align="end" gap="md" wrap="wrap">
        {programs.length > 1 ? (
          <NativeSelect
            label={t('fields.program')}
            value={programId}
            onChange={(e) => setProgramId(e.currentTarget.value)}
            data={programs.map((p) => ({ value: p.id, label: p.name }))}
            maw={360}
          />
        ) : null}
        <NativeSelect
          label={t('program.period')}
          value={presetId}
          onChange={(e) => setPresetId(e.currentTarget.value)}
          data={[
            ...presets.map((p) => ({ value: p.id, label: presetLabel(p) })),
            { value: 'custom', label: t('program.custom') },
          ]}
          w={360}
          maw="100%"
        />
      </Group>
      {presetId === 'custom' ? (
        <form onSubmit={applyCustom} noValidate>
          <Group align="end" gap="md" wrap="wrap">
            <TextInput
              type="month"
              label={t('program.from')}
              description={t('program.monthFormat')}
              placeholder="YYYY-MM"
              value={custom.from}
              onChange={(e) => setCustom({ ...custom, from: e.currentTarget.value })}
            />
            <TextInput
              type="month"
              label={t('program.to')}
              description={t('program.monthFormat')}
              placeholder="YYYY-MM"
              value={custom.to}
              onChange={(e) => setCustom({ ...custom, to: e.currentTarget.value })}
              error={customProblem}
            />
            <Button type="submit">{t('program.apply')}</Button>
          </Group>
        </form>
      ) : null}

      {indicators.isPending ? (
        <Loader role="status" aria-label={t('common.loading')} />
      ) : indicators.isError ? (
        <LoadError
          message={describeError(indicators.error, t)}
          onRetry={() => void indicators.refetch()}
          retryLabel={t('common.tryAgain')}
        />
      ) : (
        <>
          <Stack gap={4}>
            <Title order={2} fz="xl">
              {t('program.figuresTitle', { program: indicators.data.programName })}
            </Title>
            <Text size="sm">
              {t('program.periodLine', {
                from: format.day(indicators.data.period.from),
                to: format.day(indicators.data.period.to),
                prevFrom: format.day(indicators.data.previousPeriod.from),
                prevTo: format.day(indicators.data.previousPeriod.to),
              })}
            </Text>
            <Text size="sm">
              {t('program.privacyNote', { k: indicators.data.k })} {t('program.monthsNote')}
            </Text>
          </Stack>
          {indicators.isPlaceholderData ? <Loader size="sm" role="status" aria-label={t('common.loading')} /> : null}
          <Figures data={indicators.data} />
          <section aria-labelledby="program-detail-title">
            <Stack gap="md">
              <Group justify="space-between" wrap="wrap" align="end">
                <Title order={2} fz="xl" id="program-detail-title">
                  {t('program.detailTitle')}
                </Title>
                <Group gap="sm">
                  <SegmentedControl
                    aria-label={t('program.viewLabel')}
                    value={view}
                    onChange={(v) => setView(v === 'table' ? 'table' : 'charts')}
                    data={[
                      { value: 'charts', label: t('program.viewCharts') },
                      { value: 'table', label: t('program.viewTable') },
                    ]}
                  />
                  {period ? (
                    <Button component="a" href={indicatorsCsvUrl(programId, period)} download variant="outline">
                      {t('program.csv')}
                    </Button>
                  ) : null}
                </Group>
              </Group>
              {view === 'charts' ? <Charts data={indicators.data} /> : <Tables data={indicators.data} />}
            </Stack>
          </section>
          <SustainabilitySection
            programId={programId}
            period={indicators.data.period}
            previousPeriod={indicators.data.previousPeriod}
          />
        </>
      )}
    </Stack>
  );
}
