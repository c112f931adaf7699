import { describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/actor.ts';
import { canSeeIndicators, cell, percent, previousPeriod } from './indicators.policy.ts';

describe('cell suppression', () => {
  it('shows zero: an empty cell discloses nobody', () => {
    expect(cell(0, 0, 5)).toEqual({ value: 0, suppressed: false });
    expect(cell(null, 0, 5)).toEqual({ value: null, suppressed: false });
  });

  it('hides cells about 1 to k−1 people, and shows k or more', () => {
    for (const people of [1, 2, 3, 4]) expect(cell(42, people, 5)).toEqual({ value: null, suppressed: true });
    expect(cell(42, 5, 5)).toEqual({ value: 42, suppressed: false });
    expect(cell(42, 6, 5)).toEqual({ value: 42, suppressed: false });
  });

  it('follows the organization’s k', () => {
    expect(cell(7, 2, 3)).toEqual({ value: null, suppressed: true });
    expect(cell(7, 3, 3)).toEqual({ value: 7, suppressed: false });
    expect(cell(7, 9, 10)).toEqual({ value: null, suppressed: true });
    expect(cell(7, 10, 10)).toEqual({ value: 7, suppressed: false });
  });

  it('hides a suppressed cell’s value even when the value is zero or null', () => {
    expect(cell(0, 1, 5)).toEqual({ value: null, suppressed: true });
    expect(cell(null, 4, 5)).toEqual({ value: null, suppressed: true });
  });
});

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

describe('previousPeriod', () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);

  it('is the same length, just before', () => {
    expect(previousPeriod(d('2026-03-01'), d('2026-04-01'))).toEqual({ from: d('2026-01-29'), to: d('2026-03-01') });
    expect(previousPeriod(d('2026-01-01'), d('2026-04-01'))).toEqual({ from: d('2025-10-03'), to: d('2026-01-01') });
  });

  it('for one day is the day before', () => {
    expect(previousPeriod(d('2026-03-02'), d('2026-03-03'))).toEqual({ from: d('2026-03-01'), to: d('2026-03-02') });
  });

  it('crosses a leap day by length in days', () => {
    expect(previousPeriod(d('2024-03-01'), d('2024-03-08'))).toEqual({ from: d('2024-02-23'), to: d('2024-03-01') });
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
