import type { Actor } from '../../lib/actor.ts';
import { isPeerRole } from '../../lib/care-access.ts';
import { PEER_SUPERVISOR_ROLE, PSP_ROLE } from '@alongside/contracts';

/** The roles the actor holds in one team. */
export const rolesIn = (actor: Actor, teamId: string): string[] =>
  actor.memberships.filter((m) => m.teamId === teamId).map((m) => m.role);

const isPeerStaff = (roles: string[]) => roles.some(isPeerRole);

export type StartDecision = 'allowed' | 'not_found' | 'forbidden' | 'agreement_required';

/**
 * Who may start a step-away for `userId` in a team: peer staff for themselves, no questions asked; the team's
 * peer supervisor for a PSP of the team only with the PSP's recorded agreement. Everyone else does not see the team.
 */
export function canStartStepAway(
  actor: Actor,
  teamId: string,
  userId: string,
  agreementMethod: string | undefined,
): StartDecision {
  const roles = rolesIn(actor, teamId);
  if (!isPeerStaff(roles)) return 'not_found';
  if (userId === actor.userId) return 'allowed';
  if (!roles.includes(PEER_SUPERVISOR_ROLE)) return 'forbidden';
  return agreementMethod ? 'allowed' : 'agreement_required';
}

/**
 * How much of a step-away a reader sees: `full` for the PSP and the team's peer supervisors (how it started, the
 * return plan); `team` for the team's other peer staff (who is away, until when, who covers, hand-over notes);
 * `none` for everyone else — clinicians see "away — covered by …" on the team board only, managers aggregates only.
 */
export function stepAwayView(actor: Actor, stepAway: { userId: string; teamId: string }): 'full' | 'team' | 'none' {
  if (stepAway.userId === actor.userId) return 'full';
  const roles = rolesIn(actor, stepAway.teamId);
  if (roles.includes(PEER_SUPERVISOR_ROLE)) return 'full';
  if (roles.includes(PSP_ROLE)) return 'team';
  return 'none';
}

/** The return is recorded by the PSP, or by the team's peer supervisor with them. */
export const canRecordReturn = (actor: Actor, stepAway: { userId: string; teamId: string }): boolean =>
  stepAwayView(actor, stepAway) === 'full';
