import type { CareTier } from '../../lib/care-access.ts';

/** Huddles belong to the care team: its peer staff and clinicians read and record them, and add agenda items. */
export const canUseHuddles = (tier: CareTier): boolean => tier !== 'none';

/** The team board shows person-level work waiting for the team: care team only. */
export const canSeeBoard = (tier: CareTier): boolean => tier !== 'none';
