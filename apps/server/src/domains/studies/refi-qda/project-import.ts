import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { codePointLength } from '../transcripts/transcript-file.ts';
import { QdaFileError, type QdaCode, type QdaProblem } from './codebook.ts';
import type { QdaProject, QdaSelection, QdaTextSource } from './project.ts';

// Reading a REFI-QDA project (.qdpx) as other tools really write them (issue 11), leniently: what can be repaired is
// repaired and listed in the report, what cannot be represented is reported, nothing is dropped silently, and the
// codebook and the rest survive a missing source. The habits handled:
// - the inner .qde not named project.qde; the sources folder as sources/ or Sources/ (any case);
// - a BOM and CRLF line ends in a text source (the text is kept with LF, and the offsets moved with it);
// - selection offsets counted in UTF-16 code units instead of characters (found when an offset lies past the text's
//   last character but within its UTF-16 length, or inside a surrogate pair; converted);
// - several selections of one span, one per code (merged into one selection with several codings);
// - GUIDs in upper case or in braces; the namespace as urn:QDA-XML:project:1:0 or without a namespace;
// - code hierarchy written as "Parent::Child" names, and code groups exported as sets (made parent codes);
// - a source whose text file is missing from the archive; empty container elements the schema forbids;
// - picture, PDF, audio and video sources, which are reported and left out.

export interface QdpxImport {
  project: QdaProject;
  /** Repairs made and parts not imported, in the order met. */
  report: QdaProblem[];
}

const NAMESPACE = 'urn:QDA-XML:project:1.0';
const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;
const LISTS = new Set(['Link', 'Graph', 'User', 'Code', 'Variable', 'Case', 'VariableValue', 'SourceRef', 'TextSource', 'PlainTextSelection', 'Coding', 'Note', 'NoteRef', 'Set', 'MemberCode', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource']);

type Raw = Record<string, unknown>;
const list = (value: unknown): Raw[] => (Array.isArray(value) ? (value as Raw[]) : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined);

/** Reads a .qdpx file; a file that is not a REFI-QDA project at all is refused with the reason. */
export function readQdpx(content: Uint8Array): QdpxImport {
  const report: QdaProblem[] = [];
  const note = (message: string, line = 1) => report.push({ line, message });
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(content);
  } catch {
    throw new QdaFileError([{ line: 1, message: 'is not a .qdpx file (a zip archive)' }]);
  }
  const names = Object.keys(files);
  const qde = names.find((n) => n === 'project.qde') ?? names.find((n) => /\.qde$/i.test(n));
  if (!qde) throw new QdaFileError([{ line: 1, message: 'holds no .qde project document' }]);
  if (qde !== 'project.qde') note(`the project document is named ${qde}, not project.qde: read as the project`);

  const xml = decodeText(files[qde]!).text;
  try {
    new SyntaxValidator().validate(xml);
  } catch (error) {
    const { line, col, message } = error as Error & { line?: number; col?: number };
    throw new QdaFileError([{ line: line ?? 1, ...(col ? { column: col } : {}), message: `${qde}: ${message}` }]);
  }
  const root = /<(?:([A-Za-z_][\w.-]*):)?Project\b([^>]*)>/.exec(xml);
  const namespace = root ? new RegExp(`\\sxmlns${root[1] ? `:${root[1]}` : ''}\\s*=\\s*["']([^"']*)["']`).exec(root[2]!)?.[1] : undefined;
  if (namespace !== NAMESPACE) note(namespace ? `the namespace is ${namespace}: read as ${NAMESPACE}` : `the project has no namespace: read as ${NAMESPACE}`);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, parseAttributeValue: false, parseTagValue: false, trimValues: false, isArray: (name) => LISTS.has(name) }).parse(xml) as { Project?: Raw };
  const project = parsed.Project;
  if (!project || typeof project !== 'object') throw new QdaFileError([{ line: 1, message: `${qde} has no Project element: not a REFI-QDA project` }]);

  const repaired = { guids: false };
  const guidOf = (value: unknown, what: string): string | undefined => {
    const raw = text(value)?.trim() ?? '';
    const match = GUID.exec(raw);
    if (!match) {
      note(`${what}: "${raw.slice(0, 40)}" is not a GUID; left out`);
      return undefined;
    }
    const guid = match[1]!.toLowerCase();
    if (guid !== raw) repaired.guids = true;
    return guid;
  };
  const container = (name: string): Raw | undefined => {
    const value = project[name];
    if (value === '' || (value && typeof value === 'object' && Object.keys(value).length === 0)) {
      note(`an empty ${name} element, which the schema does not allow, was skipped`);
      return undefined;
    }
    return value && typeof value === 'object' ? (value as Raw) : undefined;
  };

  const users = list(container('Users')?.User).flatMap((u) => {
    const guid = guidOf(u.guid, 'a user');
    return guid ? [{ guid, name: text(u.name) ?? text(u.id) ?? 'User' }] : [];
  });

  // ── Codes: nesting, names with "::" and sets as groups ──
  const readCode = (raw: Raw): QdaCode | undefined => {
    const guid = guidOf(raw.guid, `code ${text(raw.name) ?? ''}`);
    if (!guid) return undefined;
    const color = text(raw.color);
    return {
      guid,
      name: (text(raw.name) ?? '').trim() || 'Code',
      codable: text(raw.isCodable) !== 'false' && text(raw.isCodable) !== '0',
      ...(color && /^#[0-9a-fA-F]{6}$/.test(color) ? { color: color.toUpperCase() } : {}),
      ...(text(raw.Description)?.trim() ? { description: text(raw.Description)!.trim() } : {}),
      children: list(raw.Code).flatMap((c) => readCode(c) ?? []),
    };
  };
  let codes = list((container('CodeBook')?.Codes as Raw | undefined)?.Code).flatMap((c) => readCode(c) ?? []);
  codes = unflatten(codes, note);
  const sets = list(container('Sets')?.Set);
  for (const set of sets) {
    const members = list(set.MemberCode).flatMap((m) => guidOf(m.targetGUID, 'a set member') ?? []);
    const guid = guidOf(set.guid, `set ${text(set.name) ?? ''}`);
    if (!guid || members.length === 0) {
      note(`set "${text(set.name) ?? ''}" has no codes: not imported (Alongside has no sets of sources or notes)`);
      continue;
    }
    const moved = members.flatMap((member) => take(codes, member) ?? []);
    if (moved.length === 0) {
      note(`set "${text(set.name) ?? ''}" holds none of the project's codes: not imported`);
      continue;
    }
    codes.push({ guid, name: text(set.name) ?? 'Group', codable: false, children: moved });
    note(`set "${text(set.name) ?? ''}" became a group code holding its ${moved.length} code(s)`);
  }

  for (const [part, item] of [['Links', 'Link'], ['Graphs', 'Graph']] as const) {
    const count = list(container(part)?.[item]).length;
    if (count > 0) note(`${count} ${item.toLowerCase()}(s) are not imported: Alongside has no ${part.toLowerCase()}`);
  }

  // ── Sources ──
  const sourcesRaw = container('Sources');
  for (const kind of ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'])
    for (const s of list(sourcesRaw?.[kind])) note(`${kind.replace('Source', '').toLowerCase()} source "${text(s.name) ?? ''}" is not imported: Alongside codes text sources`);
  const fileOf = (path: string): Uint8Array | undefined => {
    const name = path.replace(/^internal:\/\//, '').replace(/^relative:\/\//, '');
    const wanted = names.find((n) => n.toLowerCase() === `sources/${name.toLowerCase()}`) ?? names.find((n) => n.toLowerCase().endsWith(`/${name.toLowerCase()}`));
    if (wanted && !wanted.startsWith('sources/')) note(`the sources are in ${wanted.split('/')[0]}/, not sources/: read from there`);
    return wanted ? files[wanted] : undefined;
  };
  const sources: QdaTextSource[] = [];
  for (const raw of list(sourcesRaw?.TextSource)) {
    const guid = guidOf(raw.guid, `source ${text(raw.name) ?? ''}`);
    if (!guid) continue;
    const name = text(raw.name) ?? guid;
    const path = text(raw.plainTextPath);
    const bytes = path ? fileOf(path) : undefined;
    const inline = text(raw.PlainTextContent);
    if (!bytes && inline === undefined) {
      const codings = list(raw.PlainTextSelection).reduce((n, s) => n + list(s.Coding).length, 0);
      note(`source "${name}": its text ${path ? `(${path}) is missing from the archive` : 'is not in the project'}; left out with its ${codings} coding(s)`);
      continue;
    }
    const decoded = bytes ? decodeText(bytes) : decodeText(new TextEncoder().encode(inline));
    if (decoded.bom) note(`source "${name}": a byte order mark was removed`);
    if (decoded.crlf) note(`source "${name}": CRLF line ends became LF (offsets moved with them)`);
    const selections = readSelections(raw, decoded, name, guidOf, note);
    sources.push({ guid, name, text: decoded.text, ...who(raw, guidOf), selections, notes: list(raw.NoteRef).flatMap((n) => guidOf(n.targetGUID, 'a note reference') ?? []) });
  }

  const notes = list(container('Notes')?.Note).flatMap((n) => {
    const guid = guidOf(n.guid, 'a note');
    return guid ? [{ guid, name: text(n.name) ?? 'Note', text: decodeText(new TextEncoder().encode(text(n.PlainTextContent) ?? '')).text, ...who(n, guidOf) }] : [];
  });
  const variables = list(container('Variables')?.Variable).flatMap((v) => {
    const guid = guidOf(v.guid, 'a variable');
    const type = (['Text', 'Boolean', 'Integer', 'Float', 'Date'] as const).find((t) => t === text(v.typeOfVariable));
    if (!type && guid) note(`variable "${text(v.name) ?? ''}" of type ${text(v.typeOfVariable) ?? '?'} is read as text`);
    return guid ? [{ guid, name: text(v.name) ?? 'Variable', type: type ?? 'Text', ...(text(v.Description) ? { description: text(v.Description)! } : {}) }] : [];
  });
  const cases = list(container('Cases')?.Case).flatMap((c) => {
    const guid = guidOf(c.guid, 'a case');
    if (!guid) return [];
    const values = list(c.VariableValue).flatMap((v) => {
      const variable = guidOf((v.VariableRef as Raw | undefined)?.targetGUID, 'a variable reference');
      const value = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue'].map((k) => text(v[k])).find((x) => x !== undefined);
      if (!variable || value === undefined) return [];
      const type = variables.find((x) => x.guid === variable)?.type ?? 'Text';
      return [{ variable, value: type === 'Boolean' ? value === 'true' || value === '1' : type === 'Integer' || type === 'Float' ? Number(value) : value }];
    });
    const kept = new Set(sources.map((s) => s.guid));
    return [{ guid, name: text(c.name) ?? 'Case', values, sources: list(c.SourceRef).flatMap((s) => guidOf(s.targetGUID, 'a source reference') ?? []).filter((s) => kept.has(s)) }];
  });
  if (repaired.guids) note('GUIDs in upper case or in braces were read in lower case without braces');

  const created = text(project.creationDateTime);
  return {
    project: {
      name: text(project.name) ?? 'Imported project',
      origin: text(project.origin) ?? '',
      createdAt: created && !Number.isNaN(Date.parse(created)) ? new Date(created) : new Date(0),
      users,
      codes,
      variables,
      cases,
      sources,
      notes,
    },
    report,
  };
}

/** Removes the code with this GUID from the tree, wherever it is, and returns it. */
function take(codes: QdaCode[], guid: string): QdaCode | undefined {
  const at = codes.findIndex((c) => c.guid === guid);
  if (at >= 0) return codes.splice(at, 1)[0];
  for (const code of codes) {
    const found = take(code.children, guid);
    if (found) return found;
  }
  return undefined;
}

/** UTF-8 text without a BOM, with LF line ends (and the original, BOM removed, for moving offsets). */
function decodeText(bytes: Uint8Array): { text: string; bom: boolean; crlf: boolean; original: string } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = strFromU8(bom ? bytes.subarray(3) : bytes);
  const crlf = body.includes('\r');
  return { text: body.replace(/\r\n?/g, '\n').normalize('NFC'), bom, crlf, original: body };
}

/** Code-point offset in the original text (BOM removed) → offset in the LF, NFC text. */
function offsetMapper(original: string): (offset: number) => number {
  const map: number[] = [];
  let out = 0;
  const characters = Array.from(original);
  characters.forEach((c, i) => {
    map.push(out);
    if (!(c === '\r' && characters[i + 1] === '\n')) out++;
  });
  map.push(out);
  return (offset) => map[Math.min(Math.max(offset, 0), map.length - 1)]!;
}

/** UTF-16 index → code-point offset. */
function fromUtf16(textValue: string, index: number): number {
  return codePointLength(textValue.slice(0, index));
}

function readSelections(raw: Raw, decoded: ReturnType<typeof decodeText>, name: string, guidOf: (v: unknown, what: string) => string | undefined, note: (m: string) => void): QdaSelection[] {
  const original = decoded.original;
  const length = codePointLength(original);
  const rawSelections = list(raw.PlainTextSelection).map((s) => ({ raw: s, start: Number(text(s.startPosition)), end: Number(text(s.endPosition)) }));
  // UTF-16 offsets: one lies past the last character but within the UTF-16 length, or splits a surrogate pair.
  const splitsPair = (i: number) => i > 0 && i < original.length && /[\uD800-\uDBFF]/.test(original[i - 1]!) && /[\uDC00-\uDFFF]/.test(original[i]!);
  const utf16 = length !== original.length && rawSelections.some((s) => s.end > length || splitsPair(s.start) || splitsPair(s.end));
  if (utf16) note(`source "${name}": selection offsets were counted in UTF-16 code units; converted to characters`);
  const moved = offsetMapper(original);
  const toOffset = (value: number) => moved(utf16 ? fromUtf16(original, value) : value);
  const textLength = codePointLength(decoded.text);
  const bySpan = new Map<string, QdaSelection>();
  let merged = 0;
  for (const s of rawSelections) {
    const guid = guidOf(s.raw.guid, `a selection of "${name}"`);
    if (!guid) continue;
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end < s.start || toOffset(s.end) > textLength) {
      note(`source "${name}": selection ${guid} (${text(s.raw.startPosition) ?? '?'}–${text(s.raw.endPosition) ?? '?'}) lies outside the text; left out`);
      continue;
    }
    const [start, end] = [toOffset(s.start), toOffset(s.end)];
    const codings = list(s.raw.Coding).flatMap((c) => {
      const codingGuid = guidOf(c.guid, 'a coding');
      const code = guidOf((c.CodeRef as Raw | undefined)?.targetGUID, 'a coding’s code');
      return codingGuid && code ? [{ guid: codingGuid, code, ...who(c, guidOf) }] : [];
    });
    const notes = list(s.raw.NoteRef).flatMap((n) => guidOf(n.targetGUID, 'a note reference') ?? []);
    const same = bySpan.get(`${start}:${end}`);
    if (same) {
      same.codings.push(...codings);
      same.notes.push(...notes);
      merged++;
      continue;
    }
    const selection: QdaSelection = { guid, start, end, ...who(s.raw, guidOf), codings, notes };
    bySpan.set(`${start}:${end}`, selection);
  }
  if (merged > 0) note(`source "${name}": ${merged} selection(s) of a span already selected were merged into it (one selection, several codes)`);
  return [...bySpan.values()];
}

/** creatingUser and creationDateTime, where given. */
function who(raw: Raw, guidOf: (v: unknown, what: string) => string | undefined): { createdBy?: string; createdAt?: Date } {
  const user = raw.creatingUser === undefined ? undefined : guidOf(raw.creatingUser, 'a creating user');
  const at = text(raw.creationDateTime);
  return { ...(user ? { createdBy: user } : {}), ...(at && !Number.isNaN(Date.parse(at)) ? { createdAt: new Date(at) } : {}) };
}

/** A GUID made from a text: the same parent path gives the same parent code in every import. */
function derivedGuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** Codes named "Parent::Child" at the top level become nested codes (their parents made where missing). */
function unflatten(codes: QdaCode[], note: (m: string) => void): QdaCode[] {
  if (!codes.some((c) => c.name.includes('::'))) return codes;
  const top: QdaCode[] = [];
  const byPath = new Map<string, QdaCode>();
  let made = 0;
  const partsOf = (code: QdaCode) => code.name.split('::').map((p) => p.trim()).filter(Boolean);
  // Parents before their children, so that a code "A" is the parent of "A::B" whatever the file's order.
  for (const code of [...codes].sort((a, b) => partsOf(a).length - partsOf(b).length)) {
    const parts = partsOf(code);
    let siblings = top;
    for (let depth = 1; depth < parts.length; depth++) {
      const path = parts.slice(0, depth).join('::');
      let parent = byPath.get(path);
      if (!parent) {
        parent = { guid: derivedGuid(path), name: parts[depth - 1]!, codable: false, children: [] };
        siblings.push(parent);
        byPath.set(path, parent);
        made++;
      }
      siblings = parent.children;
    }
    const leaf = { ...code, name: parts.at(-1) ?? code.name };
    byPath.set(parts.join('::'), leaf);
    siblings.push(leaf);
  }
  note(`code names with "::" were read as a hierarchy${made > 0 ? ` (${made} parent code(s) made)` : ''}`);
  return top;
}
