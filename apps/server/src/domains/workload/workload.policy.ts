import { isOrgAdmin, type Actor } from '../../lib/actor.ts';

/** A PSP's own workload: anyone holding a peer role has one. */
export const hasOwnWorkload = (actor: Actor): boolean =>
  actor.memberships.some((m) => m.role === 'peer_support_worker' || m.role === 'peer_supervisor');

/** The teams whose PSPs a peer supervisor supervises (where they hold peer_supervisor). */
export const supervisedTeamIds = (actor: Actor): string[] => [
  ...new Set(actor.memberships.filter((m) => m.role === 'peer_supervisor' && m.teamId).map((m) => m.teamId!)),
];

/**
 * Team workload distributions (never per person) are for the program's managers and the organization's
 * administrators.
 */
export const canSeeTeamWorkload = (actor: Actor, team: { organizationId: string; programId: string }): boolean =>
  isOrgAdmin(actor, team.organizationId) ||
  actor.memberships.some((m) => m.role === 'manager' && m.programId === team.programId);

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

/** Linear-interpolated quantile (as PostgreSQL's percentile_cont) of sorted values. */
export function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** A distribution over a team's PSPs: median and quartiles, suppressed below k PSPs (never min, max or a list). */
export function distribution(values: (number | null)[], k: number) {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (values.length < k || present.length < k) return { median: null, p25: null, p75: null, suppressed: true };
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    median: round(quantile(present, 0.5)),
    p25: round(quantile(present, 0.25)),
    p75: round(quantile(present, 0.75)),
    suppressed: false,
  };
}
