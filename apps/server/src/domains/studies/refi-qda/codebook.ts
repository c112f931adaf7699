import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';

// A codebook as REFI-QDA exchanges it (issue 11): the `.qdc` file of the Codebook schema 1.0 (namespace
// urn:QDA-XML:codebook:1.0) — a tree of codes, each with its GUID, name, whether it can be applied, a colour and a
// description. Written as UTF-8 without a BOM, LF line ends, the schema's namespace as the default one; read back
// with every problem named by line and column, nothing of a bad file used. Code sets are reported, not imported.

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

export interface QdaCode {
  guid: string;
  name: string;
  /** False for a code that only groups others. */
  codable: boolean;
  /** #RRGGBB. */
  color?: string;
  description?: string;
  children: QdaCode[];
}

export interface QdaProblem {
  line: number;
  column?: number;
  message: string;
}

export class QdaFileError extends Error {
  constructor(readonly problems: QdaProblem[]) {
    super(`The file cannot be imported (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing of it was stored.`);
  }
}

const GUID = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;
const RGB = /^#(?:[A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$/;

/** Text for XML: the five special characters as entities; characters XML 1.0 cannot carry are left out. */
export function xmlText(value: string): string {
  return value
    .replace(/(?![\t\n\r])\p{Cc}|\p{Cs}|[\uFFFE\uFFFF]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The `<Code>` elements of a code tree, indented from `depth` (the same in a codebook and in a project). */
export function codeElements(codes: readonly QdaCode[], depth: number): string[] {
  const lines: string[] = [];
  const write = (code: QdaCode, level: number) => {
    const pad = '  '.repeat(level);
    const attributes = `guid="${code.guid}" name="${xmlText(code.name)}" isCodable="${code.codable}"${code.color ? ` color="${code.color}"` : ''}`;
    if (!code.description && code.children.length === 0) return void lines.push(`${pad}<Code ${attributes}/>`);
    lines.push(`${pad}<Code ${attributes}>`);
    if (code.description) lines.push(`${pad}  <Description>${xmlText(code.description)}</Description>`);
    for (const child of code.children) write(child, level + 1);
    lines.push(`${pad}</Code>`);
  };
  for (const code of codes) write(code, depth);
  return lines;
}

/** The `.qdc` document of a code tree. */
export function codebookXml(codes: readonly QdaCode[], origin: string): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${CODEBOOK_NAMESPACE}" origin="${xmlText(origin)}">`,
    '  <Codes>',
    ...codeElements(codes, 2),
    '  </Codes>',
    '</CodeBook>',
    '',
  ].join('\n');
}

/** The line of each start tag of an element, in document order (to name an element's problem by its line). */
function tagLines(xml: string, element: string): number[] {
  const lines: number[] = [];
  const pattern = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${element}[\\s/>]`, 'g');
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) lines.push(xml.slice(0, match.index).split('\n').length);
  return lines;
}

/** The namespace of the document's root element (by its prefix, or the default one). */
function rootNamespace(xml: string, element: string): string | undefined {
  const root = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${element}\\b([^>]*)>`).exec(xml);
  if (!root) return undefined;
  const declaration = new RegExp(`\\sxmlns${root[1] ? `:${root[1]}` : ''}\\s*=\\s*["']([^"']*)["']`).exec(root[2]!);
  return declaration?.[1];
}

/** Attributes without a prefix, namespace prefixes dropped, values as text, repeated elements as arrays. */
const parserOf = () =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => name === 'Code' || name === 'Set',
  });

interface RawCode {
  guid?: string;
  name?: string;
  isCodable?: string;
  color?: string;
  Description?: string;
  Code?: RawCode[];
}

/** Reads a `.qdc` file: the code tree and what it holds that is not imported, or every problem by line. */
export function readCodebook(content: Uint8Array): { codes: QdaCode[]; notImported: QdaProblem[] } {
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/\r\n?/g, '\n');
  } catch {
    throw new QdaFileError([{ line: 1, message: 'is not UTF-8' }]);
  }
  try {
    new SyntaxValidator().validate(xml);
  } catch (error) {
    const { line, col, message } = error as Error & { line?: number; col?: number };
    throw new QdaFileError([{ line: line ?? 1, ...(col ? { column: col } : {}), message }]);
  }
  const parsed = parserOf().parse(xml) as { CodeBook?: { Codes?: { Code?: RawCode[] } | ''; Sets?: { Set?: { name?: string }[] } | '' } };
  const book = parsed.CodeBook;
  if (!book) throw new QdaFileError([{ line: 1, message: 'has no CodeBook element: not a REFI-QDA codebook (.qdc)' }]);
  const problems: QdaProblem[] = [];
  if (rootNamespace(xml, 'CodeBook') !== CODEBOOK_NAMESPACE) problems.push({ line: 1, message: `CodeBook is not in the namespace ${CODEBOOK_NAMESPACE}` });
  const lines = tagLines(xml, 'Code');
  let index = 0;
  const seen = new Set<string>();
  const read = (raw: RawCode): QdaCode => {
    const line = lines[index++] ?? 1;
    const guid = raw.guid?.trim() ?? '';
    if (!GUID.test(guid)) problems.push({ line, message: `Code guid "${guid.slice(0, 40)}" is not a GUID` });
    else if (seen.has(guid.toLowerCase())) problems.push({ line, message: `Code guid ${guid} is used twice` });
    seen.add(guid.toLowerCase());
    const name = raw.name?.trim() ?? '';
    if (!name) problems.push({ line, message: 'Code has no name' });
    if (raw.isCodable !== 'true' && raw.isCodable !== 'false' && raw.isCodable !== '1' && raw.isCodable !== '0')
      problems.push({ line, message: `Code ${name || guid}: isCodable must be true or false` });
    if (raw.color !== undefined && !RGB.test(raw.color)) problems.push({ line, message: `Code ${name || guid}: color "${raw.color.slice(0, 20)}" is not #RRGGBB` });
    const color = raw.color && RGB.test(raw.color) ? (raw.color.length === 4 ? `#${raw.color.slice(1).replace(/./g, (c) => c + c)}` : raw.color).toUpperCase() : undefined;
    return {
      guid: guid.replace(/[{}]/g, '').toLowerCase(),
      name,
      codable: raw.isCodable === 'true' || raw.isCodable === '1',
      ...(color ? { color } : {}),
      ...(raw.Description ? { description: raw.Description } : {}),
      children: (raw.Code ?? []).map(read),
    };
  };
  const codes = ((book.Codes || undefined)?.Code ?? []).map(read);
  if (book.Codes === undefined) problems.push({ line: 1, message: 'CodeBook has no Codes element' });
  else if (codes.length === 0) problems.push({ line: 1, message: 'Codes holds no Code' });
  if (problems.length > 0) throw new QdaFileError(problems);
  const setLines = tagLines(xml, 'Set');
  const notImported = ((book.Sets || undefined)?.Set ?? []).map((set, i) => ({ line: setLines[i] ?? 1, message: `code set "${set.name ?? ''}" is not imported: Alongside has no code sets (its codes are)` }));
  return { codes, notImported };
}
