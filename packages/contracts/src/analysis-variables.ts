import { PROGRAM_SETTINGS, type Language } from './vocabulary.ts';

// What an analysis can join beside a campaign's survey scales (issue 10): each program's profile and the operational
// indicators of its everyday work. Both are one value per program — level-2 variables of the multilevel model — and
// enter the analysis rows as every respondent of the program's value.

export type ProgramVariableKind = 'profile' | 'indicator';

export interface ProgramVariable {
  key: string;
  kind: ProgramVariableKind;
  /** 'flag' is 1 when the program has it and 0 when not; 'rank' orders the roll-out phases 1–4. */
  unit: 'fte' | 'flag' | 'rank' | 'percent' | 'days';
  name: Record<Language, string>;
}

const SETTING_NAMES: Record<(typeof PROGRAM_SETTINGS)[number], Record<Language, string>> = {
  inpatient: { en: 'Inpatient', fr: 'Hospitalisation', nb: 'Døgnbehandling' },
  outpatient: { en: 'Outpatient', fr: 'Soins ambulatoires', nb: 'Poliklinikk' },
  emergency: { en: 'Emergency', fr: 'Urgence', nb: 'Akuttjeneste' },
  community_team: { en: 'Community team', fr: 'Équipe dans la communauté', nb: 'Ambulant team' },
  assertive_community_treatment: { en: 'Assertive community treatment (ACT)', fr: 'Suivi intensif dans le milieu (SIM)', nb: 'Aktivt oppsøkende behandlingsteam (ACT)' },
  addictions: { en: 'Addictions', fr: 'Dépendances', nb: 'Rus og avhengighet' },
  youth: { en: 'Youth', fr: 'Jeunesse', nb: 'Ungdom' },
  primary_care: { en: 'Primary care', fr: 'Soins de première ligne', nb: 'Primærhelsetjeneste' },
};

const profile = (key: string, unit: ProgramVariable['unit'], name: Record<Language, string>): ProgramVariable => ({ key: `profile_${key}`, kind: 'profile', unit, name });
const indicator = (key: string, unit: ProgramVariable['unit'], name: Record<Language, string>): ProgramVariable => ({ key: `indicator_${key}`, kind: 'indicator', unit, name });

export const PROGRAM_VARIABLES: readonly ProgramVariable[] = [
  profile('psp_fte', 'fte', { en: 'Peer staffing (FTE)', fr: 'Pairs aidants (ETP)', nb: 'Erfaringskonsulenter (årsverk)' }),
  profile('partner_employer', 'flag', { en: 'Peer staff employed by a partner non-profit', fr: 'Pairs aidants employés par un organisme partenaire', nb: 'Erfaringskonsulentene er ansatt i en ideell samarbeidsorganisasjon' }),
  profile('peer_supervision', 'flag', { en: 'Supervision by a peer (alone or with a clinician)', fr: 'Supervision par un pair (seul ou avec un clinicien)', nb: 'Veiledning fra en likeperson (alene eller sammen med en kliniker)' }),
  profile('champion', 'flag', { en: 'Has a champion for peer support', fr: 'Une personne porte le projet de soutien par les pairs', nb: 'Har en pådriver for likepersonsarbeid' }),
  profile('rollout_phase', 'rank', { en: 'Rollout phase (1 planning … 4 fully rolled out)', fr: 'Phase de déploiement (1 planification … 4 déploiement complet)', nb: 'Innføringsfase (1 planlegging … 4 fullt innført)' }),
  profile('strategic_priority', 'flag', { en: 'Peer support is a strategic priority', fr: 'Le soutien par les pairs est une priorité stratégique', nb: 'Likepersonsarbeid er en strategisk prioritet' }),
  profile('job_description', 'flag', { en: 'Peer job description agreed', fr: 'Description de poste des pairs convenue', nb: 'Stillingsbeskrivelse for erfaringskonsulenter er avtalt' }),
  profile('clinician_orientation', 'flag', { en: 'Clinicians oriented to peer support', fr: 'Cliniciens formés au soutien par les pairs', nb: 'Klinikerne har fått opplæring om likepersonsarbeid' }),
  profile('peer_network', 'flag', { en: 'Peer staff can reach a peer network', fr: 'Les pairs aidants ont accès à un réseau de pairs', nb: 'Erfaringskonsulentene har et likepersonsnettverk' }),
  profile('improvement_cycle', 'flag', { en: 'Runs improvement cycles', fr: 'Cycles d’amélioration en place', nb: 'Har faste forbedringssykluser' }),
  ...PROGRAM_SETTINGS.map((setting) =>
    profile(`setting_${setting}`, 'flag', {
      en: `Setting: ${SETTING_NAMES[setting].en}`,
      fr: `Milieu : ${SETTING_NAMES[setting].fr}`,
      nb: `Tjenestetype: ${SETTING_NAMES[setting].nb}`,
    }),
  ),
  indicator('voice_on_time', 'percent', { en: 'Voice items answered on time (%)', fr: 'Paroles répondues à temps (%)', nb: 'Stemme-saker besvart i tide (%)' }),
  indicator('connections_completed', 'percent', { en: 'Connections completed (%)', fr: 'Liaisons terminées (%)', nb: 'Koblinger fullført (%)' }),
  indicator('huddle_attendance', 'percent', { en: 'Peer support at huddles (%)', fr: 'Présence des pairs aux réunions (%)', nb: 'Likepersonsstøtten på teammøter (%)' }),
  indicator('supervision_coverage', 'percent', { en: 'Peer staff supervised in the last 30 days (%)', fr: 'Pairs aidants supervisés au cours des 30 derniers jours (%)', nb: 'Erfaringskonsulenter med veiledning de siste 30 dagene (%)' }),
  indicator('psp_retention', 'percent', { en: 'Peer staff in post 12 months or more (%)', fr: 'Pairs aidants en poste depuis 12 mois ou plus (%)', nb: 'Erfaringskonsulenter i stillingen i 12 måneder eller mer (%)' }),
  indicator('step_away_days', 'days', { en: 'Step-away days per peer staff member', fr: 'Jours de pause par pair aidant', nb: 'Pausedager per erfaringskonsulent' }),
];

export const PROGRAM_VARIABLE_KEYS: ReadonlySet<string> = new Set(PROGRAM_VARIABLES.map((v) => v.key));

/** The months whose everyday work an analysis of a wave joins: the three up to the wave's closing month. */
export const INDICATOR_MONTHS = 3;
