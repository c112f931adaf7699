import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { refiSchema, schemaErrors } from '../../../test/refi-xsd.ts';
import { codePointLength, sliceByCodePoints } from '../transcripts/transcript-file.ts';
import { projectXml, qdpx, type QdaProject } from './project.ts';

const g = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const text = 'Intervjuer: Hva hjalp? 😊\nErfaringskonsulent: At teamet så meg — «likeverdig».\nP3: C’était la clé.';
const start = codePointLength('Intervjuer: Hva hjalp? 😊\nErfaringskonsulent: At ');
const project: QdaProject = {
  name: 'Integrating PSPs — Canada & Norway',
  origin: 'Alongside 0.1.0',
  createdAt: new Date('2026-12-04T10:00:00Z'),
  users: [{ guid: g(1), name: 'Coder A' }, { guid: g(2), name: 'Coder B' }],
  codes: [{ guid: g(10), name: 'Team relationships', codable: true, color: '#1D4ED8', description: 'How the team & PSPs relate', children: [{ guid: g(11), name: 'Recognition', codable: true, children: [] }] }],
  variables: [{ guid: g(20), name: 'Stakeholder group', type: 'Text' }, { guid: g(21), name: 'Quotes may be published', type: 'Boolean' }, { guid: g(22), name: 'Consent date', type: 'Date' }],
  cases: [{ guid: g(30), name: 'Informant NO-07', values: [{ variable: g(20), value: 'psp' }, { variable: g(21), value: true }, { variable: g(22), value: '2026-05-02' }], sources: [g(40)] }],
  sources: [
    {
      guid: g(40),
      name: 'Interview NO-07',
      text,
      createdBy: g(1),
      createdAt: new Date('2026-11-01T08:30:00Z'),
      selections: [
        {
          guid: g(50),
          start,
          end: start + codePointLength('teamet så meg'),
          createdBy: g(1),
          createdAt: new Date('2026-11-02T09:00:00Z'),
          codings: [{ guid: g(60), code: g(11), createdBy: g(1) }, { guid: g(61), code: g(10), createdBy: g(2) }],
          notes: [g(70)],
        },
      ],
      notes: [],
    },
  ],
  notes: [{ guid: g(70), name: 'Memo', text: 'Recognition <as> an equal', createdBy: g(1) }],
};

describe('REFI-QDA project (.qdpx)', () => {
  it('is valid against the published Project.xsd, UTF-8 without BOM, LF line ends, the default namespace', async () => {
    const xml = projectXml(project);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0"')).toBe(true);
    expect(xml).not.toContain('\r');
    const schema = refiSchema('Project.xsd');
    if (schema) expect(await schemaErrors(xml, schema, 'Project.xsd')).toEqual([]);
  });

  it('zips project.qde with each source as sources/<guid>.txt, and the selection’s code-point offsets point at the coded words after an emoji', () => {
    const files = unzipSync(qdpx(project));
    expect(Object.keys(files).sort()).toEqual(['project.qde', `sources/${g(40)}.txt`]);
    const stored = strFromU8(files[`sources/${g(40)}.txt`]!);
    expect(stored).toBe(text);
    const qde = strFromU8(files['project.qde']!);
    const [, from, to] = /startPosition="(\d+)" endPosition="(\d+)"/.exec(qde)!;
    expect(sliceByCodePoints(stored, Number(from), Number(to))).toBe('teamet så meg');
    expect(qde).toContain(`plainTextPath="internal://${g(40)}.txt"`);
    expect(qde).toContain('<BooleanValue>true</BooleanValue>');
    expect(qde).toContain('Recognition &lt;as&gt; an equal');
    // The same project gives the same bytes.
    expect(qdpx(project)).toEqual(qdpx(project));
  });
});
