import { strToU8, zipSync } from 'fflate';
import type { Analysis, AnalysisResult, MixedFitResult } from '@alongside/contracts';
import type { DownloadFile } from '../../lib/files.ts';
import { csvField } from '../campaigns/exports/export-csv.ts';

// Every table of a saved analysis as CSV (one file each), the whole analysis as tables.json and a README naming each
// file and its columns, in one zip. Pure: the caller reads the analysis (which checks access and audits the read).
// Numbers are written in full (the shortest text that reads back as the same double); a statistic that does not
// exist is an empty cell; figures the k rule withholds stay withheld (empty), as they are in the result.

type Value = string | number | boolean | null | undefined;

interface Table {
  file: string;
  about: string;
  columns: [name: string, meaning: string][];
  rows: Value[][];
}

/** A text a spreadsheet would run as a formula; a plain number (e.g. "-0.5") is left as it is. */
const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** One CSV field: numbers in full, null empty, a text that would start a formula prefixed with an apostrophe. */
export function tableCell(value: Value): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return csvField(formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value);
}

const csv = (table: Table) => [table.columns.map(([name]) => name), ...table.rows].map((row) => row.map(tableCell).join(',')).join('\r\n') + '\r\n';

const FIXED_COLUMNS: [string, string][] = [
  ['term', 'the term as R names it: (Intercept), a factor, countryNO, groupclinician, factor:countryNO'],
  ['estimate', 'the fixed effect (per standard deviation of a factor: factors are z-scored over the analysis sample)'],
  ['se', 'its standard error'],
  ['df', 'Satterthwaite degrees of freedom (REML fits; empty for ML fits)'],
  ['t', 'estimate / se'],
  ['p', 'two-sided p from t with df (empty where df is: use waldLow and waldHigh)'],
  ['waldLow', 'lower end of the 95 % Wald interval (estimate − 1.96 · se)'],
  ['waldHigh', 'upper end of the 95 % Wald interval'],
  ['tLow', 'lower end of the 95 % interval from t with df (empty where df is)'],
  ['tHigh', 'upper end of the 95 % interval from t with df'],
];
const fixedRow = (f: MixedFitResult['fixed'][number]): Value[] => [f.term, f.estimate, f.se, f.df, f.t, f.p, f.waldLow, f.waldHigh, f.tLow, f.tHigh];

const FIT_COLUMNS: [string, string][] = [
  ['fit', 'which model: mixed (REML), ml (the same model refitted by ML), countries.interaction, countries.<country>, centered, smallCells.without'],
  ['reml', 'true when fitted by REML, false for ML'],
  ['n', 'respondents in the fit'],
  ['programs', 'programs in the fit'],
  ['programVariance', 'variance of the program intercepts (σ²ᵤ)'],
  ['residualVariance', 'residual variance within programs (σ²)'],
  ['theta', 'σᵤ / σ, as lme4 reports it'],
  ['icc', 'σ²ᵤ / (σ²ᵤ + σ²)'],
  ['logLik', 'log-likelihood (REML criterion for REML fits)'],
  ['deviance', '−2 · logLik'],
  ['aic', 'AIC'],
  ['bic', 'BIC'],
  ['singular', 'true when the program variance is estimated at 0'],
  ['r2Marginal', 'Nakagawa R², fixed effects only'],
  ['r2Conditional', 'Nakagawa R², fixed effects and program intercepts'],
];
const fitRow = (name: string, f: MixedFitResult): Value[] => [
  name, f.reml, f.n, f.programs, f.programVariance, f.residualVariance, f.theta, f.icc, f.logLik, f.deviance, f.aic, f.bic, f.singular, f.r2.marginal, f.r2.conditional,
];

const CONTRAST_COLUMNS: [string, string][] = [
  ['estimate', 'the estimate'],
  ['se', 'its standard error'],
  ['df', 'Satterthwaite degrees of freedom'],
  ['t', 'estimate / se'],
  ['p', 'two-sided p'],
];

type ProgramLevel = Exclude<AnalysisResult['programLevel'], { unavailable: unknown }>;
type Unavailable = { unavailable: { code: string; message: string; terms: string[] } };
const isUnavailable = (part: object): part is Unavailable => 'unavailable' in part;

/** The program level's tables (the main one, or the small-cell variant's under its own prefix). */
function programLevelTables(prefix: string, what: string, level: ProgramLevel): Table[] {
  const { programs, ols, dominance, bootstrap } = level;
  const p = dominance.factors.length;
  const tables: Table[] = [
    {
      file: `${prefix}programs.csv`,
      about: `${what}: the programs and their outcome means (empty for programs with fewer than k respondents)`,
      columns: [['program', 'the program'], ['n', 'its respondents in the sample'], ['outcomeMean', 'the mean outcome of its respondents (withheld: empty)'], ['withheld', 'true when it has fewer than k respondents']],
      rows: programs.map((r) => [r.program, r.n, r.withheld ? null : r.outcomeMean, r.withheld]),
    },
    {
      file: `${prefix}ols.csv`,
      about: `${what}: OLS of the program means on the program means of the factors, with HC3 standard errors`,
      columns: [['term', 'the term'], ['estimate', 'the coefficient'], ['se', 'classical standard error'], ['t', 'estimate / se'], ['p', 'two-sided p'], ['seHC3', 'HC3 (heteroskedasticity-consistent) standard error'], ['tHC3', 'estimate / seHC3'], ['pHC3', 'two-sided p from tHC3']],
      rows: ols.terms.map((t) => [t.term, t.estimate, t.se, t.t, t.p, t.seHC3, t.tHC3, t.pHC3]),
    },
    {
      file: `${prefix}summary.csv`,
      about: `${what}: the OLS fit and the bootstrap`,
      columns: [['statistic', 'olsDf (residual degrees of freedom), olsR2, olsSigma (residual SD), dominanceR2 (R² of all factors), bootstrapResamples (empty: no bootstrap)'], ['value', 'its value']],
      rows: [['olsDf', ols.df], ['olsR2', ols.r2], ['olsSigma', ols.sigma], ['dominanceR2', dominance.r2], ['bootstrapResamples', bootstrap?.resamples ?? null]],
    },
    {
      file: `${prefix}dominance.csv`,
      about: `${what}: dominance analysis of the program-level R² (general and conditional dominance)`,
      columns: [
        ['factor', 'the factor'],
        ['general', 'general dominance: its mean R² gain over all subsets of the other factors (they sum to dominanceR2)'],
        ...Array.from({ length: p }, (_, k): [string, string] => [`conditional${k}`, `conditional dominance: its mean R² gain when added to subsets of ${k} other factor${k === 1 ? '' : 's'}`]),
      ],
      rows: dominance.factors.map((factor, i) => [factor, dominance.general[i], ...Array.from({ length: p }, (_, k) => dominance.conditional[i]?.[k])]),
    },
  ];
  if (bootstrap)
    tables.push({
      file: `${prefix}bootstrap.csv`,
      about: `${what}: bootstrap over resampled programs of the general dominance`,
      columns: [['factor', 'the factor'], ['low', 'lower end of the 95 % percentile interval of its general dominance'], ['high', 'upper end of that interval'], ['rankStability', 'share of resamples in which its rank was the same as in the full data']],
      rows: dominance.factors.map((factor, i) => [factor, bootstrap.intervals[i]?.low, bootstrap.intervals[i]?.high, bootstrap.rankStability[i]]),
    });
  return tables;
}

/** Every table of an analysis's result, in the order the README lists them; parts that were not computed are left out (unavailable.csv says why). */
export function analysisTables(analysis: Analysis): Table[] {
  const { result } = analysis;
  const unavailable: Value[][] = [];
  const fits: Value[][] = [];
  const tables: Table[] = [];
  // An outcome with one value per program has no mixed model (nor BLUPs): unavailable.csv says why.
  if (isUnavailable(result.mixed)) unavailable.push(['mixed', ...unavailableRow(result.mixed)]);
  else {
    fits.push(fitRow('mixed', result.mixed));
    tables.push({ file: 'fixed-effects-reml.csv', about: 'Fixed effects of the mixed model fitted by REML (the model of the report)', columns: FIXED_COLUMNS, rows: result.mixed.fixed.map(fixedRow) });
  }
  if (isUnavailable(result.ml)) unavailable.push(['ml', ...unavailableRow(result.ml)]);
  else {
    fits.push(fitRow('ml', result.ml));
    tables.push({ file: 'fixed-effects-ml.csv', about: 'Fixed effects of the same model refitted by ML (for likelihood comparisons)', columns: FIXED_COLUMNS, rows: result.ml.fixed.map(fixedRow) });
  }
  if (result.blups.length > 0)
    tables.push({
      file: 'blups.csv',
      about: 'The programs’ random intercepts (BLUPs) in the REML fit; empty for programs with fewer than k respondents',
      columns: [['program', 'the program'], ['n', 'its respondents in the sample'], ['blup', 'its predicted intercept (withheld: empty)'], ['withheld', 'true when it has fewer than k respondents']],
      rows: result.blups.map((b) => [b.program, b.n, b.withheld ? null : b.blup, b.withheld]),
    });

  if (isUnavailable(result.programLevel)) unavailable.push(['programLevel', ...unavailableRow(result.programLevel)]);
  else tables.push(...programLevelTables('program-level-', 'Program level', result.programLevel));

  if (result.levelDominance) {
    if (isUnavailable(result.levelDominance)) unavailable.push(['levelDominance', ...unavailableRow(result.levelDominance)]);
    else {
      const { within, between, clusterSize } = result.levelDominance;
      tables.push({
        file: 'level-dominance.csv',
        about: `Dominance on the mixed model (Luo & Azen 2013): general dominance on the level-specific R² within and between programs (B = ${clusterSize ?? ''} respondents per program); the last row is each level's R²`,
        columns: [['factor', 'the factor (R2: the full model)'], ['within', 'its share of the variance explained within programs'], ['between', 'its share of the variance explained between programs']],
        rows: [...within.factors.map((factor, i) => [factor, within.general[i], between.general[i]]), ['R2', within.r2, between.r2]],
      });
    }
  }

  if (isUnavailable(result.countries)) unavailable.push(['countries', ...unavailableRow(result.countries)]);
  else {
    const { interaction, slopes, likelihoodRatio, perCountry } = result.countries;
    fits.push(fitRow('countries.interaction', interaction), ...perCountry.map((c) => fitRow(`countries.${c.country}`, c.fit)));
    tables.push(
      {
        file: 'country-slopes.csv',
        about: 'Each factor’s slope in each country other than the reference (CA), from the model with factor × country terms',
        columns: [['factor', 'the factor'], ['country', 'the country'], ...CONTRAST_COLUMNS],
        rows: slopes.map((s) => [s.factor, s.country, s.estimate, s.se, s.df, s.t, s.p]),
      },
      {
        file: 'likelihood-ratio.csv',
        about: 'Likelihood-ratio test of all factor × country terms together (ML fits with and without them)',
        columns: [['statistic', 'the χ² statistic'], ['df', 'its degrees of freedom'], ['p', 'p from χ²(df)']],
        rows: [[likelihoodRatio.statistic, likelihoodRatio.df, likelihoodRatio.p]],
      },
      {
        file: 'country-fixed-effects.csv',
        about: 'Fixed effects of the model with factor × country terms (model interaction) and of each country’s own model (model perCountry)',
        columns: [['model', 'interaction, or perCountry'], ['country', 'the country of a perCountry model (empty for interaction)'], ...FIXED_COLUMNS],
        rows: [...interaction.fixed.map((f) => ['interaction', null, ...fixedRow(f)]), ...perCountry.flatMap((c) => c.fit.fixed.map((f) => ['perCountry', c.country, ...fixedRow(f)]))],
      },
    );
  }

  if (result.centered) {
    if (isUnavailable(result.centered)) unavailable.push(['centered', ...unavailableRow(result.centered)]);
    else {
      const { fit, effects } = result.centered;
      fits.push(fitRow('centered', fit));
      tables.push(
        {
          file: 'centered-effects.csv',
          about: 'Each factor split into its within-program and between-program parts (and the contextual effect, between − within)',
          columns: [['factor', 'the factor'], ['part', 'within, between or contextual'], ...CONTRAST_COLUMNS],
          rows: effects.flatMap((e) => (['within', 'between', 'contextual'] as const).map((part) => [e.factor, part, e[part].estimate, e[part].se, e[part].df, e[part].t, e[part].p])),
        },
        { file: 'centered-fixed-effects.csv', about: 'Fixed effects of the centered model (REML)', columns: FIXED_COLUMNS, rows: fit.fixed.map(fixedRow) },
      );
    }
  }

  const { smallCells } = result;
  tables.push({
    file: 'small-cells.csv',
    about: `The programs with fewer than k = ${smallCells.k} respondents, whose per-program figures are withheld`,
    columns: [['program', 'a withheld program']],
    rows: smallCells.withheld.map((program) => [program]),
  });
  if (smallCells.without) {
    if (isUnavailable(smallCells.without)) unavailable.push(['smallCells.without', ...unavailableRow(smallCells.without)]);
    else {
      const { mixed, programLevel } = smallCells.without;
      if (isUnavailable(mixed)) unavailable.push(['smallCells.without.mixed', ...unavailableRow(mixed)]);
      else {
        fits.push(fitRow('smallCells.without', mixed));
        tables.push({ file: 'small-cells-fixed-effects.csv', about: 'Fixed effects of the mixed model refitted without the withheld programs (REML)', columns: FIXED_COLUMNS, rows: mixed.fixed.map(fixedRow) });
      }
      if (isUnavailable(programLevel)) unavailable.push(['smallCells.without.programLevel', ...unavailableRow(programLevel)]);
      else tables.push(...programLevelTables('small-cells-program-level-', 'Program level without the withheld programs', programLevel));
    }
  }

  if (result.diagnostics) {
    const { residualsByFitted, residualQuantiles, blupQuantiles } = result.diagnostics;
    const quantileColumns: [string, string][] = [['theoretical', 'the normal quantile'], ['sample', 'the sample quantile']];
    tables.push(
      {
        file: 'diagnostics-residuals-by-fitted.csv',
        about: 'Mean residual in bins of fitted values (aggregates, no respondent’s point)',
        columns: [['fitted', 'the bin’s mean fitted value'], ['residual', 'its mean residual'], ['n', 'respondents in the bin']],
        rows: residualsByFitted.map((b) => [b.fitted, b.residual, b.n]),
      },
      { file: 'diagnostics-residual-quantiles.csv', about: 'Normal Q–Q points of the standardized residuals (quantiles, no respondent’s point)', columns: quantileColumns, rows: residualQuantiles.map((q) => [q.theoretical, q.sample]) },
      { file: 'diagnostics-blup-quantiles.csv', about: 'Normal Q–Q points of the programs’ standardized BLUPs', columns: quantileColumns, rows: blupQuantiles.map((q) => [q.theoretical, q.sample]) },
    );
  }

  const { sample } = result;
  tables.push(
    { file: 'fits.csv', about: 'Variance components and fit statistics of every mixed model in the result, one row per model', columns: FIT_COLUMNS, rows: fits },
    {
      file: 'sample.csv',
      about: 'The analysis sample',
      columns: [['n', 'respondents analysed'], ['programs', 'programs analysed'], ['terms', 'the model’s fixed-effect terms, separated by spaces'], ['dropped', 'country and/or group when the sample has one level of it (no term), separated by spaces'], ['k', 'the small-cell threshold']],
      rows: [[sample.n, sample.programs, sample.terms.join(' '), sample.dropped.join(' '), smallCells.k]],
    },
    {
      file: 'lost.csv',
      about: 'Respondents left out (listwise) for a missing value, by variable',
      columns: [['variable', 'the variable'], ['respondents', 'respondents left out for a missing value of it']],
      rows: Object.entries(sample.lost).map(([variable, n]) => [variable, n]),
    },
    {
      file: 'standardization.csv',
      about: 'How each factor was z-scored over the analysis sample',
      columns: [['factor', 'the factor'], ['mean', 'its mean in the sample'], ['sd', 'its standard deviation in the sample']],
      rows: sample.standardization.map((s) => [s.factor, s.mean, s.sd]),
    },
  );
  if (sample.joined)
    tables.push({
      file: 'program-variables.csv',
      about: 'The program variables joined to the respondents (one value per program: the profile now, the indicators over the months given)',
      columns: [['variable', 'the program variable'], ['from', 'first day of the months its indicator covers (empty for the profile)'], ['to', 'last day of those months']],
      rows: sample.joined.variables.map((variable) => {
        const period = variable.startsWith('indicator_') ? sample.joined?.period : null;
        return [variable, period?.from ?? null, period?.to ?? null];
      }),
    });
  if (unavailable.length > 0)
    tables.push({
      file: 'unavailable.csv',
      about: 'Parts of the analysis that could not be computed, and why (their tables are not in the zip)',
      columns: [['part', 'the part of the result'], ['code', 'why, as a code'], ['message', 'why, in words'], ['terms', 'the terms concerned, separated by spaces']],
      rows: unavailable,
    });
  return tables;
}

const unavailableRow = ({ unavailable }: Unavailable): Value[] => [unavailable.code, unavailable.message, unavailable.terms.join(' ')];

function readme(analysis: Analysis, tables: Table[]): string {
  const lines = [
    `Alongside analysis ${analysis.id}: ${analysis.outcome} ~ ${analysis.factors.join(' + ')}`,
    `Data read ${analysis.dataAt} (UTC); computed by ${analysis.softwareVersion}; run ${analysis.createdAt}.`,
    '',
    'CSV files: comma-separated, UTF-8, a header line, CRLF line ends. Numbers are written in full; an empty cell is a',
    'statistic that does not exist or a figure withheld by the small-cell rule (k). A text that would start a',
    'spreadsheet formula (= + - @) begins with an apostrophe. In R: read.csv("fixed-effects-reml.csv", check.names = FALSE).',
    '',
    'tables.json',
    '  The whole analysis as GET /api/analyses/:id gives it: its exact inputs (spec), the programs, and the result.',
  ];
  for (const table of tables) {
    lines.push('', table.file, `  ${table.about}.`);
    for (const [name, meaning] of table.columns) lines.push(`  ${name}: ${meaning}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The analysis's tables as one zip (a CSV per table, tables.json, README.txt); the same analysis gives the same bytes. */
export function analysisTablesZip(analysis: Analysis): DownloadFile {
  const tables = analysisTables(analysis);
  // Named and dated by when its data were read: the same analysis gives the same file.
  const dataAt = new Date(analysis.dataAt);
  const entries: Record<string, Uint8Array> = {
    'README.txt': strToU8(readme(analysis, tables)),
    'tables.json': strToU8(`${JSON.stringify(analysis, null, 2)}\n`),
    ...Object.fromEntries(tables.map((table) => [table.file, strToU8(csv(table))])),
  };
  return {
    filename: `analysis-${analysis.outcome}-${analysis.dataAt.slice(0, 10)}-tables.zip`,
    contentType: 'application/zip',
    body: zipSync(entries, { level: 6, mtime: dataAt }),
  };
}
