import { sql, type SQL } from 'drizzle-orm';
import { CLINICIAN_ROLES, PEER_ROLES, type Role, type TeamRole } from '@alongside/contracts';
import type { Actor } from './actor.ts';

// Who may read what about a person supported: the one home of care access (ARCHITECTURE.md, "Care access").
// Each rule is written twice, side by side — a predicate over one row for code, and the SQL fragment that filters
// rows in the database — and a property test (care-access.int.test.ts) checks on generated rows that they agree.

/**
 * How much of a team's person-level data an actor may see:
 * - `peer`: peer support workers and peer supervisors of the team — everything, peer-tier notes included;
 * - `clinician`: the team's clinicians — only what the person agreed to share, never a lockboxed person;
 * - `none`: everyone else (managers, researchers, administrators, other teams) — no person-level data.
 */
export type CareTier = 'peer' | 'clinician' | 'none';

const PEER = new Set<string>(PEER_ROLES);
const CLINICIAN = new Set<string>(CLINICIAN_ROLES);

/** Whether a role is peer staff (a PSP or a peer supervisor). */
export const isPeerRole = (role: string): boolean => PEER.has(role);

/** The actor's tier in one team. */
export function careTier(actor: Actor, teamId: string): CareTier {
  const roles = actor.memberships.filter((m) => m.teamId === teamId).map((m) => m.role);
  if (roles.some((r) => PEER.has(r))) return 'peer';
  if (roles.some((r) => CLINICIAN.has(r))) return 'clinician';
  return 'none';
}

/** Teams where the actor has a care tier, by tier. */
export function careTeams(actor: Actor): { peer: string[]; clinician: string[] } {
  const peer = new Set<string>();
  const clinician = new Set<string>();
  for (const m of actor.memberships) {
    if (!m.teamId) continue;
    if (PEER.has(m.role)) peer.add(m.teamId);
    else if (CLINICIAN.has(m.role)) clinician.add(m.teamId);
  }
  for (const id of peer) clinician.delete(id);
  return { peer: [...peer], clinician: [...clinician] };
}

/** The clinical role an actor holds in a team (for "referrals by profession"). */
export function clinicalRoleIn(actor: Actor, teamId: string): TeamRole | null {
  const role = actor.memberships.find((m) => m.teamId === teamId && CLINICIAN.has(m.role))?.role;
  return (role as TeamRole | undefined) ?? null;
}

export interface PersonConsent {
  shareWithCareTeam: string;
  lockbox: boolean;
}

/** A person is visible to peer staff of their team; to clinicians only without a lockbox. */
export const canSeePerson = (tier: CareTier, person: PersonConsent): boolean =>
  tier === 'peer' || (tier === 'clinician' && !person.lockbox);

/** Whether the person's consent lets an item they agreed to share reach the clinicians. */
export const consentAllowsSharing = (person: PersonConsent): boolean => !person.lockbox && person.shareWithCareTeam !== 'none';

/** A voice item reaches clinicians only when the person agreed to share that item, and has not withdrawn it. */
export function canSeeVoiceItem(tier: CareTier, person: PersonConsent, item: { shareAgreed: boolean; withdrawnAt: Date | null }): boolean {
  if (tier === 'peer') return true;
  return tier === 'clinician' && item.shareAgreed && item.withdrawnAt === null && consentAllowsSharing(person);
}

/** A contact's summary for the team reaches clinicians only with the person's agreement; the note never does. */
export function canSeeContactSummary(tier: CareTier, person: PersonConsent, contact: { summaryAgreed: boolean }): boolean {
  if (tier === 'peer') return true;
  return tier === 'clinician' && contact.summaryAgreed && consentAllowsSharing(person);
}

/** What happened with a person (contacts, activity): clinicians only while the person's consent lets anything reach the team. */
export const canSeeAboutPerson = (tier: CareTier, person: PersonConsent): boolean =>
  tier === 'peer' || (tier === 'clinician' && consentAllowsSharing(person));

/** Peer-tier text (contact notes, corrections, unshared items) is for peer staff only. */
export const canSeePeerTier = (tier: CareTier): boolean => tier === 'peer';

// ── The same rules in SQL ──────────────────────────────────────────────────────────────────────

/** The teams where an actor works as peer staff or as a clinician (`careTeams`). */
export interface CareScope {
  peer: string[];
  clinician: string[];
}

/** `alias.team_id IN (…)`, or false for no teams. */
export function inTeams(alias: string, teamIds: string[]): SQL {
  if (teamIds.length === 0) return sql`false`;
  return sql`${sql.raw(alias)}.team_id IN (${sql.join(
    teamIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

/** `canSeePerson` in SQL (alias of the persons table): its peer teams' persons, its clinician teams' persons without a lockbox. */
export function personVisible(scope: CareScope, alias = 'p'): SQL {
  return sql`(${inTeams(alias, scope.peer)} OR (${inTeams(alias, scope.clinician)} AND NOT ${sql.raw(alias)}.lockbox))`;
}

/** `canSeeAboutPerson` in SQL: rows about what happened with a person (contacts, activity) that the scope may see. */
export function sharedAboutPersonVisible(scope: CareScope, alias = 'p'): SQL {
  return sql`${personVisible(scope, alias)} AND (${inTeams(alias, scope.peer)} OR ${sql.raw(alias)}.share_with_care_team <> 'none')`;
}

/**
 * `canSeeVoiceItem` in SQL (persons `p`, voice items `v`): voice items the scope may read. Peer staff read all of their team's items; clinicians only items the
 * person agreed to share, not withdrawn, under a consent that allows sharing (lockbox persons are invisible).
 */
export function voiceItemVisible(scope: CareScope): SQL {
  return sql`${personVisible(scope)} AND (${inTeams('p', scope.peer)}
    OR (v.share_agreed AND v.withdrawn_at IS NULL AND p.share_with_care_team <> 'none'))`;
}


/** `column IN (…roles)`, the roles bound as parameters: role sets come from the contracts, never as literals in SQL. */
export function roleIn(column: string, roles: readonly Role[]): SQL {
  return sql`${sql.raw(column)} IN (${sql.join(
    roles.map((role) => sql`${role}`),
    sql`, `,
  )})`;
}
