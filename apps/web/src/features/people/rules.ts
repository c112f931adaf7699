import {
  CONTACT_LOCATIONS,
  CONTACT_MODES,
  type ConnectionStatus,
  type Contact,
  type Membership,
  type VoiceItem,
} from '@alongside/contracts';
import { CLINICIAN_ROLES, PEER_ROLES } from '@alongside/contracts/vocabulary';

/** How much of a team's person-level data this user sees (the server enforces the same rule). */
export type CareTier = 'peer' | 'clinician' | 'none';

const PEER = new Set<string>(PEER_ROLES);
const CLINICIAN = new Set<string>(CLINICIAN_ROLES);

export function careTierIn(memberships: Membership[], teamId: string): CareTier {
  const roles = memberships.filter((m) => m.teamId === teamId).map((m) => m.role);
  if (roles.some((r) => PEER.has(r))) return 'peer';
  if (roles.some((r) => CLINICIAN.has(r))) return 'clinician';
  return 'none';
}

export interface CareTeam {
  teamId: string;
  teamName: string;
  programName: string | null;
  tier: Exclude<CareTier, 'none'>;
}

/** Teams where the user is peer staff or a clinician, each once, in the order of the memberships. */
export function careTeams(memberships: Membership[], only?: CareTier): CareTeam[] {
  const out: CareTeam[] = [];
  for (const m of memberships) {
    if (!m.teamId || out.some((t) => t.teamId === m.teamId)) continue;
    const tier = careTierIn(memberships, m.teamId);
    if (tier === 'none' || (only && tier !== only)) continue;
    out.push({ teamId: m.teamId, teamName: m.teamName ?? '', programName: m.programName, tier });
  }
  return out;
}

/** Connection statuses that may follow each status (the server checks the same table). */
export const NEXT_CONNECTION_STATUSES: Record<ConnectionStatus, ConnectionStatus[]> = {
  proposed: ['accepted', 'declined'],
  accepted: ['met', 'did_not_attend', 'declined'],
  met: ['completed'],
  completed: [],
  declined: [],
  did_not_attend: [],
};

/** Only the author may edit a contact, and only until `editableUntil` (24 hours). */
export const canEditContact = (contact: Contact, userId: string, now: Date): boolean =>
  contact.author.id === userId && now.getTime() < new Date(contact.editableUntil).getTime();

/** Board order: overdue first (longest overdue first), then by due date, then oldest first. */
export function sortForBoard(items: VoiceItem[]): VoiceItem[] {
  const due = (v: VoiceItem) => (v.dueAt ? new Date(v.dueAt).getTime() : Number.POSITIVE_INFINITY);
  return [...items].sort((a, b) => {
    if (a.isOverdue !== b.isOverdue) return a.isOverdue ? -1 : 1;
    const byDue = due(a) - due(b);
    if (byDue !== 0) return byDue;
    return new Date(a.created.at).getTime() - new Date(b.created.at).getTime();
  });
}

/** The voice loop's visible steps in order, and how far this item has come. */
export const VOICE_LOOP = ['open', 'acknowledged', 'answered', 'returned'] as const;
export const voiceLoopIndex = (status: VoiceItem['status']): number =>
  status === 'withdrawn' ? -1 : VOICE_LOOP.indexOf(status);

// ── Last-used mode and place, remembered on this device ───────────────────────────────────

export const CONTACT_DEFAULTS_KEY = 'alongside.contactDefaults';

export interface ContactDefaults {
  mode: Contact['mode'];
  location: Contact['location'];
  durationMinutes: number;
}

export const FALLBACK_CONTACT_DEFAULTS: ContactDefaults = {
  mode: 'in_person',
  location: 'community',
  durationMinutes: 30,
};

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

const isMode = (v: unknown): v is Contact['mode'] => (CONTACT_MODES as readonly unknown[]).includes(v);
const isLocation = (v: unknown): v is Contact['location'] => (CONTACT_LOCATIONS as readonly unknown[]).includes(v);

/** The last mode, place and duration used on this device, or sensible defaults. */
export function readContactDefaults(storage: StorageLike | undefined): ContactDefaults {
  try {
    const raw = storage?.getItem(CONTACT_DEFAULTS_KEY);
    if (!raw) return FALLBACK_CONTACT_DEFAULTS;
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    const minutes = parsed.durationMinutes;
    return {
      mode: isMode(parsed.mode) ? parsed.mode : FALLBACK_CONTACT_DEFAULTS.mode,
      location: isLocation(parsed.location) ? parsed.location : FALLBACK_CONTACT_DEFAULTS.location,
      durationMinutes:
        typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440
          ? minutes
          : FALLBACK_CONTACT_DEFAULTS.durationMinutes,
    };
  } catch {
    return FALLBACK_CONTACT_DEFAULTS;
  }
}

/** Remembers the mode, place and duration (never the note or the person) for the next contact. */
export function saveContactDefaults(storage: StorageLike | undefined, defaults: ContactDefaults): void {
  try {
    storage?.setItem(CONTACT_DEFAULTS_KEY, JSON.stringify(defaults));
  } catch {
    // Private browsing may refuse storage; the defaults are a convenience only.
  }
}

/** window.localStorage when it can be used. */
export function browserStorage(): StorageLike | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Who may move a connection on (mirrors the server's rule, so only usable buttons are shown):
 * referrals to peer support and service connections are moved by peer staff; a hand-off to a
 * clinician is accepted by the team's clinicians, and later steps are recorded by peer staff or
 * the clinician the person was connected to.
 */
export function canMoveConnection(
  tier: CareTier,
  userId: string,
  connection: { direction: string; target: { id: string } | null; status: ConnectionStatus },
): boolean {
  if (connection.direction === 'to_peer_support' || connection.target === null) return tier === 'peer';
  const isTarget = userId === connection.target.id;
  if (connection.status === 'proposed') return tier === 'clinician' || isTarget;
  return tier === 'peer' || isTarget;
}
