import { toCsv } from './export-csv.ts';
import type { Column, ExportTable } from './export-table.ts';

// codebook.csv: one line per column of the data file, labels in the export's language.

export const CODEBOOK_HEADER = [
  'variable',
  'label',
  'type',
  'values',
  'instruments',
  'groups',
  'subscales',
  'score_items',
  'reverse_keyed',
  'missing',
];

const TYPES: Record<Column['kind'], string> = {
  id: 'text',
  category: 'categorical',
  program: 'text',
  date: 'date (YYYY-MM-DD)',
  likert: 'likert',
  single: 'single choice',
  checkbox: 'checkbox (0/1)',
  number: 'number',
  text: 'free text',
  score: 'subscale score',
};

/**
 * The values of a column as one readable field: "1 = …; 2 = …" (with the instrument's own code in brackets when it
 * differs), or the range of a number item ("0 – 50").
 */
export function valuesText(column: Column, table: ExportTable): string {
  const item = column.item === undefined ? undefined : table.variables.get(column.item)?.item;
  if (item?.type === 'number' && (item.min !== undefined || item.max !== undefined))
    return `${item.min ?? ''} – ${item.max ?? ''}`.trim();
  return column.valueLabels
    .map((v) => `${v.code} = ${v.label}${v.original === undefined ? '' : ` [${v.original}]`}`)
    .join('; ');
}

/** codebook.csv for an export table. */
export function codebookCsv(table: ExportTable): string {
  const rows = table.columns.map((c) => [
    c.name,
    c.label,
    TYPES[c.kind],
    valuesText(c, table),
    c.instruments.join('; '),
    c.groups.join('; '),
    c.subscales.join('; '),
    c.scoreItems.join('; '),
    c.kind === 'likert' || c.kind === 'single' || c.kind === 'number' ? (c.reverse ? 'yes' : 'no') : '',
    c.missing,
  ]);
  return toCsv(CODEBOOK_HEADER, rows);
}
