import { Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { EChart } from '../../components/EChart.tsx';
import type { AnalysisText } from './analysis-labels.ts';
import { Part, type View } from './AnalysisPart.tsx';
import { UnavailableNote } from './AnalysisReason.tsx';
import { isUnavailable, levelDominanceOption, levelDominanceRows } from './analysis-shape.ts';
import type { SavedAnalysis } from './queries.ts';

const PHONE = '(max-width: 47.99em)';

/**
 * The dominance on the mixed model (Luo & Azen 2013), when the spec asked for it: each factor's share of the R²
 * within programs and between programs, as bars (with their text alternative) and as a table.
 */
export function AnalysisLevelDominance({
  analysis,
  text,
  view,
}: {
  analysis: SavedAnalysis;
  text: AnalysisText;
  view: View;
}) {
  const { t } = useTranslation();
  const narrow = useMediaQuery(PHONE, false);
  const levels = analysis.result.levelDominance;
  if (!levels) return null;
  const title = t('analyses.levelDominance.title');
  if (isUnavailable(levels)) {
    return (
      <Part title={title} id="analysis-level-dominance">
        <UnavailableNote
          part={levels}
          text={text}
          outcome={text.scale(analysis.spec.outcome)}
          model="level_dominance"
        />
      </Part>
    );
  }
  const rows = levelDominanceRows(levels);
  const within = t('analyses.levelDominance.within');
  const between = t('analyses.levelDominance.between');
  const description = t('analyses.levelDominance.description', {
    values: rows
      .map((r) =>
        t('analyses.levelDominance.value', {
          name: text.scale(r.key),
          within: text.estimate(r.within),
          between: text.estimate(r.between),
        }),
      )
      .join('; '),
  });
  return (
    <Part title={title} id="analysis-level-dominance">
      <Text size="sm">
        {t('analyses.levelDominance.intro', {
          size: text.df(levels.clusterSize),
          within: text.estimate(levels.within.r2),
          between: text.estimate(levels.between.r2),
        })}
      </Text>
      {view === 'chart' ? (
        <EChart
          option={levelDominanceOption(
            rows,
            {
              category: text.scale,
              series: [within, between],
              axis: t('analyses.levelDominance.axis'),
              label: text.estimate,
            },
            narrow,
          )}
          description={description}
          height={90 + rows.length * 64}
        />
      ) : null}
      <DataTable
        caption={t('analyses.levelDominance.tableTitle')}
        captionVisible
        head={[t('analyses.table.factor'), within, between]}
        minWidth={300}
      >
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Th scope="row" fw={500}>
              {text.scale(r.key)}
            </Table.Th>
            <Table.Td>{text.estimate(r.within)}</Table.Td>
            <Table.Td>{text.estimate(r.between)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th scope="row" fw={700}>
            {t('analyses.levelDominance.r2Row')}
          </Table.Th>
          <Table.Td fw={700}>{text.estimate(levels.within.r2)}</Table.Td>
          <Table.Td fw={700}>{text.estimate(levels.between.r2)}</Table.Td>
        </Table.Tr>
      </DataTable>
    </Part>
  );
}
