import type {
  CountryCode,
  Language,
  LocalizedText,
  ProgramSetting,
  StakeholderGroup,
  InstrumentDefinition,
} from '@alongside/contracts';

// The fixed wording of an export in each product language: names of groups, countries, settings and languages,
// the labels of the columns every export has, and the missing-value notes of the codebook. Program settings and
// countries follow the web app's own wording (apps/web/src/i18n).

export interface ExportWords {
  groups: Record<StakeholderGroup, string>;
  countries: Record<CountryCode, string>;
  settings: Record<ProgramSetting, string>;
  languages: Record<Language, string>;
  otherPrograms: (country: string) => string;
  columns: {
    respondent: string;
    wave: string;
    program: string;
    country: string;
    setting: string;
    group: string;
    language: string;
    submittedOn: string;
  };
  selected: string;
  notSelected: string;
  missing: {
    answer: string;
    checkbox: string;
    score: (min: number, of: number) => string;
    meta: string;
    setting: string;
  };
}

export const WORDS: Record<Language, ExportWords> = {
  en: {
    groups: {
      psp: 'Peer support providers',
      clinician: 'Clinical staff',
      manager: 'Managers',
      person_supported: 'People supported',
      policy_maker: 'Policy makers',
    },
    countries: { CA: 'Canada', NO: 'Norway' },
    settings: {
      inpatient: 'Inpatient',
      outpatient: 'Outpatient',
      emergency: 'Emergency',
      community_team: 'Community team',
      assertive_community_treatment: 'Assertive community treatment (ACT)',
      addictions: 'Addictions',
      youth: 'Youth',
      primary_care: 'Primary care',
    },
    languages: { en: 'English', fr: 'French', nb: 'Norwegian Bokmål' },
    otherPrograms: (country) => `Other programs (${country})`,
    columns: {
      respondent: 'Respondent (random id of this export)',
      wave: 'Wave',
      program: 'Program',
      country: 'Country',
      setting: 'Setting of the program',
      group: 'Stakeholder group',
      language: 'Language the respondent answered in',
      submittedOn: 'Day the response was submitted',
    },
    selected: 'Selected',
    notSelected: 'Not selected',
    missing: {
      answer: 'blank: not answered, or not asked of this group',
      checkbox: 'blank: question not answered or not asked; 0: option not selected',
      score: (min, of) => `blank: fewer than ${min} of its ${of} items answered, or not asked`,
      meta: 'never blank',
      setting: 'blank for pooled programs',
    },
  },
  fr: {
    groups: {
      psp: 'Pairs aidants',
      clinician: 'Personnel clinique',
      manager: 'Gestionnaires',
      person_supported: 'Personnes soutenues',
      policy_maker: 'Décideurs publics',
    },
    countries: { CA: 'Canada', NO: 'Norvège' },
    settings: {
      inpatient: 'Hospitalisation',
      outpatient: 'Soins ambulatoires',
      emergency: 'Urgence',
      community_team: 'Équipe dans la communauté',
      assertive_community_treatment: 'Suivi intensif dans le milieu (SIM)',
      addictions: 'Dépendances',
      youth: 'Jeunesse',
      primary_care: 'Soins de première ligne',
    },
    languages: { en: 'anglais', fr: 'français', nb: 'norvégien bokmål' },
    otherPrograms: (country) => `Autres programmes (${country})`,
    columns: {
      respondent: 'Répondant (identifiant aléatoire propre à cette exportation)',
      wave: 'Vague',
      program: 'Programme',
      country: 'Pays',
      setting: 'Milieu du programme',
      group: 'Groupe de parties prenantes',
      language: 'Langue de réponse',
      submittedOn: 'Jour de l’envoi de la réponse',
    },
    selected: 'Coché',
    notSelected: 'Non coché',
    missing: {
      answer: 'vide : sans réponse, ou question non posée à ce groupe',
      checkbox: 'vide : question sans réponse ou non posée ; 0 : option non cochée',
      score: (min, of) => `vide : moins de ${min} de ses ${of} énoncés répondus, ou non posé`,
      meta: 'jamais vide',
      setting: 'vide pour les programmes regroupés',
    },
  },
  nb: {
    groups: {
      psp: 'Erfaringskonsulenter',
      clinician: 'Klinisk personale',
      manager: 'Ledere',
      person_supported: 'Personer som får støtte',
      policy_maker: 'Beslutningstakere',
    },
    countries: { CA: 'Canada', NO: 'Norge' },
    settings: {
      inpatient: 'Døgnbehandling',
      outpatient: 'Poliklinikk',
      emergency: 'Akuttjeneste',
      community_team: 'Ambulant team',
      assertive_community_treatment: 'Aktivt oppsøkende behandlingsteam (ACT)',
      addictions: 'Rus og avhengighet',
      youth: 'Ungdom',
      primary_care: 'Primærhelsetjeneste',
    },
    languages: { en: 'engelsk', fr: 'fransk', nb: 'norsk bokmål' },
    otherPrograms: (country) => `Andre programmer (${country})`,
    columns: {
      respondent: 'Respondent (tilfeldig id for denne eksporten)',
      wave: 'Runde',
      program: 'Program',
      country: 'Land',
      setting: 'Programmets tjenestetype',
      group: 'Interessentgruppe',
      language: 'Språket respondenten svarte på',
      submittedOn: 'Dagen svaret ble sendt inn',
    },
    selected: 'Valgt',
    notSelected: 'Ikke valgt',
    missing: {
      answer: 'tom: ikke besvart, eller ikke stilt til denne gruppen',
      checkbox: 'tom: spørsmålet ikke besvart eller ikke stilt; 0: alternativet ikke valgt',
      score: (min, of) => `tom: færre enn ${min} av de ${of} spørsmålene besvart, eller ikke stilt`,
      meta: 'aldri tom',
      setting: 'tom for sammenslåtte programmer',
    },
  },
};

/**
 * Wording in the export's language with the definition's substitutions applied, falling back to the instrument's
 * source language (then any language) when it has no such translation.
 */
export function localize(
  text: LocalizedText | undefined,
  language: Language,
  definition?: InstrumentDefinition,
): string {
  if (!text) return '';
  const chosen =
    text[language] !== undefined
      ? language
      : definition && text[definition.sourceLanguage] !== undefined
        ? definition.sourceLanguage
        : undefined;
  const lang = chosen ?? (Object.keys(text)[0] as Language | undefined);
  if (!lang) return '';
  let out = text[lang] ?? '';
  for (const substitution of definition?.substitutions ?? []) {
    const find = substitution.find[lang];
    const replace = substitution.replace[lang];
    if (find && replace !== undefined) out = out.split(find).join(replace);
  }
  return out;
}
