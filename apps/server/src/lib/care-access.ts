import { CLINICIAN_ROLES, PEER_ROLES, type TeamRole } from '@alongside/contracts';
import type { Actor } from './actor.ts';

/**
 * How much of a team's person-level data an actor may see:
 * - `peer`: peer support workers and peer supervisors of the team — everything, peer-tier notes included;
 * - `clinician`: the team's clinicians — only what the person agreed to share, never a lockboxed person;
 * - `none`: everyone else (managers, researchers, administrators, other teams) — no person-level data.
 */
export type CareTier = 'peer' | 'clinician' | 'none';

const PEER = new Set<string>(PEER_ROLES);
const CLINICIAN = new Set<string>(CLINICIAN_ROLES);

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

/** Peer-tier text (contact notes, corrections, unshared items) is for peer staff only. */
export const canSeePeerTier = (tier: CareTier): boolean => tier === 'peer';
