import type { AnalysisRow } from './analysis-design.ts';
import { ModelError, programSummaries, type ProgramSummary } from './mixed-model.ts';

// Fitting across borders without moving respondent data. Each installation summarises its programs over the raw
// columns of the design — the intercept, the factors as scored, and 0/1 columns for the countries and groups the
// analysis names (so every installation has the same columns) — and those summaries alone (n, Σx, Σy, X'X, X'y, y'y
// per program) fit the random-intercept model exactly. Combined, they give the pooled sample's means and SDs of the
// factors (from Σx and the diagonal of X'X), and z-scoring is a linear map of the columns, x_z = M'x: the z-scored
// summaries are M'·Σx, M'·X'X·M and M'·X'y. The fit from combined summaries is therefore the pooled fit.

export interface RawSummaries {
  /** '(Intercept)', the factors, then `country…` and `group…` 0/1 columns. */
  columns: string[];
  factors: string[];
  programs: ProgramSummary[];
}

/** One installation's listwise sample summarised per program over the raw columns. */
export function rawSummaries(
  rows: readonly AnalysisRow[],
  spec: { outcome: string; factors: readonly string[] },
  levels: { countries: readonly string[]; groups: readonly string[] },
): RawSummaries {
  const variables = [...spec.factors, spec.outcome];
  const complete = rows.filter((row) => row.country && row.group && variables.every((v) => typeof row.values[v] === 'number' && Number.isFinite(row.values[v])));
  return {
    columns: ['(Intercept)', ...spec.factors, ...levels.countries.map((c) => `country${c}`), ...levels.groups.map((g) => `group${g}`)],
    factors: [...spec.factors],
    programs: programSummaries(
      complete.map((row) => ({
        program: row.program,
        x: [1, ...spec.factors.map((f) => row.values[f] as number), ...levels.countries.map((c) => (row.country === c ? 1 : 0)), ...levels.groups.map((g) => (row.group === g ? 1 : 0))],
        y: row.values[spec.outcome] as number,
      })),
    ),
  };
}

/** Several installations' summaries as one (the same columns; no program in two of them). */
export function combineSummaries(parts: readonly RawSummaries[]): RawSummaries {
  const [first] = parts;
  if (!first) throw new ModelError('no_rows', 'No summaries to combine.');
  const seen = new Set<string>();
  for (const part of parts) {
    if (part.columns.join('\u0000') !== first.columns.join('\u0000'))
      throw new ModelError('incompatible_summaries', `Summaries with columns ${part.columns.join(', ')} cannot be combined with ${first.columns.join(', ')}.`);
    for (const program of part.programs) {
      if (seen.has(program.program)) throw new ModelError('incompatible_summaries', `Program ${program.program} is in two sets of summaries.`);
      seen.add(program.program);
    }
  }
  return { ...first, programs: parts.flatMap((p) => p.programs).sort((a, b) => (a.program < b.program ? -1 : a.program > b.program ? 1 : 0)) };
}

/**
 * The summaries of the z-scored design (each factor over the whole combined sample, sd with n − 1), and the columns
 * of countries or groups with no respondent (or with every respondent: the reference is absent) left out.
 */
export function standardizeSummaries(raw: RawSummaries): { terms: string[]; summaries: ProgramSummary[]; standardization: { factor: string; mean: number; sd: number }[] } {
  const n = raw.programs.reduce((sum, s) => sum + s.n, 0);
  if (n === 0) throw new ModelError('no_rows', 'No respondent has every chosen variable: nothing is left to analyse.');
  const total = (i: number) => raw.programs.reduce((sum, s) => sum + s.sumX[i]!, 0);
  const squares = (i: number) => raw.programs.reduce((sum, s) => sum + s.xtx[i]![i]!, 0);
  const standardization = raw.factors.map((factor, f) => {
    const i = f + 1;
    const mean = total(i) / n;
    const sd = Math.sqrt((squares(i) - n * mean * mean) / (n - 1));
    if (!(sd > 0)) throw new ModelError('no_variance', `${factor} has the same value for every respondent in the sample: it cannot explain differences.`, [factor]);
    return { factor, mean, sd };
  });
  const keep = raw.columns.map((_, i) => i).filter((i) => i <= raw.factors.length || (total(i) > 0 && total(i) < n));
  // x_z = M'x over the kept columns: the intercept stays, factor f becomes (x_f − mean)/sd, dummies stay.
  const m = keep.map((i) => {
    const column = new Array<number>(raw.columns.length).fill(0);
    const f = i - 1;
    if (i >= 1 && f < raw.factors.length) {
      column[i] = 1 / standardization[f]!.sd;
      column[0] = -standardization[f]!.mean / standardization[f]!.sd;
    } else column[i] = 1;
    return column;
  });
  const summaries = raw.programs.map((s) => mapColumns(s, m));
  return { terms: keep.map((i) => raw.columns[i]!), summaries, standardization };
}

/**
 * A program's summaries of new columns z = M'x (each entry of `columns` one new column's weights on the old ones):
 * Σz = M'Σx, Z'Z = M'·X'X·M, Z'y = M'X'y.
 */
export function mapColumns(s: ProgramSummary, columns: readonly (readonly number[])[]): ProgramSummary {
  const apply = (v: readonly number[]) => columns.map((column) => column.reduce((sum, c, i) => sum + c * v[i]!, 0));
  const half = columns.map((column) => s.xtx.map((row) => row.reduce((sum, a, k) => sum + a * column[k]!, 0))); // (X'X·M)'
  return {
    program: s.program,
    n: s.n,
    sumX: apply(s.sumX),
    sumY: s.sumY,
    xtx: columns.map((column) => half.map((row) => column.reduce((sum, c, i) => sum + c * row[i]!, 0))),
    xty: apply(s.xty),
    yty: s.yty,
  };
}
