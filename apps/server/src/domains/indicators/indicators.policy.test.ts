import { describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/actor.ts';
import { canSeeIndicators, percent } from './indicators.policy.ts';

describe('percent', () => {
  it('rounds to one decimal', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(3, 4)).toBe(75);
  });

  it('covers the ends, and has no value without a denominator', () => {
    expect(percent(0, 5)).toBe(0);
    expect(percent(5, 5)).toBe(100);
    expect(percent(0, 0)).toBeNull();
    expect(percent(3, 0)).toBeNull();
  });
});

describe('canSeeIndicators', () => {
  const program = { id: 'p1', organizationId: 'org' };
  const base = {
    userId: 'u',
    name: 'n',
    email: 'e',
    sessionId: 's',
    ip: '::1',
    requestId: 'r',
    isPlatformAdmin: false,
  };
  const member = (role: 'manager' | 'researcher' | 'nurse' | 'peer_support_worker', programId: string): Actor => ({
    ...base,
    memberships: [{ id: 'm', role, organizationId: 'org', programId, teamId: 't' }],
  });

  it('opens to the program’s members of every role', () => {
    for (const role of ['manager', 'researcher', 'nurse', 'peer_support_worker'] as const)
      expect(canSeeIndicators(member(role, 'p1'), program)).toBe(true);
  });

  it('opens to the organization’s administrators and platform administrators', () => {
    expect(
      canSeeIndicators(
        {
          ...base,
          memberships: [{ id: 'm', role: 'org_admin', organizationId: 'org', programId: null, teamId: null }],
        },
        program,
      ),
    ).toBe(true);
    expect(canSeeIndicators({ ...base, isPlatformAdmin: true, memberships: [] }, program)).toBe(true);
  });

  it('is closed to another program’s members and another organization’s administrators', () => {
    expect(canSeeIndicators(member('manager', 'p2'), program)).toBe(false);
    expect(
      canSeeIndicators(
        {
          ...base,
          memberships: [{ id: 'm', role: 'org_admin', organizationId: 'org-2', programId: null, teamId: null }],
        },
        program,
      ),
    ).toBe(false);
  });
});
