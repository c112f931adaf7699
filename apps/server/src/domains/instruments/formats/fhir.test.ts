import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { FHIR, OURS } from './fhir-shared.ts';
import { readFixture, readFixtureText } from './fixtures/read-fixture.ts';
import { exportInstrument, importInstrument, type ImportedInstrument } from './index.ts';

const QUESTIONNAIRE = 'peer-support-integration-check.questionnaire.json';

async function imported(bytes: Uint8Array, filename = 'q.json'): Promise<ImportedInstrument> {
  const result = await importInstrument(bytes, filename);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

/** The 1-based line of the first line of the fixture holding `needle`. */
function lineOf(needle: string, after = 0): number {
  const lines = readFixtureText(QUESTIONNAIRE).split('\n');
  return lines.findIndex((line, index) => index >= after && line.includes(needle)) + 1;
}

describe('FHIR Questionnaire import', () => {
  it('keeps the canonical url and version, the title in three languages and the copyright', async () => {
    const result = await imported(readFixture(QUESTIONNAIRE), QUESTIONNAIRE);
    expect(result).toMatchObject({
      format: 'fhir',
      key: 'peer-support-integration-check',
      name: 'Peer support integration check',
      url: 'https://fhir.example.no/Questionnaire/psi-check',
      sourceVersion: '1.2.0',
    });
    expect(result.licence).toEqual({
      status: 'conditional',
      attribution: '',
      wordingEditable: false,
      copyright: '© 2025 Regional peer support network. May be used free of charge for non-commercial research.',
    });
    expect(result.definition.title).toEqual({
      en: 'Peer support integration check',
      fr: "Bilan de l'intégration du soutien par les pairs",
      nb: 'Sjekk av integrering av erfaringskompetanse',
    });
    expect(result.definition.languages.map((l) => [l.code, l.method, l.validated])).toEqual([
      ['en', 'original', false],
      ['fr', 'unknown', false],
      ['nb', 'unknown', false],
    ]);
  });

  it('makes nested groups into nested sections, with the leading display text as description', async () => {
    const { definition } = await imported(readFixture(QUESTIONNAIRE));
    expect(definition.sections.map((s) => [s.id, s.parent ?? null, s.title.fr])).toEqual([
      ['about', null, 'À propos de vous'],
      ['work', 'about', 'Votre travail'],
      ['climate', null, "Climat d'équipe"],
      ['satisfaction', null, 'Satisfaction'],
      ['follow_up', null, 'Suivi'],
    ]);
    expect(definition.sections[0]!.description).toEqual({
      en: 'These questions help us compare answers across programs.',
      fr: 'Ces questions nous aident à comparer les réponses entre programmes.',
      nb: 'Disse spørsmålene hjelper oss å sammenligne svar på tvers av programmer.',
    });
    expect(definition.items.filter((i) => i.section === 'work').map((i) => i.name)).toEqual([
      'full_time',
      'start_date',
    ]);
  });

  it('reads the translation extension on text and display', async () => {
    const { definition } = await imported(readFixture(QUESTIONNAIRE));
    const role = definition.items.find((i) => i.name === 'role')!;
    expect(role.text).toEqual({ en: 'What is your role?', fr: 'Quel est votre rôle?', nb: 'Hva er rollen din?' });
    expect(role.options).toEqual([
      { code: 'psw', label: { en: 'Peer support worker', fr: 'Pair aidant', nb: 'Erfaringskonsulent' } },
      { code: 'clinician', label: { en: 'Clinician', fr: 'Clinicien', nb: 'Kliniker' } },
      { code: 'other', label: { en: 'Other', fr: 'Autre', nb: 'Annet' } },
    ]);
  });

  it('makes choice questions that share numbered answers one scale of Likert items (ordinalValue, itemWeight)', async () => {
    const { definition, notices } = await imported(readFixture(QUESTIONNAIRE));
    expect(definition.scales.map((s) => [s.id, s.points.map((p) => [p.value, p.label.nb])])).toEqual([
      [
        'agree4',
        [
          [1, 'Uenig'],
          [2, 'Litt uenig'],
          [3, 'Litt enig'],
          [4, 'Enig'],
        ],
      ],
      [
        'scale_2',
        [
          [0, 'Ikke i det hele tatt'],
          [1, 'Litt'],
          [2, 'Ganske'],
          [3, 'Svært'],
        ],
      ],
    ]);
    expect(definition.items.filter((i) => i.type === 'likert').map((i) => `${i.name}:${i.scale!}`)).toEqual([
      'climate_1:agree4',
      'climate_2:agree4',
      'climate_3:agree4',
      'sat_support:scale_2',
      'sat_training:scale_2',
    ]);
    expect(notices).toContainEqual({
      line: lineOf('"linkId": "climate-1"') - 1,
      column: 9,
      field: 'item[1].item[0].answerOption',
      message: 'the answer codes of climate-1 are not numbers; their ordinal values are stored instead',
    });
  });

  it('maps enableWhen and enableBehavior, including conditions inherited from a group', async () => {
    const { definition } = await imported(readFixture(QUESTIONNAIRE));
    const byName = new Map(definition.items.map((i) => [i.name, i]));
    expect(byName.get('role_other')!.enableWhen).toEqual([{ item: 'role', operator: 'equals', value: 'other' }]);
    expect(byName.get('climate_comment')).toMatchObject({
      // answerCoding LA15237-4 is the scale value 1; <= 2 on whole numbers is < 3.
      enableWhen: [
        { item: 'climate_1', operator: 'equals', value: 1 },
        { item: 'climate_2', operator: 'less', value: 3 },
      ],
      enableBehavior: 'any',
    });
    expect(byName.get('sat_support')!.enableWhen).toEqual([{ item: 'role', operator: 'not_equals', value: 'other' }]);
    expect(byName.get('email')!.enableWhen).toEqual([{ item: 'contact_ok', operator: 'equals', value: 'true' }]);
  });

  it('reports every element and extension it does not carry, with its line', async () => {
    const { notices } = await imported(readFixture(QUESTIONNAIRE));
    const at = (field: string) => notices.filter((n) => n.field === field).map((n) => n.message);
    expect(at('item[1].item[4].enableWhen[0]')).toEqual([
      'the condition refers to contact-ok, which is not an earlier question; next_step is shown without this condition',
    ]);
    expect(at('item[0].item[2].maxLength')).toEqual([
      'question role-other: maxLength has no place in Alongside and was not imported',
    ]);
    expect(at('item[0].item[3].prefix')).toEqual([
      'question years: prefix has no place in Alongside and was not imported',
    ]);
    expect(at('item[3].item[1].code')).toEqual(['question email: code has no place in Alongside and was not imported']);
    expect(at('item[3].repeats')).toEqual(['the group follow-up repeats in FHIR; Alongside shows it once']);
    expect(at('item[1].item[0]._text')).toEqual([
      'a translation into de, a language Alongside does not have, was not imported',
    ]);
    expect(at('item[3]._text')).toEqual([
      'a translation into nn, a language Alongside does not have, was not imported',
    ]);
    expect(at('item[0].item[1].extension')).toEqual([
      'the display control drop-down is not kept; Alongside chooses how to show each question',
    ]);
    expect(at('item[1].item[2].extension')).toEqual([
      'the extension http://hl7.org/fhir/StructureDefinition/questionnaire-hidden is not carried into Alongside',
    ]);
    expect(at('item[0].item[4].item[1].type')).toEqual([
      'date: Alongside has no such answer type; imported as free text',
    ]);
    expect(at('item[4]')).toEqual(["the text thanks outside any group was added to the instrument's description"]);
    expect(at('Questionnaire.publisher')).toEqual([
      'Questionnaire: publisher has no place in Alongside and was not imported',
    ]);
    expect(at('item[0].item[2].linkId')).toEqual([
      'linkId role-other is not a valid variable name; imported as role_other',
    ]);
    const maxLength = notices.find((n) => n.field === 'item[0].item[2].maxLength')!;
    expect(maxLength.line).toBe(lineOf('"linkId": "role-other"') - 1);
    expect(notices.filter((n) => n.line === undefined).map((n) => n.field)).toEqual([]);
  });

  it('refuses duplicate linkIds naming both lines, and a language Alongside does not have', async () => {
    const text = JSON.stringify(
      {
        resourceType: 'Questionnaire',
        status: 'draft',
        item: [
          { linkId: 'q1', type: 'string', text: 'A' },
          { linkId: 'q1', type: 'string', text: 'B' },
        ],
      },
      null,
      2,
    );
    const result = await importInstrument(new TextEncoder().encode(text));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([
        { line: 10, column: 5, field: 'item[1].linkId', message: 'linkId q1 is used twice (also at line 5)' },
      ]);
    const german = await importInstrument(
      new TextEncoder().encode('{"resourceType":"Questionnaire","language":"de","item":[]}'),
    );
    expect(german).toEqual({
      ok: false,
      errors: [
        { line: 1, column: 1, field: 'language', message: 'the Questionnaire is in de; Alongside has en, fr and nb' },
      ],
    });
  });
});

describe('FHIR Questionnaire export', () => {
  it('writes Likert items as choice items whose codings carry ordinalValue, with translations and our extensions', async () => {
    const source = await imported(readFixture('team-integration-pulse.alongside.json'));
    const file = await exportInstrument('fhir', {
      key: source.key,
      name: source.name,
      url: source.url!,
      licence: source.licence,
      versionNumber: 3,
      definition: source.definition,
    });
    expect(file).toMatchObject({
      filename: 'team-integration-pulse-v3.questionnaire.json',
      contentType: 'application/fhir+json; charset=utf-8',
    });
    const questionnaire = JSON.parse(new TextDecoder().decode(file.body)) as Questionnaire & Record<string, unknown>;
    expect(questionnaire).toMatchObject({
      resourceType: 'Questionnaire',
      url: 'https://alongside.example/instruments/team-integration-pulse',
      version: '3',
      name: 'TeamIntegrationPulse',
      title: 'Team integration pulse',
      language: 'en',
      status: 'active',
      copyright: '© 2025 The Alongside contributors. CC BY 4.0.',
      identifier: [{ system: OURS.keySystem, value: 'team-integration-pulse' }],
    });
    expect(questionnaire._title).toEqual({
      extension: [
        {
          url: FHIR.translation,
          extension: [
            { url: 'lang', valueCode: 'fr-CA' },
            { url: 'content', valueString: "Pouls de l'intégration dans l'équipe" },
          ],
        },
        {
          url: FHIR.translation,
          extension: [
            { url: 'lang', valueCode: 'nb-NO' },
            { url: 'content', valueString: 'Integreringspuls for teamet' },
          ],
        },
      ],
    });
    const [team, aboutYou] = questionnaire.item!;
    expect(team).toMatchObject({ linkId: 'team', type: 'group', text: 'Your team' });
    expect(team!.item!.map((i) => `${i.linkId}:${i.type}`)).toEqual([
      'team.description:display',
      'team_culture:group',
      'role:group',
    ]);
    const culture3 = team!.item![1]!.item![2]! as QuestionnaireItem & Record<string, unknown>;
    expect(culture3).toMatchObject({ linkId: 'culture_3', type: 'choice', required: true });
    expect(culture3.extension).toEqual([
      { url: OURS.scale, valueString: 'agree5' },
      { url: OURS.reverse, valueBoolean: true },
    ]);
    expect(culture3.answerOption![0]).toEqual({
      valueCoding: {
        code: '1',
        display: 'Strongly disagree',
        _display: {
          extension: [
            {
              url: FHIR.translation,
              extension: [
                { url: 'lang', valueCode: 'fr-CA' },
                { url: 'content', valueString: 'Tout à fait en désaccord' },
              ],
            },
            {
              url: FHIR.translation,
              extension: [
                { url: 'lang', valueCode: 'nb-NO' },
                { url: 'content', valueString: 'Helt uenig' },
              ],
            },
          ],
        },
        extension: [{ url: FHIR.ordinalValue, valueDecimal: 1 }],
      },
    });
    const roleComment = team!.item![2]!.item![3]!;
    expect(roleComment).toMatchObject({
      linkId: 'role_comment',
      type: 'text',
      enableWhen: [
        { question: 'role_2', operator: '>', answerInteger: 3 },
        { question: 'role_1', operator: '<', answerInteger: 3 },
      ],
      enableBehavior: 'any',
    });
    const years = aboutYou!.item!.find((i) => i.linkId === 'years_in_team')!;
    expect(years).toMatchObject({
      type: 'integer',
      extension: [
        { url: FHIR.minValue, valueInteger: 0 },
        { url: FHIR.maxValue, valueInteger: 50 },
      ],
      item: [{ linkId: 'years_in_team.help', type: 'display', text: 'Round down; enter 0 if it is less than a year.' }],
    });
    expect(aboutYou!.item!.find((i) => i.linkId === 'psp_example')!.enableWhen).toEqual([
      { question: 'work_with_psp', operator: '!=', answerCoding: { code: 'never' } },
    ]);
    expect(file.notices.map((n) => n.message)).toContainEqual(
      expect.stringMatching(/^kept in an Alongside extension .*reverse-keyed items, identifying items, subscales/),
    );
  });
});
