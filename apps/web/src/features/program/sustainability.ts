/** Pure helpers for the team sustainability section of the program page. */
import type { Membership, SuppressionReason, TeamWorkload } from '@alongside/contracts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The `count` calendar months before the one `today` is in, newest first, as YYYY-MM. Wellbeing figures exist
 * for completed months only, and the server decides "completed" in UTC, so the months are counted in UTC too.
 */
export function completedMonths(today: Date, count = 12): string[] {
  const out: string[] = [];
  for (let i = 1; i <= count; i++) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i, 1));
    out.push(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`);
  }
  return out;
}

/**
 * The month to show first: the newest completed month that is not after the period's last day, so the
 * wellbeing figures belong to the period on screen; the oldest offered month when the period is older still.
 */
export function defaultMonth(months: readonly string[], periodTo: string): string | undefined {
  const last = periodTo.slice(0, 7);
  return months.find((m) => m <= last) ?? months[months.length - 1];
}

/**
 * What the signed-in user may read about one team of the program, mirroring the server's rules so the page
 * does not ask for what would be refused: wellbeing aggregates are for the program's managers, the team's peer
 * supervisors and the organization's administrators; workload distributions for the program's managers and the
 * administrators.
 */
export function teamAccess(
  memberships: readonly Pick<Membership, 'role' | 'organizationId' | 'programId' | 'teamId'>[],
  team: { id: string; programId: string; organizationId: string },
): { wellbeing: boolean; workload: boolean } {
  const isAdmin = memberships.some((m) => m.role === 'org_admin' && m.organizationId === team.organizationId);
  const isProgramManager = memberships.some((m) => m.role === 'manager' && m.programId === team.programId);
  return {
    wellbeing:
      isAdmin || isProgramManager || memberships.some((m) => m.teamId === team.id && m.role === 'peer_supervisor'),
    workload: isAdmin || isProgramManager,
  };
}

/** Which sentence explains a withheld team wellbeing figure, for each reason the server can give. */
const WITHHELD_KEYS = {
  small_group: 'notEnough',
  overlapping_group: 'notEnough',
  period_not_over: 'notOver',
} as const satisfies Record<SuppressionReason, 'notOver' | 'notEnough'>;

export const withheldReason = (reason: SuppressionReason): 'notOver' | 'notEnough' => WITHHELD_KEYS[reason];

export type Spread =
  { kind: 'hidden' } | { kind: 'none' } | { kind: 'shown'; median: number; p25: number | null; p75: number | null };

/** A workload distribution as what to say about it: hidden (below k), nothing recorded, or median and quartiles. */
export function spreadOf(d: TeamWorkload['activeCaseload']): Spread {
  if (d.suppressed) return { kind: 'hidden' };
  if (d.median === null) return { kind: 'none' };
  return { kind: 'shown', median: d.median, p25: d.p25, p75: d.p75 };
}

/** Band counts for a chart: hidden counts (null) stay gaps, never zeros; whether any count was hidden. */
export function bandSeries(bands: readonly { count: number | null }[]): {
  values: (number | null)[];
  anyHidden: boolean;
} {
  return { values: bands.map((b) => b.count), anyHidden: bands.some((b) => b.count === null) };
}
