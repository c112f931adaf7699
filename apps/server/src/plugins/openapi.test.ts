import { describe, expect, it } from 'vitest';
import { operationIdFor, securityFor } from './openapi.ts';

describe('operationIdFor', () => {
  it('joins the method and the route in camelCase, path parameters after "by"', () => {
    expect(operationIdFor('GET', '/api/me')).toBe('getMe');
    expect(operationIdFor('DELETE', '/api/teams/:id/members/:membershipId')).toBe(
      'deleteTeamsByIdMembersByMembershipId',
    );
    expect(operationIdFor('GET', '/api/audit-events.csv')).toBe('getAuditEventsCsv');
    expect(operationIdFor('POST', '/api/wellbeing/check-ins')).toBe('postWellbeingCheckIns');
  });
});

describe('securityFor', () => {
  it('asks nothing of public routes, the session of reads, and the CSRF header too of writes', () => {
    expect(securityFor('POST', true)).toEqual([]);
    expect(securityFor('GET', false)).toEqual([{ session: [] }]);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
      expect(securityFor(method, false)).toEqual([{ session: [], csrf: [] }]);
  });
});
