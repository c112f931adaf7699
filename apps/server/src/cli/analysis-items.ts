import { parse } from 'csv-parse/sync';
import { definitionProblems, type CampaignScale, type InstrumentDefinition, type Item } from '@alongside/contracts';
import { matrixCell, scoreSurveyResponses, ScoringError } from '@alongside/stats';
import type { AnalysisRow } from '@alongside/stats/analysis-design';
import { importInstrument } from '../domains/instruments/formats/index.ts';
import { DataFileError } from './analysis-file.ts';

// `alongside analyze --data FILE --instrument FILE`: a CSV of item answers scored with an instrument (our own JSON,
// read by the parser `instrument import` uses) into subscale scores, which the analysis then takes as its columns.

const REQUIRED = ['program_id', 'country', 'group'] as const;
const MAX_PROBLEMS = 50;

/** Where a problem of the instrument file is ("line 3, column 7, definition.items.2: "), or nothing. */
const at = (notice: { line?: number | undefined; column?: number | undefined; field?: string | undefined }) =>
  [notice.line === undefined ? '' : `line ${notice.line}`, notice.column === undefined ? '' : `column ${notice.column}`, notice.field ?? ''].filter(Boolean).join(', ');

/** An instrument in Alongside's own JSON, checked as an import into the library checks it; its problems with where they are. */
export async function readInstrumentFile(content: Uint8Array, filename: string): Promise<InstrumentDefinition> {
  const problem = (message: string) => new DataFileError([message], 'The instrument file');
  const result = await importInstrument(content, filename);
  if (!result.ok) throw new DataFileError(result.errors.map((e) => `${at(e) || 'the file'}: ${e.message}`), 'The instrument file');
  if (result.format !== 'json') throw problem(`the file: is a ${result.format} instrument; give the instrument in Alongside’s own JSON (as the instrument library exports it)`);
  const problems = definitionProblems(result.definition);
  if (problems.length > 0) throw new DataFileError(problems.map((p) => `definition.${p.path}: ${p.message}`), 'The instrument file');
  return result.definition;
}

/** The instrument's subscales as the analysis names its scales (id, name, whether it is an outcome). */
export const instrumentScales = (definition: InstrumentDefinition): CampaignScale[] =>
  definition.subscales.map((s) => ({ key: s.id, name: s.name, outcome: s.outcome, groups: [] }));

/** A cell's answer as the item's data holds it, or why it cannot be one. */
function answerOf(item: Item, cell: string, definition: InstrumentDefinition): { answer: unknown } | { problem: string } {
  const shown = `“${cell.slice(0, 20)}”`;
  switch (item.type) {
    case 'likert': {
      const points = definition.scales.find((s) => s.id === item.scale)?.points.map((p) => p.value) ?? [];
      const value = Number(cell);
      return points.includes(value) ? { answer: value } : { problem: `${shown} is not a point of scale ${item.scale ?? '?'} (${points.join(', ')})` };
    }
    case 'single': {
      const codes = (item.options ?? []).map((o) => o.code);
      return codes.includes(cell) ? { answer: cell } : { problem: `${shown} is not one of the item’s options (${codes.join(', ')})` };
    }
    case 'number': {
      const value = Number(cell);
      if (!Number.isFinite(value)) return { problem: `${shown} is not a number` };
      if ((item.min !== undefined && value < item.min) || (item.max !== undefined && value > item.max))
        return { problem: `${shown} is outside the item’s range (${item.min ?? '−∞'} to ${item.max ?? '∞'})` };
      if (item.integer && !Number.isInteger(value)) return { problem: `${shown} is not a whole number` };
      return { answer: value };
    }
    case 'multiple':
    case 'text':
      // Not scored: carried, never used by the analysis.
      return { answer: cell };
  }
}

/**
 * One row per respondent: `program_id`, `country`, `group` and one column per item of the instrument (its name; an
 * empty cell is unanswered); every item of the subscales analysed must have its column. Each answer is checked against
 * its item and every problem reported with its line and column; nothing of the file is used when there is one. The
 * rows' values are the subscale scores (null when too few items were answered), as a campaign's responses are scored.
 */
export function readItemAnswersCsv(content: Uint8Array, definition: InstrumentDefinition, scales: readonly string[]): AnalysisRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it ends (csv-parse's types do not say so).
    records = parse(Buffer.from(content), { bom: true, skip_empty_lines: true, relax_column_count: false, info: true }) as unknown as typeof records;
  } catch (error) {
    throw new DataFileError([`not a readable CSV: ${(error as Error).message}`]);
  }
  const [first, ...lines] = records;
  if (!first) throw new DataFileError(['the file is empty']);
  const header = first.record.map((h) => h.trim());
  const items = new Map(definition.items.map((item) => [item.name, item]));
  const problems: string[] = [];
  header.forEach((name, i) => {
    if (header.indexOf(name) !== i) problems.push(`line 1, column ${i + 1}: ${name} is a second column of that name`);
    else if (!items.has(name) && !(REQUIRED as readonly string[]).includes(name))
      problems.push(`line 1, column ${i + 1}: “${name.slice(0, 40)}” is not an item of the instrument (nor program_id, country or group)`);
  });
  for (const name of REQUIRED) if (!header.includes(name)) problems.push(`line 1: no column ${name}`);
  for (const scale of scales)
    for (const item of definition.subscales.find((s) => s.id === scale)?.items ?? [])
      if (!header.includes(item)) problems.push(`line 1: no column ${item} (an item of ${scale})`);
  if (problems.length > 0) throw new DataFileError(problems);

  const columnOf = (name: string) => header.indexOf(name);
  const itemColumns = header.flatMap((name, column) => {
    const item = items.get(name);
    return item ? [{ item, column }] : [];
  });
  // A quoted cell may hold line breaks: a record starts that many lines before the one it ends on.
  const lineOf = (entry: (typeof records)[number]) => entry.info.lines - entry.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  const answers = lines.map((entry) => {
    const line = lineOf(entry);
    for (const name of REQUIRED) if (!(entry.record[columnOf(name)] ?? '').trim()) problems.push(`line ${line}, column ${columnOf(name) + 1} (${name}): is empty`);
    const answered: Record<string, unknown> = {};
    for (const { item, column } of itemColumns) {
      const cell = (entry.record[column] ?? '').trim();
      if (cell === '') continue;
      const coded = answerOf(item, cell, definition);
      if ('problem' in coded) problems.push(`line ${line}, column ${column + 1} (${item.name}): ${coded.problem}`);
      else answered[item.name] = coded.answer;
    }
    return answered;
  });
  if (problems.length > 0) throw tooMany(problems);

  let scores: ReturnType<typeof scoreSurveyResponses>;
  try {
    scores = scoreSurveyResponses(definition, answers);
  } catch (error) {
    if (!(error instanceof ScoringError)) throw error;
    // The checks above match scoring's; should they ever differ, scoring's word is reported where it points.
    const found = /^responses\[(\d+)\]\.(\w+): (.*)$/.exec(error.message);
    const entry = found ? lines[Number(found[1])] : undefined;
    throw new DataFileError([found && entry ? `line ${lineOf(entry)}, column ${columnOf(found[2]!) + 1} (${found[2]!}): ${found[3]!}` : `the instrument: ${error.message}`]);
  }
  return lines.map(({ record }, i): AnalysisRow => ({
    program: (record[columnOf('program_id')] ?? '').trim(),
    country: (record[columnOf('country')] ?? '').trim(),
    group: (record[columnOf('group')] ?? '').trim(),
    values: Object.fromEntries(
      scores.layout.subscales.map((subscale, column) => {
        const score = matrixCell(scores.subscales, i, column);
        return [subscale.id, Number.isNaN(score) ? null : score];
      }),
    ),
  }));
}

const tooMany = (problems: string[]) =>
  new DataFileError(problems.slice(0, MAX_PROBLEMS).concat(problems.length > MAX_PROBLEMS ? [`… and ${problems.length - MAX_PROBLEMS} more`] : []));
