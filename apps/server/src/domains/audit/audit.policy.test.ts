import { describe, expect, it } from 'vitest';
import { ROLES } from '@alongside/contracts';
import type { Actor } from '../../lib/actor.ts';
import { canReadAuditLog } from './audit.policy.ts';

const actor = (role: (typeof ROLES)[number]): Actor => ({
  userId: 'u',
  name: 'n',
  email: 'e',
  sessionId: 's',
  ip: '::1',
  requestId: 'r',
  isPlatformAdmin: false,
  memberships: [{ id: 'm', role, organizationId: 'org-1', programId: null, teamId: role === 'org_admin' ? null : 'team-1' }],
});

describe('audit policy', () => {
  it('only the organization administrator reads its audit log', () => {
    for (const role of ROLES) {
      expect(canReadAuditLog(actor(role), 'org-1'), role).toBe(role === 'org_admin');
      expect(canReadAuditLog(actor(role), 'org-2'), role).toBe(false);
    }
  });
});
