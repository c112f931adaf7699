import jStat from 'jstat';
import { quantileOfSorted } from './describe.ts';
import type { DesignRow, MixedFit } from './mixed-model.ts';

// What a reader checks a mixed model by, kept aggregate so that no respondent's point is shown: conditional residuals
// (y − x'β̂ − b̂ of the program) against fitted values in bins of equal counts, the standardized residuals' quantiles
// against the normal's (a Q–Q plot at 50 probabilities), and the programs' standardized BLUPs against the normal's
// (programs under k left out).

export interface Diagnostics {
  /** Bins of about equal counts by fitted value: their mean fitted value and mean residual. */
  residualsByFitted: { fitted: number; residual: number; n: number }[];
  /** Standardized residuals (residual / σ̂): sample quantile against the normal quantile at p = (i − ½)/50. */
  residualQuantiles: { theoretical: number; sample: number }[];
  /** Standardized BLUPs (BLUP / σ̂_program) of the programs shown, sorted, against normal quantiles (R's ppoints). */
  blupQuantiles: { theoretical: number; sample: number }[];
}

const BINS = 20;
const QUANTILES = 50;
const ppoints = (n: number) => {
  const a = n <= 10 ? 3 / 8 : 1 / 2;
  return Array.from({ length: n }, (_, i) => (i + 1 - a) / (n + 1 - 2 * a));
};

export function diagnostics(rows: readonly DesignRow[], fit: MixedFit, shown: (program: string) => boolean): Diagnostics {
  const beta = fit.fixed.map((f) => f.estimate);
  const blup = new Map(fit.blups.map((b) => [b.program, b.blup]));
  const points = rows
    .map((row) => {
      const fitted = row.x.reduce((sum, x, i) => sum + x * beta[i]!, 0) + (blup.get(row.program) ?? 0);
      return { fitted, residual: row.y - fitted };
    })
    .sort((a, b) => a.fitted - b.fitted);
  const bins = Math.min(BINS, Math.max(1, Math.floor(points.length / 10)));
  const residualsByFitted = Array.from({ length: bins }, (_, b) => {
    const part = points.slice(Math.floor((b * points.length) / bins), Math.floor(((b + 1) * points.length) / bins));
    return { fitted: part.reduce((s, p) => s + p.fitted, 0) / part.length, residual: part.reduce((s, p) => s + p.residual, 0) / part.length, n: part.length };
  });
  const sigma = Math.sqrt(fit.residualVariance);
  const standardized = points.map((p) => p.residual / sigma).sort((a, b) => a - b);
  const residualQuantiles = Array.from({ length: QUANTILES }, (_, i) => {
    const p = (i + 0.5) / QUANTILES;
    return { theoretical: jStat.normal.inv(p, 0, 1), sample: quantileOfSorted(standardized, p) };
  });
  const tau = Math.sqrt(fit.programVariance);
  const blups = tau > 0 ? fit.blups.filter((b) => shown(b.program)).map((b) => b.blup / tau).sort((a, b) => a - b) : [];
  const probabilities = ppoints(blups.length);
  return { residualsByFitted, residualQuantiles, blupQuantiles: blups.map((sample, i) => ({ theoretical: jStat.normal.inv(probabilities[i]!, 0, 1), sample })) };
}
