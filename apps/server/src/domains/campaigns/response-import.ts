import { parse } from 'csv-parse/sync';
import type { Answers, InstrumentDefinition, Language, StakeholderGroup } from '@alongside/contracts';
import { LANGUAGES, STAKEHOLDER_GROUPS } from '@alongside/contracts';
import { answerProblems, compactAnswers } from './survey-answers.ts';

// Responses collected elsewhere (a REDCap records export, another tool's CSV), checked line by line before
// anything is stored. Columns: the instruments' variable names (checkbox items REDCap-style as `name___code` 0/1),
// plus `program` (id or exact name), `country`, `group`, `language`, and optionally `record_id` (the respondent id
// in the other tool: a second row with the same id is refused, in the file or against earlier imports).

export interface ImportProblem {
  line: number;
  column?: string;
  message: string;
}

export interface ParsedResponse {
  line: number;
  programId: string;
  group: StakeholderGroup;
  language: Language;
  externalId: string | null;
  answers: Answers;
}

export interface ImportContext {
  programs: { id: string; name: string; countryCode: string; joined: boolean }[];
  groups: { group: StakeholderGroup; definition: InstrumentDefinition }[];
  languages: Language[];
  /** Respondent ids already imported into this wave. */
  existingIds: ReadonlySet<string>;
}

const META = new Set(['program', 'country', 'group', 'language', 'record_id', 'redcap_survey_identifier', 'redcap_data_access_group']);
/** A file larger than this is refused before it is read (100,000 responses of 60 items is about 15 MB). */
export const MAX_RESPONSE_FILE_BYTES = 64 * 1024 * 1024;

/** Reads and checks a response file; either every row is valid and parsed, or the problems are listed. */
export function parseResponseFile(bytes: Uint8Array, context: ImportContext): { ok: true; rows: ParsedResponse[] } | { ok: false; problems: ImportProblem[] } {
  if (bytes.byteLength > MAX_RESPONSE_FILE_BYTES) return { ok: false, problems: [{ line: 0, message: `the file is larger than ${MAX_RESPONSE_FILE_BYTES / 1024 / 1024} MB` }] };
  let textContent: string;
  try {
    textContent = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [{ line: lineOfBadByte(bytes), message: 'the file is not UTF-8 text (save it as CSV UTF-8)' }] };
  }
  if (textContent.includes('\u0000')) return { ok: false, problems: [{ line: 1, message: 'the file contains NUL characters: it is not a CSV text file' }] };
  let records: string[][];
  try {
    records = parse(textContent, { bom: true, relax_column_count: false, skip_empty_lines: true });
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return { ok: false, problems: [{ line: e.lines ?? 1, message: `the CSV cannot be read (${(e.message ?? 'malformed').split('\n')[0]!.slice(0, 200)})` }] };
  }
  const [header, ...rows] = records;
  if (!header) return { ok: false, problems: [{ line: 1, message: 'the file is empty' }] };
  const columns = header.map((h) => h.trim());
  const problems: ImportProblem[] = [];
  for (const required of ['program', 'group', 'language']) {
    if (!columns.includes(required)) problems.push({ line: 1, column: required, message: `the column ${required} is missing` });
  }
  const itemsByName = new Map(context.groups.flatMap((g) => g.definition.items.map((i) => [i.name, i] as const)));
  const seen = new Set<string>();
  columns.forEach((column) => {
    if (seen.has(column)) problems.push({ line: 1, column, message: 'the column appears twice' });
    seen.add(column);
    if (META.has(column)) return;
    const base = column.includes('___') ? column.slice(0, column.indexOf('___')) : column;
    const item = itemsByName.get(base);
    if (!item) problems.push({ line: 1, column, message: 'is not a variable of the campaign’s instruments' });
    else if (column !== base && item.type !== 'multiple') problems.push({ line: 1, column, message: `${base} is not a multiple-choice item` });
    else if (item.identifier) problems.push({ line: 1, column, message: 'identifies respondents and is never imported' });
  });
  if (problems.length > 0) return { ok: false, problems };

  const programsById = new Map(context.programs.map((p) => [p.id, p]));
  const programsByName = new Map<string, (typeof context.programs)[number][]>();
  for (const p of context.programs) programsByName.set(p.name, [...(programsByName.get(p.name) ?? []), p]);
  const definitions = new Map(context.groups.map((g) => [g.group, g.definition]));
  const ids = new Set<string>();
  const parsed: ParsedResponse[] = [];
  rows.forEach((cells, index) => {
    const line = index + 2;
    const get = (name: string) => {
      const at = columns.indexOf(name);
      return at < 0 ? '' : (cells[at] ?? '').trim();
    };
    const rowProblems: ImportProblem[] = [];
    const programText = get('program');
    const program = programsById.get(programText) ?? (programsByName.get(programText)?.length === 1 ? programsByName.get(programText)![0] : undefined);
    if (!program) rowProblems.push({ line, column: 'program', message: programsByName.get(programText)?.length ? 'names more than one program: use its id' : 'is not a program of this campaign' });
    else if (!program.joined) rowProblems.push({ line, column: 'program', message: 'has not joined the campaign' });
    const country = get('country');
    if (program && columns.includes('country') && country !== program.countryCode) rowProblems.push({ line, column: 'country', message: `does not match the program’s country (${program.countryCode})` });
    const group = get('group') as StakeholderGroup;
    const definition = definitions.get(group);
    if (!(STAKEHOLDER_GROUPS as readonly string[]).includes(group) || !definition) rowProblems.push({ line, column: 'group', message: 'is not a stakeholder group of this campaign' });
    const language = get('language') as Language;
    if (!(LANGUAGES as readonly string[]).includes(language) || !context.languages.includes(language)) rowProblems.push({ line, column: 'language', message: 'is not a language of this campaign' });
    const externalId = get('record_id') || null;
    if (externalId) {
      if (ids.has(externalId) || context.existingIds.has(externalId)) rowProblems.push({ line, column: 'record_id', message: 'this respondent is already in the wave (duplicate record_id)' });
      ids.add(externalId);
    }
    if (definition) {
      const { answers, problems: valueProblems } = readAnswers(definition, columns, cells, line);
      rowProblems.push(...valueProblems);
      if (valueProblems.length === 0) {
        for (const p of answerProblems(definition, answers, { complete: false })) rowProblems.push({ line, column: p.field, message: p.message });
      }
      if (rowProblems.length === 0) parsed.push({ line, programId: program!.id, group, language, externalId, answers: compactAnswers(answers) });
    }
    problems.push(...rowProblems);
  });
  if (rows.length === 0) problems.push({ line: 2, message: 'the file has no responses' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows: parsed };
}

/** One row's answers for its group's instrument; values typed by item (numbers, codes, `___` columns). */
function readAnswers(definition: InstrumentDefinition, columns: string[], cells: string[], line: number) {
  const answers: Answers = {};
  const problems: ImportProblem[] = [];
  const items = new Map(definition.items.map((i) => [i.name, i]));
  columns.forEach((column, at) => {
    if (META.has(column)) return;
    const raw = (cells[at] ?? '').trim();
    if (raw === '') return;
    const split = column.indexOf('___');
    const name = split < 0 ? column : column.slice(0, split);
    const item = items.get(name);
    if (!item) {
      problems.push({ line, column, message: 'is not asked of this stakeholder group' });
      return;
    }
    if (split >= 0) {
      if (raw !== '0' && raw !== '1') problems.push({ line, column, message: 'must be 0 or 1' });
      else if (raw === '1') answers[name] = [...((answers[name] as string[] | undefined) ?? []), column.slice(split + 3)];
      return;
    }
    if (item.type === 'likert' || item.type === 'number') {
      const value = Number(raw);
      if (!/^-?\d+(\.\d+)?$/.test(raw) || !Number.isFinite(value)) problems.push({ line, column, message: 'must be a number' });
      else answers[name] = value;
    } else if (item.type === 'multiple') {
      answers[name] = raw.split('|').map((c) => c.trim());
    } else {
      answers[name] = raw;
    }
  });
  return { answers, problems };
}

function lineOfBadByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return 1;
}
