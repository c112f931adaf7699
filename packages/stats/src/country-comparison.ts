import jStat from 'jstat';
import { buildDesign, type AnalysisRow } from './analysis-design.ts';
import { fitRandomIntercept, ModelError, programSummaries, type MixedFit } from './mixed-model.ts';

// Do the factors work alike in both countries? The main model plus factor × country terms (REML), each factor's slope
// in the other country as a contrast (factor + factor:country, with its Satterthwaite df), the likelihood-ratio test
// of all the interaction terms on the ML fits (χ² with as many df as terms), and the main model without its country
// term fitted on each country's respondents alone, z-scored as in the pooled sample.

export interface CountryComparison {
  interaction: MixedFit;
  /** Per factor: its slope in each non-reference country. */
  slopes: { factor: string; country: string; estimate: number; se: number; df: number; t: number; p: number }[];
  likelihoodRatio: { statistic: number; df: number; p: number };
  perCountry: { country: string; fit: MixedFit }[];
}

export function compareCountries(rows: readonly AnalysisRow[], spec: { outcome: string; factors: readonly string[] }): CountryComparison {
  const main = buildDesign(rows, spec);
  if (main.dropped.includes('country')) throw new ModelError('no_variance', 'The analysis sample has respondents of one country only: there is nothing to compare.', ['country']);
  const withInteractions = buildDesign(rows, spec, { interactions: true });
  const summaries = programSummaries(withInteractions.rows);
  const interaction = fitRandomIntercept(summaries, withInteractions.terms);
  const slopes = withInteractions.terms.flatMap((term, column) => {
    const [factor, countryTerm] = term.split(':');
    if (!countryTerm) return [];
    const weights = withInteractions.terms.map((t, k) => (k === column || t === factor ? 1 : 0));
    return [{ factor: factor!, country: countryTerm.slice('country'.length), ...interaction.contrast(weights) }];
  });
  const mlMain = fitRandomIntercept(programSummaries(main.rows), main.terms, { reml: false });
  const mlInteraction = fitRandomIntercept(summaries, withInteractions.terms, { reml: false });
  const df = withInteractions.terms.length - main.terms.length;
  const statistic = 2 * (mlInteraction.logLik - mlMain.logLik);
  const countries = [...new Set(rows.map((r) => r.country))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const perCountry = countries.map((country) => {
    const design = buildDesign(rows, spec, { country });
    return { country, fit: fitRandomIntercept(programSummaries(design.rows), design.terms) };
  });
  return { interaction, slopes, likelihoodRatio: { statistic, df, p: 1 - jStat.chisquare.cdf(statistic, df) }, perCountry };
}
