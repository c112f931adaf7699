import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildXlsformFixture } from './fixtures/make-xlsform-fixture.ts';
import { readFixture } from './fixtures/read-fixture.ts';
import { exportInstrument, importInstrument, type ImportedInstrument } from './index.ts';

const WORKBOOK = 'peer-support-kobo.xlsx';

async function imported(
  bytes: Uint8Array,
  filename = WORKBOOK,
  language?: 'en' | 'fr' | 'nb',
): Promise<ImportedInstrument> {
  const result = await importInstrument(bytes, filename, language ? { language } : {});
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

async function sheetRows(bytes: Uint8Array, name: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  book.getWorksheet(name)!.eachRow((row) => {
    const values: (string | undefined)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = cell.text;
    });
    rows.push(Array.from(values, (v) => v ?? ''));
  });
  return rows;
}

describe('XLSForm import', () => {
  it('is the workbook the committed generator writes', async () => {
    const [committed, generated] = [readFixture(WORKBOOK), await buildXlsformFixture()];
    for (const sheet of ['survey', 'choices', 'settings'])
      expect(await sheetRows(committed, sheet)).toEqual(await sheetRows(generated, sheet));
  });

  it('reads settings: title, form id, version and default language', async () => {
    const result = await imported(readFixture(WORKBOOK));
    expect(result).toMatchObject({
      format: 'xlsform',
      key: 'peer-support-team-2025',
      name: 'Peer support on your team',
      sourceVersion: '2025031401',
    });
    expect(result.definition.sourceLanguage).toBe('en');
    expect(result.definition.languages.map((l) => l.code)).toEqual(['en', 'fr', 'nb']);
  });

  it('reads the three label:: and hint:: languages', async () => {
    const { definition } = await imported(readFixture(WORKBOOK));
    const years = definition.items.find((i) => i.name === 'years')!;
    expect(years).toMatchObject({
      type: 'number',
      integer: true,
      min: 0,
      max: 50,
      required: true,
      text: {
        en: 'How many years have you been on this team?',
        fr: 'Depuis combien d’années faites-vous partie de cette équipe?',
        nb: 'Hvor mange år har du vært på dette teamet?',
      },
      help: {
        en: 'Whole years; 0 if less than one.',
        fr: 'En années complètes; 0 si moins d’un an.',
        nb: 'Hele år; 0 hvis under ett.',
      },
    });
  });

  it('makes nested groups nested sections and the likert list a response scale', async () => {
    const { definition } = await imported(readFixture(WORKBOOK));
    expect(definition.sections.map((s) => [s.id, s.parent ?? null, s.title.nb])).toEqual([
      ['team', null, 'Teamet ditt'],
      ['climate', 'team', 'Teamklima'],
      ['support', null, 'Støtte'],
      ['colleagues', null, 'Kolleger'],
    ]);
    expect(definition.scales).toHaveLength(1);
    expect(definition.scales[0]!.id).toBe('agree5');
    expect(definition.scales[0]!.points.map((p) => [p.value, p.label.fr])).toEqual([
      [1, 'Tout à fait en désaccord'],
      [2, 'Plutôt en désaccord'],
      [3, 'Ni l’un ni l’autre'],
      [4, 'Plutôt d’accord'],
      [5, 'Tout à fait d’accord'],
    ]);
    expect(definition.items.filter((i) => i.type === 'likert').map((i) => [i.name, i.section, i.required])).toEqual([
      ['climate_1', 'climate', true],
      ['climate_2', 'climate', true],
      ['climate_3', 'climate', true],
    ]);
    expect(definition.description?.nb).toBe(
      'Takk for at du hjelper oss å forstå hvordan erfaringskompetanse passer inn i teamet ditt.',
    );
  });

  it('maps relevance it can and reports the rest with its row', async () => {
    const { definition, notices } = await imported(readFixture(WORKBOOK));
    const byName = new Map(definition.items.map((i) => [i.name, i]));
    expect(byName.get('role_other')!.enableWhen).toEqual([{ item: 'role', operator: 'equals', value: 'other' }]);
    expect(byName.get('supports_missing')!.enableWhen).toEqual([
      { item: 'supports', operator: 'equals', value: 'none' },
    ]);
    expect(byName.get('barriers')).toMatchObject({
      enableWhen: [
        { item: 'climate_1', operator: 'less', value: 3 },
        { item: 'climate_2', operator: 'less', value: 3 },
      ],
      enableBehavior: 'any',
    });
    expect(byName.get('role_story')!.enableWhen).toBeUndefined();
    expect(notices).toContainEqual({
      sheet: 'survey',
      line: 19,
      column: 10,
      field: 'relevant',
      message:
        'the relevance of role_story was not imported: it uses the function string-length(); the question is always shown',
    });
  });

  it('reports metadata, calculate, repeat, appearances, extra columns and settings by sheet and row', async () => {
    const { definition, notices } = await imported(readFixture(WORKBOOK));
    expect(notices).toEqual(
      expect.arrayContaining([
        {
          sheet: 'survey',
          line: 2,
          column: 1,
          field: 'type',
          message: 'start is metadata the phone records; Alongside does not, so start was not imported',
        },
        {
          sheet: 'survey',
          line: 21,
          column: 1,
          field: 'type',
          message: 'calculate has no equivalent in Alongside; climate_sum was not imported',
        },
        {
          sheet: 'survey',
          line: 21,
          column: 14,
          field: 'calculation',
          message: 'the column calculation is not imported',
        },
        {
          sheet: 'survey',
          line: 23,
          column: 1,
          field: 'type',
          message: 'the repeat colleagues is not supported; its questions are asked once',
        },
        { sheet: 'survey', line: 6, column: 13, field: 'appearance', message: 'the appearance minimal is not kept' },
        {
          sheet: 'survey',
          line: 8,
          column: 12,
          field: 'constraint_message::English (en)',
          message: 'the column constraint_message::English (en) is not imported',
        },
        {
          sheet: 'survey',
          line: 20,
          column: 1,
          field: 'type',
          message: 'date has no equivalent in Alongside; start_date was imported as free text',
        },
        {
          sheet: 'choices',
          line: 11,
          column: 6,
          field: 'country',
          message: 'the choices column country (filters, media) is not imported',
        },
        { sheet: 'settings', line: 2, column: 5, field: 'style', message: 'the setting style is not kept' },
      ]),
    );
    expect(definition.items.map((i) => i.name)).not.toContain('climate_sum');
    expect(definition.items.find((i) => i.name === 'colleague_role')!.section).toBe('colleagues');
  });

  it('accepts a bare label column in the language it is told, and label::fr style headers', async () => {
    const book = new ExcelJS.Workbook();
    const survey = book.addWorksheet('survey');
    survey.addRow(['type', 'name', 'label', 'label::fr', 'hint::Norsk (nb)', 'required']);
    survey.addRow(['select_one yn', 'ok', 'Is it fine?', 'Est-ce que ça va?', 'Svar ærlig', 'TRUE()']);
    survey.addRow(['integer', 'Age Years', 'Age', 'Âge', null, 'no']);
    const choices = book.addWorksheet('choices');
    choices.addRow(['list_name', 'name', 'label', 'label::fr']);
    choices.addRow(['yn', 'yes', 'Yes', 'Oui']);
    choices.addRow(['yn', 'no', 'No', 'Non']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const { definition, notices } = await imported(bytes, 'quick-check.xlsx', 'nb');
    expect(definition.sourceLanguage).toBe('nb');
    expect(definition.items[0]).toMatchObject({
      type: 'single',
      required: true,
      text: { nb: 'Is it fine?', fr: 'Est-ce que ça va?' },
      help: { nb: 'Svar ærlig' },
    });
    expect(definition.items[1]).toMatchObject({ name: 'age_years', type: 'number', integer: true, required: false });
    expect(notices).toContainEqual({
      sheet: 'survey',
      line: 3,
      column: 2,
      field: 'name',
      message: 'Age Years is not a valid variable name; imported as age_years',
    });
  });
});

describe('XLSForm export', () => {
  it('writes survey, choices and settings with a column per language', async () => {
    const source = await imported(readFixture('team-integration-pulse.alongside.json'), 'x.json');
    const file = await exportInstrument('xlsform', {
      key: source.key,
      name: source.name,
      licence: source.licence,
      versionNumber: 3,
      definition: source.definition,
    });
    expect(file.filename).toBe('team-integration-pulse-v3.xlsform.xlsx');
    const survey = await sheetRows(file.body, 'survey');
    expect(survey[0]).toEqual([
      'type',
      'name',
      'label::English (en)',
      'label::Français (fr)',
      'label::Norsk bokmål (nb)',
      'hint::English (en)',
      'hint::Français (fr)',
      'hint::Norsk bokmål (nb)',
      'required',
      'relevant',
      'constraint',
      'appearance',
      'alongside',
    ]);
    const row = (name: string) => survey.find((r) => r[1] === name)!;
    expect(survey.map((r) => `${r[0]} ${r[1]}`).slice(1, 6)).toEqual([
      'note intro',
      'begin_group team',
      'note team_intro',
      'begin_group team_culture',
      'select_one agree5 culture_1',
    ]);
    expect(row('culture_3').slice(8)).toEqual([
      'yes',
      '',
      '',
      'likert',
      '@ALONGSIDE-REVERSE @ALONGSIDE-SUBSCALE="team_culture_score"',
    ]);
    expect(row('role_comment')[9]).toBe('${role_2} > 3 or ${role_1} < 3');
    expect(row('psp_example')[9]).toBe("${work_with_psp} != 'never'");
    expect(row('years_in_team').slice(0, 1).concat(row('years_in_team').slice(10, 11))).toEqual([
      'integer',
      '. >= 0 and . <= 50',
    ]);
    expect(row('contact_email')[12]).toBe('@ALONGSIDE-IDENTIFIER');
    const choices = await sheetRows(file.body, 'choices');
    expect(choices[0]).toEqual([
      'list_name',
      'name',
      'label::English (en)',
      'label::Français (fr)',
      'label::Norsk bokmål (nb)',
    ]);
    expect(choices[1]).toEqual(['agree5', '1', 'Strongly disagree', 'Tout à fait en désaccord', 'Helt uenig']);
    expect(await sheetRows(file.body, 'settings')).toEqual([
      ['form_title', 'form_id', 'version', 'default_language'],
      ['Team integration pulse', 'team-integration-pulse', '3', 'English (en)'],
    ]);
  });
});
