import type { AnalysisRow } from './analysis-design.ts';
import { ModelError } from './mixed-model.ts';

// A composite outcome the researcher defines (issue 10): a weighted sum of variables, each part first z-scored
// (mean, sd with n − 1) over the rows that have every part when `standardize` is set, so that parts on different
// scales (a 1–5 scale, a percentage) weigh as their weights say. A row missing any part has no composite.

export interface CompositeDefinition {
  key: string;
  parts: readonly { variable: string; weight: number }[];
  standardize: boolean;
}

const present = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/** The rows with each composite's value added under its key (null where a part is missing). */
export function withComposites(rows: readonly AnalysisRow[], composites: readonly CompositeDefinition[]): AnalysisRow[] {
  if (composites.length === 0) return [...rows];
  const computed = composites.map((composite) => {
    const complete = rows.map((row) => composite.parts.every((part) => present(row.values[part.variable])));
    const scale = composite.parts.map((part) => {
      if (!composite.standardize) return { mean: 0, sd: 1 };
      const values = rows.filter((_, i) => complete[i]).map((row) => row.values[part.variable] as number);
      const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
      const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1));
      if (!(sd > 0))
        throw new ModelError('no_variance', `${part.variable} has the same value for every respondent with all of ${composite.key}'s parts: it cannot be standardized.`, [part.variable]);
      return { mean, sd };
    });
    return rows.map((row, i) =>
      complete[i] ? composite.parts.reduce((sum, part, j) => sum + part.weight * (((row.values[part.variable] as number) - scale[j]!.mean) / scale[j]!.sd), 0) : null,
    );
  });
  return rows.map((row, i) => ({ ...row, values: { ...row.values, ...Object.fromEntries(composites.map((c, j) => [c.key, computed[j]![i]!])) } }));
}
