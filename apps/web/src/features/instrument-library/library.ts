import type { ImportNotice, Licence, LicenceStatus } from '@alongside/contracts';

// Pure rules of the instrument library page: licences and permissions, and where an import notice points.

/** Whether a licence keeps the instrument out of campaigns until its owners' permission is recorded. */
export function needsPermission(licence: Pick<Licence, 'status' | 'permission'>): boolean {
  if (licence.status === 'conditional' || licence.status === 'proprietary') return true;
  return licence.status === 'permission_recorded' && licence.permission === undefined;
}

/** Whether recording a permission makes sense for this status (free and own instruments need none). */
export const permissionApplies = (status: LicenceStatus): boolean =>
  status === 'conditional' || status === 'proprietary' || status === 'permission_recorded';

/** The licence once a permission is recorded: the rest (attribution, copyright, wording rule) unchanged. */
export function withPermission(licence: Licence, permission: NonNullable<Licence['permission']>): Licence {
  return { ...licence, status: 'permission_recorded', permission };
}

/** The words for the parts of a place in a file, in the interface language. */
export interface PlaceWords {
  sheet: (name: string) => string;
  line: (n: number) => string;
  row: (n: number) => string;
  column: (n: number) => string;
  field: (name: string) => string;
}

/** Where a notice points: "sheet survey, row 4, column 2", "line 12", "field item.3.enableWhen"; '' when nowhere in particular. */
export function noticePlace(notice: ImportNotice, words: PlaceWords): string {
  const parts: string[] = [];
  if (notice.sheet) parts.push(words.sheet(notice.sheet));
  if (notice.line !== undefined) parts.push(notice.sheet ? words.row(notice.line) : words.line(notice.line));
  if (notice.column !== undefined) parts.push(words.column(notice.column));
  if (notice.field) parts.push(words.field(notice.field));
  return parts.join(', ');
}

/** Notices in the order they occur in the file (sheet, then line, then column); those without a place last, as given. */
export function sortNotices(notices: readonly ImportNotice[]): ImportNotice[] {
  const placed = notices.map((n, index) => ({ n, index }));
  const key = (n: ImportNotice) =>
    [n.sheet ?? '\uffff', n.line ?? Number.MAX_SAFE_INTEGER, n.column ?? Number.MAX_SAFE_INTEGER] as const;
  return placed
    .sort((a, b) => {
      const [sa, la, ca] = key(a.n);
      const [sb, lb, cb] = key(b.n);
      return sa.localeCompare(sb) || la - lb || ca - cb || a.index - b.index;
    })
    .map((p) => p.n);
}
