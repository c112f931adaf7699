import type { Licence } from '@alongside/contracts';
import { describe, expect, it } from 'vitest';
import { needsPermission, noticePlace, permissionApplies, sortNotices, withPermission } from './library.ts';

const words = {
  sheet: (s: string) => `sheet ${s}`,
  line: (n: number) => `line ${n}`,
  row: (n: number) => `row ${n}`,
  column: (n: number) => `column ${n}`,
  field: (f: string) => `field ${f}`,
};

describe('licences in the library', () => {
  it('keeps conditional and proprietary instruments out until a permission is recorded', () => {
    expect(needsPermission({ status: 'conditional' })).toBe(true);
    expect(needsPermission({ status: 'proprietary' })).toBe(true);
    expect(needsPermission({ status: 'permission_recorded' })).toBe(true);
    expect(
      needsPermission({
        status: 'permission_recorded',
        permission: { grantedBy: 'A', grantedOn: '2026-01-05', file: 'letter.pdf' },
      }),
    ).toBe(false);
    expect(needsPermission({ status: 'free' })).toBe(false);
    expect(needsPermission({ status: 'own_non_validated' })).toBe(false);
  });

  it('offers to record a permission only where one is needed or already kept', () => {
    expect(
      ['free', 'conditional', 'permission_recorded', 'proprietary', 'own_non_validated'].filter((s) =>
        permissionApplies(s as Licence['status']),
      ),
    ).toEqual(['conditional', 'permission_recorded', 'proprietary']);
  });

  it('records a permission without touching the rest of the licence', () => {
    const licence: Licence = {
      status: 'proprietary',
      attribution: '© Owners',
      copyright: 'All rights reserved',
      wordingEditable: false,
    };
    const permission = { grantedBy: 'Dr. Owner', grantedOn: '2026-02-01', file: 'permissions/2026-02-01.pdf' };
    expect(withPermission(licence, permission)).toEqual({ ...licence, status: 'permission_recorded', permission });
    expect(licence.status).toBe('proprietary');
  });
});

describe('import notices', () => {
  it('says where a notice points, in rows for spreadsheets and lines for text files', () => {
    expect(noticePlace({ sheet: 'survey', line: 4, column: 2, message: '' }, words)).toBe(
      'sheet survey, row 4, column 2',
    );
    expect(noticePlace({ line: 12, message: '' }, words)).toBe('line 12');
    expect(noticePlace({ field: 'item.3.enableWhen', message: '' }, words)).toBe('field item.3.enableWhen');
    expect(noticePlace({ message: 'general' }, words)).toBe('');
  });

  it('lists notices in file order, the ones without a place last and in their own order', () => {
    const sorted = sortNotices([
      { message: 'b' },
      { line: 9, message: 'c' },
      { line: 3, column: 5, message: 'd' },
      { message: 'a' },
      { line: 3, column: 1, message: 'e' },
      { sheet: 'choices', line: 2, message: 'f' },
    ]);
    expect(sorted.map((n) => n.message)).toEqual(['f', 'e', 'd', 'c', 'b', 'a']);
  });
});
