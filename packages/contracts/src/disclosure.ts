import { z } from 'zod';
import { K_FLOOR, SUPPRESSION_REASONS } from '@alongside/stats';

// The vocabulary of disclosure control; the rules themselves live in packages/stats (disclosure.ts).
export { K_FLOOR, SUPPRESSION_REASONS, type SuppressionReason } from '@alongside/stats';

export const SuppressionReasonSchema = z.enum(SUPPRESSION_REASONS);

/** An organization's k for its own aggregate views: never below the floor, at most 50. */
export const PrivacyThresholdKSchema = z.number().int().min(K_FLOOR).max(50);
