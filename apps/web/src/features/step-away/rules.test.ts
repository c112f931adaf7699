import type { Person, StepAway, TeamMember } from '@alongside/contracts';
import { describe, expect, it } from 'vitest';
import { addDays, coverCandidates, primaryCaseload, returnPlanProblem, suggestedReturnPlan, uncovered } from './rules.ts';

const member = (userId: string, name: string, role: TeamMember['role']): TeamMember => ({
  membershipId: `m-${userId}-${role}`,
  userId,
  name,
  email: `${userId}@x.example`,
  role,
  since: '2026-01-01',
});
const person = (id: string, name: string, psps: { id: string; isPrimary: boolean }[]) =>
  ({ id, preferredName: name, psps: psps.map((p) => ({ ...p, name: p.id })) }) as unknown as Person;
const away = (userId: string, returnedAt: string | null = null) => ({ user: { id: userId, name: userId }, returnedAt }) as StepAway;

describe('step-away rules', () => {
  it('adds days across month ends', () => {
    expect(addDays('2026-01-25', 14)).toBe('2026-02-08');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('needs cover only for persons the PSP is primary PSP for, in name order', () => {
    const persons = [
      person('p1', 'Zoe', [{ id: 'u1', isPrimary: true }]),
      person('p2', 'Ann', [{ id: 'u2', isPrimary: true }, { id: 'u1', isPrimary: false }]),
      person('p3', 'Bea', [{ id: 'u1', isPrimary: true }]),
    ];
    expect(primaryCaseload(persons, 'u1').map((p) => p.id)).toEqual(['p3', 'p1']);
  });

  it('offers other peer staff who are not away, once each, never clinicians or the PSP', () => {
    const members = [
      member('u1', 'Me', 'peer_support_worker'),
      member('u2', 'Kim', 'peer_support_worker'),
      member('u2', 'Kim', 'peer_supervisor'),
      member('u3', 'Lee', 'peer_supervisor'),
      member('u4', 'Nurse', 'nurse'),
      member('u5', 'Away', 'peer_support_worker'),
      member('u6', 'Back', 'peer_support_worker'),
    ];
    expect(coverCandidates(members, 'u1', [away('u5'), away('u6', '2026-01-01')]).map((c) => c.id)).toEqual(['u6', 'u2', 'u3']);
  });

  it('lists persons still without cover', () => {
    expect(uncovered([{ id: 'a' }, { id: 'b' }], { a: 'u2', b: '' })).toEqual(['b']);
  });

  it('suggests half now and all in two weeks, which passes the server rule', () => {
    const plan = suggestedReturnPlan('2026-11-26');
    expect(plan).toEqual([
      { from: '2026-11-26', caseloadPercent: 50 },
      { from: '2026-12-10', caseloadPercent: 100 },
    ]);
    expect(returnPlanProblem(plan)).toBeUndefined();
  });

  it('refuses steps out of order, falling shares and shares outside 1–100', () => {
    expect(returnPlanProblem([{ from: '2026-02-01', caseloadPercent: 50 }, { from: '2026-01-01', caseloadPercent: 100 }])).toBe('order');
    expect(returnPlanProblem([{ from: '2026-01-01', caseloadPercent: 80 }, { from: '2026-02-01', caseloadPercent: 50 }])).toBe('order');
    expect(returnPlanProblem([{ from: '2026-01-01', caseloadPercent: 0 }])).toBe('percent');
    expect(returnPlanProblem([])).toBeUndefined();
  });
});
