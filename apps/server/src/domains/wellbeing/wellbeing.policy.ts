import { PEER_ROLES } from '@alongside/contracts';
import type { Actor } from '../../lib/actor.ts';

// The employer firewall (PRODUCT.md principle 3). A PSP's pulses, check-ins, notes and nudges are read by that
// PSP alone; their trend by a peer supervisor they chose; everyone else sees team aggregates of at least k people.

const PEER = new Set<string>(PEER_ROLES);

/** The lowest k the wellbeing aggregates accept, whatever an organization sets: an employer never sees a pair. */
export const MIN_WELLBEING_K = 3;

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
  if (actor.isPlatformAdmin) return 'aggregate';
  if (actor.memberships.some((m) => m.role === 'org_admin' && m.organizationId === team.organizationId)) return 'aggregate';
  // Managers see every team of their program (as for sustainability and workload); peer supervisors their own team.
  if (actor.memberships.some((m) => m.role === 'manager' && m.programId === team.programId)) return 'aggregate';
  const roles = actor.memberships.filter((m) => m.teamId === team.id).map((m) => m.role);
  if (roles.includes('peer_supervisor')) return 'aggregate';
  return roles.length > 0 ? 'forbidden' : 'hidden';
}

/** The k an organization's wellbeing aggregates use. */
export const wellbeingK = (organizationK: number): number => Math.max(organizationK, MIN_WELLBEING_K);

/**
 * Which teams' aggregates for one month and one measure may be shown, given who contributed to each team.
 * A team needs at least k distinct contributors, and no other shown team's set may differ from its own by
 * 1 … k−1 people on either side: otherwise subtracting one aggregate from the other (overlapping teams,
 * someone in two teams) would isolate fewer than k people. Both teams of such a pair are withheld.
 */
export function showableTeams(contributors: ReadonlyMap<string, ReadonlySet<string>>, k: number): Set<string> {
  const large = [...contributors].filter(([, set]) => set.size >= k);
  const risky = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
    const onlyA = [...a].filter((x) => !b.has(x)).length;
    const onlyB = [...b].filter((x) => !a.has(x)).length;
    if (onlyA === a.size && onlyB === b.size) return false; // disjoint: nothing to subtract
    return (onlyA > 0 && onlyA < k) || (onlyB > 0 && onlyB < k);
  };
  const shown = new Set<string>();
  for (const [team, set] of large) {
    if (!large.some(([other, otherSet]) => other !== team && risky(set, otherSet))) shown.add(team);
  }
  return shown;
}

/**
 * Band counts with small cells withheld (null): any count under k, and — when exactly one would be withheld —
 * the next smallest too, so a withheld count cannot be worked out from the total.
 */
export function suppressSmallCells(counts: readonly number[], k: number): (number | null)[] {
  const hidden = counts.map((c) => c < k);
  if (hidden.filter(Boolean).length === 1) {
    let next = -1;
    counts.forEach((c, i) => {
      if (!hidden[i] && (next < 0 || c < counts[next]!)) next = i;
    });
    if (next >= 0) hidden[next] = true;
  }
  return counts.map((c, i) => (hidden[i] ? null : c));
}
