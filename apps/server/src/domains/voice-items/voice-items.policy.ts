import type { CareTier } from '../../lib/care-access.ts';

export type VoiceAction = 'create' | 'share' | 'acknowledge' | 'answer' | 'return' | 'withdraw';

/**
 * Who moves the loop: peer staff record the person's words, share them with the person's agreement,
 * take the answer back and withdraw on the person's request; clinicians acknowledge and answer.
 */
export function canActOnVoiceItem(tier: CareTier, action: VoiceAction): boolean {
  switch (action) {
    case 'create':
    case 'share':
    case 'return':
    case 'withdraw':
      return tier === 'peer';
    case 'acknowledge':
    case 'answer':
      return tier === 'clinician';
  }
}

/** The statuses each step may start from. */
export const ALLOWED_FROM: Record<Exclude<VoiceAction, 'create'>, readonly string[]> = {
  share: ['open'],
  acknowledge: ['open'],
  answer: ['open', 'acknowledged'],
  return: ['answered'],
  withdraw: ['open', 'acknowledged', 'answered', 'returned'],
};
