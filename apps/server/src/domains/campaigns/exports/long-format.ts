import { toCsv } from './export-csv.ts';
import { codedCells, type Cell, type ExportTable } from './export-table.ts';

// The long file: one line per shown response × item of the instrument that response answered (identifier items
// never), with the value as exported in the wide file and its label in the export's language. A multiple choice
// is one line whose value lists the selected codes, separated by semicolons.

export const LONG_HEADER = [
  'respondent_id',
  'wave',
  'program',
  'country',
  'stakeholder_group',
  'language',
  'variable',
  'value',
  'value_label',
];

/** The long CSV of an export table. */
export function longCsv(table: ExportTable): string {
  const rows: Cell[][] = [];
  for (const record of table.records) {
    const head = [
      record.respondentId,
      record.waveName,
      record.programLabel,
      record.countryCode,
      record.group,
      record.language,
    ];
    for (const item of record.definition.items) {
      const variable = table.variables.get(item.name);
      if (!variable) continue; // an identifier item
      const cells = codedCells(variable, record.answers[item.name]) ?? [];
      const labelOf = (code: Cell) => variable.valueLabels.find((v) => v.code === code)?.label ?? '';
      let value: Cell = cells[0] ?? null;
      let label = value === null ? '' : labelOf(value);
      if (item.type === 'multiple') {
        const chosen = cells.every((c) => c === null) ? null : variable.valueLabels.filter((_, i) => cells[i] === 1);
        value = chosen === null ? null : chosen.map((v) => v.code).join(';');
        label = chosen === null ? '' : chosen.map((v) => v.label).join('; ');
      }
      rows.push([...head, item.name, value, label]);
    }
  }
  return toCsv(LONG_HEADER, rows);
}
