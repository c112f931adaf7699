import { SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { EChart } from '../../components/EChart.tsx';
import {
  describePoints,
  diagnosticOption,
  diagnosticPoints,
  type Point,
  type Reference,
} from './analysis-diagnostics.ts';
import type { AnalysisText } from './analysis-labels.ts';
import { Part, Unavailable, type View } from './AnalysisPart.tsx';
import { UnavailableNote } from './AnalysisReason.tsx';
import { isUnavailable } from './analysis-shape.ts';
import type { SavedAnalysis } from './queries.ts';

/** One plot: its heading, what to look for, then the chart (with its text alternative) or its table. */
function DiagnosticPlot({
  id,
  title,
  caption,
  empty,
  points,
  reference,
  axes,
  table,
  view,
  text,
}: {
  id: string;
  title: string;
  caption: string;
  empty: string;
  points: readonly Point[];
  reference: Reference;
  axes: { x: string; y: string };
  table: { head: string[]; rows: (string | number)[][]; minWidth: number };
  view: View;
  text: AnalysisText;
}) {
  const { t } = useTranslation();
  const summary = describePoints(points, reference);
  let body;
  if (!summary) body = <Text size="sm">{empty}</Text>;
  else if (view === 'chart')
    body = (
      <EChart
        option={diagnosticOption(points, { ...axes, series: title }, reference)}
        description={t(`analyses.diagnostics.description.${reference}`, {
          title,
          xMin: text.estimate(summary.xMin),
          xMax: text.estimate(summary.xMax),
          yMin: text.estimate(summary.yMin),
          yMax: text.estimate(summary.yMax),
          gap: text.estimate(summary.gap),
        })}
        height={260}
      />
    );
  else
    body = (
      <DataTable caption={title} head={table.head} minWidth={table.minWidth}>
        {table.rows.map(([first, ...rest], i) => (
          <Table.Tr key={i}>
            <Table.Th scope="row" fw={500}>
              {first}
            </Table.Th>
            {rest.map((cell, j) => (
              <Table.Td key={j}>{cell}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </DataTable>
    );
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={5} fz="sm" id={id}>
        {title}
      </Title>
      <Text size="sm">{caption}</Text>
      {body}
    </Stack>
  );
}

/** How the model's assumptions look: residuals by fitted value and normal Q–Q plots, from aggregates only. */
export function AnalysisDiagnostics({
  analysis,
  text,
  view,
}: {
  analysis: SavedAnalysis;
  text: AnalysisText;
  view: View;
}) {
  const { t } = useTranslation();
  const d = analysis.result.diagnostics;
  const { mixed } = analysis.result;
  if (isUnavailable(mixed)) {
    return (
      <Part title={t('analyses.diagnostics.title')} id="analysis-diagnostics">
        <UnavailableNote part={mixed} text={text} outcome={text.scale(analysis.spec.outcome)} />
      </Part>
    );
  }
  if (!d) {
    return (
      <Part title={t('analyses.diagnostics.title')} id="analysis-diagnostics">
        <Unavailable
          title={t('analyses.diagnostics.unavailableTitle')}
          message={t('analyses.diagnostics.unavailableBody')}
        />
      </Part>
    );
  }
  const points = diagnosticPoints(d);
  const quantileHead = [t('analyses.diagnostics.theoretical'), t('analyses.diagnostics.sample')];
  const quantileRows = (rows: Iterable<{ theoretical: number | null; sample: number | null }>) =>
    [...rows].map((q) => [text.estimate(q.theoretical), text.estimate(q.sample)]);
  const quantileAxes = { x: t('analyses.diagnostics.theoretical'), y: t('analyses.diagnostics.sample') };
  return (
    <Part title={t('analyses.diagnostics.title')} id="analysis-diagnostics">
      <Text size="sm">{t('analyses.diagnostics.intro')}</Text>
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
        <DiagnosticPlot
          id="analysis-diagnostics-fitted"
          title={t('analyses.diagnostics.byFitted.title')}
          caption={t('analyses.diagnostics.byFitted.caption')}
          empty={t('analyses.diagnostics.empty')}
          points={points.byFitted}
          reference="zero"
          axes={{ x: t('analyses.diagnostics.fitted'), y: t('analyses.diagnostics.residual') }}
          table={{
            head: [t('analyses.diagnostics.fitted'), t('analyses.diagnostics.residual'), t('analyses.fit.n')],
            rows: d.residualsByFitted.map((b) => [text.estimate(b.fitted), text.estimate(b.residual), text.count(b.n)]),
            minWidth: 300,
          }}
          view={view}
          text={text}
        />
        <DiagnosticPlot
          id="analysis-diagnostics-residuals"
          title={t('analyses.diagnostics.residuals.title')}
          caption={t('analyses.diagnostics.residuals.caption')}
          empty={t('analyses.diagnostics.empty')}
          points={points.residuals}
          reference="identity"
          axes={quantileAxes}
          table={{ head: quantileHead, rows: quantileRows(d.residualQuantiles), minWidth: 240 }}
          view={view}
          text={text}
        />
        <DiagnosticPlot
          id="analysis-diagnostics-blups"
          title={t('analyses.diagnostics.blups.title')}
          caption={t('analyses.diagnostics.blups.caption')}
          empty={t('analyses.diagnostics.blups.empty')}
          points={points.blups}
          reference="identity"
          axes={quantileAxes}
          table={{ head: quantileHead, rows: quantileRows(d.blupQuantiles), minWidth: 240 }}
          view={view}
          text={text}
        />
      </SimpleGrid>
    </Part>
  );
}
