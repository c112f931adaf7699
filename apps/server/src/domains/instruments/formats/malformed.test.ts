import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readFixture, readFixtureText } from './fixtures/read-fixture.ts';
import { MAX_IMPORT_BYTES, importInstrument, type ImportResult } from './index.ts';

// Bad files get errors that say where and why; nothing is thrown and nothing is returned as imported.

const encode = (text: string) => new TextEncoder().encode(text);

function errorsOf(result: ImportResult) {
  if (result.ok) throw new Error(`expected the import to fail, it gave ${result.definition.items.length} items`);
  return result.errors;
}

/** Deterministic junk (xorshift32), so a failure can be replayed. */
function junk(length: number, seed = 0x9e3779b9): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

async function workbook(sheets: Record<string, (string | null)[][]>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('files that are too large, empty or not text', () => {
  it('refuses 10 MB of random bytes by its size, before reading it', async () => {
    const errors = errorsOf(await importInstrument(junk(10 * 1024 * 1024), 'junk.bin'));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe('the file is 10.0 MB; instrument files may be at most 5 MB');
  });

  it('refuses one byte over the limit and reads a file at the limit', async () => {
    expect(errorsOf(await importInstrument(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x20)))[0]!.message).toMatch(
      /at most 5 MB/,
    );
    const atLimit = errorsOf(await importInstrument(new Uint8Array(MAX_IMPORT_BYTES).fill(0x20)));
    expect(atLimit[0]!.message).toBe('the file holds only white space');
  });

  it('says where random bytes under the limit stop being UTF-8', async () => {
    const bytes = junk(1024 * 1024, 7);
    bytes[0] = 0x41; // not "PK": read as text
    const [error] = errorsOf(await importInstrument(bytes));
    expect(error!.line).toBeGreaterThanOrEqual(1);
    expect(error!.column).toBeGreaterThanOrEqual(1);
    expect(error!.message).toMatch(/not valid UTF-8/);
  });

  it('quotes only the start of a huge line it cannot read', async () => {
    const errors = errorsOf(await importInstrument(new Uint8Array(MAX_IMPORT_BYTES).fill(0x41)));
    expect(errors[0]!.message).toBe(
      `not a REDCap data dictionary: none of its columns are in the first line, which starts "${'A'.repeat(39)}…"`,
    );
    expect(errors.every((e) => e.message.length <= 400)).toBe(true);
  });

  it('says the file is empty', async () => {
    expect(errorsOf(await importInstrument(new Uint8Array(0)))[0]!.message).toBe('the file is empty');
  });

  it('recognises an old .xls workbook', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(errorsOf(await importInstrument(bytes, 'form.xls'))[0]!.message).toMatch(/old Excel \(\.xls\) workbook/);
  });

  it('refuses a NUL character in a text file with its place', async () => {
    const [error] = errorsOf(await importInstrument(encode('{\n  "a": "x\u0000y"\n}')));
    expect(error).toMatchObject({ line: 2, column: 10 });
  });
});

describe('bad encoding', () => {
  it('points at the first byte that is not UTF-8 in a dictionary saved as Windows-1252', async () => {
    const [error] = errorsOf(
      await importInstrument(readFixture('redcap-saved-as-windows-1252.csv'), 'redcap-saved-as-windows-1252.csv'),
    );
    // Line 3 is `equipe_1,enquete,,radio,"Mon équipe…`: the é is the 30th character.
    expect(error).toEqual({
      line: 3,
      column: 30,
      message: 'byte 0xE9 is not valid UTF-8; save the file as UTF-8 (it may be in Windows-1252 or Latin-1)',
    });
  });

  it('counts columns in characters, not bytes, before the bad byte', async () => {
    const bytes = new Uint8Array([...encode('ab\nçé'), 0xff, ...encode('z')]);
    expect(errorsOf(await importInstrument(bytes))[0]).toMatchObject({ line: 2, column: 3 });
  });

  it('refuses overlong and surrogate encodings', async () => {
    for (const bad of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
    ]) {
      const [error] = errorsOf(await importInstrument(new Uint8Array([0x61, ...bad])));
      expect(error).toMatchObject({ line: 1, column: 2 });
    }
  });
});

describe('broken JSON', () => {
  it('gives the line and column of a missing comma in a Questionnaire', async () => {
    const [error] = errorsOf(
      await importInstrument(readFixture('broken-questionnaire.json'), 'broken-questionnaire.json'),
    );
    expect(readFixtureText('broken-questionnaire.json').split('\n')[10]).toBe('    {');
    expect(error).toEqual({ line: 11, column: 5, message: "not valid JSON: expected ',' or ']', found '{'" });
  });

  it('says where a string is left open and where the file ends too early', async () => {
    expect(errorsOf(await importInstrument(encode('{\n  "name": "unfinished\n}')))[0]).toEqual({
      line: 2,
      column: 22,
      message: 'not valid JSON: a line break or control character inside a string must be escaped',
    });
    expect(errorsOf(await importInstrument(encode('{\n  "format": "alongside-instrument",')))[0]).toMatchObject({
      line: 2,
      column: 36,
      message: 'not valid JSON: expected a property name in double quotes, found the end of the file',
    });
  });

  it('refuses a FHIR resource that is not a Questionnaire', async () => {
    const [error] = errorsOf(await importInstrument(encode('{"resourceType": "Bundle", "entry": []}')));
    expect(error!.message).toBe('a FHIR Bundle, not a Questionnaire; export the Questionnaire resource on its own');
  });

  it('refuses JSON that is neither ours nor FHIR', async () => {
    expect(errorsOf(await importInstrument(encode('[1, 2, 3]')))[0]!.message).toBe(
      'expected a JSON object describing an instrument',
    );
    expect(errorsOf(await importInstrument(encode('{"title": "x"}')))[0]).toMatchObject({
      field: 'format',
      line: 1,
      column: 1,
    });
  });
});

describe('CSV that is not a REDCap data dictionary', () => {
  it('names the missing columns of a records export', async () => {
    const errors = errorsOf(
      await importInstrument(
        readFixture('redcap-records-export-not-a-dictionary.csv'),
        'redcap-records-export-not-a-dictionary.csv',
      ),
    );
    expect(errors[0]!.message).toMatch(/^this looks like a REDCap records export/);
    expect(errors.slice(1).map((e) => e.field)).toEqual([
      'Variable / Field Name',
      'Form Name',
      'Field Type',
      'Field Label',
      'Choices, Calculations, OR Slider Labels',
    ]);
    expect(errors.every((e) => e.line === 1)).toBe(true);
  });

  it('names the one column missing from an otherwise good header', async () => {
    const text = readFixtureText('PeerSupportIntegration_DataDictionary_2025-03-14.csv').replace(
      '"Field Type",',
      '"Kind of field",',
    );
    const errors = errorsOf(await importInstrument(encode(text), 'dictionary.csv'));
    expect(errors).toEqual([
      {
        line: 1,
        field: 'Field Type',
        message: 'the header has no "Field Type" column, which a REDCap data dictionary needs',
      },
    ]);
  });

  it('names both lines of a duplicate variable', async () => {
    const errors = errorsOf(
      await importInstrument(readFixture('redcap-duplicate-variables.csv'), 'redcap-duplicate-variables.csv'),
    );
    expect(errors).toEqual([
      {
        line: 5,
        column: 1,
        field: 'Variable / Field Name',
        message: 'the variable team_1 appears twice, on lines 3 and 5',
      },
    ]);
  });

  it('says where an unclosed quote opened', async () => {
    const header = readFixtureText('redcap-duplicate-variables.csv').split('\n')[0]!;
    const unclosed = `${header}\nrecord_id,survey,,text,"Record ID\nteam_1,survey,,text,Team\n`;
    expect(errorsOf(await importInstrument(encode(unclosed)))[0]).toEqual({
      line: 2,
      column: 24,
      message: 'not a valid CSV file: this quoted field is never closed',
    });
    const stray = `${header}\nrecord_id,survey,,text,"Record ID\nteam_1,survey,,text,"Team"\n`;
    expect(errorsOf(await importInstrument(encode(stray)))[0]).toEqual({
      line: 3,
      column: 22,
      message: 'not a valid CSV file: expected a comma or the end of the line after a closing quote',
    });
  });

  it('refuses choices it cannot read and an unknown field type, with line and column', async () => {
    const header = readFixtureText('redcap-duplicate-variables.csv').split('\n')[0]!;
    const text = [
      header,
      'record_id,s,,text,"ID",,,,,,,,,,,,,',
      'q1,s,,radio,"Q1","1 Yes | 2 No",,,,,,,,,,,,',
      'q2,s,,matrix,"Q2",,,,,,,,,,,,,',
    ].join('\n');
    expect(errorsOf(await importInstrument(encode(text)))).toEqual([
      {
        line: 3,
        column: 6,
        field: 'Choices, Calculations, OR Slider Labels',
        message: 'the choices of q1 cannot be read: "1 Yes" has no comma between its code and its label',
      },
      { line: 4, column: 4, field: 'Field Type', message: '"matrix" is not a REDCap field type' },
    ]);
  });
});

describe('workbooks that are not XLSForms', () => {
  it('refuses a zip archive cut short', async () => {
    const whole = readFixture('peer-support-kobo.xlsx');
    for (const length of [4, 100, Math.floor(whole.length / 2), whole.length - 10]) {
      const [error] = errorsOf(await importInstrument(whole.slice(0, length), 'peer-support-kobo.xlsx'));
      expect(error!.message).toMatch(/damaged or cut short/);
    }
  });

  it('refuses a zip that is not a workbook and a workbook without a survey sheet', async () => {
    const zip = zipSync({ 'notes.txt': strToU8('hello') });
    expect(errorsOf(await importInstrument(zip))[0]!.message).toMatch(/not an Excel workbook/);
    const book = await workbook({ Sheet1: [['a', 'b']] });
    expect(errorsOf(await importInstrument(book))[0]!.message).toBe(
      'not an XLSForm: the workbook has no sheet named survey (it has Sheet1)',
    );
  });

  it('names both rows of a duplicate name, an unknown list and an unclosed group', async () => {
    const book = await workbook({
      survey: [
        ['type', 'name', 'label'],
        ['begin_group', 'g1', 'Group'],
        ['text', 'q1', 'First'],
        ['text', 'q1', 'Again'],
        ['select_one nowhere', 'q2', 'Pick'],
      ],
      choices: [['list_name', 'name', 'label']],
    });
    expect(errorsOf(await importInstrument(book))).toEqual([
      { sheet: 'survey', line: 4, column: 2, field: 'name', message: 'the name q1 appears twice, on rows 3 and 4' },
      {
        sheet: 'survey',
        line: 5,
        column: 1,
        field: 'type',
        message: 'select_one nowhere: the list nowhere is not on the choices sheet',
      },
      {
        sheet: 'survey',
        line: 2,
        column: 1,
        field: 'type',
        message: 'the group started on row 2 is never closed (end_group)',
      },
    ]);
  });
});

describe('never a throw', () => {
  const samples = [
    'PeerSupportIntegration_DataDictionary_2025-03-14.csv',
    'peer-support-integration-check.questionnaire.json',
    'team-integration-pulse.alongside.json',
  ].map((name) => ({ name, bytes: readFixture(name) }));

  it('answers every mangled text fixture with a result', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...samples),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        async (sample, edits, cut) => {
          const bytes = sample.bytes.slice(0, sample.bytes.length - (cut % 64));
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          const result = await importInstrument(bytes, sample.name);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300, seed: 20250314 },
    );
  }, 120_000);

  it('answers every mangled workbook with a result', async () => {
    const xlsx = readFixture('peer-support-kobo.xlsx');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        async (edits) => {
          const bytes = xlsx.slice();
          for (const [at, value] of edits) bytes[2 + (at % (bytes.length - 2))] = value;
          const result = await importInstrument(bytes, 'peer-support-kobo.xlsx');
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 25, seed: 20250314 },
    );
  }, 120_000);
});
