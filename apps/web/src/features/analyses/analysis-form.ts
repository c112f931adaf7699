import { ANALYSIS_MODELS, PROGRAM_VARIABLE_KEYS, PROGRAM_VARIABLES } from '@alongside/contracts';
import type { CampaignDetail } from '../campaigns/queries.ts';
import type { AnalysisRequest, CampaignScale, SavedAnalysis } from './queries.ts';

export const MAX_FACTORS = 12;
export const MIN_PARTS = 2;
export const MAX_PARTS = 12;
/** The key of the one composite the form defines. */
export const COMPOSITE_KEY = 'composite';

type Spec = SavedAnalysis['spec'];

/** A part of the analysis a researcher can ask for. */
export type AnalysisModel = (typeof ANALYSIS_MODELS)[number];
/** What a spec without `models` computes: everything but the dominance on the mixed model (2^p fits). */
export const DEFAULT_MODELS: readonly AnalysisModel[] = ['mixed', 'ols', 'dominance', 'country'];
/** The dominance on the mixed model fits a model per subset of the factors: the server computes it for at most 10. */
export const LEVEL_DOMINANCE_MAX_FACTORS = 10;

/** One part of the composite being defined; the weight as its field holds it (a number, or text while typed). */
export interface CompositePart {
  variable: string;
  weight: number | string;
}

/** The composite outcome the form defines: a name, its weighted parts, and whether each part is z-scored first. */
export interface CompositeDraft {
  label: string;
  parts: CompositePart[];
  standardize: boolean;
}

/** What the analysis form holds: the parts of a spec a researcher chooses (the seed is kept, not shown). */
export interface AnalysisChoice {
  waveId: string;
  /** A scale, a program variable, or COMPOSITE_KEY for the composite below. */
  outcome: string;
  factors: string[];
  /** The parts to compute, in ANALYSIS_MODELS order. */
  models: AnalysisModel[];
  composite: CompositeDraft;
  k: number;
  resamples: number;
  seed: number;
  centering: boolean;
}

export const emptyComposite = (): CompositeDraft => ({
  label: '',
  parts: Array.from({ length: MIN_PARTS }, () => ({ variable: '', weight: 1 })),
  standardize: true,
});

/** A variable the form can choose as an outcome, a factor or a composite's part: a campaign scale or a program variable. */
export const isChoosable = (key: string, scales: readonly Pick<CampaignScale, 'key'>[]): boolean =>
  scales.some((s) => s.key === key) || PROGRAM_VARIABLE_KEYS.has(key);

/** The outcome select offers the composite once it has a name and two parts with a variable. */
export const isCompositeOffered = (c: CompositeDraft): boolean =>
  c.label.trim() !== '' && c.parts.filter((p) => p.variable !== '').length >= MIN_PARTS;

export type CompositeProblem = 'labelMissing' | 'variableMissing' | 'variableTwice' | 'weight';

/** What keeps the composite from being run, keyed by the request's field paths (as the server names them). */
export function compositeProblems(c: CompositeDraft): Record<string, CompositeProblem> {
  const problems: Record<string, CompositeProblem> = {};
  if (c.label.trim() === '') problems['composites.0.label'] = 'labelMissing';
  c.parts.forEach((p, i) => {
    if (p.variable === '') problems[`composites.0.parts.${i}.variable`] = 'variableMissing';
    else if (c.parts.findIndex((q) => q.variable === p.variable) < i)
      problems[`composites.0.parts.${i}.variable`] = 'variableTwice';
    const weight = typeof p.weight === 'number' ? p.weight : Number.parseFloat(p.weight);
    if (!Number.isFinite(weight) || weight === 0 || Math.abs(weight) > 100)
      problems[`composites.0.parts.${i}.weight`] = 'weight';
  });
  return problems;
}

/** The form's starting point: the baseline wave, the scale marked as the outcome, every other scale (up to 12). */
export function initialChoice(
  campaign: Pick<CampaignDetail, 'waves'>,
  scales: readonly Pick<CampaignScale, 'key' | 'outcome'>[],
): AnalysisChoice {
  const outcome = scales.find((s) => s.outcome)?.key ?? scales[0]?.key ?? '';
  return {
    waveId: campaign.waves.find((w) => w.kind === 'baseline')?.id ?? campaign.waves[0]?.id ?? '',
    outcome,
    factors: scales
      .filter((s) => s.key !== outcome)
      .slice(0, MAX_FACTORS)
      .map((s) => s.key),
    models: [...DEFAULT_MODELS],
    composite: emptyComposite(),
    k: 5,
    resamples: 200,
    seed: 1,
    centering: false,
  };
}

/** The spec's composite that is its outcome, when the form can hold it: two parts or more that the form can choose. */
function outcomeComposite(spec: Spec, scales: readonly Pick<CampaignScale, 'key'>[]) {
  const composite = spec.composites?.find((c) => c.key === spec.outcome);
  if (!composite) return undefined;
  const parts = composite.parts.filter((p) => isChoosable(p.variable, scales));
  return parts.length >= MIN_PARTS ? { ...composite, parts } : undefined;
}

/**
 * The form set to a saved analysis's spec, so running it again or changing one thing starts from it. A wave or
 * variable the campaign no longer has is not chosen: the wave and outcome keep `fallback`'s, and such a factor or
 * composite part is left out. A composite outcome fills the composite builder (and is the outcome again).
 */
export function choiceFromSpec(
  spec: Spec,
  campaign: Pick<CampaignDetail, 'waves'>,
  scales: readonly Pick<CampaignScale, 'key'>[],
  fallback: AnalysisChoice,
): AnalysisChoice {
  const composite = outcomeComposite(spec, scales);
  const outcome = composite ? COMPOSITE_KEY : isChoosable(spec.outcome, scales) ? spec.outcome : fallback.outcome;
  return {
    waveId: campaign.waves.some((w) => w.id === spec.waveId) ? spec.waveId : fallback.waveId,
    outcome,
    factors: spec.factors.filter((f) => f !== outcome && isChoosable(f, scales)),
    models: orderedModels(spec.models ?? DEFAULT_MODELS),
    composite: composite
      ? {
          label: composite.label ?? composite.key,
          parts: composite.parts.map((p) => ({ variable: p.variable, weight: p.weight })),
          standardize: composite.standardize,
        }
      : fallback.composite,
    k: spec.options.k,
    resamples: spec.options.resamples,
    seed: spec.options.seed,
    centering: spec.options.centering,
  };
}

/**
 * The outcome, factors and composite parts of a spec that the form cannot choose (neither scales of the campaign nor
 * program variables, nor a composite outcome it can hold), in the spec's order.
 */
export function notInForm(spec: Spec, scales: readonly Pick<CampaignScale, 'key'>[]): string[] {
  const composite = outcomeComposite(spec, scales);
  const parts = spec.composites?.find((c) => c.key === spec.outcome)?.parts.map((p) => p.variable) ?? [];
  const keys = [spec.outcome, ...spec.factors, ...parts].filter(
    (key) => !isChoosable(key, scales) && !(composite && key === spec.outcome),
  );
  return [...new Set(keys)];
}

/** The factors the form offers beside the outcome, in a stable order: the instrument's scales, then PROGRAM_VARIABLES. */
export const factorOrder = (scales: readonly Pick<CampaignScale, 'key'>[]): string[] => [
  ...scales.map((s) => s.key),
  ...PROGRAM_VARIABLES.map((v) => v.key),
];

/** Models in ANALYSIS_MODELS order (each once). */
export const orderedModels = (models: readonly string[]): AnalysisModel[] =>
  ANALYSIS_MODELS.filter((m) => models.includes(m));

/** Whether the models are the set a spec without `models` computes. */
export const isDefaultModels = (models: readonly string[]): boolean => {
  const ordered = orderedModels(models);
  return ordered.length === DEFAULT_MODELS.length && DEFAULT_MODELS.every((m) => ordered.includes(m));
};

/**
 * The request the form sends: the composite only when it is the outcome; factors in a stable order; the models only
 * when they differ from the default set (so a default analysis has the same spec as before models could be chosen).
 */
export function requestFromChoice(
  campaignId: string,
  choice: AnalysisChoice,
  scales: readonly Pick<CampaignScale, 'key'>[],
): AnalysisRequest {
  const { waveId, outcome, factors, models, composite, k, resamples, seed, centering } = choice;
  return {
    campaignId,
    waveId,
    outcome,
    // In a fixed order, so the same choice gives the same spec.
    factors: factorOrder(scales).filter((key) => key !== outcome && factors.includes(key)),
    ...(outcome === COMPOSITE_KEY
      ? {
          composites: [
            {
              key: COMPOSITE_KEY,
              label: composite.label.trim(),
              parts: composite.parts.map((p) => ({ variable: p.variable, weight: Number(p.weight) })),
              standardize: composite.standardize,
            },
          ],
        }
      : {}),
    ...(isDefaultModels(models) ? {} : { models: orderedModels(models) }),
    options: { k, resamples, seed, centering },
  };
}
