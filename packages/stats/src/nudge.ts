// When a check-in raises a private nudge to the PSP: the rule the wellbeing service applies to each new check-in,
// and the demo seed to the check-ins it writes. Pure; the nudge itself is stored and shown by the caller.

/** The side of a scale that is worse, and the score from which a nudge is due. */
export interface NudgeRule {
  threshold: number;
  higherIsWorse: boolean;
}

/** Whether `a` is worse than `b` on a scale read in the instrument's direction. */
export const isWorse = (a: number, b: number, higherIsWorse: boolean): boolean => (higherIsWorse ? a > b : a < b);

/** Whether a score is at or past the nudge threshold, in the instrument's direction. */
export const isAtOrPast = (score: number, threshold: number, higherIsWorse: boolean): boolean =>
  higherIsWorse ? score >= threshold : score <= threshold;

/**
 * Whether a new check-in raises a private nudge. `scores` are the PSP's primary-scale scores on this instrument,
 * oldest first, the new one last. 'threshold' when the new score crosses the threshold (the previous one was on
 * the other side, or there was none); 'rising' when the score got worse three check-ins in a row (every third).
 */
export function nudgeReason(scores: readonly number[], rule: NudgeRule): 'threshold' | 'rising' | null {
  const current = scores.at(-1);
  if (current === undefined) return null;
  const previous = scores.at(-2);
  if (isAtOrPast(current, rule.threshold, rule.higherIsWorse) && (previous === undefined || !isAtOrPast(previous, rule.threshold, rule.higherIsWorse))) {
    return 'threshold';
  }
  let rises = 0;
  for (let i = scores.length - 1; i > 0 && isWorse(scores[i]!, scores[i - 1]!, rule.higherIsWorse); i--) rises++;
  return rises >= 3 && rises % 3 === 0 ? 'rising' : null;
}
