import { toCsv } from './export-csv.ts';
import { oneLine } from './syntax-text.ts';
import type { Cell, Column, ExportTable } from './export-table.ts';

// REDCap: the data as a records import (record_id first, choices by their codes, checkboxes as `name___code` 0/1)
// and the data dictionary that describes it, in REDCap's 18 standard columns. Forms: `respondent` for the columns
// of the export itself, one per instrument (an item shared by several instruments stays in the first), `scores`
// for the subscale scores (text fields, number-validated and read-only: REDCap would recompute a calc field
// without the reverse keys and minimum-answered rules). Waves are a field, not REDCap events (a classic project).

export const REDCAP_DICTIONARY_HEADER = [
  'Variable / Field Name',
  'Form Name',
  'Section Header',
  'Field Type',
  'Field Label',
  'Choices, Calculations, OR Slider Labels',
  'Field Note',
  'Text Validation Type OR Show Slider Number',
  'Text Validation Min',
  'Text Validation Max',
  'Identifier?',
  'Branching Logic (Show field only if...)',
  'Required Field?',
  'Custom Alignment',
  'Question Number (surveys only)',
  'Matrix Group Name',
  'Matrix Ranking?',
  'Field Annotation',
];

/** A form name REDCap accepts: lower-case letters, digits and underscores, starting with a letter. */
function formName(label: string, taken: Set<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 50) || 'instrument';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  taken.add(name);
  return name;
}

/** REDCap's choice list: "code, label | code, label" (a pipe in a label would split it, so it becomes a slash). */
const choices = (column: Column) =>
  column.valueLabels.map((v) => `${v.code}, ${oneLine(v.label).replace(/\|/g, '/')}`).join(' | ');

/** The REDCap data CSV: the export table with `record_id` as its first column. */
export function redcapDataCsv(table: ExportTable): string {
  return toCsv(
    table.columns.map((c) => (c.kind === 'id' ? 'record_id' : c.name)),
    table.rows,
  );
}

/** The REDCap data dictionary for the data CSV. */
export function redcapDictionaryCsv(table: ExportTable, scoreNote: string): string {
  const forms = new Map<string, string>();
  const taken = new Set(['respondent', 'scores']);
  const rows: Cell[][] = [];
  const done = new Set<string>();
  for (const column of table.columns) {
    const field = (
      form: string,
      type: string,
      extra: Partial<Record<'choices' | 'note' | 'validation' | 'min' | 'max' | 'annotation', string>> = {},
    ) =>
      rows.push([
        column.kind === 'id' ? 'record_id' : (column.item ?? column.name),
        form,
        '',
        type,
        column.item === undefined ? column.label : table.variables.get(column.item)!.label,
        extra.choices ?? '',
        extra.note ?? '',
        extra.validation ?? '',
        extra.min ?? '',
        extra.max ?? '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        extra.annotation ?? '',
      ]);
    if (column.instruments.length === 0) {
      if (column.kind === 'category') field('respondent', 'dropdown', { choices: choices(column) });
      else if (column.kind === 'date') field('respondent', 'text', { validation: 'date_ymd' });
      else field('respondent', 'text');
      continue;
    }
    if (column.kind === 'score') {
      field('scores', 'text', { validation: 'number', note: scoreNote, annotation: '@READONLY' });
      continue;
    }
    const instrument = column.instruments[0]!;
    const form = forms.get(instrument) ?? formName(instrument, taken);
    forms.set(instrument, form);
    const item = table.variables.get(column.item!)!.item;
    if (done.has(item.name)) continue; // the further checkbox columns of an item already described
    done.add(item.name);
    switch (item.type) {
      case 'likert':
      case 'single':
        field(form, 'radio', { choices: choices(column) });
        break;
      case 'multiple':
        field(form, 'checkbox', {
          choices: choices({ ...column, valueLabels: table.variables.get(item.name)!.valueLabels }),
        });
        break;
      case 'number':
        field(form, 'text', {
          validation: item.integer ? 'integer' : 'number',
          min: item.min === undefined ? '' : String(item.min),
          max: item.max === undefined ? '' : String(item.max),
        });
        break;
      case 'text':
        field(form, 'notes');
        break;
    }
  }
  return toCsv(REDCAP_DICTIONARY_HEADER, rows);
}
