import {
  CreateInstrumentBodySchema,
  definitionProblems,
  InstrumentDefinitionSchema,
  type ImportNotice,
  type InstrumentDefinition,
  type InstrumentDefinitionInput,
  type InstrumentFormat,
  type Language,
  type Licence,
  type LocalizedText,
} from '@alongside/contracts';

// What every converter shares: the result shapes, the size limit, text decoding with positions, names, languages,
// and the last step of every import (validate the definition and point each problem back into the file).

/** Files larger than this are refused before anything reads them. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** An instrument as the converters see it: what a library entry and one of its versions hold. */
export interface InstrumentDocument {
  key: string;
  name: string;
  url?: string;
  licence: Licence;
  versionNumber?: number;
  definition: InstrumentDefinition;
}

export interface ImportedInstrument {
  ok: true;
  format: InstrumentFormat;
  key: string;
  name: string;
  url?: string;
  licence: Licence;
  definition: InstrumentDefinition;
  /** The version the file states (FHIR `version`, XLSForm `version`, own JSON `versionNumber`), as written. */
  sourceVersion?: string;
  /** Everything the file held that could not be carried over, or was changed on the way in. */
  notices: ImportNotice[];
}

export interface ImportFailure {
  ok: false;
  errors: ImportNotice[];
}

export type ImportResult = ImportedInstrument | ImportFailure;

export interface ExportedFile {
  filename: string;
  contentType: string;
  body: Uint8Array;
  /** What the format could not carry, or carries only in an Alongside extension other tools ignore. */
  notices: ImportNotice[];
}

export interface ImportOptions {
  /** The language of a file that holds one language without saying which (REDCap, a bare XLSForm `label`). */
  language?: Language;
}

export interface ExportOptions {
  /** REDCap holds one language per dictionary: the one to write (default: the source language). */
  language?: Language;
}

/** The longest message a notice carries: a file's content quoted in it is cut, never echoed whole. */
export const MAX_MESSAGE_LENGTH = 400;

/** Text from the file as a message quotes it: at most `max` characters. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function bounded(notice: ImportNotice): ImportNotice {
  return {
    ...notice,
    message: clip(notice.message, MAX_MESSAGE_LENGTH),
    ...(notice.field !== undefined ? { field: clip(notice.field, 200) } : {}),
  };
}

/** A failed import with its errors. */
export function failure(...errors: ImportNotice[]): ImportFailure {
  return { ok: false, errors: errors.map(bounded) };
}

/** The base of our own FHIR extensions and identifiers. */
export const ALONGSIDE_BASE = 'https://alongside.example/fhir';

/** Where an offset falls in a text: 1-based line and 1-based column (in characters). */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

/** The length of the valid UTF-8 sequence starting at `i`, or 0 when the bytes there are not UTF-8. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const first = bytes[i]!;
  if (first < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (first >= 0xc2 && first <= 0xdf) length = 2;
  else if (first >= 0xe0 && first <= 0xef) {
    length = 3;
    if (first === 0xe0) low = 0xa0; // overlong
    if (first === 0xed) high = 0x9f; // surrogates
  } else if (first >= 0xf0 && first <= 0xf4) {
    length = 4;
    if (first === 0xf0) low = 0x90;
    if (first === 0xf4) high = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    const byte = bytes[i + k];
    if (byte === undefined) return 0;
    if (k === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) return 0;
  }
  return length;
}

/** Decodes UTF-8 (dropping a byte-order mark), or says at which line and column the bytes stop being UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: ImportNotice } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
      const at = lineLocator(text)(nul);
      return { ok: false, error: { ...at, message: 'the file contains a NUL character; it is not a text file' } };
    }
    return { ok: true, text };
  } catch {
    let i = 0;
    while (i < bytes.length) {
      const length = utf8SequenceLength(bytes, i);
      if (length === 0) break;
      i += length;
    }
    let lineStart = 0;
    let line = 1;
    for (let k = 0; k < i; k++) {
      if (bytes[k] === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    const column = new TextDecoder().decode(bytes.subarray(lineStart, i)).length + 1;
    const hex = bytes[i]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      error: {
        line,
        column,
        message: `byte 0x${hex} is not valid UTF-8; save the file as UTF-8 (it may be in Windows-1252 or Latin-1)`,
      },
    };
  }
}

/** Turns any identifier into a valid variable name (lower-case a–z, 0–9, _, starting with a letter, ≤ 26). */
export function toVariableName(raw: string): string {
  let name = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!/^[a-z]/.test(name)) name = `v${name ? `_${name}` : ''}`;
  return name.slice(0, 26).replace(/_+$/, '');
}

/** Hands out unique valid variable names, normalising the raw ones and saying when it had to. */
export class NameRegistry {
  private readonly taken = new Set<string>();

  /** The name to use for `raw`; `changed` when it differs from `raw`. */
  claim(raw: string): { name: string; changed: boolean } {
    const base = toVariableName(raw);
    let name = base;
    for (let n = 2; this.taken.has(name); n++) {
      const suffix = `_${n}`;
      name = base.slice(0, 26 - suffix.length) + suffix;
    }
    this.taken.add(name);
    return { name, changed: name !== raw };
  }

  /** Whether a name was handed out. */
  has(name: string): boolean {
    return this.taken.has(name);
  }
}

/** A file-name-safe instrument key (2–63 lower-case letters, digits and -) from any text. */
export function toInstrumentKey(raw: string | undefined, fallback = 'imported-instrument'): string {
  const key = (raw ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return key.length >= 2 ? key : fallback;
}

/** `peer_support_survey` → `Peer support survey`. */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`)
    .replace(/[_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The product language a BCP-47 tag (en, en-CA, fr, fr-CA, nb, no, nb-NO) or language name stands for. */
export function languageFromTag(tag: string): Language | undefined {
  const value = tag.trim().toLowerCase();
  const primary = value.split(/[-_]/)[0];
  if (primary === 'en' || primary === 'eng' || value === 'english') return 'en';
  if (
    primary === 'fr' ||
    primary === 'fra' ||
    primary === 'fre' ||
    /^fran[cç]ais/.test(value) ||
    value.startsWith('french')
  )
    return 'fr';
  if (primary === 'nb' || primary === 'no' || primary === 'nob' || primary === 'nor') return 'nb';
  if (/^(norsk )?bokm[aå]l$/.test(value) || value === 'norsk' || value.startsWith('norwegian')) return 'nb';
  return undefined;
}

/** The BCP-47 tags we write: French as spoken in Canada, Norwegian Bokmål as written in Norway. */
export const LANGUAGE_TAGS: Record<Language, string> = { en: 'en', fr: 'fr-CA', nb: 'nb-NO' };

/** Language names as XLSForm column headers carry them. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français', nb: 'Norsk bokmål' };

/** Wording of a text in one language, falling back to the source language. */
export function textIn(text: LocalizedText | undefined, language: Language, source: Language): string | undefined {
  return text?.[language] ?? text?.[source];
}

/** Removes HTML tags and decodes the common entities of a label (REDCap labels are often rich text). */
export function plainText(raw: string): { text: string; changed: boolean } {
  if (!/[<&]/.test(raw)) return { text: raw.trim(), changed: false };
  const stripped = raw
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<\/?[A-Za-z][^>]*>/g, '');
  const text = stripped
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
  return { text, changed: stripped !== raw };
}

/** Text as HTML shows it literally (REDCap renders labels as HTML). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The licence an instrument gets when its file does not say: usable only once someone records permission. */
export function unknownLicence(copyright?: string): Licence {
  return {
    status: 'conditional',
    attribution: '',
    wordingEditable: false,
    ...(copyright ? { copyright } : {}),
  };
}

/** The notice that goes with `unknownLicence`. */
export const UNKNOWN_LICENCE_NOTICE: ImportNotice = {
  field: 'licence',
  message:
    'the file does not state a licence status: the instrument is marked conditional and cannot go into a campaign until someone records permission or marks it free',
};

/** Where in the file a path of the definition (`items.3.text.en`) came from, as far as the importer knows. */
export type Locate = (path: readonly PropertyKey[]) => Omit<ImportNotice, 'message'>;

/** Finds strings holding NUL, which PostgreSQL refuses. */
function nulPaths(value: unknown, path: PropertyKey[], found: PropertyKey[][]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path);
  } else if (Array.isArray(value)) value.forEach((entry, index) => nulPaths(entry, [...path, index], found));
  else if (value && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) nulPaths(entry, [...path, key], found);
  }
}

/** The last step of every import: validate what was built and point every problem back at the file. */
export function finishImport(
  format: InstrumentFormat,
  draft: {
    key: string;
    name: string;
    url?: string | undefined;
    licence: Licence;
    definition: InstrumentDefinitionInput;
    sourceVersion?: string | undefined;
  },
  notices: ImportNotice[],
  locate: Locate,
): ImportResult {
  const nul: PropertyKey[][] = [];
  nulPaths(draft.definition, ['definition'], nul);
  if (nul.length > 0)
    return failure(
      ...nul.map((path) => ({ ...locate(path.slice(1)), field: path.join('.'), message: 'contains a NUL character' })),
    );
  const parsed = CreateInstrumentBodySchema.safeParse({
    key: draft.key,
    name: draft.name,
    url: draft.url,
    licence: draft.licence,
    definition: draft.definition,
  });
  if (!parsed.success) {
    return failure(
      ...parsed.error.issues.map((issue) => {
        const inDefinition = issue.path[0] === 'definition';
        return {
          ...(inDefinition ? locate(issue.path.slice(1)) : {}),
          field: issue.path.join('.'),
          message: issue.message,
        };
      }),
    );
  }
  const definition = InstrumentDefinitionSchema.parse(parsed.data.definition);
  const problems = definitionProblems(definition);
  if (problems.length > 0) {
    return failure(
      ...problems.map((problem) => {
        const path = problem.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
        return { ...locate(path), field: `definition.${problem.path}`, message: problem.message };
      }),
    );
  }
  return {
    ok: true,
    format,
    key: parsed.data.key,
    name: parsed.data.name,
    ...(parsed.data.url !== undefined ? { url: parsed.data.url } : {}),
    licence: parsed.data.licence,
    definition,
    ...(draft.sourceVersion !== undefined ? { sourceVersion: draft.sourceVersion } : {}),
    notices: inFileOrder(notices).map(bounded),
  };
}

/** Notices sorted by sheet, line and column (stable), those without a place last. */
export function inFileOrder(notices: ImportNotice[]): ImportNotice[] {
  const sheets = [...new Set(notices.map((n) => n.sheet ?? ''))];
  const rank = (n: ImportNotice) => [
    n.line === undefined ? 1 : 0,
    sheets.indexOf(n.sheet ?? ''),
    n.line ?? 0,
    n.column ?? 0,
  ];
  return notices
    .map((notice, index) => ({ notice, index, key: rank(notice) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
      return a.index - b.index;
    })
    .map((entry) => entry.notice);
}

/** A locator from the file positions an importer recorded for items, sections and subscales. */
export function locateFrom(places: {
  items?: readonly (Omit<ImportNotice, 'message'> | undefined)[];
  itemsByName?: ReadonlyMap<string, Omit<ImportNotice, 'message'>>;
  sections?: readonly (Omit<ImportNotice, 'message'> | undefined)[];
  sectionsById?: ReadonlyMap<string, Omit<ImportNotice, 'message'>>;
  subscalesById?: ReadonlyMap<string, Omit<ImportNotice, 'message'>>;
  fallback?: Omit<ImportNotice, 'message'>;
}): Locate {
  return (path) => {
    const [head, index] = path;
    const pick = (found: Omit<ImportNotice, 'message'> | undefined) => found ?? places.fallback ?? {};
    if (head === 'items' && typeof index === 'number') return pick(places.items?.[index]);
    if (head === 'items' && typeof index === 'string') return pick(places.itemsByName?.get(index));
    if (head === 'sections' && typeof index === 'number') return pick(places.sections?.[index]);
    if (head === 'sections' && typeof index === 'string') return pick(places.sectionsById?.get(index));
    if (head === 'subscales' && typeof index === 'string') return pick(places.subscalesById?.get(index));
    return places.fallback ?? {};
  };
}
