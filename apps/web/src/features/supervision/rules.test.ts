import type { Membership, StepAway, SupervisionSession, TeamMember, Trend } from '@alongside/contracts';
import { describe, expect, it } from 'vitest';
import {
  activeStepAwayByUser,
  coveringColleagues,
  heldAtProblem,
  latestScoredMonth,
  sessionsHeldBy,
  stepAwayPath,
  supervisedTeams,
  supervisionStatusByPsp,
  teamsByPsp,
} from './rules.ts';

const NOW = new Date('2025-06-30T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

let seq = 0;
const session = (pspId: string, heldAt: string, supervisorId = 'sup'): SupervisionSession => ({
  id: `s${String(++seq)}`,
  psp: { id: pspId, name: pspId },
  supervisor: { id: supervisorId, name: supervisorId },
  heldAt,
  kind: 'peer',
  notes: '',
  createdAt: heldAt,
});

describe('supervisionStatusByPsp', () => {
  it('is due when a PSP has no session at all', () => {
    const status = supervisionStatusByPsp(['a'], [], 'sup', NOW).get('a');
    expect(status).toEqual({ last: undefined, isDue: true });
  });

  it('is not due with a session inside the 30 days, and due from the day after', () => {
    const inside = supervisionStatusByPsp(['a'], [session('a', daysAgo(30))], 'sup', NOW).get('a');
    expect(inside?.isDue).toBe(false);
    const outside = supervisionStatusByPsp(['a'], [session('a', daysAgo(30.01))], 'sup', NOW).get('a');
    expect(outside?.isDue).toBe(true);
    expect(outside?.last?.heldAt).toBe(daysAgo(30.01));
  });

  it('keeps the latest session whatever the list order', () => {
    const old = session('a', daysAgo(60));
    const recent = session('a', daysAgo(3));
    const status = supervisionStatusByPsp(['a'], [recent, old], 'sup', NOW).get('a');
    expect(status?.last?.id).toBe(recent.id);
    expect(supervisionStatusByPsp(['a'], [old, recent], 'sup', NOW).get('a')?.last?.id).toBe(recent.id);
  });

  it('ignores sessions dated in the future, with another supervisor, or about other people', () => {
    const status = supervisionStatusByPsp(
      ['a', 'b'],
      [session('a', daysAgo(-2)), session('a', daysAgo(1), 'someone-else'), session('z', daysAgo(1))],
      'sup',
      NOW,
    );
    expect(status.get('a')).toEqual({ last: undefined, isDue: true });
    expect(status.get('b')).toEqual({ last: undefined, isDue: true });
    expect(status.has('z')).toBe(false);
  });
});

describe('sessionsHeldBy', () => {
  it('keeps the supervisor’s own sessions, newest first', () => {
    const a = session('a', daysAgo(10));
    const b = session('b', daysAgo(1));
    const mine = session('sup', daysAgo(2), 'my-supervisor');
    expect(sessionsHeldBy([a, mine, b], 'sup').map((s) => s.id)).toEqual([b.id, a.id]);
  });
});

const membership = (role: Membership['role'], teamId: string | null): Membership => ({
  id: `${role}-${String(teamId)}`,
  role,
  organizationId: 'o',
  organizationName: 'Org',
  countryCode: 'CA',
  programId: teamId ? 'p' : null,
  programName: teamId ? 'Program' : null,
  teamId,
  teamName: teamId ? `Team ${teamId}` : null,
});

const member = (userId: string, role: TeamMember['role']): TeamMember => ({
  membershipId: `${userId}-${role}`,
  userId,
  name: userId,
  email: `${userId}@example.org`,
  role,
  since: NOW.toISOString(),
});

describe('supervised teams and the teams of each PSP', () => {
  it('lists the teams where the user is peer supervisor, once each', () => {
    const ms = [
      membership('peer_support_worker', 't0'),
      membership('peer_supervisor', 't1'),
      membership('nurse', 't1'),
      membership('peer_supervisor', 't2'),
      membership('peer_supervisor', 't1'),
      membership('org_admin', null),
    ];
    expect(supervisedTeams(ms)).toEqual([
      { teamId: 't1', teamName: 'Team t1' },
      { teamId: 't2', teamName: 'Team t2' },
    ]);
  });

  it('with one supervised team, puts every PSP in it without member lists', () => {
    const teams = [{ teamId: 't1', teamName: 'One' }];
    expect(teamsByPsp(teams, new Map(), ['a', 'b']).get('b')).toEqual(teams);
  });

  it('with several, uses the member lists and only the peer support worker role', () => {
    const t1 = { teamId: 't1', teamName: 'One' };
    const t2 = { teamId: 't2', teamName: 'Two' };
    const members = new Map([
      ['t1', [member('a', 'peer_support_worker'), member('b', 'nurse')]],
      ['t2', [member('a', 'peer_support_worker'), member('b', 'peer_support_worker')]],
    ]);
    const byPsp = teamsByPsp([t1, t2], members, ['a', 'b', 'c']);
    expect(byPsp.get('a')).toEqual([t1, t2]);
    expect(byPsp.get('b')).toEqual([t2]);
    expect(byPsp.get('c')).toEqual([]);
  });
});

const stepAway = (userId: string, over: Partial<StepAway> = {}): StepAway => ({
  id: `sa-${userId}`,
  user: { id: userId, name: userId },
  teamId: 't1',
  startsOn: '2025-06-01',
  endsOn: null,
  isActive: true,
  returnedAt: null,
  coverage: [],
  createdAt: NOW.toISOString(),
  version: 1,
  ...over,
});
const cover = (personId: string, id: string, name: string, handedBackAt: string | null = null) => ({
  personId,
  personName: personId,
  coveredBy: { id, name },
  openVoiceItems: 0,
  pendingConnections: 0,
  handedBackAt,
});

describe('step-aways', () => {
  it('finds who is away now, ignoring returned step-aways', () => {
    const byUser = activeStepAwayByUser([
      stepAway('a'),
      stepAway('b', { isActive: false, returnedAt: NOW.toISOString() }),
    ]);
    expect([...byUser.keys()]).toEqual(['a']);
  });

  it('names each covering colleague once, in name order, with their count of persons', () => {
    const s = stepAway('a', {
      coverage: [
        cover('p1', 'u2', 'Sam'),
        cover('p2', 'u1', 'Alex'),
        cover('p3', 'u2', 'Sam'),
        cover('p4', 'u3', 'Kim', NOW.toISOString()),
      ],
    });
    expect(coveringColleagues(s)).toEqual([
      { id: 'u1', name: 'Alex', persons: 1 },
      { id: 'u2', name: 'Sam', persons: 2 },
    ]);
  });

  it('builds the start page link with the PSP and the team', () => {
    expect(stepAwayPath('u 1', 't&2')).toBe('/step-away/new?userId=u+1&teamId=t%262');
  });
});

describe('heldAtProblem', () => {
  it('needs a date that is not in the future', () => {
    expect(heldAtProblem('', NOW)).toBe('required');
    expect(heldAtProblem('nonsense', NOW)).toBe('required');
    expect(heldAtProblem(daysAgo(1), NOW)).toBeUndefined();
    expect(heldAtProblem(new Date(NOW.getTime() + 30_000).toISOString(), NOW)).toBeUndefined();
    expect(heldAtProblem(daysAgo(-1), NOW)).toBe('future');
  });
});

describe('latestScoredMonth', () => {
  const month = (m: string, score: number | null) => ({
    month: m,
    score,
    band: null,
    bandLabel: null,
    checkIns: score === null ? 0 : 1,
    pulses: 0,
    energyMean: null,
    loadMean: null,
  });
  const trend = (months: Trend['months']): Trend => ({
    scaleLabel: 'Strain',
    higherIsWorse: true,
    range: { min: 0, max: 100 },
    threshold: 50,
    months,
  });
  it('skips months without a check-in', () => {
    expect(latestScoredMonth(trend([month('2025-04', 40), month('2025-05', 55), month('2025-06', null)]))?.month).toBe(
      '2025-05',
    );
    expect(latestScoredMonth(trend([month('2025-06', null)]))).toBeUndefined();
  });
});
