import type { Analysis, AnalysisOptions } from './analysis.ts';
import { attempt, centeredEffects, isFit, mixedOrProgramLevel, programLevelOf, requested } from './analysis.ts';
import type { CountryComparison } from './country-comparison.ts';
import jStat from 'jstat';
import { levelDominance } from './level-dominance.ts';
import { fitRandomIntercept, ModelError, type ProgramSummary } from './mixed-model.ts';
import { programMeansOfSummaries } from './program-level.ts';
import { mapColumns, standardizeSummaries, type RawSummaries } from './summaries.ts';

// The whole analysis from per-program summaries alone — one installation's, or several combined — giving the same
// numbers as `analyze` on the respondent rows they summarise. Every design the analysis uses is a per-program linear
// map of the raw columns (mapColumns): z-scores (the same for every program), a factor × country column (the factor
// in a program of that country, 0 elsewhere: a program lies in one country), and within/between parts (the factor
// less its program's mean, and that mean).

const isCountry = (term: string) => term.startsWith('country');
const isGroup = (term: string) => term.startsWith('group');

export function analyzeSummaries(raw: RawSummaries, options: AnalysisOptions & { lost?: Record<string, number> } = {}): Analysis {
  const k = options.k ?? 5;
  const resamples = options.resamples ?? 200;
  const factors = raw.factors;
  const { terms, summaries, standardization } = standardizeSummaries(raw);
  const parts = requested(options);
  const fitOf = (of: readonly ProgramSummary[], termsOf: readonly string[], reml = true) =>
    parts.mixed ? mixedOrProgramLevel(() => fitRandomIntercept(of, termsOf, { reml })) : parts.notAsked('The mixed model');
  const mixed = fitOf(summaries, terms);
  const ml = fitOf(summaries, terms, false);
  const small = new Set(summaries.filter((s) => s.n < k).map((s) => s.program));
  const withheld = [...small].sort();

  const programLevel = (design: readonly ProgramSummary[], count: number) =>
    parts.programLevel
      ? attempt(() => programLevelOf(programMeansOfSummaries(design, factors), small, parts.bootstrap ? count : 0, options.seed ?? 1))
      : parts.notAsked('The program level');

  const lost = options.lost ?? Object.fromEntries([...factors, 'country', 'group'].map((v) => [v, 0]));
  const dropped = [...(terms.some(isCountry) ? [] : ['country' as const]), ...(terms.some(isGroup) ? [] : ['group' as const])];
  const without =
    withheld.length === 0
      ? undefined
      : attempt(() => {
          const kept = standardizeSummaries({ ...raw, programs: raw.programs.filter((p) => !small.has(p.program)) });
          return { mixed: fitOf(kept.summaries, kept.terms), programLevel: programLevel(kept.summaries, 0) };
        });
  const centered = options.centering ? (parts.mixed ? attempt(() => centeredFit(terms, summaries, factors)) : parts.notAsked('The mixed model')) : undefined;
  return {
    sample: { n: summaries.reduce((sum, s) => sum + s.n, 0), programs: summaries.length, terms, lost, standardization, dropped },
    mixed,
    ml,
    blups: isFit(mixed) ? mixed.blups.map((b) => ({ ...b, blup: small.has(b.program) ? null : b.blup, withheld: small.has(b.program) })) : [],
    programLevel: programLevel(summaries, resamples),
    ...(parts.levelDominance ? { levelDominance: attempt(() => levelDominance(summaries, terms, factors)) } : {}),
    countries: parts.countries ? attempt(() => compareCountriesOfSummaries(terms, summaries, factors)) : parts.notAsked('The country comparison'),
    ...(centered ? { centered } : {}),
    smallCells: { k, withheld, ...(without ? { without } : {}) },
  };
}

/** The weights of column `i` of `width` columns (as a new column: the old column itself). */
const unit = (i: number, width: number) => Array.from({ length: width }, (_, c) => (c === i ? 1 : 0));

/** A program's value of a 0/1 column that is constant within it (its country): 0 or 1, or an error. */
function constantOf(s: ProgramSummary, column: number): number {
  const share = s.sumX[column]! / s.n;
  if (Math.abs(share) > 1e-9 && Math.abs(share - 1) > 1e-9) throw new ModelError('incompatible_summaries', `Program ${s.program} has respondents in more than one country.`);
  return Math.round(share);
}

function compareCountriesOfSummaries(terms: readonly string[], summaries: readonly ProgramSummary[], factors: readonly string[]): CountryComparison {
  const countryColumns = terms.flatMap((t, i) => (isCountry(t) ? [i] : []));
  if (countryColumns.length === 0) throw new ModelError('no_variance', 'The analysis sample has respondents of one country only: there is nothing to compare.', ['country']);
  const width = terms.length;
  // factor × country: for each country column c and factor f (in the order R gives them), d_c(program)·x_f.
  const interactionTerms = countryColumns.flatMap((c) => factors.map((f) => `${f}:${terms[c]!}`));
  const extended = summaries.map((s) => {
    const columns = [
      ...terms.map((_, i) => unit(i, width)),
      ...countryColumns.flatMap((c) => {
        const d = constantOf(s, c);
        return factors.map((_, f) => unit(f + 1, width).map((w) => w * d));
      }),
    ];
    return mapColumns(s, columns);
  });
  const allTerms = [...terms, ...interactionTerms];
  const interaction = fitRandomIntercept(extended, allTerms);
  const slopes = interactionTerms.map((term, t) => {
    const [factor, countryTerm] = term.split(':') as [string, string];
    const weights = allTerms.map((name, i) => (i === terms.length + t || name === factor ? 1 : 0));
    return { factor, country: countryTerm.slice('country'.length), ...interaction.contrast(weights) };
  });
  const mlMain = fitRandomIntercept(summaries, terms, { reml: false });
  const mlInteraction = fitRandomIntercept(extended, allTerms, { reml: false });
  const statistic = 2 * (mlInteraction.logLik - mlMain.logLik);
  const df = interactionTerms.length;
  // Each country's programs alone, without country columns and without the group columns constant among them.
  const countryOf = (s: ProgramSummary) => {
    const at = countryColumns.find((c) => constantOf(s, c) === 1);
    return at === undefined ? 'CA' : terms[at]!.slice('country'.length);
  };
  const countries = [...new Set(summaries.map(countryOf))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const perCountry = countries.map((country) => {
    const own = summaries.filter((s) => countryOf(s) === country);
    const n = own.reduce((sum, s) => sum + s.n, 0);
    const keep = terms
      .map((t, i) => ({ t, i }))
      .filter(({ t, i }) => !isCountry(t) && (!isGroup(t) || (() => { const total = own.reduce((sum, s) => sum + s.sumX[i]!, 0); return total > 0 && total < n; })()));
    const design = own.map((s) => mapColumns(s, keep.map(({ i }) => unit(i, width))));
    return { country, fit: fitRandomIntercept(design, keep.map(({ t }) => t)) };
  });
  return { interaction, slopes, likelihoodRatio: { statistic, df, p: 1 - jStat.chisquare.cdf(statistic, df) }, perCountry };
}

/** Within (x − program mean) and between (program mean) parts of each factor, from each program's own means. */
function centeredFit(terms: readonly string[], summaries: readonly ProgramSummary[], factors: readonly string[]) {
  const width = terms.length;
  const rest = terms.map((t, i) => ({ t, i })).filter(({ i }) => i === 0 || i > factors.length);
  const centredTerms = ['(Intercept)', ...factors.map((f) => `${f}_within`), ...factors.map((f) => `${f}_between`), ...rest.slice(1).map(({ t }) => t)];
  const design = summaries.map((s) => {
    const means = factors.map((_, f) => s.sumX[f + 1]! / s.n);
    const columns = [
      unit(0, width),
      ...factors.map((_, f) => unit(f + 1, width).map((w, c) => (c === 0 ? -means[f]! : w))),
      ...factors.map((_, f) => unit(0, width).map((w) => w * means[f]!)),
      ...rest.slice(1).map(({ i }) => unit(i, width)),
    ];
    return mapColumns(s, columns);
  });
  const fit = fitRandomIntercept(design, centredTerms);
  return { fit, effects: centeredEffects(fit, factors) };
}
