import { ModelError, type DesignRow } from './mixed-model.ts';

// The analysis sample and design matrix of `outcome ~ factors + country + group + (1 | program)`, as R builds them:
// listwise (a respondent with any chosen variable missing is left out, and the count missing per variable is
// reported), each factor z-scored over the sample (mean, sd with n − 1), the outcome on its own scale, and treatment
// contrasts with references CA and psp (other levels in code-point order), terms named like R's (`countryNO`,
// `groupclinician`). A country or group with a single level in the sample has no term (and is said to be dropped).
// Options: `interactions` adds each factor × country term after the main effects (`f1:countryNO`, as R orders
// `factors + country + group + factors:country`); `country` keeps only that country's respondents, z-scored as in the
// pooled sample, without a country term (the per-country models); `centering` splits each z-scored factor into its
// program's mean over the sample and the respondent's deviation from it (`f_within` for every factor, then
// `f_between`), for within-program, between-program and contextual (between − within) effects.

export interface AnalysisRow {
  program: string;
  country: string;
  group: string;
  /** Scores by variable name; null or absent = missing. */
  values: Readonly<Record<string, number | null | undefined>>;
}

export interface Design {
  terms: string[];
  rows: DesignRow[];
  /** Respondents missing each chosen variable (one respondent may miss several). */
  lost: Record<string, number>;
  /** The z-scoring of each factor over the analysis sample. */
  standardization: { factor: string; mean: number; sd: number }[];
  /** Country or group left out of the model because the sample has one level of it. */
  dropped: ('country' | 'group')[];
}

const REFERENCE = { country: 'CA', group: 'psp' } as const;
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface DesignOptions {
  interactions?: boolean;
  country?: string;
  centering?: boolean;
}

export function buildDesign(rows: readonly AnalysisRow[], spec: { outcome: string; factors: readonly string[] }, options: DesignOptions = {}): Design {
  const variables = [...spec.factors, spec.outcome];
  const present = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);
  const lost: Record<string, number> = Object.fromEntries([...variables, 'country', 'group'].map((v) => [v, 0]));
  const sample = rows.filter((row) => {
    let complete = true;
    for (const v of variables)
      if (!present(row.values[v])) {
        lost[v]!++;
        complete = false;
      }
    for (const v of ['country', 'group'] as const)
      if (!row[v]) {
        lost[v]!++;
        complete = false;
      }
    return complete;
  });
  if (sample.length === 0) throw new ModelError('no_rows', 'No respondent has every chosen variable: nothing is left to analyse.');

  const standardization = spec.factors.map((factor) => {
    const values = sample.map((row) => row.values[factor] as number);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1));
    const missing = lost[factor]! > 0 ? ` (${lost[factor]} respondents have no value of it and are left out)` : '';
    if (!(sd > 0)) throw new ModelError('no_variance', `${factor} has the same value for every respondent in the sample${missing}: it cannot explain differences.`, [factor]);
    return { factor, mean, sd };
  });

  const kept = options.country === undefined ? sample : sample.filter((row) => row.country === options.country);
  if (kept.length === 0) throw new ModelError('no_rows', `No respondent of ${options.country} is in the analysis sample.`);
  const levels = (key: 'country' | 'group') => {
    const seen = [...new Set(kept.map((row) => row[key]))].sort(byCodePoint);
    const reference = seen.includes(REFERENCE[key]) ? REFERENCE[key] : seen[0]!;
    return seen.filter((level) => level !== reference);
  };
  const countries = levels('country');
  const groups = levels('group');
  const dropped = [...(countries.length === 0 ? ['country' as const] : []), ...(groups.length === 0 ? ['group' as const] : [])];
  const interactions = options.interactions ? countries.flatMap((c) => spec.factors.map((factor) => ({ factor, country: c }))) : [];
  const factorTerms = options.centering ? [...spec.factors.map((f) => `${f}_within`), ...spec.factors.map((f) => `${f}_between`)] : spec.factors;
  const terms = [
    '(Intercept)',
    ...factorTerms,
    ...countries.map((c) => `country${c}`),
    ...groups.map((g) => `group${g}`),
    ...interactions.map(({ factor, country }) => `${factor}:country${country}`),
  ];
  const zOf = (row: AnalysisRow) => standardization.map(({ factor, mean, sd }) => ((row.values[factor] as number) - mean) / sd);
  const programMeans = new Map<string, number[]>();
  if (options.centering) {
    const sums = new Map<string, { n: number; z: number[] }>();
    for (const row of kept) {
      const sum = sums.get(row.program) ?? { n: 0, z: spec.factors.map(() => 0) };
      zOf(row).forEach((v, i) => (sum.z[i]! += v));
      sum.n++;
      sums.set(row.program, sum);
    }
    for (const [program, sum] of sums) programMeans.set(program, sum.z.map((v) => v / sum.n));
  }
  return {
    terms,
    rows: kept.map((row) => {
      const z = zOf(row);
      const between = programMeans.get(row.program);
      return {
        program: row.program,
        x: [
          1,
          ...(between ? [...z.map((v, i) => v - between[i]!), ...between] : z),
          ...countries.map((c) => (row.country === c ? 1 : 0)),
          ...groups.map((g) => (row.group === g ? 1 : 0)),
          ...interactions.map(({ factor, country }) => (row.country === country ? z[spec.factors.indexOf(factor)]! : 0)),
        ],
        y: row.values[spec.outcome] as number,
      };
    }),
    lost,
    standardization,
    dropped,
  };
}
