import { PEER_ROLES, PEER_SUPERVISOR_ROLE } from '@alongside/contracts';
import { isOrgAdmin, managesProgram, type Actor } from '../../lib/actor.ts';

// The employer firewall (PRODUCT.md principle 3). A PSP's pulses, check-ins, notes and nudges are read by that
// PSP alone; their trend by a peer supervisor they chose; everyone else sees team aggregates of at least k people.

const PEER = new Set<string>(PEER_ROLES);

/** Peer staff (PSPs and peer supervisors) keep wellbeing check-ins; the teams they do so from, by organization. */
export function peerTeamsByOrganization(actor: Actor): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of actor.memberships) {
    if (!m.teamId || !PEER.has(m.role)) continue;
    const teams = out.get(m.organizationId) ?? [];
    if (!teams.includes(m.teamId)) teams.push(m.teamId);
    out.set(m.organizationId, teams);
  }
  return out;
}

/** Whether the actor may keep check-ins and pulses (holds a peer role somewhere). */
export const canKeepWellbeing = (actor: Actor): boolean => peerTeamsByOrganization(actor).size > 0;

export type TeamAggregateAccess = 'aggregate' | 'forbidden' | 'hidden';

/**
 * Who may read a team's wellbeing aggregate: the managers of its program, its peer supervisors, the organization's administrators
 * and platform administrators. Other members of the team know it exists (403); everyone else gets 404.
 */
export function teamAggregateAccess(
  actor: Actor,
  team: { id: string; organizationId: string; programId: string },
): TeamAggregateAccess {
  if (isOrgAdmin(actor, team.organizationId)) return 'aggregate';
  // Managers see every team of their program (as for sustainability and workload); peer supervisors their own team.
  if (managesProgram(actor, team.programId)) return 'aggregate';
  const roles = actor.memberships.filter((m) => m.teamId === team.id).map((m) => m.role);
  if (roles.includes(PEER_SUPERVISOR_ROLE)) return 'aggregate';
  return roles.length > 0 ? 'forbidden' : 'hidden';
}
