import { describe, expect, it } from 'vitest';
import { canRecordSupervisionSession, canSeeSupervisionSession, SUPERVISOR_ROLES } from './supervision.policy.ts';

describe('supervision policy', () => {
  const session = { pspId: 'psp', supervisorId: 'sup' };

  it('the PSP and that supervisor read and record the session; nobody else', () => {
    for (const reader of ['psp', 'sup']) {
      expect(canSeeSupervisionSession(reader, session)).toBe(true);
      expect(canRecordSupervisionSession(reader, session)).toBe(true);
    }
    for (const reader of ['other-supervisor', 'manager', 'org-admin', 'colleague']) {
      expect(canSeeSupervisionSession(reader, session)).toBe(false);
      expect(canRecordSupervisionSession(reader, session)).toBe(false);
    }
  });

  it('peer supervisors and clinicians supervise; managers, researchers and PSPs do not', () => {
    expect([...SUPERVISOR_ROLES]).toContain('peer_supervisor');
    expect([...SUPERVISOR_ROLES]).toContain('nurse');
    for (const role of ['manager', 'researcher', 'peer_support_worker', 'org_admin'])
      expect([...SUPERVISOR_ROLES]).not.toContain(role);
  });
});
