import type { Cell, Sustainability } from '@alongside/contracts';
import { Badge, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { EChart, type ChartOption } from '../../components/EChart.tsx';
import { AlertIcon } from '../../components/Icons.tsx';
import { useFormat } from '../../lib/format.ts';
import { ChangeText, useCellText, type Unit } from './cells.tsx';

export type View = 'charts' | 'table';

// Pass 4.5:1 on white. A lone-PSP team's bar is also striped and labelled, so colour is never alone.
const TEAM_COLOUR = '#0f766e';
const LONE_COLOUR = '#9a3412';

/** The lone-PSP flag: an icon and words, in a colour that passes AA. */
export function LoneFlag() {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={LONE_COLOUR} radius="sm" tt="none" leftSection={<AlertIcon />}>
      {t('sustainability.lonePsp')}
    </Badge>
  );
}

function Figure({ title, value, children }: { title: string; value: string; children?: ReactNode }) {
  const long = value.length > 16;
  return (
    <Card component="li" withBorder radius="md" padding="md">
      <Stack gap={4}>
        <Title order={3} fz="sm" fw={600}>
          {title}
        </Title>
        <Text fz={long ? 'sm' : 28} fw={long ? 500 : 700} lh={1.2}>
          {value}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}

/** A figure of the period with its previous period and the change, as the indicators show theirs. */
function PeriodFigure({
  title,
  context,
  current,
  previous,
  unit,
  k,
}: {
  title: string;
  context: string;
  current: Cell;
  previous: Cell | undefined;
  unit: Unit;
  k: number;
}) {
  const { t } = useTranslation();
  const text = useCellText(k);
  return (
    <Figure title={title} value={text(current, unit)}>
      <Text size="sm" c="dimmed">
        {context}
      </Text>
      {previous ? (
        <>
          <Text size="sm" c="dimmed">
            {t('program.previous', { value: text(previous, unit) })}
          </Text>
          <ChangeText current={current} previous={previous} unit={unit} />
        </>
      ) : null}
    </Figure>
  );
}

/** The program's headline figures: staffing now; retention, supervision and time away for the period. */
export function Headline({ data, previous }: { data: Sustainability; previous: Sustainability | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      <Figure title={t('sustainability.headcount')} value={format.number(data.pspHeadcount)}>
        <Text size="sm" c="dimmed">
          {t('sustainability.headcountContext', { count: data.teams.length })}
        </Text>
      </Figure>
      <Figure
        title={t('sustainability.fte')}
        value={
          data.pspFte === null
            ? t('sustainability.fteMissing')
            : format.number(data.pspFte, { maximumFractionDigits: 1 })
        }
      >
        <Text size="sm" c="dimmed">
          {t('sustainability.fteContext')}
        </Text>
      </Figure>
      <Figure
        title={t('sustainability.loneTeams')}
        value={t('sustainability.loneTeamsValue', { count: data.teams.length, lone: format.number(data.lonePspTeams) })}
      >
        <Text size="sm" c="dimmed">
          {t('sustainability.loneTeamsContext')}
        </Text>
        {data.lonePspTeams > 0 ? (
          <div>
            <LoneFlag />
          </div>
        ) : null}
      </Figure>
      <PeriodFigure
        title={t('sustainability.retained')}
        context={t('sustainability.retainedContext')}
        current={data.retained12MonthsPct}
        previous={previous?.retained12MonthsPct}
        unit="percent"
        k={data.k}
      />
      <PeriodFigure
        title={t('sustainability.supervised')}
        context={t('sustainability.supervisedContext')}
        current={data.supervisedLast30DaysPct}
        previous={previous?.supervisedLast30DaysPct}
        unit="percent"
        k={data.k}
      />
      <PeriodFigure
        title={t('sustainability.stepAwayDays')}
        context={t('sustainability.stepAwayContext')}
        current={data.stepAwayDays}
        previous={previous?.stepAwayDays}
        unit="count"
        k={data.k}
      />
    </SimpleGrid>
  );
}

/** PSPs per team as bars (lone teams striped and labelled) or as a table. */
export function Staffing({ data, view }: { data: Sustainability; view: View }) {
  const { t } = useTranslation();
  const format = useFormat();
  const title = t('sustainability.staffingTitle');
  const label = (team: Sustainability['teams'][number]) =>
    team.isLonePsp
      ? t('sustainability.loneLabel', { value: format.number(team.pspHeadcount) })
      : format.number(team.pspHeadcount);
  if (view === 'table') {
    return (
      <DataTable
        caption={title}
        captionVisible
        head={[t('sustainability.team'), t('sustainability.headcount'), t('sustainability.lonePsp')]}
        minWidth={360}
      >
        {data.teams.map((team) => (
          <Table.Tr key={team.id}>
            <Table.Th scope="row" fw={500}>
              {team.name}
            </Table.Th>
            <Table.Td>{format.number(team.pspHeadcount)}</Table.Td>
            <Table.Td>{team.isLonePsp ? t('sustainability.yes') : t('sustainability.no')}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    );
  }
  const option: ChartOption = {
    aria: { enabled: false },
    grid: { left: 8, right: 120, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    yAxis: {
      type: 'category',
      data: data.teams.map((team) => team.name),
      inverse: true,
      axisLabel: { color: '#343a40', width: 140, overflow: 'break' },
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#343a40' } },
    series: [
      {
        name: t('sustainability.headcount'),
        type: 'bar',
        barMaxWidth: 32,
        data: data.teams.map((team) => ({
          value: team.pspHeadcount,
          itemStyle: team.isLonePsp
            ? {
                color: LONE_COLOUR,
                decal: {
                  symbol: 'rect',
                  dashArrayX: [1, 0],
                  dashArrayY: [2, 4],
                  rotation: Math.PI / 4,
                  color: 'rgba(255,255,255,0.6)',
                },
              }
            : { color: TEAM_COLOUR },
          label: { show: true, position: 'right', color: '#212529', formatter: label(team) },
        })),
      },
    ],
  };
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} fz="md" mb="xs">
        {title}
      </Title>
      <EChart
        option={option}
        description={t('program.chartBars', {
          title,
          values: data.teams.map((team) => `${team.name}: ${label(team)}`).join('; '),
        })}
        height={40 + 48 * data.teams.length}
      />
    </Card>
  );
}
