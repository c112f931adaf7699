import { describe, expect, it } from 'vitest';
import { bandSeries, completedMonths, defaultMonth, spreadOf, teamAccess, withheldReason } from './sustainability.ts';

describe('completedMonths', () => {
  it('lists the months before the current one, newest first', () => {
    expect(completedMonths(new Date('2025-03-15T12:00:00Z'), 4)).toEqual(['2025-02', '2025-01', '2024-12', '2024-11']);
  });

  it('counts in UTC, as the server does, whatever the local time zone', () => {
    // 23:30 on 31 May in UTC is already June in Oslo: the last completed month is still April.
    expect(completedMonths(new Date('2025-05-31T23:30:00Z'), 1)).toEqual(['2025-04']);
    expect(completedMonths(new Date('2025-06-01T00:00:00Z'), 1)).toEqual(['2025-05']);
  });

  it('crosses the year in January', () => {
    expect(completedMonths(new Date('2026-01-02T00:00:00Z'), 2)).toEqual(['2025-12', '2025-11']);
  });
});

describe('defaultMonth', () => {
  const months = ['2025-05', '2025-04', '2025-03', '2025-02'];

  it('is the last completed month when the period runs to today', () => {
    expect(defaultMonth(months, '2025-06-10')).toBe('2025-05');
  });

  it('is the period’s last month when that month is over', () => {
    expect(defaultMonth(months, '2025-03-31')).toBe('2025-03');
  });

  it('is the oldest month offered when the period is older', () => {
    expect(defaultMonth(months, '2024-12-31')).toBe('2025-02');
  });

  it('is undefined when no month is offered', () => {
    expect(defaultMonth([], '2025-03-31')).toBeUndefined();
  });
});

describe('teamAccess', () => {
  const team = { id: 't1', programId: 'p1', organizationId: 'o1' };
  const m = (role: string, scope: { organizationId?: string; programId?: string | null; teamId?: string | null }) => ({
    role: role as never,
    organizationId: scope.organizationId ?? 'o1',
    programId: scope.programId ?? null,
    teamId: scope.teamId ?? null,
  });

  it.each([
    ['manager of the team', [m('manager', { programId: 'p1', teamId: 't1' })], true, true],
    ['manager of another team of the program', [m('manager', { programId: 'p1', teamId: 't2' })], true, true],
    ['peer supervisor of the team', [m('peer_supervisor', { programId: 'p1', teamId: 't1' })], true, false],
    [
      'peer supervisor of another team of the program',
      [m('peer_supervisor', { programId: 'p1', teamId: 't2' })],
      false,
      false,
    ],
    ['researcher of the team', [m('researcher', { programId: 'p1', teamId: 't1' })], false, false],
    ['PSP of the team', [m('peer_support_worker', { programId: 'p1', teamId: 't1' })], false, false],
    ['administrator of the organization', [m('org_admin', {})], true, true],
    ['administrator of another organization', [m('org_admin', { organizationId: 'o2' })], false, false],
    ['manager in another program', [m('manager', { programId: 'p2', teamId: 't9' })], false, false],
  ])('%s', (_, memberships, wellbeing, workload) => {
    expect(teamAccess(memberships, team)).toEqual({ wellbeing, workload });
  });
});

describe('withheldReason', () => {
  it('tells an open month from too few responses', () => {
    expect(withheldReason('period_not_over')).toBe('notOver');
    expect(withheldReason('small_group')).toBe('notEnough');
    expect(withheldReason('overlapping_group')).toBe('notEnough');
  });
});

describe('spreadOf', () => {
  it('hides a suppressed distribution', () => {
    expect(spreadOf({ median: null, p25: null, p75: null, suppressed: true })).toEqual({ kind: 'hidden' });
  });

  it('says when nothing was recorded', () => {
    expect(spreadOf({ median: null, p25: null, p75: null, suppressed: false })).toEqual({ kind: 'none' });
  });

  it('keeps median and quartiles', () => {
    expect(spreadOf({ median: 12, p25: 9.5, p75: 15, suppressed: false })).toEqual({
      kind: 'shown',
      median: 12,
      p25: 9.5,
      p75: 15,
    });
  });
});

describe('bandSeries', () => {
  it('keeps hidden band counts as gaps, never zeros', () => {
    expect(bandSeries([{ count: 6 }, { count: null }, { count: 0 }])).toEqual({
      values: [6, null, 0],
      anyHidden: true,
    });
    expect(bandSeries([{ count: 6 }, { count: 5 }])).toEqual({ values: [6, 5], anyHidden: false });
  });
});
