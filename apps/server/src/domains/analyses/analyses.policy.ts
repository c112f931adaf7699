import { isResearcher, type Actor } from '../../lib/actor.ts';

/** An analysis is its owner's, the researcher who ran it (and platform administrators'). */
export const canReadAnalysis = (actor: Actor, analysis: { ownerId: string }): boolean =>
  actor.isPlatformAdmin || (isResearcher(actor) && analysis.ownerId === actor.userId);
