import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { COUNTRY_CODES, LANGUAGES, PROGRAM_SETTINGS, STAKEHOLDER_GROUPS } from '@alongside/contracts';
import type { InstrumentDefinition, Item, Language, StakeholderGroup } from '@alongside/contracts';
import { placeRows } from './export-disclosure.ts';
import { WORDS, localize } from './export-labels.ts';
import {
  ExportError,
  type DisclosureReport,
  type ExportAnswer,
  type ExportDataset,
  type ExportOptions,
} from './export.types.ts';
import { scoreSurveyResponses, ScoringError } from '@alongside/stats';

// The one table every format is written from: its columns (names, labels, codes and value labels in the chosen
// language) and one row per shown response. What is never in it: items marked `identifier`, database ids of
// responses, invitations or programs, e-mails, and any moment finer than the day — the day itself only in the
// identified mode, where a response is linked to its invitation anyway; the anonymous modes carry no date at all.

export type Cell = string | number | null;
export type ColumnKind =
  'id' | 'category' | 'program' | 'date' | 'likert' | 'single' | 'checkbox' | 'number' | 'text' | 'score';

export interface ValueLabel {
  code: number;
  label: string;
  /** The code in the instrument definition, when it differs from the exported number. */
  original?: string;
}

export interface Column {
  name: string;
  kind: ColumnKind;
  label: string;
  numeric: boolean;
  level: 'nominal' | 'ordinal' | 'scale';
  valueLabels: ValueLabel[];
  /** Items and checkbox columns: the item; score columns: undefined. */
  item?: string;
  instruments: string[];
  groups: StakeholderGroup[];
  /** Items: the subscales they count in; scores: the items they are made of. */
  subscales: string[];
  scoreItems: string[];
  reverse: boolean;
  missing: string;
}

/** One shown response, as the long format needs it. */
export interface ExportRecord {
  respondentId: string;
  waveName: string;
  programLabel: string;
  countryCode: string;
  group: StakeholderGroup;
  language: Language;
  definition: InstrumentDefinition;
  answers: Record<string, ExportAnswer>;
}

export interface ItemVariable {
  item: Item;
  /** The item's wording in the export's language. */
  label: string;
  /** Exported number of each choice code (single and multiple choice). */
  codes: Map<string, number>;
  valueLabels: ValueLabel[];
  signature: string;
}

export interface ExportTable {
  columns: Column[];
  rows: Cell[][];
  records: ExportRecord[];
  variables: Map<string, ItemVariable>;
  report: DisclosureReport;
}

/** Names the export itself uses; an item or subscale of the same name is refused rather than renamed. */
export const META_COLUMNS = [
  'respondent_id',
  'record_id',
  'wave',
  'program',
  'country',
  'setting',
  'stakeholder_group',
  'language',
  'submitted_on',
];

const instrumentLabel = (entry: ExportDataset['groups'][number]) => `${entry.instrumentName} v${entry.versionNumber}`;

/**
 * Choice codes as numbers (Stata labels only numbers; REDCap and checkbox column names want plain codes): the codes
 * themselves when all are whole numbers below 1000 (so that `name___code` stays within Stata's 32 characters),
 * else positions 1, 2, … — the codebook shows the original code beside each.
 */
function choiceCodes(item: Item): Map<string, number> {
  const options = item.options ?? [];
  const numeric = options.every((o) => /^(0|[1-9][0-9]{0,2})$/.test(o.code));
  return new Map(options.map((o, i) => [o.code, numeric ? Number(o.code) : i + 1]));
}

function itemVariable(definition: InstrumentDefinition, item: Item, language: Language): ItemVariable {
  const label = localize(item.text, language, definition);
  if (item.type === 'likert') {
    const points = definition.scales.find((s) => s.id === item.scale)?.points ?? [];
    return {
      item,
      label,
      codes: new Map(),
      valueLabels: points.map((p) => ({ code: p.value, label: localize(p.label, language, definition) })),
      signature: `likert:${points.map((p) => p.value).join(',')}:${item.reverse}`,
    };
  }
  if (item.type === 'single' || item.type === 'multiple') {
    const codes = choiceCodes(item);
    return {
      item,
      label,
      codes,
      valueLabels: (item.options ?? []).map((o) => ({
        code: codes.get(o.code)!,
        label: localize(o.label, language, definition),
        ...(String(codes.get(o.code)) === o.code ? {} : { original: o.code }),
      })),
      signature: `${item.type}:${(item.options ?? []).map((o) => o.code).join(',')}:${item.reverse}`,
    };
  }
  return { item, label, codes: new Map(), valueLabels: [], signature: `${item.type}:${item.reverse}` };
}

/** Codes 1, 2, … for a fixed list, labelled in the chosen language. */
const listLabels = <T extends string>(list: readonly T[], words: Record<T, string>): ValueLabel[] =>
  list.map((v, i) => ({ code: i + 1, label: words[v] }));

/** Builds the export table: columns from the instruments of every group, rows from the responses the k rule lets through. */
export function buildExportTable(dataset: ExportDataset, options: ExportOptions = {}): ExportTable {
  const { language } = dataset;
  const words = WORDS[language];
  const identified = dataset.campaign.privacyMode === 'identified';
  const meta = (
    name: string,
    kind: ColumnKind,
    label: string,
    valueLabels: ValueLabel[] = [],
    missing = words.missing.meta,
  ): Column => ({
    name,
    kind,
    label,
    numeric: kind === 'category',
    level: name === 'wave' ? 'ordinal' : kind === 'date' ? 'scale' : 'nominal',
    valueLabels,
    instruments: [],
    groups: [],
    subscales: [],
    scoreItems: [],
    reverse: false,
    missing,
  });
  const columns: Column[] = [
    meta('respondent_id', 'id', words.columns.respondent),
    meta(
      'wave',
      'category',
      words.columns.wave,
      dataset.waves.map((w, i) => ({ code: i + 1, label: w.name })),
    ),
    meta('program', 'program', words.columns.program),
    meta('country', 'category', words.columns.country, listLabels(COUNTRY_CODES, words.countries)),
    meta(
      'setting',
      'category',
      words.columns.setting,
      listLabels(PROGRAM_SETTINGS, words.settings),
      words.missing.setting,
    ),
    meta('stakeholder_group', 'category', words.columns.group, listLabels(STAKEHOLDER_GROUPS, words.groups)),
    meta('language', 'category', words.columns.language, listLabels(LANGUAGES, words.languages)),
    ...(identified ? [meta('submitted_on', 'date', words.columns.submittedOn)] : []),
  ];

  // Items marked identifier in any instrument are left out under that name everywhere.
  const identifiers = new Set(
    dataset.groups.flatMap((g) => g.definition.items.filter((i) => i.identifier).map((i) => i.name)),
  );
  const variables = new Map<string, ItemVariable>();
  const itemColumns = new Map<string, Column[]>();
  const scoreColumns = new Map<string, Column>();
  const subscalesOf = new Map<string, Set<string>>();
  for (const entry of dataset.groups) {
    for (const subscale of entry.definition.subscales)
      for (const name of subscale.items) subscalesOf.set(name, (subscalesOf.get(name) ?? new Set()).add(subscale.id));
  }
  const addProvenance = (column: Column, entry: ExportDataset['groups'][number]) => {
    if (!column.instruments.includes(instrumentLabel(entry))) column.instruments.push(instrumentLabel(entry));
    if (!column.groups.includes(entry.group)) column.groups.push(entry.group);
  };
  for (const entry of dataset.groups) {
    const { definition } = entry;
    for (const item of definition.items) {
      if (identifiers.has(item.name)) continue;
      const variable = itemVariable(definition, item, language);
      const known = variables.get(item.name);
      if (known && known.signature !== variable.signature)
        throw new ExportError(
          `item ${item.name} of ${instrumentLabel(entry)} is coded differently from the item of the same name in another instrument`,
        );
      if (known) {
        for (const column of itemColumns.get(item.name)!) addProvenance(column, entry);
        continue;
      }
      variables.set(item.name, variable);
      const base = {
        item: item.name,
        instruments: [] as string[],
        groups: [] as StakeholderGroup[],
        subscales: [...(subscalesOf.get(item.name) ?? [])],
        scoreItems: [],
        reverse: item.reverse,
      };
      const text = variable.label;
      const made: Column[] =
        item.type === 'multiple'
          ? variable.valueLabels.map((v) => ({
              ...base,
              name: `${item.name}___${v.code}`,
              kind: 'checkbox' as const,
              label: `${text} — ${v.label}`,
              numeric: true,
              level: 'nominal' as const,
              valueLabels: [
                { code: 0, label: words.notSelected },
                { code: 1, label: words.selected },
              ],
              missing: words.missing.checkbox,
            }))
          : [
              {
                ...base,
                name: item.name,
                kind: item.type,
                label: text,
                numeric: item.type !== 'text',
                level: item.type === 'likert' ? 'ordinal' : item.type === 'number' ? 'scale' : 'nominal',
                valueLabels: variable.valueLabels,
                missing: words.missing.answer,
              },
            ];
      for (const column of made) addProvenance(column, entry);
      itemColumns.set(item.name, made);
    }
    for (const subscale of definition.subscales) {
      const column = scoreColumns.get(subscale.id) ?? {
        name: subscale.id,
        kind: 'score' as const,
        label: localize(subscale.name, language, definition),
        numeric: true,
        level: 'scale' as const,
        valueLabels: [],
        instruments: [],
        groups: [],
        subscales: [],
        scoreItems: [] as string[],
        reverse: false,
        missing: words.missing.score(minimumAnswered(subscale), subscale.items.length),
      };
      for (const name of subscale.items) if (!column.scoreItems.includes(name)) column.scoreItems.push(name);
      addProvenance(column, entry);
      scoreColumns.set(subscale.id, column);
    }
  }
  columns.push(...[...itemColumns.values()].flat(), ...scoreColumns.values());
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column.name) || (column.instruments.length > 0 && META_COLUMNS.includes(column.name)))
      throw new ExportError(
        `the column name ${column.name} is used twice (an item, a subscale or a column of the export itself)`,
      );
    seen.add(column.name);
  }

  const { placements, report } = placeRows(dataset);
  const definitions = new Map(dataset.groups.map((g) => [g.group, g.definition]));
  const askedOf = new Map(
    dataset.groups.map((g) => [
      g.group,
      new Set(g.definition.items.filter((i) => !identifiers.has(i.name)).map((i) => i.name)),
    ]),
  );
  const programs = new Map(dataset.programs.map((p) => [p.id, p]));
  const waveIndex = new Map(dataset.waves.map((w, i) => [w.id, i]));
  const ids = respondentIds(
    dataset.responses.length,
    options.randomBytes ?? ((n) => new Uint8Array(cryptoRandomBytes(n))),
  );
  const { scores: scoresOf, failure } = scoreAll(dataset);
  const problems = new Map<string, number>();
  const built: { sort: (string | number)[]; row: Cell[]; record: ExportRecord }[] = [];
  dataset.responses.forEach((response, index) => {
    const placement = placements.get(response.id)!;
    if (placement.kind === 'withheld') return;
    const definition = definitions.get(response.group);
    if (!definition)
      throw new ExportError(`responses of the group ${response.group} have no instrument in the campaign`);
    const program = programs.get(response.programId)!;
    const pooled = placement.kind === 'pooled';
    const programLabel = pooled ? words.otherPrograms(words.countries[program.countryCode]) : program.name;
    const asked = askedOf.get(response.group)!;
    const scores = scoresOf.get(index) ?? new Map<string, number | null>();
    const row: Cell[] = [
      ids[index]!,
      waveIndex.get(response.waveId)! + 1,
      programLabel,
      COUNTRY_CODES.indexOf(program.countryCode) + 1,
      pooled ? null : PROGRAM_SETTINGS.indexOf(program.setting) + 1,
      STAKEHOLDER_GROUPS.indexOf(response.group) + 1,
      LANGUAGES.indexOf(response.language) + 1,
      ...(identified ? [response.submittedOn] : []),
    ];
    for (const [name, variable] of variables) {
      const cells = asked.has(name) ? codedCells(variable, response.answers[name]) : emptyCells(variable);
      if (cells === undefined) {
        problems.set(name, (problems.get(name) ?? 0) + 1);
        row.push(...emptyCells(variable));
      } else row.push(...cells);
    }
    for (const id of scoreColumns.keys()) {
      const score = scores.get(id);
      row.push(score === undefined || score === null ? null : Math.round(score * 1e6) / 1e6);
    }
    built.push({
      sort: [
        waveIndex.get(response.waveId)!,
        program.countryCode,
        programLabel,
        STAKEHOLDER_GROUPS.indexOf(response.group),
        ids[index]!,
      ],
      row,
      record: {
        respondentId: ids[index]!,
        waveName: dataset.waves[waveIndex.get(response.waveId)!]!.name,
        programLabel,
        countryCode: program.countryCode,
        group: response.group,
        language: response.language,
        definition,
        answers: response.answers,
      },
    });
  });
  if (problems.size)
    throw new ExportError(
      `answers that do not fit their item (by item, how many): ${[...problems].map(([n, c]) => `${n} (${c})`).join(', ')}`,
    );
  // Answers whose cells are fine but that the scoring still refuses (a caller's mistake, not a respondent's).
  if (failure) throw failure;
  built.sort((a, b) => compareKeys(a.sort, b.sort));
  return { columns, rows: built.map((b) => b.row), records: built.map((b) => b.record), variables, report };
}

const collator = new Intl.Collator('en');

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    if (c !== 0) return c;
  }
  return 0;
}

const emptyCells = (variable: ItemVariable): Cell[] =>
  variable.item.type === 'multiple' ? variable.valueLabels.map(() => null) : [null];

/** An answer as the cells of its column(s); undefined when it does not fit the item. */
export function codedCells(variable: ItemVariable, answer: ExportAnswer | undefined): Cell[] | undefined {
  const { item } = variable;
  if (answer === undefined || answer === null || answer === '') return emptyCells(variable);
  switch (item.type) {
    case 'likert':
    case 'number': {
      const value =
        typeof answer === 'number' ? answer : typeof answer === 'string' && answer.trim() !== '' ? Number(answer) : NaN;
      if (!Number.isFinite(value)) return undefined;
      return item.type === 'number' || variable.valueLabels.some((v) => v.code === value) ? [value] : undefined;
    }
    case 'single': {
      const code = Array.isArray(answer) ? undefined : variable.codes.get(String(answer));
      return code === undefined ? undefined : [code];
    }
    case 'multiple': {
      if (!Array.isArray(answer) || answer.some((c) => !variable.codes.has(c))) return undefined;
      return [...variable.codes.keys()].map((code) => (answer.includes(code) ? 1 : 0));
    }
    case 'text':
      return Array.isArray(answer) ? undefined : [String(answer)];
  }
}

const ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Random respondent ids for one export ("R" and 8 characters): unrelated to any database id, new on every export. */
function respondentIds(count: number, randomBytes: (length: number) => Uint8Array): string[] {
  const ids = new Set<string>();
  while (ids.size < count) {
    // One draw for all the ids still needed (a draw per id costs more than the rest of the export).
    const bytes = randomBytes(8 * (count - ids.size));
    for (let i = 0; i + 8 <= bytes.length; i += 8) {
      let id = 'R';
      for (let j = i; j < i + 8; j++) id += ID_ALPHABET.charAt(bytes[j]! & 31);
      ids.add(id);
    }
  }
  return [...ids].slice(0, count);
}

/** The fewest answered items a subscale needs for a score. */
const minimumAnswered = (subscale: InstrumentDefinition['subscales'][number]) =>
  'fraction' in subscale.minAnswered ? Math.ceil(subscale.minAnswered.fraction * subscale.items.length - 1e-9) : subscale.minAnswered.count;

/** Every response's subscale scores (packages/stats, the product's conventions), by response index and subscale id. */
function scoreAll(dataset: ExportDataset): { scores: Map<number, Map<string, number | null>>; failure?: ExportError } {
  const out = new Map<number, Map<string, number | null>>();
  let failure: ExportError | undefined;
  for (const { group, definition } of dataset.groups) {
    const indices = dataset.responses.flatMap((r, i) => (r.group === group ? [i] : []));
    let scored: ReturnType<typeof scoreSurveyResponses>;
    try {
      scored = scoreSurveyResponses(definition, indices.map((i) => dataset.responses[i]!.answers));
    } catch (error) {
      if (!(error instanceof ScoringError)) throw error;
      // Reported after the answers are checked item by item, which names what does not fit more helpfully.
      failure ??= new ExportError(`a response of the group ${group} cannot be scored: ${error.message}`);
      continue;
    }
    indices.forEach((responseIndex, row) => {
      const scores = new Map<string, number | null>();
      scored.layout.subscales.forEach((subscale, column) => {
        const value = scored.subscales.data[column * indices.length + row]!;
        scores.set(subscale.id, Number.isNaN(value) ? null : value);
      });
      out.set(responseIndex, scores);
    });
  }
  return { scores: out, ...(failure ? { failure } : {}) };
}
