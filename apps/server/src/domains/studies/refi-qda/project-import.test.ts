import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sliceByCodePoints } from '../transcripts/transcript-file.ts';
import { QdaFileError } from './codebook.ts';
import { qdpx, projectXml, type QdaProject } from './project.ts';
import { readQdpx } from './project-import.ts';

const g = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const text = 'Intervjuer: Hva hjalp? 😊\nP3: At teamet så meg — «likeverdig».\nP4: C’était la clé.';
const at = (words: string) => {
  const i = Array.from(text).join('').indexOf(words);
  const start = Array.from(text.slice(0, i)).length;
  return { start, end: start + Array.from(words).length };
};
const project: QdaProject = {
  name: 'Study',
  origin: 'Alongside',
  createdAt: new Date('2026-12-04T10:00:00Z'),
  users: [{ guid: g(1), name: 'Coder A' }],
  codes: [{ guid: g(10), name: 'Relations', codable: true, color: '#1D4ED8', description: 'Team & PSP', children: [{ guid: g(11), name: 'Recognition', codable: true, children: [] }] }],
  variables: [{ guid: g(20), name: 'Group', type: 'Text' }, { guid: g(21), name: 'Publish', type: 'Boolean' }],
  cases: [{ guid: g(30), name: 'NO-07', values: [{ variable: g(20), value: 'psp' }, { variable: g(21), value: true }], sources: [g(40)] }],
  sources: [
    {
      guid: g(40),
      name: 'Interview',
      text,
      createdBy: g(1),
      createdAt: new Date('2026-11-01T08:30:00Z'),
      selections: [{ guid: g(50), ...at('teamet så meg'), createdBy: g(1), createdAt: new Date('2026-11-02T09:00:00Z'), codings: [{ guid: g(60), code: g(11), createdBy: g(1) }], notes: [g(70)] }],
      notes: [],
    },
  ],
  notes: [{ guid: g(70), name: 'Memo', text: 'Seen as an equal', createdBy: g(1) }],
};

/** The exported archive with some files changed (a name → content, or undefined to leave a file out). */
function variant(change: (files: Record<string, Uint8Array>) => Record<string, Uint8Array | undefined>): Uint8Array {
  const changed = change(unzipSync(qdpx(project)));
  return zipSync(Object.fromEntries(Object.entries(changed).filter((e): e is [string, Uint8Array] => e[1] !== undefined)));
}
const qdeWith = (edit: (xml: string) => string) => strToU8(edit(projectXml(project)));
const coded = (read: ReturnType<typeof readQdpx>) => {
  const source = read.project.sources[0]!;
  return source.selections.map((s) => [sliceByCodePoints(source.text, s.start, s.end), s.codings.map((c) => c.code)]);
};
const messages = (read: ReturnType<typeof readQdpx>) => read.report.map((r) => r.message);

describe('reading a .qdpx', () => {
  it('round-trips: export, then import, gives the same project and an empty report', () => {
    const read = readQdpx(qdpx(project));
    expect(read.report).toEqual([]);
    expect(read.project).toEqual(project);
  });

  it('reads another tool’s habits, repairs them and lists each repair', () => {
    // Offsets as a tool that kept the CRLF text counts them: one more character per line end before the span.
    const span = at('teamet så meg');
    const file = variant(() => ({
      // The document under another name; the sources in Sources/ with a BOM and CRLF; upper-case braced GUIDs; the
      // 1:0 namespace; a second selection of the same span for another code.
      'MyProject.qde': qdeWith((xml) =>
        xml
          .replace('urn:QDA-XML:project:1.0', 'urn:QDA-XML:project:1:0')
          .replace(`guid="${g(11)}"`, `guid="{${g(11).toUpperCase()}}"`)
          .replace(`startPosition="${span.start}" endPosition="${span.end}"`, `startPosition="${span.start + 1}" endPosition="${span.end + 1}"`)
          .replace('</PlainTextSelection>', `</PlainTextSelection>\n      <PlainTextSelection guid="${g(51)}" startPosition="${span.start + 1}" endPosition="${span.end + 1}"><Coding guid="${g(61)}"><CodeRef targetGUID="${g(10)}"/></Coding></PlainTextSelection>`),
      ),
      [`sources/${g(40)}.txt`]: undefined,
      [`Sources/${g(40)}.txt`]: strToU8(`\uFEFF${text.replace(/\n/g, '\r\n')}`),
    }));
    const read = readQdpx(file);
    expect(coded(read)).toEqual([['teamet så meg', [g(11), g(10)]]]);
    expect(read.project.sources[0]!.text).toBe(text);
    expect(read.project.codes[0]!.children[0]!.guid).toBe(g(11));
    expect(messages(read)).toEqual([
      'the project document is named MyProject.qde, not project.qde: read as the project',
      'the namespace is urn:QDA-XML:project:1:0: read as urn:QDA-XML:project:1.0',
      'the sources are in Sources/, not sources/: read from there',
      'source "Interview": a byte order mark was removed',
      'source "Interview": CRLF line ends became LF (offsets moved with them)',
      'source "Interview": 1 selection(s) of a span already selected were merged into it (one selection, several codes)',
      'GUIDs in upper case or in braces were read in lower case without braces',
    ]);
  });

  it('finds offsets counted in UTF-16 code units (the emoji before the span counts twice) and converts them', () => {
    const span = at('la clé.');
    const utf16 = (cp: number) => Array.from(text).slice(0, cp).join('').length;
    const file = variant((files) => ({
      ...files,
      'project.qde': qdeWith((xml) => xml.replace(/startPosition="\d+" endPosition="\d+"/, `startPosition="${utf16(span.start)}" endPosition="${utf16(span.end)}"`)),
    }));
    const read = readQdpx(file);
    expect(coded(read)).toEqual([['la clé.', [g(11)]]]);
    expect(messages(read)).toEqual(['source "Interview": selection offsets were counted in UTF-16 code units; converted to characters']);
  });

  it('keeps the codebook and the rest when a source’s file is missing, and reads "::" names and sets as hierarchy', () => {
    const file = variant(() => ({
      'project.qde': qdeWith((xml) =>
        xml
          .replace('name="Relations"', 'name="Micro::Relations"')
          .replace('</Notes>', `</Notes>\n  <Sets><Set guid="${g(80)}" name="Principles"><MemberCode targetGUID="${g(11)}"/></Set><Set guid="${g(81)}" name="Sources"/></Sets>`)
          .replace('<Users>', '<Links/>\n  <Users>'),
      ),
      [`sources/${g(40)}.txt`]: undefined,
    }));
    const read = readQdpx(file);
    expect(read.project.sources).toEqual([]);
    expect(read.project.cases[0]!.sources).toEqual([]);
    expect(read.project.notes).toHaveLength(1);
    // "Micro::Relations" under a made "Micro"; the set "Principles" took Recognition out of Relations.
    expect(read.project.codes.map((c) => [c.name, c.codable, c.children.map((k) => [k.name, k.children.map((x) => x.name)])])).toEqual([
      ['Micro', false, [['Relations', []]]],
      ['Principles', false, [['Recognition', []]]],
    ]);
    expect(messages(read)).toContain(`source "Interview": its text (internal://${g(40)}.txt) is missing from the archive; left out with its 1 coding(s)`);
    expect(messages(read)).toContain('code names with "::" were read as a hierarchy (1 parent code(s) made)');
    expect(messages(read)).toContain('set "Principles" became a group code holding its 1 code(s)');
    expect(messages(read)).toContain('set "Sources" has no codes: not imported (Alongside has no sets of sources or notes)');
    expect(messages(read)).toContain('an empty Links element, which the schema does not allow, was skipped');
  });

  it('refuses what is not a project, with the reason', () => {
    const reason = (bytes: Uint8Array) => {
      try {
        readQdpx(bytes);
      } catch (error) {
        if (error instanceof QdaFileError) return error.problems;
        throw error;
      }
      return [];
    };
    expect(reason(strToU8('not a zip'))).toEqual([{ line: 1, message: 'is not a .qdpx file (a zip archive)' }]);
    expect(reason(zipSync({ 'a.txt': strToU8('x') }))).toEqual([{ line: 1, message: 'holds no .qde project document' }]);
    const [broken] = reason(zipSync({ 'project.qde': strToU8('<Project>\n<Users></Project>') }));
    expect(broken?.line).toBe(2);
    expect(broken?.message).toMatch(/^project\.qde: Expected closing tag/);
  });
});
