import { strToU8, zipSync } from 'fflate';
import { codeElements, xmlText, type QdaCode } from './codebook.ts';

// A case study as a REFI-QDA project (issue 11): the `.qdpx` zip holding `project.qde` (QDA-XML Project schema 1.0,
// namespace urn:QDA-XML:project:1.0) and each text source as `sources/<guid>.txt`, referred to as
// `internal://<guid>.txt`. Selections count characters as Unicode code points of that UTF-8 text, as the transcripts
// do. Users, the codebook, case variables, cases (the informants) with their values and sources, sources with their
// selections and codings, and notes (memos) — each object with its GUID. UTF-8 without a BOM, LF line ends, the
// default namespace. Pure: the caller gathers the study's data (and applies its consent rules) first.

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

export type QdaVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date';

export interface QdaProject {
  name: string;
  origin: string;
  createdAt: Date;
  users: { guid: string; name: string }[];
  codes: QdaCode[];
  variables: { guid: string; name: string; type: QdaVariableType; description?: string }[];
  cases: { guid: string; name: string; values: { variable: string; value: string | number | boolean }[]; sources: string[] }[];
  sources: QdaTextSource[];
  notes: { guid: string; name: string; text: string; createdBy?: string; createdAt?: Date }[];
}

export interface QdaTextSource {
  guid: string;
  name: string;
  text: string;
  createdBy?: string;
  createdAt?: Date;
  selections: QdaSelection[];
  /** Memos on the whole source. */
  notes: string[];
}

export interface QdaSelection {
  guid: string;
  /** Code-point offsets: [start, end). */
  start: number;
  end: number;
  createdBy?: string;
  createdAt?: Date;
  codings: { guid: string; code: string; createdBy?: string; createdAt?: Date }[];
  notes: string[];
}

/** xsd:dateTime in UTC, to the second. */
const dateTime = (at: Date) => `${at.toISOString().slice(0, 19)}Z`;
const by = (user: string | undefined, at: Date | undefined, userAttribute = 'creatingUser') =>
  `${user ? ` ${userAttribute}="${user}"` : ''}${at ? ` creationDateTime="${dateTime(at)}"` : ''}`;

function valueElement(type: QdaVariableType, value: string | number | boolean): string {
  switch (type) {
    case 'Boolean':
      return `<BooleanValue>${value === true || value === 'true' ? 'true' : 'false'}</BooleanValue>`;
    case 'Integer':
      return `<IntegerValue>${Math.trunc(Number(value))}</IntegerValue>`;
    case 'Float':
      return `<FloatValue>${Number(value)}</FloatValue>`;
    case 'Date':
      return `<DateValue>${xmlText(String(value).slice(0, 10))}</DateValue>`;
    case 'Text':
      return `<TextValue>${xmlText(String(value))}</TextValue>`;
  }
}

/** The `project.qde` document. */
export function projectXml(project: QdaProject): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="${PROJECT_NAMESPACE}" name="${xmlText(project.name)}" origin="${xmlText(project.origin)}" creationDateTime="${dateTime(project.createdAt)}">`,
  ];
  if (project.users.length > 0) {
    out.push('  <Users>');
    for (const user of project.users) out.push(`    <User guid="${user.guid}" name="${xmlText(user.name)}"/>`);
    out.push('  </Users>');
  }
  if (project.codes.length > 0) {
    out.push('  <CodeBook>', '    <Codes>', ...codeElements(project.codes, 3));
    out.push('    </Codes>', '  </CodeBook>');
  }
  const typeOf = new Map(project.variables.map((v) => [v.guid, v.type]));
  if (project.variables.length > 0) {
    out.push('  <Variables>');
    for (const v of project.variables) {
      const head = `    <Variable guid="${v.guid}" name="${xmlText(v.name)}" typeOfVariable="${v.type}"`;
      out.push(v.description ? `${head}><Description>${xmlText(v.description)}</Description></Variable>` : `${head}/>`);
    }
    out.push('  </Variables>');
  }
  if (project.cases.length > 0) {
    out.push('  <Cases>');
    for (const c of project.cases) {
      out.push(`    <Case guid="${c.guid}" name="${xmlText(c.name)}">`);
      for (const value of c.values)
        out.push(`      <VariableValue><VariableRef targetGUID="${value.variable}"/>${valueElement(typeOf.get(value.variable) ?? 'Text', value.value)}</VariableValue>`);
      for (const source of c.sources) out.push(`      <SourceRef targetGUID="${source}"/>`);
      out.push('    </Case>');
    }
    out.push('  </Cases>');
  }
  if (project.sources.length > 0) {
    out.push('  <Sources>');
    for (const source of project.sources) {
      out.push(`    <TextSource guid="${source.guid}" name="${xmlText(source.name)}" plainTextPath="internal://${source.guid}.txt"${by(source.createdBy, source.createdAt)}>`);
      for (const s of source.selections) {
        out.push(`      <PlainTextSelection guid="${s.guid}" startPosition="${s.start}" endPosition="${s.end}"${by(s.createdBy, s.createdAt)}>`);
        for (const coding of s.codings) out.push(`        <Coding guid="${coding.guid}"${by(coding.createdBy, coding.createdAt)}><CodeRef targetGUID="${coding.code}"/></Coding>`);
        for (const note of s.notes) out.push(`        <NoteRef targetGUID="${note}"/>`);
        out.push('      </PlainTextSelection>');
      }
      for (const note of source.notes) out.push(`      <NoteRef targetGUID="${note}"/>`);
      out.push('    </TextSource>');
    }
    out.push('  </Sources>');
  }
  if (project.notes.length > 0) {
    out.push('  <Notes>');
    for (const note of project.notes)
      out.push(`    <Note guid="${note.guid}" name="${xmlText(note.name)}"${by(note.createdBy, note.createdAt)}><PlainTextContent>${xmlText(note.text)}</PlainTextContent></Note>`);
    out.push('  </Notes>');
  }
  out.push('</Project>', '');
  return out.join('\n');
}

/** The `.qdpx` file: project.qde and every source's text under sources/. */
export function qdpx(project: QdaProject): Uint8Array {
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(projectXml(project)) };
  for (const source of project.sources) files[`sources/${source.guid}.txt`] = strToU8(source.text);
  // A fixed time for every entry: the same project gives the same bytes.
  return zipSync(files, { mtime: project.createdAt });
}
