import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@alongside/contracts';
import { refiSchema, schemaErrors } from '../../test/refi-xsd.ts';
import { codebookXml, readCodebook, type QdaCode } from './refi-qda/codebook.ts';
import { STARTER_CODEBOOK, starterCodes, type StarterCode } from './starter-codebook.ts';

const all = (codes: StarterCode[]): StarterCode[] => codes.flatMap((c) => [c, ...all(c.children ?? [])]);
const names = (codes: QdaCode[]): string[] => codes.flatMap((c) => [c.name, ...names(c.children)]);

describe('the starter codebook', () => {
  it('has the three levels, the strategies and the principles, every code named and defined in en, fr and nb, GUIDs unique', () => {
    const codes = all(STARTER_CODEBOOK);
    expect(STARTER_CODEBOOK).toHaveLength(5);
    expect(new Set(codes.map((c) => c.guid)).size).toBe(codes.length);
    for (const code of codes)
      for (const language of LANGUAGES) {
        expect(code.name[language].length, `${code.guid} ${language}`).toBeGreaterThan(2);
        expect(code.definition[language].length, `${code.guid} ${language}`).toBeGreaterThan(10);
      }
    expect(STARTER_CODEBOOK[3]!.children!.map((c) => c.name.en)).toEqual([
      'Gradual roll-out', 'Champions', 'Demonstrating value', 'Working with resistant groups', 'Continuous improvement', 'Organizational priority', 'Patient-centred care',
    ]);
    expect(STARTER_CODEBOOK[4]!.children).toHaveLength(5);
  });

  it.each(LANGUAGES)('exports in %s as a valid REFI-QDA codebook that reads back the same', async (language) => {
    const codes = starterCodes(language);
    const xml = codebookXml(codes, 'Alongside');
    const schema = refiSchema('Codebook.xsd');
    if (schema) expect(await schemaErrors(xml, schema, 'Codebook.xsd')).toEqual([]);
    expect(readCodebook(new TextEncoder().encode(xml)).codes).toEqual(codes);
    expect(new Set(names(codes)).size).toBe(names(codes).length);
  });
});
