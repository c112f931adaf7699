import type { Membership } from '@alongside/contracts';
import { describe, expect, it } from 'vitest';
import type { RoleView } from '../features/session/session.ts';
import { bottomBarItems, homePathFor, visibleNav } from './nav.ts';

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
    [['peer_support_worker'], ['home', 'profile', 'people', 'board', 'huddles', 'wellbeing']],
    [['peer_supervisor'], ['home', 'profile', 'psps', 'people', 'board', 'huddles', 'wellbeing']],
    [['nurse'], ['home', 'profile', 'board', 'huddles']],
    [['psychiatrist'], ['home', 'profile', 'board', 'huddles']],
    [['social_worker'], ['home', 'profile', 'board', 'huddles']],
    [['manager'], ['home', 'profile', 'program']],
    [['researcher'], ['home', 'profile', 'campaigns', 'studies', 'program', 'instruments']],
    [['org_admin'], ['home', 'profile']],
    [
      ['nurse', 'manager'],
      ['home', 'profile', 'board', 'huddles', 'program'],
    ],
    [
      ['manager', 'researcher'],
      ['home', 'profile', 'campaigns', 'studies', 'program', 'instruments'],
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

  it('shows "My wellbeing" to peer staff only: it is their own, never a page about others', () => {
    for (const role of ['nurse', 'manager', 'researcher', 'org_admin'] as const) {
      expect(ids(withRoles([role]))).not.toContain('wellbeing');
    }
  });

  it('shows Campaigns and the instrument library to researchers only', () => {
    for (const role of ['peer_support_worker', 'nurse', 'manager', 'org_admin'] as const) {
      expect(ids(withRoles([role]))).not.toContain('campaigns');
      expect(ids(withRoles([role]))).not.toContain('instruments');
    }
    // An organization administrator answers campaigns' invitations on the Organization page, not here.
    expect(ids(withRoles(['org_admin'], { canAdminister: true, adminOrganizationIds: ['o1'] }))).not.toContain('campaigns');
  });

  it('shows Studies to researchers only', () => {
    for (const role of ['peer_support_worker', 'nurse', 'manager', 'org_admin'] as const) {
      expect(ids(withRoles([role]))).not.toContain('studies');
    }
    expect(ids(withRoles(['nurse', 'researcher']))).toContain('studies');
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
    [['researcher'], '/campaigns'],
    [['manager', 'researcher'], '/program'],
    [['nurse', 'researcher'], '/board'],
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

describe('bottomBarItems', () => {
  const bar = (held: Membership['role'][]) => bottomBarItems(withRoles(held)).map((i) => i.id);

  it('holds every role page when they fit', () => {
    expect(bar(['peer_support_worker'])).toEqual(['people', 'board', 'huddles', 'wellbeing']);
    expect(bar(['nurse', 'manager'])).toEqual(['board', 'huddles', 'program']);
    expect(bar(['researcher'])).toEqual(['campaigns', 'studies', 'program', 'instruments']);
  });

  it('leaves huddles to the menu when a peer supervisor would have five', () => {
    expect(bar(['peer_supervisor'])).toEqual(['psps', 'people', 'board', 'wellbeing']);
    expect(ids(withRoles(['peer_supervisor']))).toContain('huddles');
  });

  it('leaves studies and the instrument library to the menu when a researcher has more role pages than fit', () => {
    expect(bar(['nurse', 'researcher'])).toEqual(['board', 'campaigns', 'program']);
    expect(ids(withRoles(['nurse', 'researcher']))).toContain('studies');
    expect(ids(withRoles(['nurse', 'researcher']))).toContain('instruments');
  });

  it('never holds more than four, whatever the roles', () => {
    expect(bar(['peer_supervisor', 'peer_support_worker', 'nurse', 'manager', 'researcher']).length).toBeLessThanOrEqual(4);
  });
});
