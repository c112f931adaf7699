import { describe, expect, it } from 'vitest';
import type { StudyRole } from '@alongside/contracts';
import { canManageStudy, canReadStudy } from './studies.policy.ts';

describe('study roles × actions', () => {
  const table: [StudyRole | undefined, { read: boolean; manage: boolean }][] = [
    ['lead', { read: true, manage: true }],
    ['coder', { read: true, manage: false }],
    ['reader', { read: true, manage: false }],
    [undefined, { read: false, manage: false }],
  ];
  it.each(table)('%s', (role, expected) => {
    expect({ read: canReadStudy(role), manage: canManageStudy(role) }).toEqual(expected);
  });
});
