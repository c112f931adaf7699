import type { AnalysisResult } from '@alongside/contracts';
import { Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { EChart } from '../../components/EChart.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import type { CampaignDetail } from '../campaigns/queries.ts';
import { AnalysisDiagnostics } from './AnalysisDiagnostics.tsx';
import { orderedModels } from './analysis-form.ts';
import { AnalysisSummary } from './AnalysisSummary.tsx';
import { useAnalysisText, type AnalysisText } from './analysis-labels.ts';
import { AnalysisLevelDominance } from './AnalysisLevelDominance.tsx';
import { Part, type View } from './AnalysisPart.tsx';
import { UnavailableNote } from './AnalysisReason.tsx';
import {
  countryRows,
  forestRows,
  importanceOption,
  importanceRows,
  intervalOption,
  isUnavailable,
  type UnavailablePart,
} from './analysis-shape.ts';
import type { CampaignScale, SavedAnalysis } from './queries.ts';

type MixedFit = Exclude<AnalysisResult['mixed'], UnavailablePart>;
const PHONE = '(max-width: 47.99em)';

function FixedTable({ caption, fit, text }: { caption: string; fit: MixedFit; text: AnalysisText }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={caption}
      captionVisible
      head={[
        t('analyses.table.term'),
        t('analyses.table.estimate'),
        t('analyses.table.se'),
        t('analyses.table.df'),
        t('analyses.table.t'),
        t('analyses.table.p'),
        t('analyses.table.ci'),
      ]}
      minWidth={760}
    >
      {fit.fixed.map((f) => (
        <Table.Tr key={f.term}>
          <Table.Th scope="row" fw={500}>
            {text.term(f.term)}
          </Table.Th>
          <Table.Td>{text.estimate(f.estimate)}</Table.Td>
          <Table.Td>{text.estimate(f.se)}</Table.Td>
          <Table.Td>{text.df(f.df)}</Table.Td>
          <Table.Td>{text.t(f.t)}</Table.Td>
          <Table.Td>{text.p(f.p)}</Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{text.interval(f.tLow, f.tHigh)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function Forest({ analysis, text, view }: { analysis: SavedAnalysis; text: AnalysisText; view: View }) {
  const { t } = useTranslation();
  const narrow = useMediaQuery(PHONE, false);
  const { mixed } = analysis.result;
  if (isUnavailable(mixed)) {
    return (
      <Part title={t('analyses.forest.title')} id="analysis-forest">
        <UnavailableNote part={mixed} text={text} outcome={text.scale(analysis.spec.outcome)} />
      </Part>
    );
  }
  const rows = forestRows(mixed.fixed, analysis.spec.factors);
  const description = t('analyses.forest.description', {
    values: rows
      .map((r) =>
        t('analyses.forest.value', {
          name: text.scale(r.key),
          estimate: text.estimate(r.estimate),
          interval: text.interval(r.low, r.high),
        }),
      )
      .join('; '),
  });
  return (
    <Part title={t('analyses.forest.title')} id="analysis-forest">
      <Text size="sm">{t('analyses.forest.intro')}</Text>
      {view === 'chart' ? (
        <EChart
          option={intervalOption(
            rows,
            {
              category: (r) => text.scale(r.key),
              series: [t('analyses.forest.series')],
              axis: t('analyses.forest.axis'),
            },
            narrow,
          )}
          description={description}
          height={60 + rows.length * 40}
        />
      ) : null}
      <FixedTable caption={t('analyses.forest.tableTitle')} fit={mixed} text={text} />
    </Part>
  );
}

function Importance({ analysis, text, view }: { analysis: SavedAnalysis; text: AnalysisText; view: View }) {
  const { t } = useTranslation();
  const narrow = useMediaQuery(PHONE, false);
  const pl = analysis.result.programLevel;
  if (isUnavailable(pl)) {
    return (
      <Part title={t('analyses.importance.title')} id="analysis-importance">
        <UnavailableNote part={pl} text={text} outcome={text.scale(analysis.spec.outcome)} model="dominance" />
      </Part>
    );
  }
  const rows = importanceRows(pl);
  const description = t('analyses.importance.description', {
    values: rows
      .map((r) =>
        t('analyses.importance.value', {
          name: text.scale(r.key),
          weight: text.estimate(r.weight),
          interval: text.interval(r.low, r.high),
        }),
      )
      .join('; '),
  });
  return (
    <Part title={t('analyses.importance.title')} id="analysis-importance">
      <Text size="sm">
        {pl.bootstrap
          ? t('analyses.importance.intro', {
              programs: text.count(pl.programs.filter((p) => !p.withheld).length),
              r2: text.estimate(pl.dominance.r2),
              resamples: text.count(pl.bootstrap.resamples),
            })
          : t('analyses.importance.introNoBootstrap', {
              programs: text.count(pl.programs.filter((p) => !p.withheld).length),
              r2: text.estimate(pl.dominance.r2),
            })}
      </Text>
      {view === 'chart' ? (
        <EChart
          option={importanceOption(rows, { category: text.scale, axis: t('analyses.importance.axis') }, narrow)}
          description={description}
          height={60 + rows.length * 40}
        />
      ) : null}
      <DataTable
        caption={t('analyses.importance.tableTitle')}
        captionVisible
        head={[
          t('analyses.table.factor'),
          t('analyses.importance.weight'),
          t('analyses.importance.interval'),
          t('analyses.importance.stability'),
        ]}
        minWidth={560}
      >
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Th scope="row" fw={500}>
              {text.scale(r.key)}
            </Table.Th>
            <Table.Td>{text.estimate(r.weight)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{text.interval(r.low, r.high)}</Table.Td>
            <Table.Td>{text.percent(r.rankStability)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Text size="sm">{t('analyses.importance.stabilityNote')}</Text>
      <DataTable
        caption={t('analyses.ols.title')}
        captionVisible
        head={[
          t('analyses.table.term'),
          t('analyses.table.estimate'),
          t('analyses.table.se'),
          t('analyses.table.p'),
          t('analyses.ols.seHC3'),
          t('analyses.ols.pHC3'),
        ]}
        minWidth={640}
      >
        {pl.ols.terms.map((o) => (
          <Table.Tr key={o.term}>
            <Table.Th scope="row" fw={500}>
              {text.term(o.term)}
            </Table.Th>
            <Table.Td>{text.estimate(o.estimate)}</Table.Td>
            <Table.Td>{text.estimate(o.se)}</Table.Td>
            <Table.Td>{text.p(o.p)}</Table.Td>
            <Table.Td>{text.estimate(o.seHC3)}</Table.Td>
            <Table.Td>{text.p(o.pHC3)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Text size="sm">
        {t('analyses.ols.line', {
          r2: text.estimate(pl.ols.r2),
          df: text.count(pl.ols.df),
          sigma: text.estimate(pl.ols.sigma),
        })}
      </Text>
    </Part>
  );
}

function Countries({ analysis, text, view }: { analysis: SavedAnalysis; text: AnalysisText; view: View }) {
  const { t } = useTranslation();
  const narrow = useMediaQuery(PHONE, false);
  const countries = analysis.result.countries;
  if (isUnavailable(countries)) {
    return (
      <Part title={t('analyses.countries.title')} id="analysis-countries">
        <UnavailableNote part={countries} text={text} outcome={text.scale(analysis.spec.outcome)} model="country" />
      </Part>
    );
  }
  const rows = countryRows(countries, analysis.spec.factors);
  const lr = countries.likelihoodRatio;
  const description = t('analyses.countries.description', {
    values: rows
      .map((r) =>
        t('analyses.countries.value', {
          name: text.scale(r.factor),
          country: text.country(r.country),
          estimate: text.estimate(r.estimate),
          interval: text.interval(r.low, r.high),
        }),
      )
      .join('; '),
  });
  const seriesCountries = ['CA', ...new Set(countries.slopes.map((s) => s.country))];
  return (
    <Part title={t('analyses.countries.title')} id="analysis-countries">
      <Text size="sm">{t('analyses.countries.intro')}</Text>
      <Text fw={500}>
        {t('analyses.countries.lrLine', { statistic: text.t(lr.statistic), df: lr.df, p: text.p(lr.p) })}{' '}
        {lr.p !== null && lr.p < 0.05 ? t('analyses.countries.lrDiffer') : t('analyses.countries.lrSame')}
      </Text>
      {view === 'chart' ? (
        <EChart
          option={intervalOption(
            rows,
            {
              category: (r) => {
                const row = rows.find((x) => x.key === r.key);
                return row ? `${text.scale(row.factor)} — ${text.country(row.country)}` : r.key;
              },
              series: seriesCountries.map(text.country),
              axis: t('analyses.forest.axis'),
            },
            narrow,
          )}
          description={description}
          height={70 + rows.length * 34}
        />
      ) : null}
      <DataTable
        caption={t('analyses.countries.tableTitle')}
        captionVisible
        head={[
          t('analyses.table.factor'),
          t('campaigns.fields.country'),
          t('analyses.table.estimate'),
          t('analyses.table.se'),
          t('analyses.table.p'),
          t('analyses.table.ci'),
        ]}
        minWidth={640}
      >
        {rows.map((r) => {
          const p =
            r.country === 'CA'
              ? countries.interaction.fixed.find((f) => f.term === r.factor)?.p
              : countries.slopes.find((s) => s.factor === r.factor && s.country === r.country)?.p;
          const se =
            r.country === 'CA'
              ? countries.interaction.fixed.find((f) => f.term === r.factor)?.se
              : countries.slopes.find((s) => s.factor === r.factor && s.country === r.country)?.se;
          return (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={500}>
                {text.scale(r.factor)}
              </Table.Th>
              <Table.Td>{text.country(r.country)}</Table.Td>
              <Table.Td>{text.estimate(r.estimate)}</Table.Td>
              <Table.Td>{text.estimate(se)}</Table.Td>
              <Table.Td>{text.p(p)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{text.interval(r.low, r.high)}</Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <FixedTable caption={t('analyses.countries.interactionTitle')} fit={countries.interaction} text={text} />
    </Part>
  );
}

/** Variance components, ICC, R², and the ML fit's information criteria. */
function ModelFit({ analysis, text }: { analysis: SavedAnalysis; text: AnalysisText }) {
  const { t } = useTranslation();
  const { mixed, ml } = analysis.result;
  const unavailable = (part: UnavailablePart) => (
    <Part title={t('analyses.fit.title')} id="analysis-fit">
      <UnavailableNote part={part} text={text} outcome={text.scale(analysis.spec.outcome)} />
    </Part>
  );
  if (isUnavailable(mixed)) return unavailable(mixed);
  if (isUnavailable(ml)) return unavailable(ml);
  const rows: [string, string][] = [
    [t('analyses.fit.programVariance'), text.small(mixed.programVariance)],
    [t('analyses.fit.residualVariance'), text.small(mixed.residualVariance)],
    [t('analyses.fit.icc'), text.estimate(mixed.icc)],
    [t('analyses.fit.r2Marginal'), text.estimate(mixed.r2.marginal)],
    [t('analyses.fit.r2Conditional'), text.estimate(mixed.r2.conditional)],
    [t('analyses.fit.logLik'), text.df(ml.logLik)],
    [t('analyses.fit.aic'), text.df(ml.aic)],
    [t('analyses.fit.bic'), text.df(ml.bic)],
    [t('analyses.fit.n'), text.count(mixed.n)],
    [t('analyses.fit.programs'), text.count(mixed.programs)],
  ];
  return (
    <Part title={t('analyses.fit.title')} id="analysis-fit">
      <DataTable
        caption={t('analyses.fit.tableTitle')}
        head={[t('analyses.fit.quantity'), t('analyses.fit.value')]}
        minWidth={320}
      >
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" fw={500}>
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Text size="sm">{t('analyses.fit.note')}</Text>
      {mixed.singular ? <Text size="sm">{t('analyses.fit.singular')}</Text> : null}
    </Part>
  );
}

/** Each program's random intercept, by name; programs below k are withheld. */
function Blups({ analysis, text }: { analysis: SavedAnalysis; text: AnalysisText }) {
  const { t } = useTranslation();
  const { mixed } = analysis.result;
  if (isUnavailable(mixed)) {
    return (
      <Part title={t('analyses.blups.title')} id="analysis-blups">
        <UnavailableNote part={mixed} text={text} outcome={text.scale(analysis.spec.outcome)} />
      </Part>
    );
  }
  const name = (id: string) => analysis.programs.find((p) => p.id === id)?.name ?? id;
  const rows = [...analysis.result.blups].sort((a, b) => name(a.program).localeCompare(name(b.program)));
  return (
    <Part title={t('analyses.blups.title')} id="analysis-blups">
      <Text size="sm">{t('analyses.blups.intro')}</Text>
      <DataTable
        caption={t('analyses.blups.tableTitle')}
        head={[t('fields.program'), t('campaigns.fields.country'), t('analyses.fit.n'), t('analyses.blups.blup')]}
        minWidth={480}
      >
        {rows.map((b) => (
          <Table.Tr key={b.program}>
            <Table.Th scope="row" fw={500}>
              {name(b.program)}
            </Table.Th>
            <Table.Td>{text.country(analysis.programs.find((p) => p.id === b.program)?.countryCode ?? '')}</Table.Td>
            <Table.Td>{b.withheld ? '—' : text.count(b.n)}</Table.Td>
            <Table.Td>
              {b.withheld ? t('analyses.blups.withheld', { k: analysis.spec.options.k }) : text.estimate(b.blup)}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Part>
  );
}

/** Within- and between-program parts of each factor, when the spec asked for them. */
function Centered({ analysis, text }: { analysis: SavedAnalysis; text: AnalysisText }) {
  const { t } = useTranslation();
  const centered = analysis.result.centered;
  if (!centered) return null;
  if (isUnavailable(centered)) {
    return (
      <Part title={t('analyses.centered.title')} id="analysis-centered">
        <UnavailableNote part={centered} text={text} outcome={text.scale(analysis.spec.outcome)} />
      </Part>
    );
  }
  const cell = (c: { estimate: number | null; se: number | null; p: number | null }) =>
    t('analyses.centered.cell', { estimate: text.estimate(c.estimate), se: text.estimate(c.se), p: text.p(c.p) });
  return (
    <Part title={t('analyses.centered.title')} id="analysis-centered">
      <Text size="sm">{t('analyses.centered.intro')}</Text>
      <DataTable
        caption={t('analyses.centered.tableTitle')}
        head={[
          t('analyses.table.factor'),
          t('analyses.centered.within'),
          t('analyses.centered.between'),
          t('analyses.centered.contextual'),
        ]}
        minWidth={720}
      >
        {centered.effects.map((e) => (
          <Table.Tr key={e.factor}>
            <Table.Th scope="row" fw={500}>
              {text.scale(e.factor)}
            </Table.Th>
            <Table.Td>{cell(e.within)}</Table.Td>
            <Table.Td>{cell(e.between)}</Table.Td>
            <Table.Td>{cell(e.contextual)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Part>
  );
}

/** A saved analysis: the summary first, then the forest plot, the importance, the countries and the full tables. */
export function AnalysisResultView({
  analysis,
  scales,
  campaign,
}: {
  analysis: SavedAnalysis;
  scales: readonly CampaignScale[];
  campaign: CampaignDetail;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('chart');
  const text = useAnalysisText(scales, analysis.spec.factors, analysis.spec.composites);
  const { spec } = analysis;
  const wave = campaign.waves.find((w) => w.id === spec.waveId)?.name ?? spec.waveId;
  const withheld = analysis.result.smallCells.withheld.length;
  return (
    <Stack gap="md" component="section" aria-labelledby="analysis-result-title">
      <Group justify="space-between" align="end" wrap="wrap">
        <Stack gap={2}>
          <Title order={3} fz="lg" id="analysis-result-title">
            {t('analyses.result.title', { outcome: text.scale(spec.outcome), wave })}
          </Title>
          <Text size="sm">{t('analyses.result.ranAt', { at: text.dateTime(analysis.createdAt) })}</Text>
        </Stack>
        <Button
          component="a"
          href={`/api/analyses/${encodeURIComponent(analysis.id)}/report.html?language=${currentLanguage()}`}
          download
          variant="outline"
        >
          {t('analyses.result.report')}
        </Button>
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
      <Part title={t('analyses.summary.title')} id="analysis-summary">
        <AnalysisSummary analysis={analysis} text={text} />
        {withheld > 0 ? (
          <Text size="sm">{t('analyses.result.withheld', { count: withheld, k: spec.options.k })}</Text>
        ) : null}
      </Part>
      <Forest analysis={analysis} text={text} view={view} />
      <Importance analysis={analysis} text={text} view={view} />
      <AnalysisLevelDominance analysis={analysis} text={text} view={view} />
      <Countries analysis={analysis} text={text} view={view} />
      <ModelFit analysis={analysis} text={text} />
      <AnalysisDiagnostics analysis={analysis} text={text} view={view} />
      <Centered analysis={analysis} text={text} />
      <Blups analysis={analysis} text={text} />
      <Part title={t('analyses.reproduce.title')} id="analysis-reproduce">
        <Text size="sm">
          {t('analyses.reproduce.line', { at: text.dateTime(analysis.dataAt), software: analysis.softwareVersion })}
        </Text>
        <Text size="sm">
          {t('analyses.reproduce.spec', {
            wave,
            outcome: text.scale(spec.outcome),
            factors: text.list(spec.factors.map(text.scale)),
            k: spec.options.k,
            resamples: spec.options.resamples,
            seed: spec.options.seed,
            centering: spec.options.centering ? t('common.yes') : t('common.no'),
          })}
        </Text>
        {spec.models ? (
          <Text size="sm">
            {t('analyses.reproduce.models', { list: text.list(orderedModels(spec.models).map(text.model)) })}
          </Text>
        ) : null}
        <pre className="mono" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0, fontSize: 13 }}>
          {JSON.stringify(spec, null, 2)}
        </pre>
      </Part>
    </Stack>
  );
}
