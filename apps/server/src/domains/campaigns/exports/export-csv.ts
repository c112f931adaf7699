import type { Cell } from './export-table.ts';

// RFC 4180 CSV: comma-separated, CRLF between records, a field quoted when it holds a comma, a quote, a line
// break or surrounding spaces, quotes doubled. UTF-8 without a byte-order mark (R, Stata and REDCap read it as is).

const needsQuotes = /[",\r\n]|^\s|\s$/;

/** One CSV field. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file from a header and rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Line breaks inside text as single spaces: SPSS's GET DATA reads one case per line, so they would split a case. */
export const flattenLineBreaks = (rows: readonly (readonly Cell[])[]): Cell[][] =>
  rows.map((row) => row.map((cell) => (typeof cell === 'string' ? cell.replace(/\r\n|\r|\n/g, ' ') : cell)));
