import { describe, expect, it } from 'vitest';
import { ApiError, apiHref, toQueryString } from '../api/client.ts';
import { isActive, visibleNav, type NavItem } from '../shell/nav.ts';
import type { RoleView } from '../features/session/session.ts';
import { localInputToIsoWithOffset } from './format.ts';
import { safeNextPath } from './paths.ts';

const roles = (over: Partial<RoleView>): RoleView => ({
  isPlatformAdmin: false,
  adminOrganizationIds: [],
  canAdminister: false,
  teamMemberships: [],
  hasRole: () => false,
  ...over,
});

describe('safeNextPath', () => {
  it.each([
    ['/admin/teams', '/admin/teams'],
    ['/admin?x=1', '/admin?x=1'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
  ])('%s → %s', (input, expected) => expect(safeNextPath(input)).toBe(expected));
});

describe('toQueryString', () => {
  it('drops empty values and encodes the rest', () => {
    expect(toQueryString({ a: 'x y', b: '', c: undefined, d: null, e: 5 })).toBe('?a=x+y&e=5');
    expect(toQueryString({})).toBe('');
  });
});

describe('apiHref', () => {
  it('fills in path parameters URL-encoded and adds the query', () => {
    expect(
      apiHref('/api/programs/{id}/indicators.csv', {
        path: { id: 'a b/c' },
        query: { from: '2026-01-01', to: '2026-03-31' },
      }),
    ).toBe('/api/programs/a%20b%2Fc/indicators.csv?from=2026-01-01&to=2026-03-31');
    expect(apiHref('/api/audit-events.csv', { query: { organizationId: 'o', entity: undefined } })).toBe(
      '/api/audit-events.csv?organizationId=o',
    );
  });
});

describe('ApiError.fieldProblems', () => {
  it('reads field details and ignores junk', () => {
    const e = new ApiError(400, 'validation_failed', 'x', [
      { field: 'email', message: 'bad' },
      { nope: 1 },
      'x',
      { message: 'general' },
    ]);
    expect(e.fieldProblems).toEqual([
      { field: 'email', message: 'bad' },
      { field: '', message: 'general' },
    ]);
    expect(new ApiError(400, 'validation_failed', 'x', { not: 'a list' }).fieldProblems).toEqual([]);
  });
});

describe('localInputToIsoWithOffset', () => {
  it('keeps the local wall-clock time and adds the offset', () => {
    const iso = localInputToIsoWithOffset('2024-05-01T09:30');
    expect(iso).toMatch(/^2024-05-01T09:30:00[+-]\d\d:\d\d$/);
    expect(new Date(iso!).getTime()).toBe(new Date('2024-05-01T09:30').getTime());
  });
  it('returns undefined for empty or invalid input', () => {
    expect(localInputToIsoWithOffset('')).toBeUndefined();
    expect(localInputToIsoWithOffset('not a date')).toBeUndefined();
  });
});

describe('navigation', () => {
  const ids = (r: RoleView) => visibleNav(r).flatMap((s) => s.items.map((i) => i.id));
  it('shows only home and profile to a team member', () => {
    expect(ids(roles({}))).toEqual(['home', 'profile']);
  });
  it('adds administration for administrators', () => {
    expect(ids(roles({ canAdminister: true }))).toEqual([
      'home',
      'profile',
      'organizations',
      'programs',
      'teams',
      'users',
      'invitations',
      'outbox',
      'audit',
    ]);
  });
  it('marks the home link active only on "/"', () => {
    const home: NavItem = { id: 'home', to: '/', labelKey: 'nav.home', end: true, isVisible: () => true };
    const teams: NavItem = { id: 'teams', to: '/admin/teams', labelKey: 'nav.teams', isVisible: () => true };
    expect(isActive(home, '/')).toBe(true);
    expect(isActive(home, '/profile')).toBe(false);
    expect(isActive(teams, '/admin/teams/123')).toBe(true);
    expect(isActive(teams, '/admin/teams-old')).toBe(false);
  });
});
