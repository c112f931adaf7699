import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readFixture, readFixtureText } from './fixtures/read-fixture.ts';
import { exportInstrument, importInstrument, type ImportedInstrument } from './index.ts';
import { REDCAP_COLUMNS } from './redcap-shared.ts';

const DICTIONARY = 'PeerSupportIntegration_DataDictionary_2025-03-14.csv';
const BRANCHING = 'Branching Logic (Show field only if...)';

async function imported(
  bytes: Uint8Array,
  filename: string,
  language?: 'en' | 'fr' | 'nb',
): Promise<ImportedInstrument> {
  const result = await importInstrument(bytes, filename, language ? { language } : {});
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

describe('REDCap data dictionary import', () => {
  it('reads the project title from the file name and marks the licence as unknown', async () => {
    const result = await imported(readFixture(DICTIONARY), DICTIONARY);
    expect(result).toMatchObject({
      format: 'redcap',
      key: 'peer-support-integration',
      name: 'Peer support integration',
    });
    expect(result.licence).toEqual({ status: 'conditional', attribution: '', wordingEditable: false });
    expect(result.definition.languages).toEqual([{ code: 'en', validated: false, method: 'original', staleItems: [] }]);
  });

  it('leaves out the record identifier and keeps every other question in order', async () => {
    const { definition, notices } = await imported(readFixture(DICTIONARY), DICTIONARY);
    expect(definition.items.map((i) => i.name)).toEqual([
      'participant_name',
      'participant_email',
      'role',
      'role_other',
      'years_role',
      'consent_date',
      'team_1',
      'team_2',
      'team_3',
      'team_4',
      'sat_overall',
      'supports',
      'supports_comment',
      'barriers',
      'psp_detail',
      'followup_ok',
      'followup_when',
      'integration_slider',
      'recent_change',
      'baseline_only',
    ]);
    expect(notices).toContainEqual({
      line: 2,
      column: 1,
      field: 'Variable / Field Name',
      message: "record_id is REDCap's record identifier (the first field); it is not imported as a question",
    });
  });

  it('maps Identifier? = y to identifying items', async () => {
    const { definition } = await imported(readFixture(DICTIONARY), DICTIONARY);
    expect(definition.items.filter((i) => i.identifier).map((i) => i.name)).toEqual([
      'participant_name',
      'participant_email',
    ]);
  });

  it('turns the matrix group into one response scale and Likert items in one section', async () => {
    const { definition } = await imported(readFixture(DICTIONARY), DICTIONARY);
    expect(definition.scales).toEqual([
      {
        id: 'team_climate',
        points: [
          { value: 1, label: { en: 'Strongly disagree' } },
          { value: 2, label: { en: 'Disagree' } },
          { value: 3, label: { en: 'Neutral' } },
          { value: 4, label: { en: 'Agree' } },
          { value: 5, label: { en: 'Strongly agree' } },
        ],
      },
    ]);
    const matrix = definition.items.filter((i) => i.scale === 'team_climate');
    expect(matrix.map((i) => [i.name, i.type, i.section, i.reverse, i.required])).toEqual([
      ['team_1', 'likert', 'team_climate', false, true],
      ['team_2', 'likert', 'team_climate', false, true],
      ['team_3', 'likert', 'team_climate', false, true],
      ['team_4', 'likert', 'team_climate', true, true],
    ]);
    // A dropdown with the same kind of numbers but outside the matrix stays a single choice.
    expect(definition.items.find((i) => i.name === 'sat_overall')).toMatchObject({ type: 'single' });
  });

  it('makes forms and section headers into nested sections, descriptive text into their description', async () => {
    const { definition, notices } = await imported(readFixture(DICTIONARY), DICTIONARY);
    expect(definition.sections).toEqual([
      {
        id: 'participant_information',
        title: { en: 'Participant information' },
        description: {
          en: 'Thank you for taking part in this survey about peer support on your team.\nYour answers are confidential.',
        },
      },
      { id: 'contact_details', title: { en: 'Contact details' }, parent: 'participant_information' },
      { id: 'integration_survey', title: { en: 'Integration survey' } },
      { id: 'team_climate', title: { en: 'Team climate' }, parent: 'integration_survey' },
    ]);
    expect(notices).toContainEqual({
      line: 3,
      column: 5,
      field: 'Field Label',
      message: 'HTML formatting was removed from this text',
    });
    expect(notices).toContainEqual({
      line: 10,
      column: 3,
      field: 'Section Header',
      message: 'HTML formatting was removed from this text',
    });
  });

  it('maps simple branching logic to conditions', async () => {
    const { definition } = await imported(readFixture(DICTIONARY), DICTIONARY);
    const byName = new Map(definition.items.map((i) => [i.name, i]));
    expect(byName.get('role_other')!.enableWhen).toEqual([{ item: 'role', operator: 'equals', value: '99' }]);
    expect(byName.get('supports_comment')!.enableWhen).toEqual([{ item: 'supports', operator: 'equals', value: '4' }]);
    expect(byName.get('psp_detail')).toMatchObject({
      enableWhen: [
        { item: 'role', operator: 'equals', value: '1' },
        { item: 'years_role', operator: 'greater', value: 2 },
      ],
      enableBehavior: 'all',
    });
  });

  it('reports, line by line with the column, the branching logic it cannot map', async () => {
    const { definition, notices } = await imported(readFixture(DICTIONARY), DICTIONARY);
    const branching = notices.filter((n) => n.field === BRANCHING);
    expect(branching).toEqual([
      {
        line: 17,
        column: 12,
        field: BRANCHING,
        message:
          'the branching logic of barriers was not imported: < is not kept for a choice question, which Alongside compares with = and <> only; the field is always shown',
      },
      {
        line: 20,
        column: 12,
        field: BRANCHING,
        message:
          'the branching logic of followup_when was not imported: it mixes and with or; the field is always shown',
      },
      {
        line: 23,
        column: 12,
        field: BRANCHING,
        message:
          'the branching logic of recent_change was not imported: it uses the function datediff(); the field is always shown',
      },
      {
        line: 24,
        column: 12,
        field: BRANCHING,
        message:
          'the branching logic of baseline_only was not imported: [event-name] is a smart variable or not a field name; the field is always shown',
      },
    ]);
    for (const name of ['barriers', 'followup_when', 'recent_change', 'baseline_only'])
      expect(definition.items.find((i) => i.name === name)!.enableWhen).toBeUndefined();
  });

  it('reports calculated fields, sliders, uploads, validations, alignment and other action tags', async () => {
    const { definition, notices } = await imported(readFixture(DICTIONARY), DICTIONARY);
    expect(notices).toEqual(
      expect.arrayContaining([
        {
          line: 21,
          column: 4,
          field: 'Field Type',
          message: 'team_score is a calculated field, which Alongside does not have; it was not imported',
        },
        {
          line: 22,
          column: 4,
          field: 'Field Type',
          message:
            'integration_slider is a slider; imported as a whole number from 0 to 100, without its slider labels',
        },
        {
          line: 25,
          column: 4,
          field: 'Field Type',
          message: 'cv_upload is a file upload, which Alongside does not have; it was not imported',
        },
        {
          line: 5,
          column: 8,
          field: 'Text Validation Type OR Show Slider Number',
          message: 'the validation email is not kept; participant_email was imported as free text',
        },
        {
          line: 9,
          column: 8,
          field: 'Text Validation Type OR Show Slider Number',
          message: 'the validation date_ymd is not kept; consent_date was imported as free text',
        },
        { line: 9, column: 18, field: 'Field Annotation', message: 'the action tags @TODAY are not kept' },
        { line: 6, column: 14, field: 'Custom Alignment', message: 'the alignment RH is not kept' },
      ]),
    );
    expect(definition.items.find((i) => i.name === 'integration_slider')).toMatchObject({
      type: 'number',
      integer: true,
      min: 0,
      max: 100,
    });
    expect(definition.items.find((i) => i.name === 'years_role')).toMatchObject({
      type: 'number',
      integer: true,
      min: 0,
      max: 60,
      required: true,
    });
    expect(notices.every((n) => n.field === 'licence' || (n.line !== undefined && n.column !== undefined))).toBe(true);
  });

  it('gives yes/no fields REDCap codes 1 and 0, labelled in the dictionary language', async () => {
    const en = await imported(readFixture(DICTIONARY), DICTIONARY);
    expect(en.definition.items.find((i) => i.name === 'followup_ok')!.options).toEqual([
      { code: '1', label: { en: 'Yes' } },
      { code: '0', label: { en: 'No' } },
    ]);
    const fr = await imported(readFixture(DICTIONARY), DICTIONARY, 'fr');
    expect(fr.definition.sourceLanguage).toBe('fr');
    expect(fr.definition.items.find((i) => i.name === 'followup_ok')!.options).toEqual([
      { code: '1', label: { fr: 'Oui' } },
      { code: '0', label: { fr: 'Non' } },
    ]);
    expect(fr.definition.items[0]!.text).toEqual({ fr: 'Your name' });
  });

  it('reads true/false fields and choice codes it has to rename, and reports them', async () => {
    const header = readFixtureText('redcap-duplicate-variables.csv').split('\n')[0]!;
    const text = [
      header,
      'record_id,s,,text,"ID",,,,,,,,,,,,,',
      'agrees,s,,truefalse,"I agree",,,,,,,,,,,,,',
      'where,s,,radio,"Where?","a b, Here | c, There",,,,,,,,,,,,',
    ].join('\n');
    const { definition, notices } = await imported(new TextEncoder().encode(text), 'small.csv', 'nb');
    expect(definition.items[0]!.options).toEqual([
      { code: '1', label: { nb: 'Sant' } },
      { code: '0', label: { nb: 'Usant' } },
    ]);
    expect(definition.items[1]!.options!.map((o) => o.code)).toEqual(['a_b', 'c']);
    expect(notices).toContainEqual({
      line: 4,
      column: 6,
      field: 'Choices, Calculations, OR Slider Labels',
      message: 'the code "a b" is not a valid Alongside code; imported as a_b',
    });
  });

  it('reads a dictionary saved by Excel with semicolons', async () => {
    const text = readFixtureText('redcap-duplicate-variables.csv')
      .split('\n')
      .slice(0, 4)
      .map((line) => line.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';'))
      .join('\r\n');
    const result = await imported(new TextEncoder().encode(text), 'semicolons.csv');
    expect(result.definition.items.map((i) => i.name)).toEqual(['team_1', 'team_2']);
  });
});

describe('REDCap data dictionary export', () => {
  it('writes the standard header, the record identifier first and one language per file', async () => {
    const source = await imported(readFixture('team-integration-pulse.alongside.json'), 'x.json');
    const document = {
      key: source.key,
      name: source.name,
      licence: source.licence,
      versionNumber: 3,
      definition: source.definition,
    };
    const fr = await exportInstrument('redcap', document, { language: 'fr' });
    expect(fr.filename).toBe('team-integration-pulse-v3-redcap-fr.csv');
    expect(fr.contentType).toBe('text/csv; charset=utf-8');
    const rows: string[][] = parse(new TextDecoder().decode(fr.body), { bom: true });
    expect(rows[0]).toEqual([...REDCAP_COLUMNS]);
    const record = (name: string) =>
      Object.fromEntries(REDCAP_COLUMNS.map((column, i) => [column, rows.find((r) => r[0] === name)![i]]));
    expect(rows[1]!.slice(0, 5)).toEqual(['record_id', 'team_integration_pulse', '', 'text', 'Record ID']);
    expect(record('culture_1')).toMatchObject({
      'Section Header': 'Travailler ensemble',
      'Field Type': 'radio',
      'Field Label': "Dans mon équipe, les gens partagent ce qu'ils savent les uns avec les autres.",
      'Choices, Calculations, OR Slider Labels':
        "1, Tout à fait en désaccord | 2, Plutôt en désaccord | 3, Ni en accord ni en désaccord | 4, Plutôt d'accord | 5, Tout à fait d'accord",
      'Matrix Group Name': 'agree5',
      'Required Field?': 'y',
      'Field Annotation': '@ALONGSIDE-SCALE="agree5" @ALONGSIDE-SUBSCALE="team_culture_score"',
    });
    expect(record('culture_3')['Field Annotation']).toBe(
      '@ALONGSIDE-REVERSE @ALONGSIDE-SCALE="agree5" @ALONGSIDE-SUBSCALE="team_culture_score"',
    );
    // A new section starts a new matrix.
    expect(record('role_1')['Matrix Group Name']).toBe('agree5_2');
    expect(record('role_comment')[BRANCHING]).toBe('[role_2] > 3 or [role_1] < 3');
    expect(record('psp_example')[BRANCHING]).toBe("[work_with_psp] <> 'never'");
    expect(record('years_in_team')).toMatchObject({
      'Field Type': 'text',
      'Text Validation Type OR Show Slider Number': 'integer',
      'Text Validation Min': '0',
      'Text Validation Max': '50',
    });
    expect(record('contact_email')['Identifier?']).toBe('y');
    expect(record('settings')).toMatchObject({
      'Field Type': 'checkbox',
      'Choices, Calculations, OR Slider Labels':
        "inpatient, Unité d'hospitalisation | outpatient, Clinique externe | community, Dans la communauté",
    });
    expect(record('work_with_psp')['Field Annotation']).toBe(
      '@ALONGSIDE-SCORES="daily=4;weekly=3;monthly=2;rarely=1;never=0"',
    );
    expect(fr.notices).toContainEqual({
      field: 'languages',
      message: 'REDCap holds one language per dictionary: this one is fr; export en and nb separately',
    });
  });

  it('writes conditions on a checkbox option as REDCap writes them, and reads them back', async () => {
    const source = await imported(readFixture('team-integration-pulse.alongside.json'), 'x.json');
    const definition = structuredClone(source.definition);
    definition.items.find((i) => i.name === 'years_in_team')!.enableWhen = [
      { item: 'settings', operator: 'equals', value: 'community' },
      { item: 'settings', operator: 'not_equals', value: 'inpatient' },
    ];
    const file = await exportInstrument('redcap', {
      key: source.key,
      name: source.name,
      licence: source.licence,
      definition,
    });
    expect(new TextDecoder().decode(file.body)).toContain(
      "[settings(community)] = '1' and [settings(inpatient)] = '0'",
    );
    const back = await imported(file.body, file.filename);
    expect(back.definition.items.find((i) => i.name === 'years_in_team')!.enableWhen).toEqual(
      definition.items.find((i) => i.name === 'years_in_team')!.enableWhen,
    );
  });
});
