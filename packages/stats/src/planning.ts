import jStat from 'jstat';

// Planning a campaign: how many programs and respondents per program an analysis needs to find an effect of a given
// size. Respondents in one program are alike (the ICC), so n clustered respondents carry the information of
// n / DE independent ones, DE = 1 + (m − 1)·ICC for m respondents per program (Kish 1965). The independent sample
// that detects a correlation r (a standardized slope) with a two-sided test at α with the given power comes from
// Fisher's z: n₀ = ((z₁₋α/₂ + z_power) / atanh r)² + 3 (Cohen 1988, ch. 3). Using the outcome's ICC for a factor
// measured on respondents is conservative: the design effect of a respondent-level factor is smaller when the factor
// varies within programs.

export interface PlanningInput {
  /** The outcome's intraclass correlation across programs (0–1). */
  icc: number;
  /** The smallest effect worth finding, as a correlation (a standardized slope), 0 < r < 1. */
  effect: number;
  /** Respondents expected per program. */
  perProgram: number;
  power?: number;
  alpha?: number;
}

export interface Plan {
  designEffect: number;
  /** Independent respondents the test would need. */
  independent: number;
  /** Respondents needed with the clustering, and the programs to reach them. */
  respondents: number;
  programs: number;
}

export function planCampaign({ icc, effect, perProgram, power = 0.8, alpha = 0.05 }: PlanningInput): Plan {
  if (!(icc >= 0 && icc < 1)) throw new RangeError('icc must be at least 0 and below 1');
  if (!(effect > 0 && effect < 1)) throw new RangeError('effect must be above 0 and below 1');
  if (!(Number.isInteger(perProgram) && perProgram >= 1)) throw new RangeError('perProgram must be a whole number of at least 1');
  if (!(power > 0 && power < 1 && alpha > 0 && alpha < 1)) throw new RangeError('power and alpha must be between 0 and 1');
  const z = (p: number) => jStat.normal.inv(p, 0, 1);
  const independent = Math.ceil(((z(1 - alpha / 2) + z(power)) / Math.atanh(effect)) ** 2 + 3);
  const designEffect = 1 + (perProgram - 1) * icc;
  const programs = Math.max(2, Math.ceil((independent * designEffect) / perProgram));
  return { designEffect, independent, respondents: programs * perProgram, programs };
}
