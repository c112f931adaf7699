import { isOrgAdmin, type Actor } from '../../lib/actor.ts';

/** Program indicators are aggregates: open to the program's members and the organization's administrators. */
export const canSeeIndicators = (actor: Actor, program: { id: string; organizationId: string }): boolean =>
  isOrgAdmin(actor, program.organizationId) || actor.memberships.some((m) => m.programId === program.id);

/** A share as a percentage with one decimal, or null without a denominator. */
export const percent = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;
