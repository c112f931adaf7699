import type { ImportNotice, InstrumentDefinitionInput, Item, Language, LocalizedText } from '@alongside/contracts';
import { parseTags } from './alongside-tags.ts';
import {
  NameRegistry,
  clip,
  UNKNOWN_LICENCE_NOTICE,
  failure,
  finishImport,
  humanise,
  locateFrom,
  plainText,
  toInstrumentKey,
  unknownLicence,
  type ImportOptions,
  type ImportResult,
} from './common.ts';
import { parseCsv, type CsvRecord } from './csv.ts';
import { applyLogic, subscalesFromTags, type TabularDraft } from './tabular-drafts.ts';
import {
  REDCAP_COLUMNS,
  REQUIRED_REDCAP_COLUMNS,
  TRUE_FALSE,
  YES_NO,
  columnKey,
  only,
  type RedcapColumn,
} from './redcap-shared.ts';

// REDCap data dictionary (CSV) → Alongside. One language per dictionary (ImportOptions.language, default en).
// In notices, `column` is the number of the CSV column (1 = the first) and `field` its header.

type Where = Omit<ImportNotice, 'message'>;
type ItemDraft = Omit<Item, 'required' | 'reverse' | 'identifier'> & {
  required: boolean;
  reverse: boolean;
  identifier: boolean;
};

interface Draft extends TabularDraft {
  item: ItemDraft;
  line: number;
  matrix?: string;
  codes: Map<string, string>;
  choices: { code: string; label: string }[];
}

const CHOICE_TYPES = new Set(['radio', 'dropdown', 'checkbox']);

/** Splits `1, Strongly disagree | 2, Disagree` into codes and labels. */
function parseChoices(raw: string): { code: string; label: string }[] | string {
  const choices: { code: string; label: string }[] = [];
  for (const part of raw
    .split(/\||\n/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const comma = part.indexOf(',');
    if (comma < 0) return `"${part}" has no comma between its code and its label`;
    const code = part.slice(0, comma).trim();
    if (!code) return `"${part}" has no code before the comma`;
    choices.push({ code, label: part.slice(comma + 1).trim() });
  }
  if (choices.length === 0) return 'there are no choices';
  return choices;
}

/** What a dictionary's file name says: our own export (`key-v3-redcap-en.csv`) or REDCap's (`Title_DataDictionary_2024-05-01.csv`). */
function namesFromFile(filename: string | undefined): { key?: string; title?: string } {
  const base = filename?.replace(/^.*[\\/]/, '').replace(/\.(csv|txt)$/i, '');
  if (!base) return {};
  const ours = /^([a-z0-9][a-z0-9-]*?)(?:-v\d+)?-redcap-(?:en|fr|nb)$/.exec(base);
  if (ours) return { key: ours[1]! };
  const redcap = /^(.+?)_DataDictionary(?:_\d{4}-\d{2}-\d{2})?$/i.exec(base);
  if (redcap) return { title: humanise(redcap[1]!) };
  return { title: humanise(base) };
}

/** Reads a REDCap data dictionary. */
export function importRedcap(text: string, filename: string | undefined, options: ImportOptions = {}): ImportResult {
  const language: Language = options.language ?? 'en';
  const firstLine = text.slice(0, Math.max(text.indexOf('\n'), 0) || text.length);
  const count = (c: string) => firstLine.split(c).length - 1;
  const delimiter = [';', '\t'].find((c) => count(c) > count(',')) ?? ',';
  const parsed = parseCsv(text, delimiter);
  if (!parsed.ok)
    return failure({ line: parsed.line, column: parsed.column, message: `not a valid CSV file: ${parsed.message}` });
  const [header, ...rows] = parsed.records;
  if (!header) return failure({ message: 'the file is empty' });

  const notices: ImportNotice[] = [];
  const errors: ImportNotice[] = [];
  const columns = new Map<RedcapColumn, number>();
  const extraColumns: number[] = [];
  header.fields.forEach((cell, index) => {
    const column = REDCAP_COLUMNS.find((c) => columnKey(c) === columnKey(cell));
    if (column && !columns.has(column)) columns.set(column, index);
    else if (column)
      errors.push({ line: header.line, column: index + 1, field: cell, message: `the column ${column} appears twice` });
    else if (cell.trim()) {
      extraColumns.push(index);
      notices.push({
        line: header.line,
        column: index + 1,
        field: cell,
        message: 'not a REDCap data dictionary column; its cells were not imported',
      });
    }
  });
  const missing = REQUIRED_REDCAP_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    const opening = header.fields
      .slice(0, 3)
      .map((f) => `"${clip(f, 40)}"`)
      .join(', ');
    const summary =
      columns.size > 0
        ? []
        : [
            {
              line: header.line,
              message:
                columnKey(header.fields[0] ?? '') === 'recordid'
                  ? `this looks like a REDCap records export (its first line starts ${opening}), not a data dictionary; download the Data Dictionary from the project's setup page instead`
                  : `not a REDCap data dictionary: none of its columns are in the first line, which starts ${opening}`,
            },
          ];
    return failure(
      ...summary,
      ...missing.map((column) => ({
        line: header.line,
        field: column,
        message: `the header has no "${column}" column, which a REDCap data dictionary needs`,
      })),
    );
  }
  if (errors.length > 0) return failure(...errors);

  const cell = (row: CsvRecord, column: RedcapColumn) => {
    const index = columns.get(column);
    return index === undefined ? '' : (row.fields[index] ?? '').trim();
  };
  const at = (row: CsvRecord, column: RedcapColumn): Where => ({
    line: row.line,
    column: (columns.get(column) ?? 0) + 1,
    field: column,
  });
  const note = (row: CsvRecord, column: RedcapColumn, message: string) => notices.push({ ...at(row, column), message });

  // Variable names first: a duplicate is an error that names both lines.
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const raw = cell(row, 'Variable / Field Name');
    if (!raw) {
      errors.push({ ...at(row, 'Variable / Field Name'), message: 'this line has no variable name' });
      continue;
    }
    const earlier = firstLineOf.get(raw.toLowerCase());
    if (earlier !== undefined)
      errors.push({
        ...at(row, 'Variable / Field Name'),
        message: `the variable ${raw} appears twice, on lines ${earlier} and ${row.line}`,
      });
    else firstLineOf.set(raw.toLowerCase(), row.line);
    if (!cell(row, 'Form Name')) errors.push({ ...at(row, 'Form Name'), message: 'this line has no form name' });
  }
  if (rows.length === 0) errors.push({ line: header.line, message: 'the dictionary has a header but no fields' });
  if (errors.length > 0) return failure(...errors);

  // REDCap's first field is always the record identifier (record_id): not a question anyone answers.
  const recordId = rows[0]!;
  if (cell(recordId, 'Field Type').toLowerCase() === 'text') {
    note(
      recordId,
      'Variable / Field Name',
      `${cell(recordId, 'Variable / Field Name')} is REDCap's record identifier (the first field); it is not imported as a question`,
    );
    rows.shift();
    if (rows.length === 0)
      return failure({ line: recordId.line, message: 'the dictionary has no fields besides the record identifier' });
  }
  const forms = [...new Set(rows.map((row) => cell(row, 'Form Name')))];
  const multiForm = forms.length > 1;
  const names = new NameRegistry();
  const sectionNames = new NameRegistry();
  const sections: NonNullable<InstrumentDefinitionInput['sections']> = [];
  const sectionWhere = new Map<string, Where>();
  const drafts: Draft[] = [];
  let description: LocalizedText | undefined;
  let currentForm: string | undefined;
  let formSection: string | undefined;
  let currentSection: string | undefined;
  let sectionHasFields = false;

  const label = (row: CsvRecord, column: RedcapColumn, raw: string): string => {
    const { text: plain, changed } = plainText(raw);
    if (changed) note(row, column, 'HTML formatting was removed from this text');
    if (/\[[a-z][a-z0-9_]*(:[a-z-]+)?\]/i.test(plain))
      note(row, column, 'piping ([variable]) is not supported; the text is shown as written');
    return plain;
  };
  const addText = (base: LocalizedText | undefined, more: string): LocalizedText => {
    const existing = base?.[language];
    return { ...base, [language]: existing ? `${existing}\n\n${more}` : more };
  };

  for (const row of rows) {
    const raw = cell(row, 'Variable / Field Name');
    const form = cell(row, 'Form Name');
    if (form !== currentForm) {
      currentForm = form;
      sectionHasFields = false;
      if (multiForm) {
        formSection = sectionNames.claim(form).name;
        sections.push({ id: formSection, title: only(language, humanise(form)) });
        sectionWhere.set(formSection, at(row, 'Form Name'));
      }
      currentSection = formSection;
    }
    const sectionHeader = cell(row, 'Section Header');
    if (sectionHeader) {
      const title = label(row, 'Section Header', sectionHeader);
      const id = sectionNames.claim(title || `${form}_section`).name;
      sections.push({
        id,
        title: only(language, title || humanise(id)),
        ...(formSection ? { parent: formSection } : {}),
      });
      sectionWhere.set(id, at(row, 'Section Header'));
      currentSection = id;
      sectionHasFields = false;
    }
    const type = cell(row, 'Field Type').toLowerCase();
    const fieldLabel = label(row, 'Field Label', cell(row, 'Field Label'));
    if (type === 'descriptive') {
      if (fieldLabel) {
        const section = currentSection ? sections.find((s) => s.id === currentSection) : undefined;
        if (sectionHasFields)
          note(
            row,
            'Field Type',
            `the descriptive field ${raw} was added to the description of ${section ? `the section ${section.id}` : 'the instrument'}; its place among the questions is lost`,
          );
        if (section) section.description = addText(section.description, fieldLabel);
        else description = addText(description, fieldLabel);
      }
      continue;
    }
    if (type === 'calc' || type === 'file' || type === 'sql') {
      const what = { calc: 'a calculated field', file: 'a file upload', sql: 'an SQL field' }[type];
      note(row, 'Field Type', `${raw} is ${what}, which Alongside does not have; it was not imported`);
      continue;
    }
    const claimed = names.claim(raw);
    if (claimed.changed)
      note(row, 'Variable / Field Name', `${raw} is not a valid variable name; imported as ${claimed.name}`);
    const item: ItemDraft = {
      name: claimed.name,
      type: 'text',
      text: only(language, fieldLabel || raw),
      required: cell(row, 'Required Field?').toLowerCase() === 'y' || cell(row, 'Required Field?') === '1',
      reverse: false,
      identifier: cell(row, 'Identifier?').toLowerCase() === 'y' || cell(row, 'Identifier?') === '1',
      ...(currentSection ? { section: currentSection } : {}),
    };
    if (!fieldLabel) note(row, 'Field Label', `${raw} has no label; its variable name is used as its text`);
    const note_ = cell(row, 'Field Note');
    if (note_) item.help = only(language, label(row, 'Field Note', note_));
    const draft: Draft = {
      item,
      raw,
      line: row.line,
      tags: { reverse: false, identifier: false, subscales: [], scores: new Map() },
      codes: new Map(),
      choices: [],
    };
    const choicesCell = cell(row, 'Choices, Calculations, OR Slider Labels');
    const validation = cell(row, 'Text Validation Type OR Show Slider Number').toLowerCase();
    const bound = (column: RedcapColumn): number | undefined => {
      const value = cell(row, column);
      if (!value) return undefined;
      if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
      note(row, column, `"${value}" is not a number; this limit was not imported`);
      return undefined;
    };
    if (CHOICE_TYPES.has(type)) {
      item.type = type === 'checkbox' ? 'multiple' : 'single';
      const choices = parseChoices(choicesCell);
      if (typeof choices === 'string') {
        errors.push({
          ...at(row, 'Choices, Calculations, OR Slider Labels'),
          message: `the choices of ${raw} cannot be read: ${choices}`,
        });
        continue;
      }
      const seen = new Set<string>();
      for (const choice of choices) {
        let code = choice.code.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 32);
        if (seen.has(code) || draft.codes.has(choice.code)) {
          errors.push({
            ...at(row, 'Choices, Calculations, OR Slider Labels'),
            message: `the choices of ${raw} use the code ${choice.code} twice`,
          });
          code = '';
          break;
        }
        if (code !== choice.code)
          note(
            row,
            'Choices, Calculations, OR Slider Labels',
            `the code "${choice.code}" is not a valid Alongside code; imported as ${code}`,
          );
        seen.add(code);
        draft.codes.set(choice.code, code);
        draft.choices.push({
          code,
          label: label(row, 'Choices, Calculations, OR Slider Labels', choice.label) || choice.code,
        });
      }
    } else if (type === 'yesno' || type === 'truefalse') {
      item.type = 'single';
      const [yes, no] = (type === 'yesno' ? YES_NO : TRUE_FALSE)[language];
      draft.choices = [
        { code: '1', label: yes },
        { code: '0', label: no },
      ];
      draft.codes = new Map([
        ['1', '1'],
        ['0', '0'],
      ]);
    } else if (type === 'slider') {
      item.type = 'number';
      item.integer = true;
      item.min = bound('Text Validation Min') ?? 0;
      item.max = bound('Text Validation Max') ?? 100;
      note(
        row,
        'Field Type',
        `${raw} is a slider; imported as a whole number from ${item.min} to ${item.max}${choicesCell ? ', without its slider labels' : ''}`,
      );
    } else if (type === 'text' || type === 'notes') {
      if (
        type === 'text' &&
        (validation === 'integer' || validation === 'number' || /^number_\d+dp/.test(validation))
      ) {
        item.type = 'number';
        if (validation === 'integer') item.integer = true;
        else if (validation !== 'number')
          note(
            row,
            'Text Validation Type OR Show Slider Number',
            `the validation ${validation} (a fixed number of decimals or a decimal comma) was imported as a plain decimal number`,
          );
        const min = bound('Text Validation Min');
        const max = bound('Text Validation Max');
        if (min !== undefined) item.min = min;
        if (max !== undefined) item.max = max;
      } else if (validation) {
        note(
          row,
          'Text Validation Type OR Show Slider Number',
          `the validation ${validation} is not kept; ${raw} was imported as free text`,
        );
      }
    } else {
      errors.push({ ...at(row, 'Field Type'), message: `"${cell(row, 'Field Type')}" is not a REDCap field type` });
      continue;
    }
    if (item.type !== 'number' && (cell(row, 'Text Validation Min') || cell(row, 'Text Validation Max')))
      note(row, 'Text Validation Min', `the validation limits of ${raw} are not kept`);
    const matrix = cell(row, 'Matrix Group Name');
    if (matrix) draft.matrix = matrix;
    if (cell(row, 'Custom Alignment'))
      note(row, 'Custom Alignment', `the alignment ${cell(row, 'Custom Alignment')} is not kept`);
    if (cell(row, 'Question Number (surveys only)'))
      note(row, 'Question Number (surveys only)', 'question numbers are not kept; Alongside numbers questions itself');
    if (cell(row, 'Matrix Ranking?').toLowerCase() === 'y')
      note(row, 'Matrix Ranking?', 'matrix ranking is not supported; answers may repeat');
    const annotation = cell(row, 'Field Annotation');
    if (annotation) {
      const read = parseTags(annotation);
      draft.tags = read.tags;
      for (const problem of read.problems) note(row, 'Field Annotation', problem);
      if (read.otherTags.length)
        note(row, 'Field Annotation', `the action tags ${read.otherTags.join(' ')} are not kept`);
      if (read.rest) note(row, 'Field Annotation', 'the annotation text is not kept');
      if (read.tags.identifier) item.identifier = true;
      item.reverse = read.tags.reverse;
    }
    const logic = cell(row, 'Branching Logic (Show field only if...)');
    if (logic) draft.logic = { text: logic, where: at(row, 'Branching Logic (Show field only if...)') };
    for (const index of extraColumns)
      if ((row.fields[index] ?? '').trim()) {
        notices.push({
          line: row.line,
          column: index + 1,
          field: header.fields[index]!,
          message: 'this cell is in a column REDCap does not have; not imported',
        });
      }
    drafts.push(draft);
    sectionHasFields = true;
  }
  if (errors.length > 0) return failure(...errors);

  // Response scales: a matrix of radio fields with numbered choices, or fields tagged with our scale id.
  const scales: NonNullable<InstrumentDefinitionInput['scales']> = [];
  const scaleNames = new NameRegistry();
  const byMatrix = new Map<string, Draft[]>();
  for (const draft of drafts) {
    const group = draft.matrix ?? (draft.tags.scale ? `@${draft.tags.scale}` : undefined);
    if (group) byMatrix.set(group, [...(byMatrix.get(group) ?? []), draft]);
  }
  for (const [group, members] of byMatrix) {
    const first = members[0]!;
    const signature = JSON.stringify(first.choices);
    const where = { line: first.line, column: (columns.get('Matrix Group Name') ?? 0) + 1, field: 'Matrix Group Name' };
    if (members.some((m) => JSON.stringify(m.choices) !== signature || m.item.type !== first.item.type)) {
      notices.push({
        ...where,
        message: `the fields of the matrix ${group} do not share one field type and set of choices; imported as separate questions`,
      });
      continue;
    }
    if (first.item.type !== 'single' || !first.choices.every((c) => /^-?\d+$/.test(c.code))) continue;
    const points = first.choices.map((c) => {
      const score = first.tags.scores.get(c.code);
      return { value: Number(c.code), label: only(language, c.label), ...(score !== undefined ? { score } : {}) };
    });
    const wanted = first.tags.scale ?? group.replace(/^@/, '');
    const same = scales.find(
      (s) => JSON.stringify(s.points) === JSON.stringify(points) && (!first.tags.scale || s.id === first.tags.scale),
    );
    const id = same?.id ?? scaleNames.claim(wanted).name;
    if (!same) scales.push({ id, points });
    for (const member of members) {
      member.item.type = 'likert';
      member.item.scale = id;
    }
  }
  for (const draft of drafts) {
    if (draft.item.type === 'single' || draft.item.type === 'multiple') {
      draft.item.options = draft.choices.map((c) => {
        const score = draft.tags.scores.get(c.code);
        return { code: c.code, label: only(language, c.label), ...(score !== undefined ? { score } : {}) };
      });
    }
  }

  applyLogic(drafts, 'redcap', notices);
  const annotationColumn = (columns.get('Field Annotation') ?? 0) + 1;
  const { subscales, where: subscaleWhere } = subscalesFromTags(
    drafts,
    (draft) => ({ line: draft.line, column: annotationColumn, field: 'Field Annotation' }),
    language,
    notices,
  );

  const fromFile = namesFromFile(filename);
  const title = fromFile.title ?? (forms.length === 1 ? humanise(forms[0]!) : 'Imported REDCap dictionary');
  notices.push(UNKNOWN_LICENCE_NOTICE);
  const definition: InstrumentDefinitionInput = {
    title: only(language, title),
    ...(description ? { description } : {}),
    sourceLanguage: language,
    languages: [{ code: language, validated: false, method: 'original', staleItems: [] }],
    scales,
    sections,
    items: drafts.map((d) => d.item),
    subscales,
  };
  return finishImport(
    'redcap',
    { key: fromFile.key ?? toInstrumentKey(title), name: title, licence: unknownLicence(), definition },
    notices,
    locateFrom({
      items: drafts.map((d) => ({ line: d.line })),
      itemsByName: new Map(drafts.map((d) => [d.item.name, { line: d.line }])),
      sectionsById: sectionWhere,
      subscalesById: subscaleWhere,
    }),
  );
}
