import { describe, expect, it } from 'vitest';
import { codebookXml, QdaFileError, readCodebook, type QdaCode } from './codebook.ts';
import { refiSchema, schemaErrors } from '../../../test/refi-xsd.ts';

const code = (guid: string, name: string, extra: Partial<QdaCode> = {}): QdaCode => ({ guid, name, codable: true, children: [], ...extra });
const tree: QdaCode[] = [
  code('0b6f8c0e-3a51-4c43-9d9e-1f2a3b4c5d6e', 'Barrières — macro', {
    codable: false,
    color: '#B42318',
    description: 'Politique & financement: « ce qui freine » <niveau macro>',
    children: [code('1c7a9d1f-4b62-4d54-8eaf-2a3b4c5d6e7f', 'Finansiering og føringer 😊', { color: '#1D4ED8' })],
  }),
  code('2d8bae20-5c73-4e65-9fb0-3b4c5d6e7f80', 'Shared lived experience'),
];
const bytes = (text: string) => new TextEncoder().encode(text);

async function problems(read: () => unknown) {
  try {
    read();
  } catch (error) {
    if (error instanceof QdaFileError) return error.problems;
    throw error;
  }
  throw new Error('the file was imported');
}

describe('REFI-QDA codebook (.qdc)', () => {
  it('writes UTF-8 without BOM, LF line ends, the default namespace, and is valid against the published Codebook.xsd', async () => {
    const xml = codebookXml(tree, 'Alongside 0.1.0');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"')).toBe(true);
    expect(xml).not.toContain('\r');
    expect(xml.charCodeAt(0)).not.toBe(0xfeff);
    const schema = refiSchema('Codebook.xsd');
    if (schema) expect(await schemaErrors(xml, schema, 'Codebook.xsd')).toEqual([]);
  });

  it('reads back what it writes, names, colours, descriptions and nesting included', () => {
    expect(readCodebook(bytes(codebookXml(tree, 'Alongside'))).codes).toEqual(tree);
  });

  it('reads another tool’s habits: a prefixed namespace, braced GUIDs, 3-digit colours, 1/0 booleans; reports code sets it does not import', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\r\n<qdc:CodeBook xmlns:qdc="urn:QDA-XML:codebook:1.0"><qdc:Codes>\r\n<qdc:Code guid="{0B6F8C0E-3A51-4C43-9D9E-1F2A3B4C5D6E}" name="Culture" isCodable="1" color="#abc"/>\r\n</qdc:Codes>\r\n<qdc:Sets><qdc:Set guid="3e9cbf31-6d84-4f76-a0c1-4c5d6e7f8091" name="Meso"/></qdc:Sets></qdc:CodeBook>`;
    const read = () => readCodebook(bytes(xml));
    expect(read().codes).toEqual([{ guid: '0b6f8c0e-3a51-4c43-9d9e-1f2a3b4c5d6e', name: 'Culture', codable: true, color: '#AABBCC', children: [] }]);
    expect(read().notImported).toEqual([{ line: 5, message: 'code set "Meso" is not imported: Alongside has no code sets (its codes are)' }]);
  });

  it('reports a bad file by line (and column where the XML itself is broken) and imports nothing', async () => {
    expect(await problems(() => readCodebook(bytes('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>\n<Code guid="x"></Codes></CodeBook>')))).toEqual([
      { line: 2, column: 16, message: "Expected closing tag 'Code' (opened in line 2, col 1) instead of closing tag 'Codes'." },
    ]);
    const bad = '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>\n<Code guid="not-a-guid" name="A" isCodable="true"/>\n<Code guid="2d8bae20-5c73-4e65-9fb0-3b4c5d6e7f80" name="" isCodable="maybe" color="red"/>\n</Codes></CodeBook>';
    expect(await problems(() => readCodebook(bytes(bad)))).toEqual([
      { line: 2, message: 'Code guid "not-a-guid" is not a GUID' },
      { line: 3, message: 'Code has no name' },
      { line: 3, message: 'Code 2d8bae20-5c73-4e65-9fb0-3b4c5d6e7f80: isCodable must be true or false' },
      { line: 3, message: 'Code 2d8bae20-5c73-4e65-9fb0-3b4c5d6e7f80: color "red" is not #RRGGBB' },
    ]);
    expect(await problems(() => readCodebook(bytes('<Project/>')))).toEqual([{ line: 1, message: 'has no CodeBook element: not a REFI-QDA codebook (.qdc)' }]);
    expect(await problems(() => readCodebook(bytes('<CodeBook xmlns="urn:other"><Codes/></CodeBook>')))).toEqual([
      { line: 1, message: 'CodeBook is not in the namespace urn:QDA-XML:codebook:1.0' },
      { line: 1, message: 'Codes holds no Code' },
    ]);
    expect(await problems(() => readCodebook(new Uint8Array([0x3c, 0xff, 0x3e])))).toEqual([{ line: 1, message: 'is not UTF-8' }]);
  });
});
