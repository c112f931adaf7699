import { describe, expect, it } from 'vitest';
import type { Role } from '@alongside/contracts';
import type { Actor } from '../../lib/actor.ts';
import { canSeeTeamWorkload, hasOwnWorkload, supervisedTeamIds, workloadFlags } from './workload.policy.ts';

const actor = (roles: [Role, string | null][], programId = 'prog'): Actor => ({
  userId: 'u',
  name: 'u',
  email: 'u@x',
  isPlatformAdmin: false,
  memberships: roles.map(([role, teamId], i) => ({
    id: `m${i}`,
    role,
    organizationId: 'org',
    programId: teamId ? programId : null,
    teamId,
  })),
  sessionId: 's',
  ip: '::1',
  requestId: 'r',
});
const team = { organizationId: 'org', programId: 'prog' };

describe('who sees which workload (role table)', () => {
  const cases: [Role, boolean, boolean, boolean][] = [
    // role, has own workload, supervises the team's PSPs, sees the team distribution
    ['peer_support_worker', true, false, false],
    ['peer_supervisor', true, true, false],
    ['nurse', false, false, false],
    ['psychiatrist', false, false, false],
    ['manager', false, false, true],
    ['researcher', false, false, false],
  ];
  for (const [role, own, supervises, distributionToo] of cases) {
    it(role, () => {
      const a = actor([[role, 'team-a']]);
      expect(hasOwnWorkload(a)).toBe(own);
      expect(supervisedTeamIds(a)).toEqual(supervises ? ['team-a'] : []);
      expect(canSeeTeamWorkload(a, team)).toBe(distributionToo);
    });
  }
  it('organization administrators see team distributions; a manager of another program does not', () => {
    expect(canSeeTeamWorkload(actor([['org_admin', null]]), team)).toBe(true);
    expect(canSeeTeamWorkload(actor([['manager', 'team-x']], 'other-prog'), team)).toBe(false);
    expect(canSeeTeamWorkload({ ...actor([]), isPlatformAdmin: true }, team)).toBe(true);
  });
});

describe('flags', () => {
  const thresholds = { caseload: 15, weeklyContactHours: 25 };
  it('flag only what is above the threshold', () => {
    expect(workloadFlags({ activeCaseload: 15, contactHoursPerWeek: 25 }, thresholds)).toEqual([]);
    expect(workloadFlags({ activeCaseload: 16, contactHoursPerWeek: 25.1 }, thresholds)).toEqual([
      { kind: 'caseload', value: 16, threshold: 15 },
      { kind: 'weekly_contact_hours', value: 25.1, threshold: 25 },
    ]);
  });
});
