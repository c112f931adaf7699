import type { Language, PrivacyMode } from '@alongside/contracts';
import { WORDS } from './export-labels.ts';
import type { DisclosureReport, ExportDataset, ExportFormat, PooledCell } from './export.types.ts';

// README.txt of every export, in the export's language: what the files are, the ethics reference and data
// controller, what is never exported, the k rule with the cells it pooled or withheld (counts only), the coding.

/** The files an export can hold, each described in the README. */
export type ExportFile = 'data' | 'codebook' | 'long' | 'redcapData' | 'redcapDictionary' | 'sps' | 'do' | 'R';

interface ReadmeText {
  heading: (format: string) => string;
  formats: Record<ExportFormat, string>;
  exportedAt: (iso: string) => string;
  labels: (language: string) => string;
  files: string;
  describe: Record<ExportFile, string>;
  ethics: (reference: string) => string;
  controller: (name: string) => string;
  contents: string;
  privacy: Record<PrivacyMode, string>;
  respondentId: string;
  identifiers: string;
  freeText: string;
  small: (k: number) => string;
  rule: (k: number) => string;
  merged: string;
  withheld: string;
  none: string;
  cell: (wave: string, country: string, group: string, programs: number, responses: number) => string;
  coding: string;
  codingLines: string[];
  notes: Partial<Record<ExportFormat, string>>;
  scoreNote: string;
}

const TEXT: Record<Language, ReadmeText> = {
  en: {
    heading: (format) => `Alongside survey export — ${format}`,
    formats: {
      csv: 'wide CSV and codebook',
      long: 'long CSV',
      redcap: 'REDCap data and data dictionary',
      spss: 'SPSS syntax and data',
      stata: 'Stata do-file and data',
      r: 'R script and data',
    },
    exportedAt: (iso) => `Exported: ${iso} (UTC)`,
    labels: (language) => `Labels in: ${language}`,
    files: 'Files',
    describe: {
      data: 'one row per response: wave, program, country, setting, stakeholder group, language, every item, then the subscale scores',
      codebook:
        'one line per column: label, type, codes and their labels, instruments and groups, subscales, reverse keying, what a blank means',
      long: 'one line per response and item, with the value and its label',
      redcapData: 'the rows as a REDCap records import (record_id first)',
      redcapDictionary:
        'the REDCap data dictionary for those rows: upload it to a new project first, then import the data',
      sps: 'SPSS syntax: reads survey-data.csv, then sets variable labels, value labels, missing values and measurement levels',
      do: 'Stata do-file: imports survey-data.csv, then sets variable and value labels',
      R: 'R script: reads survey-data.csv into `survey`, with factors for categories and single choices and a "label" attribute on every column',
    },
    ethics: (reference) => `Ethics approval: ${reference}`,
    controller: (name) => `Data controller: ${name}`,
    contents: 'What is in the files, and what is not',
    privacy: {
      identified:
        'Privacy mode: identified (in Alongside each response is linked to its invitation). submitted_on gives the day of submission, never the time.',
      anonymous_tracked:
        'Privacy mode: anonymous but tracked. Nothing links a response to an invitation, and the files hold no date of submission.',
      anonymous: 'Privacy mode: fully anonymous (open links). The files hold no date of submission.',
    },
    respondentId:
      'respondent_id is a random id made for this export only: it is stored nowhere and changes with every export, so two exports cannot be joined row by row.',
    identifiers:
      'Items that identify a person (marked "identifier" in their instrument) are never exported; nor are invitation links, e-mail addresses, database ids or times of day.',
    freeText: 'Free-text answers are exported as respondents wrote them: read them before you share the files.',
    small: (k) => `Small groups (k = ${k})`,
    rule: (k) =>
      `Each row names a wave, a program and a stakeholder group. Where fewer than ${k} responses of a wave came from one program and group, those rows show "Other programs (<country>)" instead of the program, with the setting blank, pooled by wave, country and group. Where such a pool still has fewer than ${k} responses, its rows are left out of every file.`,
    merged: 'Pooled:',
    withheld: 'Left out:',
    none: 'none',
    cell: (wave, country, group, programs, responses) =>
      `${wave}, ${country}, ${group}: ${programs} ${programs === 1 ? 'program' : 'programs'}, ${responses} ${responses === 1 ? 'response' : 'responses'}`,
    coding: 'Coding',
    codingLines: [
      'A blank means not answered, or not asked of that stakeholder group (each group answers its own instrument version).',
      'Categories, Likert points and choices are numbers; codebook.csv gives their labels. A multiple-choice item is one 0/1 column per option (name___code).',
      'Subscale scores: a reverse-keyed item counts as (min + max) − answer; a score is the mean of the answered items (their sum where the instrument says so), blank when fewer than the instrument’s minimum (by default half) were answered. Rounded to 6 decimals.',
      'Wording without a translation in this language is given in the instrument’s source language.',
    ],
    notes: {
      spss: 'In this survey-data.csv, line breaks inside free-text answers are spaces (SPSS reads one row per line). Labels longer than SPSS allows (256 bytes; value labels 120) are shortened; codebook.csv has them in full.',
      stata:
        'In this survey-data.csv, line breaks inside free-text answers are spaces. Variable labels longer than Stata’s 80 characters are shortened; codebook.csv has them in full.',
      r: 'Likert and checkbox columns stay numeric, so that they can be scored, with their labels in attr(x, "labels"). Run: source("<script>.R", encoding = "UTF-8", chdir = TRUE).',
      redcap: 'Subscale scores are read-only number fields in the form "scores"; waves are a field, not REDCap events.',
    },
    scoreNote: 'Computed by Alongside from the answers (see README.txt)',
  },
  fr: {
    heading: (format) => `Exportation d’enquête Alongside — ${format}`,
    formats: {
      csv: 'CSV large et dictionnaire de codes',
      long: 'CSV long',
      redcap: 'données et dictionnaire de données REDCap',
      spss: 'syntaxe SPSS et données',
      stata: 'fichier do Stata et données',
      r: 'script R et données',
    },
    exportedAt: (iso) => `Exporté le : ${iso} (UTC)`,
    labels: (language) => `Libellés en : ${language}`,
    files: 'Fichiers',
    describe: {
      data: 'une ligne par réponse : vague, programme, pays, milieu, groupe de parties prenantes, langue, chaque énoncé, puis les scores des sous-échelles',
      codebook:
        'une ligne par colonne : libellé, type, codes et leurs libellés, instruments et groupes, sous-échelles, inversion, sens d’une case vide',
      long: 'une ligne par réponse et par énoncé, avec la valeur et son libellé',
      redcapData: 'les lignes sous forme d’importation d’enregistrements REDCap (record_id en premier)',
      redcapDictionary:
        'le dictionnaire de données REDCap de ces lignes : téléversez-le d’abord dans un nouveau projet, puis importez les données',
      sps: 'syntaxe SPSS : lit survey-data.csv, puis définit les libellés de variables et de valeurs, les valeurs manquantes et les niveaux de mesure',
      do: 'fichier do Stata : importe survey-data.csv, puis définit les libellés de variables et de valeurs',
      R: 'script R : lit survey-data.csv dans `survey`, avec des facteurs pour les catégories et les choix uniques et un attribut « label » sur chaque colonne',
    },
    ethics: (reference) => `Approbation éthique : ${reference}`,
    controller: (name) => `Responsable du traitement : ${name}`,
    contents: 'Ce que contiennent les fichiers, et ce qu’ils ne contiennent pas',
    privacy: {
      identified:
        'Mode de confidentialité : identifié (dans Alongside, chaque réponse est liée à son invitation). submitted_on donne le jour de l’envoi, jamais l’heure.',
      anonymous_tracked:
        'Mode de confidentialité : anonyme avec suivi. Rien ne relie une réponse à une invitation, et les fichiers ne contiennent aucune date d’envoi.',
      anonymous:
        'Mode de confidentialité : entièrement anonyme (liens ouverts). Les fichiers ne contiennent aucune date d’envoi.',
    },
    respondentId:
      'respondent_id est un identifiant aléatoire créé pour cette seule exportation : il n’est conservé nulle part et change à chaque exportation, de sorte que deux exportations ne peuvent pas être reliées ligne à ligne.',
    identifiers:
      'Les énoncés qui identifient une personne (marqués « identifiant » dans leur instrument) ne sont jamais exportés, pas plus que les liens d’invitation, les adresses courriel, les identifiants de la base de données ou les heures.',
    freeText:
      'Les réponses libres sont exportées telles que les répondants les ont écrites : lisez-les avant de partager les fichiers.',
    small: (k) => `Petits groupes (k = ${k})`,
    rule: (k) =>
      `Chaque ligne indique une vague, un programme et un groupe de parties prenantes. Lorsque moins de ${k} réponses d’une vague proviennent d’un même programme et d’un même groupe, ces lignes indiquent « Autres programmes (<pays>) » au lieu du programme, sans milieu, regroupées par vague, pays et groupe. Si un tel regroupement compte encore moins de ${k} réponses, ses lignes sont retirées de tous les fichiers.`,
    merged: 'Regroupées :',
    withheld: 'Retirées :',
    none: 'aucune',
    cell: (wave, country, group, programs, responses) =>
      `${wave}, ${country}, ${group} : ${programs} ${programs > 1 ? 'programmes' : 'programme'}, ${responses} ${responses > 1 ? 'réponses' : 'réponse'}`,
    coding: 'Codage',
    codingLines: [
      'Une case vide signifie sans réponse, ou question non posée à ce groupe (chaque groupe répond à sa propre version de l’instrument).',
      'Les catégories, les points d’échelle et les choix sont des nombres ; codebook.csv donne leurs libellés. Une question à choix multiples donne une colonne 0/1 par option (nom___code).',
      'Scores des sous-échelles : un énoncé inversé compte pour (min + max) − réponse ; le score est la moyenne des énoncés répondus (leur somme si l’instrument le prévoit), vide lorsque moins que le minimum de l’instrument (par défaut la moitié) ont reçu une réponse. Arrondis à 6 décimales.',
      'Un libellé sans traduction dans cette langue est donné dans la langue source de l’instrument.',
    ],
    notes: {
      spss: 'Dans ce survey-data.csv, les sauts de ligne des réponses libres sont remplacés par des espaces (SPSS lit une ligne par cas). Les libellés plus longs que ce que SPSS permet (256 octets ; libellés de valeurs 120) sont raccourcis ; codebook.csv les donne en entier.',
      stata:
        'Dans ce survey-data.csv, les sauts de ligne des réponses libres sont remplacés par des espaces. Les libellés de variables de plus de 80 caractères sont raccourcis pour Stata ; codebook.csv les donne en entier.',
      r: 'Les colonnes Likert et à cocher restent numériques, pour pouvoir être notées, avec leurs libellés dans attr(x, "labels"). Exécutez : source("<script>.R", encoding = "UTF-8", chdir = TRUE).',
      redcap:
        'Les scores des sous-échelles sont des champs numériques en lecture seule du formulaire « scores » ; les vagues sont un champ, non des événements REDCap.',
    },
    scoreNote: 'Calculé par Alongside à partir des réponses (voir README.txt)',
  },
  nb: {
    heading: (format) => `Alongside-eksport av spørreundersøkelse — ${format}`,
    formats: {
      csv: 'bred CSV og kodebok',
      long: 'lang CSV',
      redcap: 'REDCap-data og dataordbok',
      spss: 'SPSS-syntaks og data',
      stata: 'Stata do-fil og data',
      r: 'R-skript og data',
    },
    exportedAt: (iso) => `Eksportert: ${iso} (UTC)`,
    labels: (language) => `Etiketter på: ${language}`,
    files: 'Filer',
    describe: {
      data: 'én rad per svar: runde, program, land, tjenestetype, interessentgruppe, språk, hvert spørsmål og til slutt skalaskårene',
      codebook:
        'én linje per kolonne: etikett, type, koder og etikettene deres, instrumenter og grupper, skalaer, reversering, hva en tom celle betyr',
      long: 'én linje per svar og spørsmål, med verdien og etiketten',
      redcapData: 'radene som en REDCap-import av poster (record_id først)',
      redcapDictionary: 'REDCap-dataordboken for radene: last den opp i et nytt prosjekt først, og importer så dataene',
      sps: 'SPSS-syntaks: leser survey-data.csv og setter variabeletiketter, verdietiketter, manglende verdier og målenivå',
      do: 'Stata do-fil: importerer survey-data.csv og setter variabel- og verdietiketter',
      R: 'R-skript: leser survey-data.csv inn i `survey`, med faktorer for kategorier og enkeltvalg og en «label»-attributt på hver kolonne',
    },
    ethics: (reference) => `Etisk godkjenning: ${reference}`,
    controller: (name) => `Behandlingsansvarlig: ${name}`,
    contents: 'Hva filene inneholder, og hva de ikke inneholder',
    privacy: {
      identified:
        'Personvernmodus: identifisert (i Alongside er hvert svar knyttet til sin invitasjon). submitted_on gir dagen svaret ble sendt, aldri klokkeslettet.',
      anonymous_tracked:
        'Personvernmodus: anonym med oppfølging. Ingenting knytter et svar til en invitasjon, og filene har ingen innsendingsdato.',
      anonymous: 'Personvernmodus: helt anonym (åpne lenker). Filene har ingen innsendingsdato.',
    },
    respondentId:
      'respondent_id er en tilfeldig id laget bare for denne eksporten: den lagres ingen steder og er ny ved hver eksport, så to eksporter kan ikke kobles rad for rad.',
    identifiers:
      'Spørsmål som identifiserer en person (merket «identifikator» i instrumentet) eksporteres aldri, heller ikke invitasjonslenker, e-postadresser, database-id-er eller klokkeslett.',
    freeText: 'Fritekstsvar eksporteres slik respondentene skrev dem: les dem før du deler filene.',
    small: (k) => `Små grupper (k = ${k})`,
    rule: (k) =>
      `Hver rad oppgir runde, program og interessentgruppe. Der færre enn ${k} svar i en runde kom fra samme program og gruppe, står det «Andre programmer (<land>)» i stedet for programmet, uten tjenestetype, slått sammen per runde, land og gruppe. Har en slik sammenslåing fortsatt færre enn ${k} svar, er radene utelatt fra alle filer.`,
    merged: 'Slått sammen:',
    withheld: 'Utelatt:',
    none: 'ingen',
    cell: (wave, country, group, programs, responses) =>
      `${wave}, ${country}, ${group}: ${programs} ${programs === 1 ? 'program' : 'programmer'}, ${responses} svar`,
    coding: 'Koding',
    codingLines: [
      'En tom celle betyr ikke besvart, eller ikke stilt til denne interessentgruppen (hver gruppe svarer på sin egen versjon av instrumentet).',
      'Kategorier, skalapunkter og svaralternativer er tall; codebook.csv gir etikettene. Et flervalgsspørsmål gir én 0/1-kolonne per alternativ (navn___kode).',
      'Skalaskårer: et reversert spørsmål teller som (min + maks) − svar; skåren er gjennomsnittet av de besvarte spørsmålene (summen der instrumentet sier det), og tom når færre enn instrumentets minimum (som standard halvparten) er besvart. Avrundet til 6 desimaler.',
      'Tekst uten oversettelse til dette språket står på instrumentets kildespråk.',
    ],
    notes: {
      spss: 'I denne survey-data.csv er linjeskift i fritekstsvar erstattet med mellomrom (SPSS leser én rad per linje). Etiketter lengre enn SPSS tillater (256 byte; verdietiketter 120) er forkortet; codebook.csv har dem i sin helhet.',
      stata:
        'I denne survey-data.csv er linjeskift i fritekstsvar erstattet med mellomrom. Variabeletiketter lengre enn Statas 80 tegn er forkortet; codebook.csv har dem i sin helhet.',
      r: 'Likert- og avkrysningskolonner forblir numeriske, slik at de kan skåres, med etikettene i attr(x, "labels"). Kjør: source("<script>.R", encoding = "UTF-8", chdir = TRUE).',
      redcap: 'Skalaskårer er skrivebeskyttede tallfelt i skjemaet «scores»; runder er et felt, ikke REDCap-hendelser.',
    },
    scoreNote: 'Beregnet av Alongside fra svarene (se README.txt)',
  },
};

/** The REDCap field note of a subscale score, in the export's language. */
export const scoreNote = (language: Language): string => TEXT[language].scoreNote;

/** README.txt for an export: `files` maps each file name in the zip to what it is. */
export function readme(
  dataset: ExportDataset,
  format: ExportFormat,
  files: [string, ExportFile][],
  report: DisclosureReport,
  script?: string,
): string {
  const text = TEXT[dataset.language];
  const words = WORDS[dataset.language];
  const cells = (list: PooledCell[]) =>
    list.length
      ? list.map(
          (c) =>
            `- ${text.cell(c.waveName, words.countries[c.countryCode], words.groups[c.group], c.programs, c.responses)}`,
        )
      : [`- ${text.none}`];
  const note = text.notes[format];
  const lines = [
    dataset.campaign.title,
    text.heading(text.formats[format]),
    text.exportedAt(dataset.exportedAt.toISOString()),
    text.labels(words.languages[dataset.language]),
    '',
    text.ethics(dataset.campaign.ethicsApproval),
    text.controller(dataset.campaign.dataController),
    '',
    text.files,
    ...files.map(([name, kind]) => `- ${name}: ${text.describe[kind]}`),
    '',
    text.contents,
    `- ${text.privacy[dataset.campaign.privacyMode]}`,
    `- ${text.respondentId}`,
    `- ${text.identifiers}`,
    `- ${text.freeText}`,
    '',
    text.small(report.k),
    text.rule(report.k),
    text.merged,
    ...cells(report.merged),
    text.withheld,
    ...cells(report.withheld),
    '',
    text.coding,
    ...text.codingLines.map((l) => `- ${l}`),
    ...(note ? [`- ${script ? note.replace('<script>', script) : note}`] : []),
    '',
  ];
  return lines.join('\n');
}
