import {
  InstrumentDefinitionSchema,
  type InstrumentDefinitionInput,
  type Language,
  type StakeholderGroup,
} from '@alongside/contracts';
import type { ExportAnswer, ExportDataset } from './export.types.ts';

// A small campaign for the export tests: two instruments (PSPs, clinical staff) in three languages, a checkbox
// item, a reverse-keyed item, an identifier item, labels with quotes, apostrophes, æøå and a line break; five
// programs in Canada and Norway where two Canadian PSP cells are pooled and one Norwegian clinician cell is withheld.

/** Wording that every syntax must carry safely: double quotes, straight and curly apostrophes, æøå, a line break, $ and a backtick. */
export const TRICKY = {
  en: 'People on my team say "it\'s not my job" ($5 `tip`).',
  fr: 'Dans l’équipe, on dit « d\'accord » mais "pas ici".',
  nb: 'Vi blir sjelden enige om «rollen» – "æøå" og d\'accord\nTenk på siste måned.',
} as const;

/** Markers that must never appear in any exported file. */
export const NEVER = {
  identifierName: 'contact_email',
  identifierText: 'Your e-mail for the prize draw',
  identifierAnswer: 'ana.marker@example.org',
  withheldProgram: 'Fjordhuset',
  mergedPrograms: ['Maison Bleue', 'Équipe d’Ouest'],
};

const agree = (en: string, fr: string, nb: string) => ({ en, fr, nb });
const scale = {
  id: 'agree5',
  points: [
    { value: 1, label: agree('Strongly disagree', 'Pas du tout d’accord', 'Helt uenig') },
    { value: 2, label: agree('Disagree', 'Pas d’accord', 'Uenig') },
    { value: 3, label: agree('Neither', 'Ni l’un ni l’autre', 'Verken eller') },
    { value: 4, label: agree('Agree', "D'accord", 'Enig') },
    { value: 5, label: agree('Strongly agree', 'Tout à fait d’accord', 'Helt enig') },
  ],
};
const languages = (['en', 'fr', 'nb'] as const).map((code) => ({ code }));
const teamItems = [
  {
    name: 'team_1',
    type: 'likert' as const,
    scale: 'agree5',
    text: agree('My team works as one.', 'Mon équipe travaille d’un seul bloc.', 'Teamet mitt jobber som ett.'),
  },
  { name: 'team_2', type: 'likert' as const, scale: 'agree5', reverse: true, text: TRICKY },
  {
    name: 'team_3',
    type: 'likert' as const,
    scale: 'agree5',
    text: agree('We plan care together.', 'Nous planifions les soins ensemble.', 'Vi planlegger behandlingen sammen.'),
  },
];
const comment = {
  name: 'comment',
  type: 'text' as const,
  text: agree('Anything else?', 'Autre chose ?', 'Noe annet?'),
};
const teamSubscale = {
  id: 'team',
  name: agree('Team culture', 'Culture d’équipe', 'Teamkultur'),
  items: ['team_1', 'team_2', 'team_3'],
};

const pspInput: InstrumentDefinitionInput = {
  title: agree(
    'Integration survey, PSPs',
    'Enquête sur l’intégration, pairs aidants',
    'Integreringsundersøkelse, erfaringskonsulenter',
  ),
  sourceLanguage: 'en',
  languages,
  scales: [scale],
  items: [
    ...teamItems,
    {
      name: 'supports',
      type: 'multiple',
      text: agree('Who supports you?', 'Qui vous soutient ?', 'Hvem støtter deg?'),
      options: [
        { code: 'peer', label: agree('Other peers', 'D’autres pairs', 'Andre likepersoner') },
        { code: 'clinical', label: agree('Clinicians', 'Les cliniciens', 'Klinikere') },
        { code: 'manager', label: agree('My manager', 'Ma gestionnaire', 'Lederen min') },
      ],
    },
    {
      name: 'years',
      type: 'number',
      min: 0,
      max: 50,
      integer: true,
      text: agree('Years in the role', 'Années dans le rôle', 'År i rollen'),
    },
    comment,
    {
      name: NEVER.identifierName,
      type: 'text',
      identifier: true,
      text: agree(NEVER.identifierText, 'Votre courriel pour le tirage', 'E-posten din til trekningen'),
    },
  ],
  subscales: [teamSubscale],
};

const clinicianInput: InstrumentDefinitionInput = {
  title: agree(
    'Integration survey, clinical staff',
    'Enquête sur l’intégration, personnel clinique',
    'Integreringsundersøkelse, klinisk personale',
  ),
  sourceLanguage: 'en',
  languages,
  scales: [scale],
  items: [
    ...teamItems,
    {
      name: 'confidence',
      type: 'single',
      text: agree(
        'How confident are you in the PSPs?',
        'Quelle confiance avez-vous dans les pairs aidants ?',
        'Hvor trygg er du på erfaringskonsulentene?',
      ),
      options: [
        { code: 'low', score: 1, label: agree('Low', 'Faible', 'Lav') },
        { code: 'mid', score: 2, label: agree('Middling', 'Moyenne', 'Middels') },
        { code: 'high', score: 3, label: agree('High ($ well spent)', 'Élevée', 'Høy') },
      ],
    },
    comment,
  ],
  subscales: [teamSubscale, { id: 'trust', name: agree('Trust', 'Confiance', 'Tillit'), items: ['confidence'] }],
};

export const PSP_DEFINITION = InstrumentDefinitionSchema.parse(pspInput);
export const CLINICIAN_DEFINITION = InstrumentDefinitionSchema.parse(clinicianInput);

export const PROGRAMS = [
  { id: 'prog-nord', name: 'Clinique du Nord', countryCode: 'CA' as const, setting: 'outpatient' as const },
  { id: 'prog-bleue', name: NEVER.mergedPrograms[0]!, countryCode: 'CA' as const, setting: 'community_team' as const },
  { id: 'prog-ouest', name: NEVER.mergedPrograms[1]!, countryCode: 'CA' as const, setting: 'inpatient' as const },
  { id: 'prog-oslo', name: 'Oslo Sør DPS', countryCode: 'NO' as const, setting: 'outpatient' as const },
  { id: 'prog-fjord', name: NEVER.withheldProgram, countryCode: 'NO' as const, setting: 'addictions' as const },
];

/** Cells of the baseline wave: program, group, responses. */
const CELLS: [string, StakeholderGroup, number][] = [
  ['prog-nord', 'psp', 12],
  ['prog-nord', 'clinician', 11],
  ['prog-bleue', 'psp', 5],
  ['prog-ouest', 'psp', 7],
  ['prog-oslo', 'psp', 11],
  ['prog-fjord', 'clinician', 4],
];

/** The comment that carries quotes, a comma and a line break through every format. */
export const TRICKY_COMMENT = 'Said "yes", then\nsaid no; l’équipe d\'accord';

/** Builds the dataset; every PSP response has a distinct `years` (0, 1, …) to find it by. */
export function exportDataset(
  overrides: Partial<Pick<ExportDataset, 'language'>> & { privacyMode?: ExportDataset['campaign']['privacyMode'] } = {},
): ExportDataset {
  const responses: ExportDataset['responses'] = [];
  let years = 0;
  let n = 0;
  for (const [programId, group, count] of CELLS) {
    for (let i = 0; i < count; i++, n++) {
      const language = (['en', 'fr', 'nb'] as const)[n % 3] as Language;
      const answers: Record<string, ExportAnswer> = {
        team_1: 1 + (n % 5),
        team_2: 1 + ((n + 2) % 5),
        team_3: n % 4 === 0 ? null : 1 + ((n + 4) % 5),
        comment: n % 6 === 0 ? TRICKY_COMMENT : n % 6 === 1 ? null : `note ${n}`,
      };
      if (group === 'psp') {
        answers.supports = n % 5 === 0 ? null : n % 2 === 0 ? ['peer', 'manager'] : [];
        answers.years = years++;
        answers[NEVER.identifierName] = NEVER.identifierAnswer;
      } else {
        answers.confidence = (['low', 'mid', 'high'] as const)[n % 3]!;
      }
      responses.push({
        id: `response-${String(n).padStart(3, '0')}`,
        waveId: 'wave-base',
        programId,
        group,
        language,
        submittedOn: `2025-03-${String(1 + (n % 28)).padStart(2, '0')}`,
        answers,
      });
    }
  }
  // Two rows to check scores by hand: team_3 unanswered (mean of two), and only one team item (below half).
  responses[0]!.answers = { ...responses[0]!.answers, team_1: 4, team_2: 2, team_3: null };
  responses[1]!.answers = { ...responses[1]!.answers, team_1: 5, team_2: null, team_3: null };
  return {
    campaign: {
      id: 'campaign-1',
      title: 'Intégration des pairs aidants — Canada & Norge',
      ethicsApproval: 'REK 2025/12345 · REB-24-077',
      dataController: 'Universitetet i Oslo',
      privacyMode: overrides.privacyMode ?? 'anonymous_tracked',
      k: 11,
    },
    waves: [
      { id: 'wave-base', name: 'Baseline', kind: 'baseline' },
      { id: 'wave-follow', name: 'Follow-up 1', kind: 'follow_up' },
    ],
    programs: PROGRAMS,
    groups: [
      {
        group: 'psp',
        instrumentVersionId: 'version-psp',
        instrumentName: 'PSIS (PSPs)',
        versionNumber: 1,
        definition: PSP_DEFINITION,
      },
      {
        group: 'clinician',
        instrumentVersionId: 'version-clin',
        instrumentName: 'PSIS (clinical staff)',
        versionNumber: 2,
        definition: CLINICIAN_DEFINITION,
      },
    ],
    responses,
    exportedAt: new Date('2025-04-02T09:30:00Z'),
    language: overrides.language ?? 'en',
  };
}
