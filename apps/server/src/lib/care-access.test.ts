import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@alongside/contracts';
import type { Actor } from './actor.ts';
import {
  canSeeContactSummary,
  canSeePeerTier,
  canSeePerson,
  canSeeVoiceItem,
  careTeams,
  careTier,
  clinicalRoleIn,
  consentAllowsSharing,
  type CareTier,
} from './care-access.ts';

const TEAM = 'team-1';
const OTHER_TEAM = 'team-2';

function actorWith(role: Role | 'platform_admin', teamId = TEAM): Actor {
  const base = { userId: 'u', name: 'n', email: 'e', sessionId: 's', ip: '::1', requestId: 'r' };
  if (role === 'platform_admin') return { ...base, isPlatformAdmin: true, memberships: [] };
  const isOrg = role === 'org_admin';
  return {
    ...base,
    isPlatformAdmin: false,
    memberships: [
      { id: 'm', role, organizationId: 'org', programId: isOrg ? null : 'p', teamId: isOrg ? null : teamId },
    ],
  };
}

const OPEN = { shareWithCareTeam: 'per_item', lockbox: false };
const NO_SHARING = { shareWithCareTeam: 'none', lockbox: false };
const LOCKBOX = { shareWithCareTeam: 'per_item', lockbox: true };
const SHARED = { shareAgreed: true, withdrawnAt: null };
const UNSHARED = { shareAgreed: false, withdrawnAt: null };
const WITHDRAWN = { shareAgreed: true, withdrawnAt: new Date('2026-01-01T00:00:00Z') };

/**
 * Every role in its own team: [tier, sees the person, sees a lockboxed person, sees peer-tier notes,
 * shared item, unshared item, withdrawn item, shared item under 'none', shared item under lockbox,
 * agreed summary, unagreed summary, agreed summary under 'none', agreed summary under lockbox].
 */
type Row = [
  CareTier,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
];
const PEER: Row = ['peer', true, true, true, true, true, true, true, true, true, true, true, true];
const CLINICIAN: Row = ['clinician', true, false, false, true, false, false, false, false, true, false, false, false];
const NONE: Row = ['none', false, false, false, false, false, false, false, false, false, false, false, false];
const TABLE: Record<Role | 'platform_admin', Row> = {
  peer_support_worker: PEER,
  peer_supervisor: PEER,
  nurse: CLINICIAN,
  psychiatrist: CLINICIAN,
  psychologist: CLINICIAN,
  occupational_therapist: CLINICIAN,
  social_worker: CLINICIAN,
  manager: NONE,
  researcher: NONE,
  org_admin: NONE,
  platform_admin: NONE,
};

describe('care access: role × rule', () => {
  it('covers every role', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...ROLES, 'platform_admin'].sort());
  });

  for (const [role, expected] of Object.entries(TABLE) as [Role | 'platform_admin', Row][]) {
    it(`${role} in its own team`, () => {
      const tier = careTier(actorWith(role), TEAM);
      const actual: Row = [
        tier,
        canSeePerson(tier, OPEN),
        canSeePerson(tier, LOCKBOX),
        canSeePeerTier(tier),
        canSeeVoiceItem(tier, OPEN, SHARED),
        canSeeVoiceItem(tier, OPEN, UNSHARED),
        canSeeVoiceItem(tier, OPEN, WITHDRAWN),
        canSeeVoiceItem(tier, NO_SHARING, SHARED),
        canSeeVoiceItem(tier, LOCKBOX, SHARED),
        canSeeContactSummary(tier, OPEN, { summaryAgreed: true }),
        canSeeContactSummary(tier, OPEN, { summaryAgreed: false }),
        canSeeContactSummary(tier, NO_SHARING, { summaryAgreed: true }),
        canSeeContactSummary(tier, LOCKBOX, { summaryAgreed: true }),
      ];
      expect(actual).toEqual(expected);
    });

    it(`${role} of another team has no tier here`, () => {
      expect(careTier(actorWith(role, OTHER_TEAM), TEAM)).toBe('none');
    });
  }

  it('consent allows sharing only per item and without a lockbox', () => {
    expect(consentAllowsSharing(OPEN)).toBe(true);
    expect(consentAllowsSharing(NO_SHARING)).toBe(false);
    expect(consentAllowsSharing(LOCKBOX)).toBe(false);
    expect(consentAllowsSharing({ shareWithCareTeam: 'none', lockbox: true })).toBe(false);
  });

  it('a peer role wins over a clinical role held in the same team', () => {
    const actor = actorWith('nurse');
    actor.memberships.push({ id: 'm2', role: 'peer_supervisor', organizationId: 'org', programId: 'p', teamId: TEAM });
    expect(careTier(actor, TEAM)).toBe('peer');
    expect(careTeams(actor)).toEqual({ peer: [TEAM], clinician: [] });
    expect(clinicalRoleIn(actor, TEAM)).toBe('nurse');
  });

  it('groups teams by tier, ignoring organization-wide and non-care roles', () => {
    const actor = actorWith('psychiatrist');
    actor.memberships.push(
      { id: 'm2', role: 'peer_support_worker', organizationId: 'org', programId: 'p', teamId: OTHER_TEAM },
      { id: 'm3', role: 'manager', organizationId: 'org', programId: 'p', teamId: 'team-3' },
      { id: 'm4', role: 'org_admin', organizationId: 'org', programId: null, teamId: null },
    );
    expect(careTeams(actor)).toEqual({ peer: [OTHER_TEAM], clinician: [TEAM] });
    expect(careTier(actor, 'team-3')).toBe('none');
    expect(clinicalRoleIn(actor, TEAM)).toBe('psychiatrist');
    expect(clinicalRoleIn(actor, OTHER_TEAM)).toBeNull();
  });

  it('gives nobody a tier without a team membership', () => {
    expect(careTeams(actorWith('platform_admin'))).toEqual({ peer: [], clinician: [] });
    expect(careTeams(actorWith('org_admin'))).toEqual({ peer: [], clinician: [] });
  });
});
