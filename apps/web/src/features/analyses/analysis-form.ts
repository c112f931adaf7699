import type { CampaignDetail } from '../campaigns/queries.ts';
import type { CampaignScale, SavedAnalysis } from './queries.ts';

export const MAX_FACTORS = 12;

type Spec = SavedAnalysis['spec'];

/** What the analysis form holds: the parts of a spec a researcher chooses (the seed is kept, not shown). */
export interface AnalysisChoice {
  waveId: string;
  outcome: string;
  factors: string[];
  k: number;
  resamples: number;
  seed: number;
  centering: boolean;
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
    k: 5,
    resamples: 200,
    seed: 1,
    centering: false,
  };
}

/**
 * The form set to a saved analysis's spec, so running it again or changing one thing starts from it. A wave or scale
 * the campaign no longer has is not chosen: the wave and outcome keep `fallback`'s, and such a factor is left out.
 */
export function choiceFromSpec(
  spec: Spec,
  campaign: Pick<CampaignDetail, 'waves'>,
  scales: readonly Pick<CampaignScale, 'key'>[],
  fallback: AnalysisChoice,
): AnalysisChoice {
  const known = (key: string) => scales.some((s) => s.key === key);
  const outcome = known(spec.outcome) ? spec.outcome : fallback.outcome;
  return {
    waveId: campaign.waves.some((w) => w.id === spec.waveId) ? spec.waveId : fallback.waveId,
    outcome,
    factors: spec.factors.filter((f) => f !== outcome && known(f)),
    k: spec.options.k,
    resamples: spec.options.resamples,
    seed: spec.options.seed,
    centering: spec.options.centering,
  };
}

/** The outcome and factors of a spec that the form cannot choose (not scales of the campaign), in the spec's order. */
export function notInForm(spec: Spec, scales: readonly Pick<CampaignScale, 'key'>[]): string[] {
  return [spec.outcome, ...spec.factors].filter((key) => !scales.some((s) => s.key === key));
}
