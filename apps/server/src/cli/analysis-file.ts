import { parse } from 'csv-parse/sync';
import type { Analysis, AnalysisResult, AnalysisSpec, CountryCode } from '@alongside/contracts';
import type { AnalysisRow } from '@alongside/stats/analysis-design';
import { SOFTWARE_VERSION } from '../domains/analyses/analyses.service.ts';

// `alongside analyze --data FILE`: a CSV of scale scores read into analysis rows, and the result as text (or as a
// saved analysis, for the report).

/** A file's problems, each with where it is: nothing of the file is used when there is one. */
export class DataFileError extends Error {
  constructor(
    readonly problems: string[],
    what = 'The data file',
  ) {
    super(`${what} cannot be used (${problems.length} problem${problems.length === 1 ? '' : 's'}).`);
  }
}

const REQUIRED = ['program_id', 'country', 'group'] as const;
const MAX_PROBLEMS = 50;

/**
 * One row per respondent: `program_id`, `country`, `group` and one column per scale (the outcome and each factor);
 * an empty cell is missing. Every problem is reported with its line and column.
 */
export function readAnalysisCsv(content: Uint8Array, scales: readonly string[]): AnalysisRow[] {
  let records: string[][];
  try {
    const parsed: string[][] = parse(Buffer.from(content), { bom: true, skip_empty_lines: true, relax_column_count: false });
    records = parsed;
  } catch (error) {
    throw new DataFileError([`not a readable CSV: ${(error as Error).message}`]);
  }
  const [header, ...lines] = records;
  if (!header) throw new DataFileError(['the file is empty']);
  const columns = header.map((h) => h.trim());
  const missing = [...REQUIRED, ...scales].filter((name) => !columns.includes(name));
  if (missing.length > 0) throw new DataFileError(missing.map((name) => `line 1: no column ${name}`));
  const at = (name: string) => columns.indexOf(name);
  const problems: string[] = [];
  const rows = lines.map((cells, i): AnalysisRow => {
    const line = i + 2;
    const text = (name: string) => (cells[at(name)] ?? '').trim();
    for (const name of REQUIRED) if (!text(name)) problems.push(`line ${line}, ${name}: is empty`);
    const values: Record<string, number | null> = {};
    for (const name of scales) {
      const cell = text(name);
      const value = cell === '' ? null : Number(cell);
      if (value !== null && !Number.isFinite(value)) problems.push(`line ${line}, ${name}: “${cell.slice(0, 20)}” is not a number`);
      values[name] = value;
    }
    return { program: text('program_id'), country: text('country'), group: text('group'), values };
  });
  if (problems.length > 0) throw new DataFileError(problems.slice(0, MAX_PROBLEMS).concat(problems.length > MAX_PROBLEMS ? [`… and ${problems.length - MAX_PROBLEMS} more`] : []));
  return rows;
}

/**
 * A file's analysis in the shape of a saved one, for the report: no campaign (the spec's placeholder ids), its
 * programs those of the rows, its data read now.
 */
export function fileAnalysis(rows: readonly AnalysisRow[], spec: AnalysisSpec, result: AnalysisResult, now: Date): Analysis {
  const programs = new Map<string, string>();
  for (const row of rows) if (!programs.has(row.program)) programs.set(row.program, row.country);
  const at = now.toISOString();
  return {
    id: spec.campaignId,
    campaignId: spec.campaignId,
    waveId: spec.waveId,
    outcome: spec.outcome,
    factors: spec.factors,
    createdAt: at,
    spec,
    dataAt: at,
    softwareVersion: SOFTWARE_VERSION,
    // A file may name any country; the report only counts them.
    programs: [...programs].map(([id, country]) => ({ id, name: id, countryCode: country as CountryCode, imported: false })),
    result,
  };
}

const number = (value: number | null | undefined, digits = 3) => (value === null || value === undefined ? '—' : value.toFixed(digits));
const pValue = (p: number | null | undefined) => (p === null || p === undefined ? '—' : p < 0.001 ? '< 0.001' : p.toFixed(3));

/** The result as a few plain tables for a terminal. */
export function describeAnalysis(result: AnalysisResult, spec: { outcome: string; factors: readonly string[] }): string {
  const out: string[] = [];
  const { sample, mixed } = result;
  out.push(`Outcome ${spec.outcome}; ${sample.n} respondents in ${sample.programs} programs.`);
  const lost = Object.entries(sample.lost).filter(([, n]) => n > 0);
  if (lost.length > 0) out.push(`Left out for missing values: ${lost.map(([v, n]) => `${v} ${n}`).join(', ')}.`);
  if (sample.dropped.length > 0) out.push(`No term for ${sample.dropped.join(' and ')}: the sample has one level of it.`);
  if ('unavailable' in mixed) out.push('', `Mixed model: ${mixed.unavailable.message}`);
  else {
    out.push('', `Mixed model (REML), standardized factors: ${mixed.singular ? 'singular fit (no program variance)' : `ICC ${number(mixed.icc)}`}; R² marginal ${number(mixed.r2.marginal)}, conditional ${number(mixed.r2.conditional)}`);
    out.push(`${'term'.padEnd(28)}${'estimate'.padStart(10)}${'SE'.padStart(8)}${'df'.padStart(9)}${'p'.padStart(9)}   95 % CI`);
    for (const f of mixed.fixed)
      out.push(`${f.term.padEnd(28)}${number(f.estimate).padStart(10)}${number(f.se).padStart(8)}${number(f.df, 1).padStart(9)}${pValue(f.p).padStart(9)}   ${number(f.tLow)} to ${number(f.tHigh)}`);
  }
  if (!('unavailable' in result.ml)) out.push(`ML refit: logLik ${number(result.ml.logLik, 2)}, AIC ${number(result.ml.aic, 2)}, BIC ${number(result.ml.bic, 2)}`);
  out.push('');
  if ('unavailable' in result.programLevel) out.push(`Program level: ${result.programLevel.unavailable.message}`);
  else {
    const { dominance, bootstrap } = result.programLevel;
    out.push(`Importance (general dominance on the program-level R² ${number(dominance.r2)}):`);
    dominance.factors.forEach((factor, i) => {
      const interval = bootstrap?.intervals[i];
      const stability = bootstrap?.rankStability[i] ?? 0;
      out.push(`  ${factor.padEnd(26)}${number(dominance.general[i]).padStart(8)}${interval ? `   ${number(interval.low)} to ${number(interval.high)}, rank held in ${Math.round(100 * stability)} %` : ''}`);
    });
  }
  const levels = result.levelDominance;
  if (levels && 'unavailable' in levels) out.push(`Importance in the mixed model: ${levels.unavailable.message}`);
  else if (levels) {
    out.push(`Importance in the mixed model (general dominance on the level-specific R², within ${number(levels.within.r2)} and between programs ${number(levels.between.r2)}):`);
    levels.within.factors.forEach((factor, i) => out.push(`  ${factor.padEnd(26)}${number(levels.within.general[i]).padStart(8)}${number(levels.between.general[i]).padStart(8)}`));
  }
  out.push('');
  if ('unavailable' in result.countries) out.push(`Countries: ${result.countries.unavailable.message}`);
  else {
    const { likelihoodRatio, slopes } = result.countries;
    out.push(`Countries: the factor × country terms together χ²(${likelihoodRatio.df}) = ${number(likelihoodRatio.statistic, 2)}, p ${pValue(likelihoodRatio.p)}`);
    for (const s of slopes) out.push(`  ${s.factor.padEnd(26)} in ${s.country}: ${number(s.estimate)} (SE ${number(s.se)}, p ${pValue(s.p)})`);
  }
  if (result.smallCells.withheld.length > 0) out.push('', `${result.smallCells.withheld.length} program(s) with fewer than ${result.smallCells.k} respondents: their per-program figures are withheld.`);
  return out.join('\n');
}
