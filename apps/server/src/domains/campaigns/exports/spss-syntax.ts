import { byteLength, chunks, commentLine, truncateBytes } from './syntax-text.ts';
import type { Cell, Column, ExportTable } from './export-table.ts';
import { ExportError } from './export.types.ts';

// SPSS syntax over the data CSV: GET DATA reads it (UTF-8, comma-delimited, quoted text), then VARIABLE LABELS,
// VALUE LABELS, MISSING VALUES (blank free text) and VARIABLE LEVEL. Strings are double-quoted with quotes doubled;
// a line break in a label becomes SPSS's own `\n`; long labels are cut into quoted pieces joined by `+` so that no
// syntax line grows long; labels are shortened to SPSS's limits (256 bytes, value labels 120) — codebook.csv keeps
// them whole.

/** A label as an SPSS string literal (pieces joined by `+` when long). */
export function spssString(text: string, maxBytes: number): string {
  const label = truncateBytes(text.replace(/\r\n|\r|\n/g, '\\n'), maxBytes);
  return chunks(label, 60)
    .map((piece) => `"${piece.replace(/"/g, '""')}"`)
    .join(' +\n    ');
}

/** The input format of a column, sized from its data. */
function spssFormat(column: Column, index: number, rows: readonly (readonly Cell[])[]): string {
  if (column.kind === 'date') return 'SDATE10';
  let widest = 1;
  let decimals = 0;
  for (const row of rows) {
    const value = row[index];
    if (value === null || value === undefined) continue;
    const text = String(value);
    widest = Math.max(widest, column.numeric ? text.length + 1 : byteLength(text));
    if (column.numeric && text.includes('.')) decimals = Math.max(decimals, text.split('.')[1]!.length);
  }
  return column.numeric
    ? `F${Math.min(40, Math.max(8, widest))}.${Math.min(16, decimals)}`
    : `A${Math.min(32767, widest)}`;
}

/** SPSS's reserved keywords, which cannot name a variable (the contract's variable names could take them). */
const RESERVED = new Set(['all', 'and', 'by', 'eq', 'ge', 'gt', 'le', 'lt', 'ne', 'not', 'or', 'to', 'with']);

/** The .sps file that reads `dataFile` and labels it. */
export function spssSyntax(table: ExportTable, dataFile: string, heading: string[]): string {
  const { columns, rows } = table;
  const reserved = columns.find((c) => RESERVED.has(c.name));
  if (reserved)
    throw new ExportError(
      `${reserved.name} cannot name a variable in SPSS (a reserved word): rename the item in a new instrument version`,
    );
  const lines = heading.map((h) => `* ${commentLine(h).replace(/\.+$/, '')}.`);
  lines.push(
    '',
    'GET DATA',
    '  /TYPE=TXT',
    `  /FILE="${dataFile}"`,
    "  /ENCODING='UTF8'",
    '  /ARRANGEMENT=DELIMITED',
    '  /DELCASE=LINE',
    '  /FIRSTCASE=2',
    "  /DELIMITERS=','",
    `  /QUALIFIER='"'`,
    '  /VARIABLES=',
    ...columns.map((c, i) => `    ${c.name} ${spssFormat(c, i, rows)}`),
    '.',
    'DATASET NAME survey WINDOW=FRONT.',
    '',
    'VARIABLE LABELS',
    columns.map((c, i) => `${i ? '  /' : '  '}${c.name} ${spssString(c.label, 256)}`).join('\n'),
    '.',
  );
  const labelled = columns.filter((c) => c.valueLabels.length > 0);
  if (labelled.length) {
    lines.push(
      '',
      'VALUE LABELS',
      labelled
        .map(
          (c, i) =>
            `${i ? '  /' : '  '}${c.name}\n${c.valueLabels.map((v) => `    ${v.code} ${spssString(v.label, 120)}`).join('\n')}`,
        )
        .join('\n'),
      '.',
    );
  }
  // A blank answer to a free-text item is a blank string to SPSS, not a missing value, unless declared so.
  const text = columns.filter((c) => c.kind === 'text');
  if (text.length) lines.push('', `MISSING VALUES ${text.map((c) => `${c.name} (" ")`).join('\n  /')}.`);
  const levels = (['NOMINAL', 'ORDINAL', 'SCALE'] as const)
    .map((level) => [level, columns.filter((c) => c.level.toUpperCase() === level).map((c) => c.name)] as const)
    .filter(([, names]) => names.length > 0);
  lines.push(
    '',
    `VARIABLE LEVEL ${levels.map(([level, names]) => `${names.join(' ')} (${level})`).join('\n  /')}.`,
    '',
    'EXECUTE.',
    '',
  );
  return lines.join('\n');
}
