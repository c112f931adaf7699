import { isOrgAdmin, managesProgram, type Actor } from '../../lib/actor.ts';
import { isPeerRole } from '../../lib/care-access.ts';
import { PEER_SUPERVISOR_ROLE } from '@alongside/contracts';

/** A PSP's own workload: anyone holding a peer role has one. */
export const hasOwnWorkload = (actor: Actor): boolean =>
  actor.memberships.some((m) => isPeerRole(m.role));

/** The teams whose PSPs a peer supervisor supervises (where they hold peer_supervisor). */
export const supervisedTeamIds = (actor: Actor): string[] => [
  ...new Set(actor.memberships.filter((m) => m.role === PEER_SUPERVISOR_ROLE && m.teamId).map((m) => m.teamId!)),
];

/**
 * Team workload distributions (never per person) are for the program's managers and the organization's
 * administrators.
 */
export const canSeeTeamWorkload = (actor: Actor, team: { organizationId: string; programId: string }): boolean =>
  isOrgAdmin(actor, team.organizationId) || managesProgram(actor, team.programId);

/** Flags against the organization's thresholds: shown to the PSP and their supervisor, never ranked. */
export function workloadFlags(
  figures: { activeCaseload: number; contactHoursPerWeek: number },
  thresholds: { caseload: number; weeklyContactHours: number },
) {
  const flags: { kind: 'caseload' | 'weekly_contact_hours'; value: number; threshold: number }[] = [];
  if (figures.activeCaseload > thresholds.caseload) {
    flags.push({ kind: 'caseload', value: figures.activeCaseload, threshold: thresholds.caseload });
  }
  if (figures.contactHoursPerWeek > thresholds.weeklyContactHours) {
    flags.push({
      kind: 'weekly_contact_hours',
      value: figures.contactHoursPerWeek,
      threshold: thresholds.weeklyContactHours,
    });
  }
  return flags;
}
