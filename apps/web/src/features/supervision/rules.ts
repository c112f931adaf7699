import type { Membership, StepAway, SupervisionSession, TeamMember, Trend } from '@alongside/contracts';

/** "Supervision due": no session with this supervisor in the last 30 days (the sustainability figure's window). */
export const SUPERVISION_DUE_DAYS = 30;
const DAY = 86_400_000;

export interface SupervisionStatus {
  /** The latest session this supervisor held with the PSP (not after `now`), if any. */
  last: SupervisionSession | undefined;
  isDue: boolean;
}

/**
 * For each PSP, the latest session with this supervisor and whether supervision is due. A session dated in
 * the future (planned, or a typo) does not count as supervision that happened.
 */
export function supervisionStatusByPsp(
  pspIds: readonly string[],
  sessions: readonly SupervisionSession[],
  supervisorId: string,
  now: Date,
): Map<string, SupervisionStatus> {
  const since = now.getTime() - SUPERVISION_DUE_DAYS * DAY;
  const out = new Map<string, SupervisionStatus>();
  for (const id of pspIds) out.set(id, { last: undefined, isDue: true });
  for (const s of sessions) {
    const status = out.get(s.psp.id);
    if (!status || s.supervisor.id !== supervisorId) continue;
    const at = new Date(s.heldAt).getTime();
    if (Number.isNaN(at) || at > now.getTime()) continue;
    if (!status.last || at > new Date(status.last.heldAt).getTime()) status.last = s;
    if (at >= since) status.isDue = false;
  }
  return out;
}

/** Sessions this supervisor held, newest first (the API also returns those where they were the one supervised). */
export const sessionsHeldBy = (sessions: readonly SupervisionSession[], supervisorId: string): SupervisionSession[] =>
  sessions
    .filter((s) => s.supervisor.id === supervisorId)
    .sort((a, b) => new Date(b.heldAt).getTime() - new Date(a.heldAt).getTime());

export interface SupervisedTeam {
  teamId: string;
  teamName: string;
}

/** The teams where the user is peer supervisor, each once, in membership order. */
export function supervisedTeams(memberships: readonly Membership[]): SupervisedTeam[] {
  const out: SupervisedTeam[] = [];
  for (const m of memberships) {
    if (m.role !== 'peer_supervisor' || !m.teamId || out.some((t) => t.teamId === m.teamId)) continue;
    out.push({ teamId: m.teamId, teamName: m.teamName ?? '' });
  }
  return out;
}

/**
 * For each PSP, the supervised teams they work in as a peer support worker (the workload list carries no team).
 * With a single supervised team every supervised PSP is in it, so no member list is needed.
 */
export function teamsByPsp(
  teams: readonly SupervisedTeam[],
  membersByTeam: ReadonlyMap<string, readonly TeamMember[]>,
  pspIds: readonly string[],
): Map<string, SupervisedTeam[]> {
  const out = new Map<string, SupervisedTeam[]>();
  for (const id of pspIds) {
    const only = teams.length === 1 ? teams[0] : undefined;
    out.set(
      id,
      only
        ? [only]
        : teams.filter((t) =>
            (membersByTeam.get(t.teamId) ?? []).some((m) => m.userId === id && m.role === 'peer_support_worker'),
          ),
    );
  }
  return out;
}

/** The step-away each user is on now (active, not returned), by user id. */
export function activeStepAwayByUser(stepAways: readonly StepAway[]): Map<string, StepAway> {
  const out = new Map<string, StepAway>();
  for (const s of stepAways) if (s.isActive && !s.returnedAt && !out.has(s.user.id)) out.set(s.user.id, s);
  return out;
}

/** Who covers for an away PSP now: each colleague once, with how many persons, in name order. */
export function coveringColleagues(stepAway: StepAway): { id: string; name: string; persons: number }[] {
  const byId = new Map<string, { id: string; name: string; persons: number }>();
  for (const c of stepAway.coverage) {
    if (c.handedBackAt) continue;
    const entry = byId.get(c.coveredBy.id) ?? { id: c.coveredBy.id, name: c.coveredBy.name, persons: 0 };
    entry.persons += 1;
    byId.set(entry.id, entry);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Where the step-away start page takes a supervisor planning one for a PSP (it records the PSP's agreement). */
export const stepAwayPath = (userId: string, teamId: string): string =>
  `/step-away/new?${new URLSearchParams({ userId, teamId }).toString()}`;

/** The id of a shared trend's card, so a PSP's card can link to it. */
export const sharedTrendAnchor = (pspId: string): string => `shared-trend-${pspId}`;

/** Why a "held at" value cannot be saved, or undefined when it can. */
export function heldAtProblem(value: string, now: Date): 'required' | 'future' | undefined {
  if (!value) return 'required';
  const at = new Date(value).getTime();
  if (Number.isNaN(at)) return 'required';
  // A minute of slack: "now" in the form was filled in when it opened.
  if (at > now.getTime() + 60_000) return 'future';
  return undefined;
}

/** The latest month of a trend that has a score, if any. */
export function latestScoredMonth(trend: Trend): Trend['months'][number] | undefined {
  for (let i = trend.months.length - 1; i >= 0; i--) {
    const m = trend.months[i];
    if (m && m.score !== null) return m;
  }
  return undefined;
}
