import type { Membership } from '@alongside/contracts';
import { describe, expect, it } from 'vitest';
import type { RoleView } from '../features/session/session.ts';
import { homePathFor, visibleNav } from './nav.ts';

const withRoles = (held: Membership['role'][], over: Partial<RoleView> = {}): RoleView => ({
  isPlatformAdmin: false,
  adminOrganizationIds: [],
  canAdminister: false,
  teamMemberships: [],
  hasRole: (...roles) => held.some((r) => roles.includes(r)),
  ...over,
});
const ids = (r: RoleView) => visibleNav(r).flatMap((s) => s.items.map((i) => i.id));

describe('role home pages in the navigation', () => {
  it.each([
    [['peer_support_worker'], ['home', 'profile', 'people', 'board', 'huddles']],
    [['peer_supervisor'], ['home', 'profile', 'psps', 'people', 'board', 'huddles']],
    [['nurse'], ['home', 'profile', 'board', 'huddles']],
    [['psychiatrist'], ['home', 'profile', 'board', 'huddles']],
    [['social_worker'], ['home', 'profile', 'board', 'huddles']],
    [['manager'], ['home', 'profile', 'program']],
    [['researcher'], ['home', 'profile', 'program']],
    [['org_admin'], ['home', 'profile']],
    [
      ['nurse', 'manager'],
      ['home', 'profile', 'board', 'huddles', 'program'],
    ],
  ] as [Membership['role'][], string[]][])('%j sees %j', (held, expected) => {
    expect(ids(withRoles(held))).toEqual(expected);
  });

  it('shows "My PSPs" to peer supervisors only', () => {
    for (const role of ['peer_support_worker', 'nurse', 'manager', 'researcher', 'org_admin'] as const) {
      expect(ids(withRoles([role]))).not.toContain('psps');
    }
    expect(ids(withRoles(['nurse', 'peer_supervisor']))).toContain('psps');
  });

  it('never shows person-level pages to managers or researchers', () => {
    for (const role of ['manager', 'researcher'] as const) {
      expect(ids(withRoles([role]))).not.toContain('people');
      expect(ids(withRoles([role]))).not.toContain('board');
    }
  });
});

describe('homePathFor', () => {
  it.each([
    [['peer_support_worker'], '/people'],
    [['peer_supervisor'], '/psps'],
    [['peer_support_worker', 'peer_supervisor'], '/psps'],
    [['nurse', 'peer_supervisor'], '/psps'],
    [['nurse'], '/board'],
    [['occupational_therapist'], '/board'],
    [['manager'], '/program'],
    [['researcher'], '/program'],
    [['nurse', 'peer_support_worker'], '/people'],
    [['manager', 'psychologist'], '/board'],
    [['org_admin'], undefined],
    [[], undefined],
  ] as [Membership['role'][], string | undefined][])('%j → %s', (held, expected) => {
    expect(homePathFor(withRoles(held))).toBe(expected);
  });

  it('keeps a platform administrator without team roles on the home page', () => {
    expect(homePathFor(withRoles([], { isPlatformAdmin: true, canAdminister: true }))).toBeUndefined();
  });
});
