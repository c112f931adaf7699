import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@alongside/contracts';
import type { Actor } from '../../lib/actor.ts';
import { canCreateOrganization, canManageOrganization, canViewTeamMembers } from './structure.policy.ts';

const ORG = 'org-1';
const OTHER_ORG = 'org-2';
const TEAM = 'team-1';

function actorWith(role: Role | 'platform_admin'): Actor {
  const base = { userId: 'u', name: 'n', email: 'e', sessionId: 's', ip: '::1', requestId: 'r' };
  if (role === 'platform_admin') return { ...base, isPlatformAdmin: true, memberships: [] };
  return {
    ...base,
    isPlatformAdmin: false,
    memberships: [{ id: 'm', role, organizationId: ORG, programId: role === 'org_admin' ? null : 'p', teamId: role === 'org_admin' ? null : TEAM }],
  };
}

// The expected answer for every role: [create organization, manage own org, manage other org, view own team's members, view another team's members]
const TABLE: Record<Role | 'platform_admin', [boolean, boolean, boolean, boolean, boolean]> = {
  platform_admin: [true, true, true, true, true],
  org_admin: [false, true, false, true, true],
  peer_support_worker: [false, false, false, true, false],
  peer_supervisor: [false, false, false, true, false],
  nurse: [false, false, false, true, false],
  psychiatrist: [false, false, false, true, false],
  psychologist: [false, false, false, true, false],
  occupational_therapist: [false, false, false, true, false],
  social_worker: [false, false, false, true, false],
  manager: [false, false, false, true, false],
  researcher: [false, false, false, true, false],
};

describe('structure policy: role × action', () => {
  it('covers every role', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...ROLES, 'platform_admin'].sort());
  });

  for (const [role, expected] of Object.entries(TABLE) as [Role | 'platform_admin', boolean[]][]) {
    it(role, () => {
      const actor = actorWith(role);
      expect([
        canCreateOrganization(actor),
        canManageOrganization(actor, ORG),
        canManageOrganization(actor, OTHER_ORG),
        canViewTeamMembers(actor, { id: TEAM, organizationId: ORG }),
        canViewTeamMembers(actor, { id: 'team-2', organizationId: ORG }),
      ]).toEqual(expected);
    });
  }
});
