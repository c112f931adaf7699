import { describe, expect, it } from 'vitest';
import type { Role } from '@alongside/contracts';
import type { Actor } from '../../lib/actor.ts';
import { canRecordReturn, canStartStepAway, stepAwayView } from './step-aways.policy.ts';

const TEAM = 'team-a';
const actor = (userId: string, roles: Role[], teamId: string | null = TEAM): Actor => ({
  userId,
  name: userId,
  email: `${userId}@x`,
  isPlatformAdmin: false,
  memberships: roles.map((role, i) => ({
    id: `m${i}`,
    role,
    organizationId: 'org',
    programId: 'prog',
    teamId: role === 'org_admin' ? null : teamId,
  })),
  sessionId: 's',
  ip: '::1',
  requestId: 'r',
});

describe('starting a step-away (role × who)', () => {
  it('peer staff start their own, no questions asked', () => {
    expect(canStartStepAway(actor('me', ['peer_support_worker']), TEAM, 'me', undefined)).toBe('allowed');
    expect(canStartStepAway(actor('me', ['peer_supervisor']), TEAM, 'me', undefined)).toBe('allowed');
  });

  it('the team’s peer supervisor starts one for a PSP only with the recorded agreement', () => {
    const supervisor = actor('sup', ['peer_supervisor']);
    expect(canStartStepAway(supervisor, TEAM, 'psp', undefined)).toBe('agreement_required');
    for (const method of ['in_person', 'written', 'verbal'])
      expect(canStartStepAway(supervisor, TEAM, 'psp', method)).toBe('allowed');
  });

  it('a colleague cannot start one for someone else; a supervisor of another team does not see this one', () => {
    expect(canStartStepAway(actor('me', ['peer_support_worker']), TEAM, 'psp', 'verbal')).toBe('forbidden');
    expect(canStartStepAway(actor('sup', ['peer_supervisor'], 'team-b'), TEAM, 'psp', 'verbal')).toBe('not_found');
  });

  it('no other role starts one, not even for themselves', () => {
    const others: Role[] = [
      'nurse',
      'psychiatrist',
      'psychologist',
      'occupational_therapist',
      'social_worker',
      'manager',
      'researcher',
      'org_admin',
    ];
    for (const role of others) {
      expect(canStartStepAway(actor('x', [role]), TEAM, 'psp', 'verbal'), role).toBe('not_found');
      expect(canStartStepAway(actor('x', [role]), TEAM, 'x', undefined), role).toBe('not_found');
    }
    expect(canStartStepAway({ ...actor('admin', []), isPlatformAdmin: true }, TEAM, 'psp', 'verbal')).toBe('not_found');
  });
});

describe('what a reader sees of a step-away', () => {
  const stepAway = { userId: 'psp', teamId: TEAM };
  it('the PSP and the team’s peer supervisors see all of it, and record the return', () => {
    expect(stepAwayView(actor('psp', ['peer_support_worker']), stepAway)).toBe('full');
    // Even after leaving the team, a PSP still sees their own step-away.
    expect(stepAwayView(actor('psp', []), stepAway)).toBe('full');
    expect(stepAwayView(actor('sup', ['peer_supervisor']), stepAway)).toBe('full');
    expect(canRecordReturn(actor('sup', ['peer_supervisor']), stepAway)).toBe(true);
  });

  it('colleagues among peer staff see who covers, not how it started or the return plan', () => {
    expect(stepAwayView(actor('psp2', ['peer_support_worker']), stepAway)).toBe('team');
    expect(canRecordReturn(actor('psp2', ['peer_support_worker']), stepAway)).toBe(false);
  });

  it('clinicians, managers, researchers, administrators and other teams see nothing', () => {
    const others: Role[] = [
      'nurse',
      'psychiatrist',
      'psychologist',
      'occupational_therapist',
      'social_worker',
      'manager',
      'researcher',
      'org_admin',
    ];
    for (const role of others) expect(stepAwayView(actor('x', [role]), stepAway), role).toBe('none');
    expect(stepAwayView(actor('sup', ['peer_supervisor'], 'team-b'), stepAway)).toBe('none');
    expect(stepAwayView({ ...actor('admin', []), isPlatformAdmin: true }, stepAway)).toBe('none');
  });
});
