import { buildDesign, type AnalysisRow, type Design } from './analysis-design.ts';
import { compareCountries, type CountryComparison } from './country-comparison.ts';
import { diagnostics, type Diagnostics } from './diagnostics.ts';
import { levelDominance, type LevelDominance } from './level-dominance.ts';
import { fitRandomIntercept, ModelError, programSummaries, type MixedFit } from './mixed-model.ts';
import { bootstrapDominance, dominance, olsHC3, programMeans, programResamples, type Dominance, type DominanceBootstrap, type OlsFit, type ProgramMeans } from './program-level.ts';

// The whole analysis of issue 10 on respondent rows: the analysis sample, the mixed model (REML, and its ML refit),
// the program level (OLS with HC3, dominance with bootstrap intervals), the country comparison, and the small-cell
// rule — per-program outputs of programs with fewer than k respondents are withheld, and a variant refits everything
// without those programs (z-scores recomputed). A part that cannot be computed says why instead of failing the rest;
// the main model failing fails the analysis, with the reason.

/** The parts of an analysis a researcher can ask for (when none is named: all but the dominance on the mixed model). */
export const MODELS = ['mixed', 'ols', 'dominance', 'country', 'level_dominance'] as const;
export type Model = (typeof MODELS)[number];

export interface AnalysisSpec {
  outcome: string;
  factors: string[];
}

export interface AnalysisOptions {
  /** Also fit the model with each factor split into within- and between-program parts (cluster-mean centering). */
  centering?: boolean;
  /** Programs with fewer respondents have their per-program outputs withheld (default 5 for modelling). */
  k?: number;
  /** Bootstrap resamples of programs for the dominance intervals (default 200; 0 for none). */
  resamples?: number;
  seed?: number;
  /** The parts to compute: the mixed model (and its ML refit), the program-level OLS, dominance with its bootstrap, the country comparison, the dominance on the mixed model. */
  models?: readonly Model[];
  /** Called as each step is done (for a progress bar). */
  onProgress?: (done: number, total: number, step: string) => void;
}

/** A part of the analysis that could not be computed, and why. */
export interface Unavailable {
  unavailable: { code: ModelError['code']; message: string; terms: string[] };
}

export interface ProgramLevel {
  programs: { program: string; n: number; outcomeMean: number | null; withheld: boolean }[];
  ols: OlsFit;
  dominance: Dominance;
  bootstrap: DominanceBootstrap | null;
}

export interface Analysis {
  sample: Pick<Design, 'terms' | 'lost' | 'standardization' | 'dropped'> & { n: number; programs: number };
  /** Unavailable only for an outcome with one value per program: then the program level is the analysis. */
  mixed: MixedFit | Unavailable;
  ml: MixedFit | Unavailable;
  /** BLUPs with the programs under k withheld (null). */
  blups: { program: string; n: number; blup: number | null; withheld: boolean }[];
  /** Residuals and BLUPs against what the model assumes (from respondent rows; absent for summaries alone). */
  diagnostics?: Diagnostics;
  programLevel: ProgramLevel | Unavailable;
  /** Asked for with `level_dominance`: each factor's share of the level-specific R² of the mixed model. */
  levelDominance?: LevelDominance | Unavailable;
  countries: CountryComparison | Unavailable;
  /** With `centering`: the centred model, and per factor its within, between and contextual (between − within) effects. */
  centered?: { fit: MixedFit; effects: { factor: string; within: Effect; between: Effect; contextual: Effect }[] } | Unavailable;
  smallCells: {
    k: number;
    withheld: string[];
    /** Everything refitted without the programs under k (absent when there are none). */
    without?: { mixed: MixedFit | Unavailable; programLevel: ProgramLevel | Unavailable } | Unavailable;
  };
}

type Effect = ReturnType<MixedFit['contrast']>;

/** Within, between and contextual effects of each factor from a fit of the centred design. */
export function centeredEffects(fit: MixedFit, factors: readonly string[]) {
  const weights = (pairs: [string, number][]) => fit.terms.map((term) => pairs.find(([name]) => name === term)?.[1] ?? 0);
  return factors.map((factor) => ({
    factor,
    within: fit.contrast(weights([[`${factor}_within`, 1]])),
    between: fit.contrast(weights([[`${factor}_between`, 1]])),
    contextual: fit.contrast(weights([[`${factor}_between`, 1], [`${factor}_within`, -1]])),
  }));
}

/** The program level from the programs' means: OLS with HC3, dominance, its bootstrap; programs under k withheld. */
export function programLevelOf(means: ProgramMeans, small: ReadonlySet<string>, resamples: number, seed: number): ProgramLevel {
  return {
    programs: means.programs.map((program, j) => ({ program, n: means.n[j]!, outcomeMean: small.has(program) ? null : means.y[j]!, withheld: small.has(program) })),
    ols: olsHC3(means.x, means.y, means.factors),
    dominance: dominance(means.x, means.y, means.factors),
    bootstrap: resamples > 0 ? bootstrapDominance(means, programResamples(means.programs.length, resamples, seed)) : null,
  };
}

export const attempt = <T>(part: () => T): T | Unavailable => {
  try {
    return part();
  } catch (error) {
    if (error instanceof ModelError) return { unavailable: { code: error.code, message: error.message, terms: error.terms } };
    throw error;
  }
};

/** A mixed-model fit, or why an outcome with one value per program has none (any other failure is thrown). */
export function mixedOrProgramLevel(fit: () => MixedFit): MixedFit | Unavailable {
  const result = attempt(fit);
  if ('unavailable' in result && result.unavailable.code !== 'program_level_outcome') {
    const { code, message, terms } = result.unavailable;
    throw new ModelError(code, message, terms);
  }
  return result;
}

export const isFit = (fit: MixedFit | Unavailable): fit is MixedFit => !('unavailable' in fit);

/** Which parts `options` asks for, and the stand-in of a part it does not. */
export function requested(options: Pick<AnalysisOptions, 'models'>) {
  const wants = (model: Model) => !options.models || options.models.includes(model);
  return {
    levelDominance: options.models?.includes('level_dominance') ?? false,
    mixed: wants('mixed'),
    programLevel: wants('ols') || wants('dominance'),
    bootstrap: wants('dominance'),
    countries: wants('country'),
    notAsked: (part: string): Unavailable => ({ unavailable: { code: 'not_requested', message: `${part} was not asked for in this analysis.`, terms: [] } }),
  };
}

export function analyze(rows: readonly AnalysisRow[], spec: AnalysisSpec, options: AnalysisOptions = {}): Analysis {
  const k = options.k ?? 5;
  const resamples = options.resamples ?? 200;
  const steps = 5 + (options.centering ? 1 : 0);
  let done = 0;
  const step = <T>(name: string, work: () => T): T => {
    const value = work();
    options.onProgress?.(++done, steps, name);
    return value;
  };
  const parts = requested(options);
  const design = buildDesign(rows, spec);
  const summaries = programSummaries(design.rows);
  const fitOf = (of: typeof summaries, terms: string[], reml = true) =>
    parts.mixed ? mixedOrProgramLevel(() => fitRandomIntercept(of, terms, { reml })) : parts.notAsked('The mixed model');
  const mixed = step('mixed model', () => fitOf(summaries, design.terms));
  const ml = step('ML refit', () => fitOf(summaries, design.terms, false));
  const small = new Set(summaries.filter((s) => s.n < k).map((s) => s.program));

  const programLevel = (d: Design, count: number) =>
    parts.programLevel
      ? attempt(() => programLevelOf(programMeans(d.rows, spec.factors), small, parts.bootstrap ? count : 0, options.seed ?? 1))
      : parts.notAsked('The program level');

  const withheld = [...small].sort();
  const programs = step('program level and importance', () => programLevel(design, resamples));
  const countries = step('country comparison', () => (parts.countries ? attempt(() => compareCountries(rows, spec)) : parts.notAsked('The country comparison')));
  const centered = options.centering
    ? step('within and between programs', () =>
        parts.mixed
          ? attempt(() => {
              const centred = buildDesign(rows, spec, { centering: true });
              const fit = fitRandomIntercept(programSummaries(centred.rows), centred.terms);
              return { fit, effects: centeredEffects(fit, spec.factors) };
            })
          : parts.notAsked('The mixed model'),
      )
    : undefined;
  const without =
    withheld.length === 0
      ? undefined
      : attempt(() => {
          const kept = buildDesign(
            rows.filter((r) => !small.has(r.program)),
            spec,
          );
          return { mixed: fitOf(programSummaries(kept.rows), kept.terms), programLevel: programLevel(kept, 0) };
        });
  options.onProgress?.(steps, steps, 'small cells');
  return {
    sample: { n: design.rows.length, programs: summaries.length, terms: design.terms, lost: design.lost, standardization: design.standardization, dropped: design.dropped },
    mixed,
    ml,
    blups: isFit(mixed) ? mixed.blups.map((b) => ({ ...b, blup: small.has(b.program) ? null : b.blup, withheld: small.has(b.program) })) : [],
    ...(isFit(mixed) ? { diagnostics: diagnostics(design.rows, mixed, (program) => !small.has(program)) } : {}),
    programLevel: programs,
    ...(parts.levelDominance ? { levelDominance: attempt(() => levelDominance(summaries, design.terms, spec.factors)) } : {}),
    countries,
    ...(centered ? { centered } : {}),
    smallCells: { k, withheld, ...(without ? { without } : {}) },
  };
}
