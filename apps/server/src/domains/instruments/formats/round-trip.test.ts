import fc from 'fast-check';
import { LANGUAGES, type InstrumentDefinition, type Language, type LocalizedText } from '@alongside/contracts';
import { describe, expect, it } from 'vitest';
import { readFixture } from './fixtures/read-fixture.ts';
import {
  MAX_IMPORT_BYTES,
  exportInstrument,
  importInstrument,
  type ImportedInstrument,
  type InstrumentDocument,
} from './index.ts';

// Round trips from our own JSON through each format and back keep everything the two formats share.
//
// What each format cannot carry (✓ kept; ext = in an Alongside extension; tag = in @ALONGSIDE-… tags):
//
// | feature                                        | FHIR R4                 | REDCap dictionary          | XLSForm                    |
// |------------------------------------------------|-------------------------|----------------------------|----------------------------|
// | items: names, types, required, order           | ✓                       | ✓                          | ✓                          |
// | wording in en, fr, nb                          | ✓ translation extension | one language per file      | ✓ label::/hint:: columns   |
// | help text                                      | ✓ help display item     | ✓ Field Note               | ✓ hint                     |
// | options: codes and labels                      | ✓                       | ✓                          | ✓                          |
// | option and scale-point scores                  | ✓ ordinalValue (1)      | tag                        | tag                        |
// | response scales: id, points, labels            | ✓ (ext for the id)      | ✓ matrix group + tag       | ✓ choice list, likert      |
// | number min / max / whole number                | ✓ minValue / maxValue   | ✓ validation min / max     | ✓ constraint               |
// | conditions (enableWhen) and their behaviour    | ✓ (2)                   | ✓ branching logic (2) (3)  | ✓ relevance (2) (3)        |
// | sections: titles                               | ✓ groups                | ✓ section headers          | ✓ groups                   |
// | section ids and nesting                        | ✓                       | ✗ flat, ids from titles(4) | ✓                          |
// | section descriptions                           | ✓ display item          | ✓ descriptive field (4)    | ✓ note                     |
// | instrument title                               | ✓ title                 | ✗ name from the form name  | source language only       |
// | instrument description                         | ✓ description           | ✓ descriptive field        | ✓ note                     |
// | key / version / canonical url                  | ✓ identifier, version, url | key in the file name only | key as form_id, version  |
// | reverse keys, identifying items                | ext                     | tag, Identifier?           | tag                        |
// | subscale membership                            | ext                     | tag                        | tag                        |
// | subscale name, aggregate, minimum, transform, outcome | ext              | ✗ defaults                 | ✗ defaults                 |
// | wording substitutions                          | ext                     | ✗                          | ✗                          |
// | licence status, permission, attribution        | ext (copyright: ✓)      | ✗ (conditional on import)  | ✗ (conditional on import)  |
// | translation provenance, stale items, audience  | ext                     | ✗                          | ✗                          |
//
// (1) a score equal to the point's value is written as that ordinalValue and read back as no score: the same scoring.
// (2) two or more conditions without a behaviour are written as "all", which is what they mean.
// (3) "answered" on a multiple-choice item needs a function in REDCap and XLSForm; it is reported and not written.
// (4) a section holding only sub-sections has no field to carry its header: its title and description are lost.

async function imported(bytes: Uint8Array, filename: string, language?: Language): Promise<ImportedInstrument> {
  const result = await importInstrument(bytes, filename, language ? { language } : {});
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result;
}

async function original(): Promise<InstrumentDocument> {
  const result = await imported(
    readFixture('team-integration-pulse.alongside.json'),
    'team-integration-pulse.alongside.json',
  );
  return {
    key: result.key,
    name: result.name,
    url: result.url!,
    licence: result.licence,
    versionNumber: 3,
    definition: result.definition,
  };
}

async function through(
  format: 'json' | 'fhir' | 'redcap' | 'xlsform',
  document: InstrumentDocument,
  language?: Language,
) {
  const file = await exportInstrument(format, document, language ? { language } : {});
  return imported(file.body, file.filename, language);
}

/** One language of a text. */
const only = (text: LocalizedText | undefined, language: Language) => text?.[language];

describe('round trips from our own JSON', () => {
  it('the fixture holds what the round trips need', async () => {
    const { definition } = await original();
    expect(definition.languages.map((l) => l.code)).toEqual(['en', 'fr', 'nb']);
    expect(definition.scales[0]!.points).toHaveLength(5);
    expect(definition.items.filter((i) => i.reverse).length).toBeGreaterThan(0);
    expect(definition.subscales).toHaveLength(2);
    expect(new Set(definition.items.map((i) => i.type))).toEqual(
      new Set(['likert', 'single', 'multiple', 'number', 'text']),
    );
    expect(definition.items.find((i) => i.type === 'number')).toMatchObject({ min: 0, max: 50 });
    expect(definition.items.some((i) => i.enableWhen?.length)).toBe(true);
    expect(definition.sections.some((s) => s.parent)).toBe(true);
  });

  it('→ own JSON → own keeps everything', async () => {
    const document = await original();
    const back = await through('json', document);
    expect({
      key: back.key,
      name: back.name,
      url: back.url,
      licence: back.licence,
      definition: back.definition,
      sourceVersion: back.sourceVersion,
    }).toEqual({
      ...document,
      versionNumber: undefined,
      sourceVersion: '3',
    });
  });

  it('→ FHIR → own keeps everything, field by field', async () => {
    const document = await original();
    const back = await through('fhir', document);
    expect(back.notices).toEqual([]);
    expect(back.key).toBe(document.key);
    expect(back.name).toBe(document.name);
    expect(back.url).toBe(document.url);
    expect(back.sourceVersion).toBe('3');
    expect(back.licence).toEqual(document.licence);
    const [a, b] = [document.definition, back.definition];
    expect(b.title).toEqual(a.title);
    expect(b.description).toEqual(a.description);
    expect(b.sourceLanguage).toBe(a.sourceLanguage);
    expect(b.languages).toEqual(a.languages);
    expect(b.audience).toEqual(a.audience);
    expect(b.scales).toEqual(a.scales);
    expect(b.sections).toEqual(a.sections);
    expect(b.items.map((i) => i.name)).toEqual(a.items.map((i) => i.name));
    b.items.forEach((item, index) => expect(item).toEqual(a.items[index]));
    expect(b.subscales).toEqual(a.subscales);
    expect(b.substitutions).toEqual(a.substitutions);
    expect(b).toEqual(a);
  });

  it.each(LANGUAGES)('→ REDCap (%s) → own keeps what a dictionary holds, field by field', async (language) => {
    const document = await original();
    const back = await through('redcap', document, language);
    const [a, b] = [document.definition, back.definition];
    expect(back.key).toBe(document.key);
    expect(b.sourceLanguage).toBe(language);
    expect(b.languages.map((l) => l.code)).toEqual([language]);
    expect(only(b.description, language)).toBe(only(a.description, language));
    expect(b.items.map((i) => i.name)).toEqual(a.items.map((i) => i.name));
    const sectionTitle = (definition: InstrumentDefinition, id: string | undefined) =>
      only(definition.sections.find((s) => s.id === id)?.title, language);
    a.items.forEach((item, index) => {
      const copy = b.items[index]!;
      expect(copy.type).toBe(item.type);
      expect(only(copy.text, language)).toBe(only(item.text, language));
      expect(only(copy.help, language)).toBe(only(item.help, language));
      expect(copy.options?.map((o) => [o.code, only(o.label, language), o.score])).toEqual(
        item.options?.map((o) => [o.code, only(o.label, language), o.score]),
      );
      expect(copy.scale).toBe(item.scale);
      expect([copy.min, copy.max, copy.integer]).toEqual([item.min, item.max, item.integer]);
      expect([copy.required, copy.reverse, copy.identifier]).toEqual([item.required, item.reverse, item.identifier]);
      expect(copy.enableWhen).toEqual(item.enableWhen);
      expect(copy.enableBehavior).toBe(item.enableBehavior);
      expect(sectionTitle(b, copy.section)).toBe(sectionTitle(a, item.section));
    });
    expect(b.scales.map((s) => [s.id, s.points.map((p) => [p.value, only(p.label, language), p.score])])).toEqual(
      a.scales.map((s) => [s.id, s.points.map((p) => [p.value, only(p.label, language), p.score])]),
    );
    expect(b.subscales.map((s) => [s.id, s.items])).toEqual(a.subscales.map((s) => [s.id, s.items]));
    // Only sections that hold items have a header to travel in.
    const holding = a.sections.filter((s) => a.items.some((i) => i.section === s.id));
    expect(b.sections.map((s) => [only(s.title, language), only(s.description, language)])).toEqual(
      holding.map((s) => [only(s.title, language), only(s.description, language)]),
    );
  });

  it('→ XLSForm → own keeps what a workbook holds, field by field', async () => {
    const document = await original();
    const back = await through('xlsform', document);
    const [a, b] = [document.definition, back.definition];
    expect(back.key).toBe(document.key);
    expect(back.sourceVersion).toBe('3');
    expect(back.name).toBe(document.name);
    expect(b.title).toEqual({ en: a.title.en });
    expect(b.description).toEqual(a.description);
    expect(b.sourceLanguage).toBe(a.sourceLanguage);
    expect(b.languages.map((l) => l.code)).toEqual(a.languages.map((l) => l.code));
    expect(b.scales).toEqual(a.scales);
    expect(b.sections).toEqual(a.sections);
    b.items.forEach((item, index) => expect(item).toEqual(a.items[index]));
    expect(b.items).toHaveLength(a.items.length);
    expect(b.subscales.map((s) => [s.id, s.items])).toEqual(a.subscales.map((s) => [s.id, s.items]));
  });

  it('keeps a section whose id is also the name of an item (FHIR linkIds and XLSForm names are shared)', async () => {
    const document = await original();
    const definition = structuredClone(document.definition);
    definition.sections.find((s) => s.id === 'about_you')!.id = 'settings';
    for (const item of definition.items) if (item.section === 'about_you') item.section = 'settings';
    const changed = { ...document, definition };
    expect((await through('fhir', changed)).definition).toEqual(definition);
    const xlsform = await through('xlsform', changed);
    expect(xlsform.definition.sections).toEqual(definition.sections);
    expect(xlsform.definition.items).toEqual(definition.items);
  });

  it('→ FHIR → REDCap → XLSForm → own keeps what all of them share', async () => {
    const document = await original();
    const fhir = await through('fhir', document);
    const redcap = await through('redcap', { ...document, definition: fhir.definition }, 'en');
    const xlsform = await through('xlsform', {
      key: redcap.key,
      name: redcap.name,
      licence: redcap.licence,
      definition: redcap.definition,
    });
    const text = (d: InstrumentDefinition) =>
      d.items.map((i) => [
        i.name,
        i.type,
        i.text.en,
        i.help?.en,
        i.required,
        i.reverse,
        i.identifier,
        i.enableWhen,
        i.min,
        i.max,
      ]);
    expect(text(xlsform.definition)).toEqual(text(document.definition));
  });

  it('takes the largest definition the schema allows through every format and back', async () => {
    const document = await original();
    const source = document.definition.items.filter((i) => !i.enableWhen);
    const items = Array.from({ length: 1000 }, (_, i) => ({
      ...structuredClone(source[Math.floor((i * source.length) / 1000)]!),
      name: `q_${i}`,
    }));
    const definition = { ...document.definition, items, subscales: [] };
    const large = { ...document, definition };
    for (const format of ['json', 'fhir', 'redcap', 'xlsform'] as const) {
      const file = await exportInstrument(format, large);
      expect(file.body.length).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
      const back = await imported(file.body, file.filename);
      expect(back.definition.items.map((i) => i.name)).toEqual(items.map((i) => i.name));
    }
  }, 120_000);

  it('keeps any wording: quotes, commas, pipes, brackets, HTML-like text, line breaks and any script', async () => {
    const document = await original();
    const wording = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
      .map((s) =>
        Array.from(s)
          .filter((c) => (c.charCodeAt(0) >= 32 && c !== '|') || c === '\n')
          .join('')
          .trim(),
      )
      .filter((s) => s.length > 0);
    const special = fc.constantFrom(
      'a, "quoted" b',
      '<b>not bold</b> & more',
      'line one\nline two',
      '[q1] is ${q1}',
      'æøå ÆØÅ éèê «»',
      '1, 2 ; 3\t4',
      '@HIDDEN text',
      '&amp; stays',
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(wording, special), async (text) => {
        const definition = structuredClone(document.definition);
        for (const language of LANGUAGES) {
          definition.items[0]!.text[language] = `${text} (${language})`;
          definition.items[3]!.help![language] = text;
          definition.scales[0]!.points[2]!.label[language] = text;
          definition.items[7]!.options![1]!.label[language] = `${language}: ${text}`;
        }
        const changed = { ...document, definition };
        for (const format of ['fhir', 'xlsform'] as const) {
          const back = await through(format, changed);
          expect(back.definition.items[0]!.text).toEqual(definition.items[0]!.text);
          expect(back.definition.items[3]!.help).toEqual(definition.items[3]!.help);
          expect(back.definition.scales[0]!.points[2]!.label).toEqual(definition.scales[0]!.points[2]!.label);
          expect(back.definition.items[7]!.options![1]!.label).toEqual(definition.items[7]!.options![1]!.label);
        }
        const back = await through('redcap', changed, 'nb');
        expect(back.definition.items[0]!.text).toEqual({ nb: definition.items[0]!.text.nb });
        expect(back.definition.items[3]!.help).toEqual({ nb: text });
        // REDCap choices are one line each: a line break in a choice label becomes a space (and is reported).
        const oneLine = (label: string) => label.replace(/\s*[\r\n]+\s*/g, ' ');
        expect(back.definition.scales[0]!.points[2]!.label).toEqual({ nb: oneLine(text) });
        expect(back.definition.items[7]!.options![1]!.label).toEqual({ nb: oneLine(`nb: ${text}`) });
        expect(back.notices.filter((n) => n.message.includes('HTML'))).toEqual([]);
      }),
      { numRuns: 60, seed: 9 },
    );
  }, 120_000);
});
