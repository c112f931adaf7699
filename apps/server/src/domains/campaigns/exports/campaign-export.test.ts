import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { LANGUAGES, type Language } from '@alongside/contracts';
import { buildCampaignExport } from './campaign-export.ts';
import { EXPORT_FORMATS, ExportError, type ExportFormat } from './export.types.ts';
import { CLINICIAN_DEFINITION, NEVER, PROGRAMS, TRICKY, TRICKY_COMMENT, exportDataset } from './export.fixture.ts';
import { REDCAP_DICTIONARY_HEADER } from './redcap-export.ts';

const files = (format: ExportFormat, language: Language = 'en', privacyMode?: 'identified') => {
  const result = buildCampaignExport(exportDataset({ language, privacyMode }), format);
  return {
    result,
    files: Object.fromEntries(Object.entries(unzipSync(result.body)).map(([name, bytes]) => [name, strFromU8(bytes)])),
  };
};
const csv = (text: string) => parse<Record<string, string>>(text, { columns: true, bom: false });

const HEADER = [
  'respondent_id',
  'wave',
  'program',
  'country',
  'setting',
  'stakeholder_group',
  'language',
  'team_1',
  'team_2',
  'team_3',
  'supports___1',
  'supports___2',
  'supports___3',
  'years',
  'comment',
  'confidence',
  'team',
  'trust',
];

describe('wide CSV', () => {
  const { result, files: zip } = files('csv', 'fr');
  const rows = csv(zip['survey-data.csv']!);
  const psp = (years: number) => rows.find((r) => r.stakeholder_group === '1' && r.years === String(years))!;

  it('has the export columns, the union of the items (checkbox as ___code), then the scores; no identifier', () => {
    expect(Object.keys(zip).sort()).toEqual(['README.txt', 'codebook.csv', 'survey-data.csv']);
    expect(zip['survey-data.csv']!.split('\r\n')[0]!.split(',')).toEqual(HEADER);
    expect(result.contentType).toBe('application/zip');
    expect(result.filename).toBe('integration-des-pairs-aidants-canada-nor-csv-fr-2025-04-02.zip');
  });

  it('codes answers, computes subscale scores with reverse keys and the half rule, and leaves what was not asked blank', () => {
    // Response 0: team_1 4, team_2 2 (reversed: 4), team_3 unanswered → mean 4; supports [peer, manager]? n = 0 → not answered.
    expect(psp(0)).toMatchObject({
      wave: '1',
      country: '1',
      setting: '2',
      language: '1',
      team_1: '4',
      team_2: '2',
      team_3: '',
      team: '4',
      confidence: '',
      trust: '',
    });
    expect(psp(0).supports___1).toBe('');
    // Response 1: one team item of three answered → no score; supports answered with nothing chosen → 0s.
    expect(psp(1)).toMatchObject({
      team_1: '5',
      team_2: '',
      team: '',
      supports___1: '0',
      supports___2: '0',
      supports___3: '0',
    });
    // Response 2: supports [peer, manager].
    expect(psp(2)).toMatchObject({ supports___1: '1', supports___2: '0', supports___3: '1' });
    const two = psp(2);
    const expected =
      (Number(two.team_1) + (6 - Number(two.team_2)) + (two.team_3 === '' ? 0 : Number(two.team_3))) /
      (two.team_3 === '' ? 2 : 3);
    expect(Number(two.team)).toBeCloseTo(expected, 6);
    const clinicians = rows.filter((r) => r.stakeholder_group === '2');
    expect(clinicians).toHaveLength(11);
    for (const row of clinicians) {
      expect([row.supports___1, row.supports___2, row.supports___3, row.years]).toEqual(['', '', '', '']);
      expect(['1', '2', '3']).toContain(row.confidence);
      expect(row.trust).toBe(row.confidence); // scores 1, 2, 3 coded as positions 1, 2, 3
    }
  });

  it('keeps free text whole: quotes, commas and line breaks', () => {
    expect(rows.filter((r) => r.comment === TRICKY_COMMENT).length).toBeGreaterThan(0);
  });

  it('pools the small Canadian PSP cells and withholds the Norwegian clinician cell, and says so', () => {
    expect(rows).toHaveLength(46);
    const pooled = rows.filter((r) => r.program === 'Autres programmes (Canada)');
    expect(pooled).toHaveLength(12);
    expect(pooled.every((r) => r.setting === '' && r.stakeholder_group === '1' && r.country === '1')).toBe(true);
    expect(rows.filter((r) => r.program === 'Clinique du Nord')).toHaveLength(23);
    expect(result.withheld).toEqual({
      k: 11,
      merged: [
        { waveId: 'wave-base', waveName: 'Baseline', countryCode: 'CA', group: 'psp', programs: 2, responses: 12 },
      ],
      withheld: [
        { waveId: 'wave-base', waveName: 'Baseline', countryCode: 'NO', group: 'clinician', programs: 1, responses: 4 },
      ],
    });
    expect(zip['README.txt']).toContain('Baseline, Canada, Pairs aidants : 2 programmes, 12 réponses');
    expect(zip['README.txt']).toContain('Baseline, Norvège, Personnel clinique : 1 programme, 4 réponses');
  });

  it('gives random respondent ids, not database ids, and no date in an anonymous mode', () => {
    const ids = rows.map((r) => r.respondent_id);
    expect(new Set(ids).size).toBe(46);
    for (const id of ids) expect(id).toMatch(/^R[2-9A-HJ-NP-Z]{8}$/);
    expect(zip['survey-data.csv']).not.toMatch(/response-\d{3}/);
    expect(zip['survey-data.csv']).not.toMatch(/2025-03-\d\d/);
    const again = csv(
      strFromU8(unzipSync(buildCampaignExport(exportDataset({ language: 'fr' }), 'csv').body)['survey-data.csv']!),
    );
    expect(again.map((r) => r.respondent_id).filter((id) => ids.includes(id))).toEqual([]);
  });

  it('adds the submission day, and only the day, in the identified mode', () => {
    const identified = csv(files('csv', 'en', 'identified').files['survey-data.csv']!);
    expect(Object.keys(identified[0]!)).toEqual([...HEADER.slice(0, 7), 'submitted_on', ...HEADER.slice(7)]);
    for (const row of identified) expect(row.submitted_on).toMatch(/^2025-03-\d\d$/);
  });

  it('describes every column in the codebook, in the chosen language', () => {
    const codebook = csv(zip['codebook.csv']!);
    expect(codebook.map((r) => r.variable)).toEqual(HEADER);
    const byName = new Map(codebook.map((r) => [r.variable, r]));
    expect(byName.get('team_2')).toMatchObject({
      label: TRICKY.fr,
      type: 'likert',
      reverse_keyed: 'yes',
      subscales: 'team',
      groups: 'psp; clinician',
      instruments: 'PSIS (PSPs) v1; PSIS (clinical staff) v2',
    });
    expect(byName.get('team_1')!.values).toBe(
      "1 = Pas du tout d’accord; 2 = Pas d’accord; 3 = Ni l’un ni l’autre; 4 = D'accord; 5 = Tout à fait d’accord",
    );
    expect(byName.get('supports___3')).toMatchObject({
      label: 'Qui vous soutient ? — Ma gestionnaire',
      values: '0 = Non coché; 1 = Coché',
      groups: 'psp',
    });
    expect(byName.get('confidence')!.values).toBe('1 = Faible [low]; 2 = Moyenne [mid]; 3 = Élevée [high]');
    expect(byName.get('team')).toMatchObject({
      type: 'subscale score',
      score_items: 'team_1; team_2; team_3',
      missing: 'vide : moins de 2 de ses 3 énoncés répondus, ou non posé',
    });
    expect(byName.get('stakeholder_group')!.values).toContain('1 = Pairs aidants; 2 = Personnel clinique');
  });
});

describe('what never leaves', () => {
  it('has no identifier item, no withheld or merged program name and no database id in any file of any format or language', () => {
    for (const format of EXPORT_FORMATS) {
      for (const language of LANGUAGES) {
        for (const mode of ['identified', undefined] as const) {
          const { files: zip } = files(format, language, mode);
          for (const [name, text] of Object.entries(zip)) {
            const where = `${format}/${language}/${name}`;
            for (const marker of [
              NEVER.identifierName,
              NEVER.identifierText,
              NEVER.identifierAnswer,
              NEVER.withheldProgram,
              ...NEVER.mergedPrograms,
              'response-0',
              'prog-',
              'wave-base',
              'campaign-1',
              'version-',
            ])
              expect(text.includes(marker), `${marker} in ${where}`).toBe(false);
            expect(text.includes(CLINICIAN_DEFINITION.items[0]!.name) || name === 'README.txt', where).toBe(true);
          }
        }
      }
    }
  });
});

describe('README', () => {
  it('names the files, the ethics reference, the data controller, the k rule and the export time, in the chosen language', () => {
    const nb = files('spss', 'nb').files['README.txt']!;
    expect(nb).toContain('Etisk godkjenning: REK 2025/12345 · REB-24-077');
    expect(nb).toContain('Behandlingsansvarlig: Universitetet i Oslo');
    expect(nb).toContain('Eksportert: 2025-04-02T09:30:00.000Z (UTC)');
    expect(nb).toContain('Små grupper (k = 11)');
    expect(nb).toContain('- survey-nb.sps: SPSS-syntaks');
    expect(nb).toContain('Baseline, Canada, Erfaringskonsulenter: 2 programmer, 12 svar');
    expect(nb).toContain('Baseline, Norge, Klinisk personale: 1 program, 4 svar');
    expect(nb).toContain('Personvernmodus: anonym med oppfølging');
    const en = files('r', 'en', 'identified').files['README.txt']!;
    expect(en).toContain('Privacy mode: identified');
    expect(en).toContain('source("survey-en.R", encoding = "UTF-8", chdir = TRUE)');
  });
});

describe('long CSV', () => {
  it('has one line per shown response × asked item, with values and labels', () => {
    const { files: zip } = files('long', 'nb');
    const rows = csv(zip['survey-long.csv']!);
    expect(Object.keys(rows[0]!)).toEqual([
      'respondent_id',
      'wave',
      'program',
      'country',
      'stakeholder_group',
      'language',
      'variable',
      'value',
      'value_label',
    ]);
    // 35 PSP responses × 6 items + 11 clinician responses × 5 items.
    expect(rows).toHaveLength(35 * 6 + 11 * 5);
    expect(rows.some((r) => r.variable === NEVER.identifierName)).toBe(false);
    const likert = rows.find((r) => r.variable === 'team_1' && r.value === '4')!;
    expect(likert).toMatchObject({ wave: 'Baseline', value_label: 'Enig' });
    expect(rows.find((r) => r.variable === 'supports' && r.value === '1;3')).toMatchObject({
      value_label: 'Andre likepersoner; Lederen min',
    });
    expect(rows.find((r) => r.variable === 'confidence' && r.value === '3')).toMatchObject({
      value_label: 'Høy',
      stakeholder_group: 'clinician',
    });
    expect(rows.filter((r) => r.program === 'Andre programmer (Canada)')).toHaveLength(12 * 6);
  });
});

describe('REDCap', () => {
  const { files: zip } = files('redcap', 'en', 'identified');
  const dictionary = parse(zip['redcap-dictionary.csv']!);
  const data = parse(zip['redcap-data.csv']!);

  it('has the 18 standard dictionary columns, record_id first, and a field for every data column', () => {
    expect(dictionary[0]).toEqual(REDCAP_DICTIONARY_HEADER);
    expect(dictionary[0]).toHaveLength(18);
    expect(dictionary[1]!.slice(0, 4)).toEqual(['record_id', 'respondent', '', 'text']);
    expect(data[0]![0]).toBe('record_id');
    const fields = new Map(dictionary.slice(1).map((r) => [r[0]!, r]));
    for (const name of data[0]!) {
      const [field, code] = name.split('___');
      const row = fields.get(field!);
      expect(row, name).toBeDefined();
      if (code !== undefined) {
        expect(row![3]).toBe('checkbox');
        expect(row![5]!.split(' | ').map((c) => c.split(',')[0])).toContain(code);
      }
    }
    expect(fields.get('supports')!.slice(1, 6)).toEqual([
      'psis_psps_v1',
      '',
      'checkbox',
      'Who supports you?',
      '1, Other peers | 2, Clinicians | 3, My manager',
    ]);
    expect(fields.get('team_2')!.slice(3, 6)).toEqual([
      'radio',
      TRICKY.en,
      '1, Strongly disagree | 2, Disagree | 3, Neither | 4, Agree | 5, Strongly agree',
    ]);
    expect(fields.get('confidence')![1]).toBe('psis_clinical_staff_v2');
    expect(fields.get('years')!.slice(3, 10)).toEqual(['text', 'Years in the role', '', '', 'integer', '0', '50']);
    expect(fields.get('comment')![3]).toBe('notes');
    expect(fields.get('submitted_on')!.slice(3, 8)).toEqual([
      'text',
      'Day the response was submitted',
      '',
      '',
      'date_ymd',
    ]);
    expect(fields.get('team')!.slice(1, 4)).toEqual(['scores', '', 'text']);
    expect(fields.get('team')![17]).toBe('@READONLY');
    expect(fields.get('country')!.slice(3, 6)).toEqual(['dropdown', 'Country', '1, Canada | 2, Norway']);
    // Forms are contiguous, as REDCap requires.
    const forms = dictionary.slice(1).map((r) => r[1]);
    expect(forms.filter((f, i) => f !== forms[i - 1])).toEqual([...new Set(forms)]);
  });
});

describe('syntax files', () => {
  it('SPSS: GET DATA over the CSV, labels double-quoted with quotes doubled, line breaks as \\n, missing blanks, levels', () => {
    const sps = files('spss', 'nb').files['survey-nb.sps']!;
    expect(sps).toContain('GET DATA\n  /TYPE=TXT\n  /FILE="survey-data.csv"\n  /ENCODING=\'UTF8\'');
    expect(sps).toContain('    respondent_id A9\n    wave F8.0\n    program A');
    expect(sps).toContain(
      `  /team_2 "Vi blir sjelden enige om «rollen» – ""æøå"" og d'accord\\nTenk " +\n    "på siste måned."`,
    );
    expect(sps).toMatch(/VALUE LABELS\n {2}wave\n {4}1 "Baseline"\n {4}2 "Follow-up 1"\n/);
    expect(sps).toContain('  /team_1\n    1 "Helt uenig"\n    2 "Uenig"');
    expect(sps).toContain('MISSING VALUES comment (" ").');
    expect(sps).toContain(
      'VARIABLE LEVEL respondent_id program country setting stakeholder_group language supports___1 supports___2 supports___3 comment confidence (NOMINAL)\n' +
        '  /wave team_1 team_2 team_3 (ORDINAL)\n  /years team trust (SCALE).',
    );
    const fr = files('spss', 'fr').files['survey-fr.sps']!;
    expect(fr).toContain(`  /team_2 "Dans l’équipe, on dit « d'accord » mais ""pas ici""."`);
    expect(fr).toContain(`4 "D'accord"`);
    // The data it reads has no line break inside a field.
    const data = files('spss', 'fr').files['survey-data.csv']!;
    expect(data.split('\r\n')).toHaveLength(46 + 2);
  });

  it('Stata: import delimited, compound-quoted labels, $ and backtick escaped, label define / values', () => {
    const zip = files('stata', 'en', 'identified').files;
    const doFile = zip['survey-en.do']!;
    expect(doFile).toMatch(
      /^import delimited using "survey-data.csv", clear varnames\(1\) case\(preserve\) encoding\("utf-8"\) bindquotes\(strict\) asdouble stringcols\(1 3 8 16\) numericcols\(/m,
    );
    expect(doFile).toContain('label variable team_2 `"People on my team say "it\'s not my job" (\\$5 \\`tip\\`)."\'');
    expect(doFile).toContain(
      'label define confidence_lbl 1 `"Low"\' 2 `"Middling"\' 3 `"High (\\$ well spent)"\', replace',
    );
    expect(doFile).toContain('label values team_1 team_1_lbl');
    expect(doFile).toContain('label define yesno01 0 `"Not selected"\' 1 `"Selected"\', replace');
    expect(doFile).toContain('label values supports___3 yesno01');
    expect(doFile).toContain('generate double submitted_on_d = date(submitted_on, "YMD")');
    const nb = files('stata', 'nb').files['survey-nb.do']!;
    expect(nb).toContain(
      'label variable team_2 `"Vi blir sjelden enige om «rollen» – "æøå" og d\'accord Tenk på siste måned."\'',
    );
    for (const line of nb.split('\n').filter((l) => l.startsWith('label variable'))) {
      const label = /`"(.*)"'$/.exec(line)![1]!.replace(/\\([$`])/g, '$1');
      expect(Array.from(label).length, line).toBeLessThanOrEqual(80);
    }
  });

  it('R: read.csv, factors with levels and labels, label attributes, escaped strings', () => {
    const r = files('r', 'fr').files['survey-fr.R']!;
    expect(r).toContain(
      'survey <- read.csv("survey-data.csv", fileEncoding = "UTF-8", encoding = "UTF-8", na.strings = "",',
    );
    expect(r).toContain(
      'survey[["confidence"]] <- factor(survey[["confidence"]],\n  levels = c(1, 2, 3),\n  labels = c("Faible", "Moyenne", "Élevée"))',
    );
    expect(r).toContain(
      'attr(survey[["team_2"]], "label") <- "Dans l’équipe, on dit « d\'accord » mais \\"pas ici\\"."',
    );
    const nb = files('r', 'nb').files['survey-nb.R']!;
    expect(nb).toContain(
      'attr(survey[["team_2"]], "label") <- "Vi blir sjelden enige om «rollen» – \\"æøå\\" og d\'accord\\nTenk på siste måned."',
    );
  });
});

describe('refusals', () => {
  it('refuses an item coded differently under the same name in two instruments', () => {
    const dataset = exportDataset();
    const other = structuredClone(CLINICIAN_DEFINITION);
    other.items[0] = { ...other.items[0]!, type: 'number' };
    dataset.groups[1] = { ...dataset.groups[1]!, definition: other };
    expect(() => buildCampaignExport(dataset, 'csv')).toThrow(
      new ExportError(
        'item team_1 of PSIS (clinical staff) v2 is coded differently from the item of the same name in another instrument',
      ),
    );
  });

  it('refuses an item named like a column of the export', () => {
    const dataset = exportDataset();
    const other = structuredClone(CLINICIAN_DEFINITION);
    other.items.push({ ...other.items[4]!, name: 'language' });
    dataset.groups[1] = { ...dataset.groups[1]!, definition: other };
    expect(() => buildCampaignExport(dataset, 'csv')).toThrow(/column name language is used twice/);
  });

  it('refuses answers that do not fit their item, naming the item but not the answer', () => {
    const dataset = exportDataset();
    dataset.responses[20]!.answers.confidence = 'SECRET-VALUE';
    const attempt = () => buildCampaignExport(dataset, 'csv');
    expect(attempt).toThrow(ExportError);
    expect(attempt).toThrow('answers that do not fit their item (by item, how many): confidence (1)');
  });

  it('refuses a Likert answer that is not a point of its scale', () => {
    const dataset = exportDataset();
    dataset.responses[3]!.answers.team_1 = 9;
    expect(() => buildCampaignExport(dataset, 'r')).toThrow(
      'answers that do not fit their item (by item, how many): team_1 (1)',
    );
  });

  it('refuses, for SPSS and Stata only, a variable named like a reserved word', () => {
    const dataset = exportDataset();
    const other = structuredClone(CLINICIAN_DEFINITION);
    other.items.push({ ...other.items[4]!, name: 'with' });
    dataset.groups[1] = { ...dataset.groups[1]!, definition: other };
    expect(() => buildCampaignExport(dataset, 'spss')).toThrow(
      'with cannot name a variable in SPSS (a reserved word): rename the item in a new instrument version',
    );
    expect(() => buildCampaignExport(dataset, 'stata')).toThrow(/with cannot name a variable in Stata/);
    expect(buildCampaignExport(dataset, 'csv').body.length).toBeGreaterThan(0);
  });

  it('refuses a response of a program outside the campaign', () => {
    const dataset = exportDataset();
    dataset.programs = PROGRAMS.filter((p) => p.id !== 'prog-oslo');
    expect(() => buildCampaignExport(dataset, 'long')).toThrow(
      'a response names a program that is not in the campaign',
    );
  });
});
