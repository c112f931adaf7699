import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import {
  LANGUAGES,
  type ImportNotice,
  type InstrumentDefinitionInput,
  type Item,
  type Language,
  type LocalizedText,
} from '@alongside/contracts';
import { parseTags } from './alongside-tags.ts';
import {
  NameRegistry,
  UNKNOWN_LICENCE_NOTICE,
  failure,
  finishImport,
  humanise,
  locateFrom,
  toInstrumentKey,
  unknownLicence,
  type ImportOptions,
  type ImportResult,
} from './common.ts';
import { applyLogic, subscalesFromTags, type TabularDraft } from './tabular-drafts.ts';
import { isYes, splitHeader, xlsformLanguage } from './xlsform-shared.ts';

// XLSForm (.xlsx: survey, choices, settings) → Alongside. Rows in notices are 1-based spreadsheet rows.

/** A workbook may unpack to at most this much; a larger one is refused before it is read (zip bombs). */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

type Where = Omit<ImportNotice, 'message'>;
type ItemDraft = Omit<Item, 'required' | 'reverse' | 'identifier'> & {
  required: boolean;
  reverse: boolean;
  identifier: boolean;
};

interface Sheet {
  name: string;
  header: (string | undefined)[];
  rows: { number: number; cells: (string | undefined)[] }[];
}

interface Draft extends TabularDraft {
  item: ItemDraft;
  where: Where;
  list?: string;
  likertHint: boolean;
}

const METADATA = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'phonenumber',
  'username',
  'email',
  'audit',
  'simserial',
  'subscriberid',
  'start-geopoint',
]);
const MEDIA = new Set([
  'geopoint',
  'geotrace',
  'geoshape',
  'image',
  'audio',
  'video',
  'file',
  'barcode',
  'background-audio',
  'acknowledge',
  'rank',
  'calculate',
  'hidden',
  'xml-external',
  'csv-external',
]);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : cellText(value.result);
  if ('text' in value) return cellText(value.text);
  return '';
}

function readSheet(sheet: ExcelJS.Worksheet): Sheet {
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, column) => {
    header[column] = cellText(cell.value).trim();
  });
  const rows: Sheet['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column] = cellText(cell.value);
    });
    if (cells.some((c) => c.trim())) rows.push({ number, cells });
  });
  return { name: sheet.name, header, rows };
}

/** Min and max from a constraint like `. >= 0 and . <= 50`; undefined when it says anything else. */
function readConstraint(text: string, integer: boolean): { min?: number; max?: number } | undefined {
  const out: { min?: number; max?: number } = {};
  for (const part of text.split(/\s+and\s+/i)) {
    const match = /^\s*\.\s*(>=|>|<=|<)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!match) return undefined;
    const value = Number(match[2]);
    if ((match[1] === '>' || match[1] === '<') && !(integer && Number.isInteger(value))) return undefined;
    if (match[1] === '>=') out.min = value;
    else if (match[1] === '>') out.min = value + 1;
    else if (match[1] === '<=') out.max = value;
    else out.max = value - 1;
  }
  return out;
}

/** Reads an XLSForm workbook. */
export async function importXlsform(
  bytes: Uint8Array,
  filename: string | undefined,
  options: ImportOptions = {},
): Promise<ImportResult> {
  let unpacked = 0;
  const found = { workbook: false };
  try {
    unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        if (file.name === 'xl/workbook.xml') found.workbook = true;
        return false;
      },
    });
  } catch {
    return failure({
      message:
        'the file starts like a zip archive (.xlsx) but is damaged or cut short; save the workbook again and import the new file',
    });
  }
  if (!found.workbook)
    return failure({ message: 'a zip archive, but not an Excel workbook (.xlsx); an XLSForm must be saved as .xlsx' });
  if (unpacked > MAX_UNPACKED_BYTES)
    return failure({
      message: `the workbook unpacks to ${(unpacked / 1024 / 1024).toFixed(0)} MB; at most ${MAX_UNPACKED_BYTES / 1024 / 1024} MB is read`,
    });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch {
    return failure({
      message: 'the workbook cannot be read; open it in a spreadsheet program, save it as .xlsx and try again',
    });
  }

  const notices: ImportNotice[] = [];
  const errors: ImportNotice[] = [];
  const sheets = new Map<string, Sheet>();
  workbook.eachSheet((sheet) => {
    const name = sheet.name.trim().toLowerCase();
    if (['survey', 'choices', 'settings'].includes(name)) sheets.set(name, readSheet(sheet));
    else if (sheet.rowCount > 0)
      notices.push({ sheet: sheet.name, message: `the sheet ${sheet.name} is not part of XLSForm; not imported` });
  });
  const survey = sheets.get('survey');
  if (!survey)
    return failure({
      message: `not an XLSForm: the workbook has no sheet named survey (it has ${workbook.worksheets.map((s) => s.name).join(', ') || 'none'})`,
    });
  const choicesSheet = sheets.get('choices');
  const settingsSheet = sheets.get('settings');
  const at = (sheet: Sheet, row: number, column: number | undefined): Where => ({
    sheet: sheet.name,
    line: row,
    ...(column !== undefined ? { column, field: sheet.header[column] ?? '' } : {}),
  });

  // settings: one row of values under the header.
  const settings = new Map<string, { value: string; column: number }>();
  if (settingsSheet) {
    const row = settingsSheet.rows[0];
    settingsSheet.header.forEach((header, column) => {
      const value = (row?.cells[column] ?? '').trim();
      if (!header || !value) return;
      const key = header.toLowerCase();
      if (['form_title', 'form_id', 'version', 'default_language'].includes(key)) settings.set(key, { value, column });
      else notices.push({ ...at(settingsSheet, row!.number, column), message: `the setting ${header} is not kept` });
    });
  }
  const defaultLanguageText = settings.get('default_language')?.value;
  const defaultLanguage = defaultLanguageText ? xlsformLanguage(defaultLanguageText) : undefined;
  if (defaultLanguageText && !defaultLanguage)
    notices.push({
      ...at(settingsSheet!, 2, settings.get('default_language')!.column),
      message: `the default language ${defaultLanguageText} is not one Alongside has (en, fr, nb)`,
    });
  const bareLanguage: Language = defaultLanguage ?? options.language ?? 'en';

  /** Which column holds which language of a text column (`label`, `hint`). */
  const languageColumns = (sheet: Sheet, base: string): Map<Language, number> => {
    const explicit = new Map<Language, number>();
    let bare: number | undefined;
    sheet.header.forEach((header, column) => {
      if (header === undefined) return;
      const split = splitHeader(header);
      if (split.base !== base) return;
      if (split.languageText === undefined) {
        bare = column;
        return;
      }
      const language = xlsformLanguage(split.languageText);
      if (!language)
        notices.push({
          ...at(sheet, 1, column),
          message: `${split.languageText} is not a language Alongside has (en, fr, nb); this column was not imported`,
        });
      else if (explicit.has(language))
        notices.push({ ...at(sheet, 1, column), message: `a second ${base} column for ${language}; not imported` });
      else explicit.set(language, column);
    });
    if (bare !== undefined) {
      if (explicit.has(bareLanguage))
        notices.push({
          ...at(sheet, 1, bare),
          message: `the plain ${base} column repeats ${bareLanguage}, which has its own column; not imported`,
        });
      else explicit.set(bareLanguage, bare);
    }
    return explicit;
  };
  const textFrom = (columns: Map<Language, number>, cells: (string | undefined)[]): LocalizedText | undefined => {
    const out: LocalizedText = {};
    for (const [language, column] of columns) {
      const value = (cells[column] ?? '').trim();
      if (value) out[language] = value;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  };
  const columnOf = (sheet: Sheet, ...bases: string[]) => {
    const index = sheet.header.findIndex(
      (h) => h !== undefined && bases.includes(splitHeader(h).base) && splitHeader(h).languageText === undefined,
    );
    return index >= 0 ? index : undefined;
  };

  const surveyLabels = languageColumns(survey, 'label');
  const surveyHints = languageColumns(survey, 'hint');
  const cols = {
    type: columnOf(survey, 'type'),
    name: columnOf(survey, 'name'),
    required: columnOf(survey, 'required'),
    relevance: columnOf(survey, 'relevant', 'relevance'),
    constraint: columnOf(survey, 'constraint'),
    appearance: columnOf(survey, 'appearance'),
    alongside: columnOf(survey, 'alongside'),
  };
  if (cols.type === undefined || cols.name === undefined)
    return failure({
      sheet: survey.name,
      line: 1,
      message: 'not an XLSForm: the survey sheet needs a type and a name column',
    });
  if (surveyLabels.size === 0)
    return failure({ sheet: survey.name, line: 1, message: 'not an XLSForm: the survey sheet has no label column' });
  const handled = new Set<number>([
    ...Object.values(cols).filter((c): c is number => c !== undefined),
    ...surveyLabels.values(),
    ...surveyHints.values(),
  ]);
  const languages = new Set<Language>([...surveyLabels.keys()]);
  const source: Language =
    defaultLanguage ?? (languages.has(bareLanguage) ? bareLanguage : languages.has('en') ? 'en' : [...languages][0]!);
  languages.add(source);

  // choices: list_name, name, label::…
  const lists = new Map<string, { raw: string; code: string; label: LocalizedText; row: number }[]>();
  if (choicesSheet) {
    const listColumn = columnOf(choicesSheet, 'list_name', 'list name');
    const nameColumn = columnOf(choicesSheet, 'name', 'value');
    const labels = languageColumns(choicesSheet, 'label');
    if (listColumn === undefined || nameColumn === undefined)
      return failure({
        sheet: choicesSheet.name,
        line: 1,
        message: 'the choices sheet needs a list_name and a name column',
      });
    for (const language of labels.keys()) languages.add(language);
    const used = new Set<number>([listColumn, nameColumn, ...labels.values()]);
    const reported = new Set<number>();
    const firstRow = new Map<string, number>();
    for (const row of choicesSheet.rows) {
      const list = (row.cells[listColumn] ?? '').trim();
      const raw = (row.cells[nameColumn] ?? '').trim();
      if (!list || !raw) {
        errors.push({
          ...at(choicesSheet, row.number, list ? nameColumn : listColumn),
          message: 'a choice needs a list_name and a name',
        });
        continue;
      }
      const earlier = firstRow.get(`${list}\u0000${raw}`);
      if (earlier !== undefined)
        errors.push({
          ...at(choicesSheet, row.number, nameColumn),
          message: `the choice ${raw} appears twice in the list ${list}, on rows ${earlier} and ${row.number}`,
        });
      firstRow.set(`${list}\u0000${raw}`, row.number);
      const options = lists.get(list) ?? [];
      let code = raw.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 32);
      while (options.some((o) => o.code === code)) code = `${code.slice(0, 30)}_x`;
      if (code !== raw)
        notices.push({
          ...at(choicesSheet, row.number, nameColumn),
          message: `the choice name "${raw}" is not a valid Alongside code; imported as ${code}`,
        });
      const label = textFrom(labels, row.cells) ?? { [source]: raw };
      if (!textFrom(labels, row.cells))
        notices.push({
          ...at(choicesSheet, row.number, nameColumn),
          message: `the choice ${raw} has no label; its name is used`,
        });
      options.push({ raw, code, label, row: row.number });
      lists.set(list, options);
      row.cells.forEach((value, column) => {
        if (!used.has(column) && value?.trim() && !reported.has(column)) {
          reported.add(column);
          notices.push({
            ...at(choicesSheet, row.number, column),
            message: `the choices column ${choicesSheet.header[column] ?? column} (filters, media) is not imported`,
          });
        }
      });
    }
  }

  const itemNames = new NameRegistry();
  const sectionNames = new NameRegistry();
  const seen = new Map<string, number>();
  const drafts: Draft[] = [];
  const sections: NonNullable<InstrumentDefinitionInput['sections']> = [];
  const sectionWhere = new Map<string, Where>();
  const stack: { id: string; kind: 'group' | 'repeat'; row: number; hasQuestions: boolean }[] = [];
  let description: LocalizedText | undefined;
  let rootHasQuestions = false;
  const append = (base: LocalizedText | undefined, more: LocalizedText): LocalizedText => {
    const out: LocalizedText = { ...base };
    for (const language of LANGUAGES)
      if (more[language]) out[language] = out[language] ? `${out[language]}\n\n${more[language]}` : more[language];
    return out;
  };

  for (const row of survey.rows) {
    const get = (column: number | undefined) => (column === undefined ? '' : (row.cells[column] ?? '').trim());
    const type = get(cols.type).replace(/\s+/g, ' ');
    const raw = get(cols.name);
    const where = at(survey, row.number, cols.type);
    const note = (column: number | undefined, message: string) =>
      notices.push({ ...at(survey, row.number, column), message });
    const [base, list, extra] = type.split(' ');
    const kind = (base ?? '').toLowerCase();
    if (
      kind === 'end_group' ||
      kind === 'end_repeat' ||
      type.toLowerCase() === 'end group' ||
      type.toLowerCase() === 'end repeat'
    ) {
      if (!stack.pop()) errors.push({ ...where, message: `${type} on row ${row.number} closes no open group` });
      continue;
    }
    if (!type) {
      errors.push({ ...where, message: 'this row has no type' });
      continue;
    }
    if (!raw) {
      errors.push({ ...at(survey, row.number, cols.name), message: `the ${type} on this row has no name` });
      continue;
    }
    const earlier = seen.get(raw);
    if (earlier !== undefined) {
      errors.push({
        ...at(survey, row.number, cols.name),
        message: `the name ${raw} appears twice, on rows ${earlier} and ${row.number}`,
      });
      continue;
    }
    seen.set(raw, row.number);
    const label = textFrom(surveyLabels, row.cells);
    const top = stack.at(-1);
    for (const [column, value] of row.cells.entries()) {
      if (value?.trim() && !handled.has(column))
        note(column, `the column ${survey.header[column] ?? column} is not imported`);
    }
    const groupStart = kind === 'begin_group' || kind === 'begin_repeat' || /^begin (group|repeat)$/i.test(type);
    if (groupStart) {
      const repeat = /repeat/i.test(type);
      const own = get(cols.alongside) ? parseTags(get(cols.alongside)).tags.section : undefined;
      const claimed = sectionNames.claim(own ?? raw);
      if (claimed.changed && !own)
        note(cols.name, `the group name ${raw} is not a valid id; imported as ${claimed.name}`);
      sections.push({ id: claimed.name, title: label ?? {}, ...(top ? { parent: top.id } : {}) });
      sectionWhere.set(claimed.name, where);
      stack.push({ id: claimed.name, kind: repeat ? 'repeat' : 'group', row: row.number, hasQuestions: false });
      if (repeat) note(cols.type, `the repeat ${raw} is not supported; its questions are asked once`);
      if (get(cols.relevance))
        note(cols.relevance, `relevance on the group ${raw} is not kept; put it on its questions`);
      const appearance = get(cols.appearance);
      if (appearance && appearance !== 'field-list') note(cols.appearance, `the appearance ${appearance} is not kept`);
      continue;
    }
    if (kind === 'note') {
      if (!label) continue;
      const section = top ? sections.find((s) => s.id === top.id) : undefined;
      if (top ? top.hasQuestions : rootHasQuestions)
        note(
          cols.type,
          `the note ${raw} was added to the description of ${section ? `the section ${section.id}` : 'the form'}; its place among the questions is lost`,
        );
      if (section) section.description = append(section.description, label);
      else description = append(description, label);
      continue;
    }
    if (METADATA.has(kind)) {
      note(cols.type, `${kind} is metadata the phone records; Alongside does not, so ${raw} was not imported`);
      continue;
    }
    if (MEDIA.has(kind) || kind === 'select_one_from_file' || kind === 'select_multiple_from_file') {
      note(cols.type, `${kind} has no equivalent in Alongside; ${raw} was not imported`);
      continue;
    }
    const claimed = itemNames.claim(raw);
    if (claimed.changed) note(cols.name, `${raw} is not a valid variable name; imported as ${claimed.name}`);
    const item: ItemDraft = {
      name: claimed.name,
      type: 'text',
      text: label ?? { [source]: raw },
      required: false,
      reverse: false,
      identifier: false,
      ...(top ? { section: top.id } : {}),
    };
    if (!label) note(cols.name, `${raw} has no label; its name is used as its text`);
    const help = textFrom(surveyHints, row.cells);
    if (help) item.help = help;
    const required = isYes(get(cols.required));
    if (required === undefined)
      note(cols.required, `required = ${get(cols.required)} is an expression; ${raw} was imported as not required`);
    else item.required = required;
    const draft: Draft = {
      item,
      raw,
      where,
      likertHint: false,
      codes: new Map(),
      tags: { reverse: false, identifier: false, subscales: [], scores: new Map() },
    };
    const appearance = get(cols.appearance);
    const constraint = get(cols.constraint);
    if (kind === 'select_one' || kind === 'select_multiple') {
      if (!list || !lists.has(list)) {
        errors.push({ ...where, message: `${type}: the list ${list ?? '(none)'} is not on the choices sheet` });
        continue;
      }
      item.type = kind === 'select_one' ? 'single' : 'multiple';
      draft.list = list;
      if (extra === 'or_other') note(cols.type, 'or_other: the free-text "other" answer is not supported');
      if (appearance.split(/\s+/).includes('likert')) draft.likertHint = true;
      const rest = appearance.split(/\s+/).filter((a) => a && a !== 'likert');
      if (rest.length) note(cols.appearance, `the appearance ${rest.join(' ')} is not kept`);
    } else if (kind === 'integer' || kind === 'decimal' || kind === 'range') {
      item.type = 'number';
      if (kind !== 'decimal') item.integer = true;
      if (kind === 'range') {
        note(cols.type, `the range ${raw} was imported as a whole number; its steps are not kept`);
        item.min = 1;
        item.max = 10;
      }
      if (appearance) note(cols.appearance, `the appearance ${appearance} is not kept`);
    } else if (kind === 'text' || kind === 'date' || kind === 'time' || kind === 'datetime') {
      if (kind !== 'text') note(cols.type, `${kind} has no equivalent in Alongside; ${raw} was imported as free text`);
      if (appearance && appearance !== 'multiline') note(cols.appearance, `the appearance ${appearance} is not kept`);
    } else {
      note(cols.type, `${type} is not an XLSForm type Alongside knows; ${raw} was not imported`);
      continue;
    }
    if (constraint) {
      const bounds = item.type === 'number' ? readConstraint(constraint, item.integer === true) : undefined;
      if (bounds) Object.assign(item, bounds);
      else note(cols.constraint, `the constraint ${constraint} is not kept`);
    }
    const tags = get(cols.alongside);
    if (tags) {
      const read = parseTags(tags);
      draft.tags = read.tags;
      for (const problem of read.problems) note(cols.alongside, problem);
      if (read.otherTags.length || read.rest)
        note(cols.alongside, 'text in the alongside column other than @ALONGSIDE tags is not kept');
      item.reverse = read.tags.reverse;
      item.identifier = read.tags.identifier;
    }
    const relevance = get(cols.relevance);
    if (relevance) draft.logic = { text: relevance, where: at(survey, row.number, cols.relevance) };
    drafts.push(draft);
    // A note after a question (here or in a sub-group) can no longer be the group's opening description.
    rootHasQuestions = true;
    for (const open of stack) open.hasQuestions = true;
  }
  for (const open of stack)
    errors.push({
      ...at(survey, open.row, cols.type),
      message: `the group started on row ${open.row} is never closed (end_group)`,
    });
  if (errors.length > 0) return failure(...errors);

  // Likert: select_one on a numbered list that is marked likert, tagged with our scale, or shared by questions.
  const scales: NonNullable<InstrumentDefinitionInput['scales']> = [];
  const scaleOfList = new Map<string, string>();
  const scaleNames = new NameRegistry();
  const uses = new Map<string, number>();
  for (const d of drafts) if (d.item.type === 'single') uses.set(d.list!, (uses.get(d.list!) ?? 0) + 1);
  for (const draft of drafts) {
    const options = draft.list ? lists.get(draft.list)! : [];
    if (
      draft.item.type === 'single' &&
      options.length >= 2 &&
      options.every((o) => /^-?\d+$/.test(o.raw)) &&
      (draft.likertHint || draft.tags.scale || (uses.get(draft.list!) ?? 0) >= 2)
    ) {
      let id = scaleOfList.get(draft.list!);
      if (!id) {
        id = scaleNames.claim(draft.tags.scale ?? draft.list!).name;
        scaleOfList.set(draft.list!, id);
        scales.push({
          id,
          points: options.map((o) => {
            const score = draft.tags.scores.get(o.raw);
            return { value: Number(o.raw), label: o.label, ...(score !== undefined ? { score } : {}) };
          }),
        });
      }
      draft.item.type = 'likert';
      draft.item.scale = id;
    } else if (draft.list) {
      draft.item.options = options.map((o) => {
        const score = draft.tags.scores.get(o.raw);
        return { code: o.code, label: o.label, ...(score !== undefined ? { score } : {}) };
      });
    }
  }

  for (const draft of drafts)
    draft.codes = new Map((draft.list ? lists.get(draft.list)! : []).map((o) => [o.raw, o.code]));
  applyLogic(drafts, 'xlsform', notices);
  const { subscales, where: subscaleWhere } = subscalesFromTags(
    drafts,
    (draft) => ({ ...draft.where, column: cols.alongside, field: 'alongside' }),
    source,
    notices,
  );

  const formId = settings.get('form_id')?.value;
  const base = filename?.replace(/^.*[\\/]/, '').replace(/\.xlsx$/i, '');
  const title =
    settings.get('form_title')?.value ?? (formId ? humanise(formId) : base ? humanise(base) : 'Imported XLSForm');
  const languageList = [source, ...LANGUAGES.filter((l) => l !== source && languages.has(l))];
  if (languageList.length > 1)
    notices.push({
      sheet: survey.name,
      line: 1,
      field: 'label',
      message: `translations into ${languageList.slice(1).join(', ')} were imported as not validated, of unknown provenance; record how they were made`,
    });
  notices.push(UNKNOWN_LICENCE_NOTICE);
  const definition: InstrumentDefinitionInput = {
    title: { [source]: title },
    ...(description ? { description } : {}),
    sourceLanguage: source,
    languages: languageList.map((code) => ({
      code,
      validated: false,
      method: code === source ? 'original' : 'unknown',
      staleItems: [],
    })),
    scales,
    sections,
    items: drafts.map((d) => d.item),
    subscales,
  };
  return finishImport(
    'xlsform',
    {
      key: toInstrumentKey(formId ?? title),
      name: title.slice(0, 200),
      licence: unknownLicence(),
      definition,
      sourceVersion: settings.get('version')?.value,
    },
    notices,
    locateFrom({
      items: drafts.map((d) => d.where),
      itemsByName: new Map(drafts.map((d) => [d.item.name, d.where])),
      sectionsById: sectionWhere,
      subscalesById: subscaleWhere,
    }),
  );
}
