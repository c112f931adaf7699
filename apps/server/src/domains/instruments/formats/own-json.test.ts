import { describe, expect, it } from 'vitest';
import { readFixtureText } from './fixtures/read-fixture.ts';
import { exportInstrument, importInstrument, type ImportResult } from './index.ts';

type Document = { definition: { items: Record<string, unknown>[] } } & Record<string, unknown>;

/** The fixture, changed by `edit`, as the bytes of a file (two-space indented, like our export). */
function variant(edit: (document: Document) => void): Uint8Array {
  const document = JSON.parse(readFixtureText('team-integration-pulse.alongside.json')) as Document;
  edit(document);
  return new TextEncoder().encode(JSON.stringify(document, null, 2));
}

/** The 1-based line and column of the n-th occurrence of `needle` in a file. */
function find(bytes: Uint8Array, needle: string, occurrence = 0): { line: number; column: number } {
  const lines = new TextDecoder().decode(bytes).split('\n');
  let seen = 0;
  for (const [index, line] of lines.entries()) {
    const column = line.indexOf(needle);
    if (column >= 0 && seen++ === occurrence) return { line: index + 1, column: column + 1 };
  }
  throw new Error(`${needle} not found`);
}

const failed = (result: ImportResult) => (result.ok ? [] : result.errors);

describe('own JSON', () => {
  it('reads the fixture without a notice and writes it back byte for byte', async () => {
    const text = readFixtureText('team-integration-pulse.alongside.json');
    const result = await importInstrument(new TextEncoder().encode(text), 'team-integration-pulse.alongside.json');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.notices).toEqual([]);
    expect(result.sourceVersion).toBe('3');
    const file = await exportInstrument('json', {
      key: result.key,
      name: result.name,
      url: result.url!,
      licence: result.licence,
      versionNumber: 3,
      definition: result.definition,
    });
    expect(file.filename).toBe('team-integration-pulse-v3.alongside.json');
    expect(JSON.parse(new TextDecoder().decode(file.body))).toEqual(JSON.parse(text));
  });

  it('reports properties it does not know where they are written, and imports the rest', async () => {
    const bytes = variant((d) => {
      d.definition.items[2]!.colour = 'red';
      d.exportedBy = 'someone';
    });
    const result = await importInstrument(bytes);
    expect(result.ok && result.notices).toEqual([
      {
        ...find(bytes, '"colour"'),
        field: 'definition.items.2.colour',
        message: '"colour" is not part of the Alongside instrument format and was not imported',
      },
      {
        ...find(bytes, '"exportedBy"'),
        field: 'exportedBy',
        message: '"exportedBy" is not part of the Alongside instrument format and was not imported',
      },
    ]);
  });

  it('points at the property that breaks the schema', async () => {
    const bytes = variant((d) => {
      d.definition.items[3]!.type = 'slider';
    });
    const [error] = failed(await importInstrument(bytes));
    expect(error).toMatchObject({ ...find(bytes, '"type": "slider"'), field: 'definition.items.3.type' });
  });

  it('refuses wording in a language Alongside does not have, at the key', async () => {
    const bytes = variant((d) => {
      (d.definition.items[0]!.text as Record<string, string>).de = 'Die Leute in meinem Team teilen ihr Wissen.';
    });
    expect(failed(await importInstrument(bytes))).toEqual([
      { ...find(bytes, '"de"'), field: 'definition.items.0.text', message: 'Unrecognized key: "de"' },
    ]);
  });

  it('refuses what only definitionProblems sees, at the right place', async () => {
    const unknownScale = variant((d) => {
      d.definition.items[1]!.scale = 'agree7';
    });
    expect(failed(await importInstrument(unknownScale))).toEqual([
      {
        ...find(unknownScale, '"scale": "agree7"'),
        field: 'definition.items.1.scale',
        message: 'a Likert item needs a known response scale',
      },
    ]);
    const forward = variant((d) => {
      d.definition.items[0]!.enableWhen = [{ item: 'role_2', operator: 'equals', value: 1 }];
    });
    expect(failed(await importInstrument(forward))).toEqual([
      {
        ...find(forward, '"enableWhen"'),
        field: 'definition.items.0.enableWhen',
        message: 'must refer to an earlier item, not role_2',
      },
    ]);
  });

  it('refuses a file written by a newer Alongside', async () => {
    const bytes = variant((d) => {
      d.formatVersion = 2;
    });
    expect(failed(await importInstrument(bytes))).toEqual([
      {
        line: 1,
        column: 1,
        field: 'formatVersion',
        message: 'written by a newer Alongside (formatVersion 2); this version reads formatVersion 1',
      },
    ]);
  });
});
