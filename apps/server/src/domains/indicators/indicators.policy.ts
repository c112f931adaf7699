import type { Cell } from '@alongside/contracts';
import { isOrgAdmin, type Actor } from '../../lib/actor.ts';

/** Program indicators are aggregates: open to the program's members and the organization's administrators. */
export const canSeeIndicators = (actor: Actor, program: { id: string; organizationId: string }): boolean =>
  isOrgAdmin(actor, program.organizationId) || actor.memberships.some((m) => m.programId === program.id);

/**
 * A figure about `people` persons: hidden when 1 ≤ people < k (small cells could identify someone).
 * Zero is shown — an empty cell discloses nobody.
 */
export function cell(value: number | null, people: number, k: number): Cell {
  if (people > 0 && people < k) return { value: null, suppressed: true };
  return { value, suppressed: false };
}

/** A share as a percentage with one decimal, or null without a denominator. */
export const percent = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;

/** The period just before [from, to), of the same length in days. */
export function previousPeriod(from: Date, to: Date): { from: Date; to: Date } {
  const length = to.getTime() - from.getTime();
  return { from: new Date(from.getTime() - length), to: from };
}
