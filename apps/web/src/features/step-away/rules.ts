import type { Person, StepAway, TeamMember } from '@alongside/contracts';
import { PEER_ROLES } from '@alongside/contracts/vocabulary';

/** A calendar day `YYYY-MM-DD` in local time. */
export const localDay = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00`);
  d.setDate(d.getDate() + days);
  return localDay(d);
}

/** The persons who need someone to cover them: those the PSP walks alongside as primary PSP in the team. */
export const primaryCaseload = (persons: Person[], userId: string): Person[] =>
  persons
    .filter((p) => p.psps.some((s) => s.id === userId && s.isPrimary))
    .sort((a, b) => a.preferredName.localeCompare(b.preferredName));

/** Colleagues who can cover: the team's other peer staff, not away themselves, once each, in name order. */
export function coverCandidates(members: TeamMember[], userId: string, away: StepAway[]): { id: string; name: string }[] {
  const awayIds = new Set(away.filter((s) => !s.returnedAt).map((s) => s.user.id));
  const peers = new Map<string, string>();
  for (const m of members) {
    if ((PEER_ROLES as readonly string[]).includes(m.role) && m.userId !== userId && !awayIds.has(m.userId)) peers.set(m.userId, m.name);
  }
  return [...peers].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Persons still without someone to cover them. */
export const uncovered = (caseload: Pick<Person, 'id'>[], choices: Record<string, string | undefined>): string[] =>
  caseload.filter((p) => !choices[p.id]).map((p) => p.id);

export interface ReturnStep {
  from: string;
  caseloadPercent: number;
}

/** A suggested gradual return: half the caseload now, all of it two weeks later. */
export const suggestedReturnPlan = (today: string): ReturnStep[] => [
  { from: today, caseloadPercent: 50 },
  { from: addDays(today, 14), caseloadPercent: 100 },
];

/** The same rule the server applies: dates in order, each step restoring at least as much as the one before. */
export function returnPlanProblem(steps: ReturnStep[]): 'order' | 'percent' | undefined {
  for (const [i, s] of steps.entries()) {
    if (!Number.isInteger(s.caseloadPercent) || s.caseloadPercent < 1 || s.caseloadPercent > 100) return 'percent';
    const prev = steps[i - 1];
    if (prev && (s.from <= prev.from || s.caseloadPercent < prev.caseloadPercent)) return 'order';
  }
  return undefined;
}
