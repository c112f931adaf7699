import type { Language } from '@alongside/contracts';
import type { QdaCode } from './refi-qda/codebook.ts';

// The starter codebook a new study can begin from (issue 11), written for Alongside: barriers and enablers of PSP
// integration at three levels (macro: policy and funding; meso: culture, leadership and HR; micro: team relationships
// and PSP wellbeing), the integration strategies the source study names, and the principles of peer support. Each code
// has a definition, when to use it and when not, and a short example of the kind of passage it fits (paraphrases
// written here, not quotations). The GUIDs are fixed, so that the same starter code is the same code in every export.

type Text = Record<Language, string>;

export interface StarterCode {
  guid: string;
  color: string;
  name: Text;
  definition: Text;
  include?: Text;
  exclude?: Text;
  example?: Text;
  children?: StarterCode[];
}

const guid = (n: number) => `a1c0de00-57a7-4e00-8000-${String(n).padStart(12, '0')}`;

const LEVELS = { macro: '#7C3AED', meso: '#1D4ED8', micro: '#047857', strategy: '#B45309', principle: '#BE185D' } as const;

export const STARTER_CODEBOOK: StarterCode[] = [
  {
    guid: guid(1),
    color: LEVELS.macro,
    name: { en: 'Macro: policy and funding', fr: 'Macro : politiques et financement', nb: 'Makro: politikk og finansiering' },
    definition: {
      en: 'What the system around the program does to peer support: laws, policies, funding streams, professional regulation.',
      fr: 'Ce que le système autour du programme fait au soutien par les pairs : lois, politiques, sources de financement, encadrement professionnel.',
      nb: 'Hva systemet rundt tjenesten gjør med likepersonsarbeidet: lover, føringer, finansiering, profesjonsregulering.',
    },
    children: [
      {
        guid: guid(2),
        color: LEVELS.macro,
        name: { en: 'Barrier: funding and policy', fr: 'Obstacle : financement et politiques', nb: 'Barriere: finansiering og føringer' },
        definition: {
          en: 'Short-term or project funding, missing job categories, rules that leave PSP roles out or make them precarious.',
          fr: 'Financement à court terme ou par projet, absence de catégorie d’emploi, règles qui excluent les postes de pairs aidants ou les rendent précaires.',
          nb: 'Kortsiktig prosjektmidler, manglende stillingskategorier, regler som utelater erfaringskonsulentene eller gjør stillingene usikre.',
        },
        include: { en: 'Mentions of budgets, contracts, positions that may end, national or regional rules.', fr: 'Mentions de budgets, de contrats, de postes qui pourraient prendre fin, de règles nationales ou régionales.', nb: 'Omtale av budsjett, kontrakter, stillinger som kan forsvinne, nasjonale eller regionale regler.' },
        exclude: { en: 'A manager’s own decisions inside the program: code them at the meso level.', fr: 'Les décisions d’un gestionnaire à l’intérieur du programme : les coder au niveau méso.', nb: 'En leders egne beslutninger i tjenesten: kod dem på mesonivå.' },
        example: { en: 'Nobody knows if the peer positions survive the next budget.', fr: 'Personne ne sait si les postes de pairs passeront le prochain budget.', nb: 'Ingen vet om erfaringsstillingene overlever neste budsjett.' },
      },
      {
        guid: guid(3),
        color: LEVELS.macro,
        name: { en: 'Enabler: policy support', fr: 'Facilitateur : appui des politiques', nb: 'Fremmer: støtte i føringer' },
        definition: {
          en: 'Policies, plans or funding that name peer support and give it a lasting place.',
          fr: 'Politiques, plans ou financements qui nomment le soutien par les pairs et lui donnent une place durable.',
          nb: 'Føringer, planer eller finansiering som nevner likepersonsarbeid og gir det en varig plass.',
        },
        example: { en: 'When the national plan asked for peer workers, our directors listened.', fr: 'Quand le plan national a demandé des pairs aidants, nos directions ont écouté.', nb: 'Da opptrappingsplanen ba om erfaringskonsulenter, lyttet ledelsen.' },
      },
    ],
  },
  {
    guid: guid(10),
    color: LEVELS.meso,
    name: { en: 'Meso: culture, leadership and HR', fr: 'Méso : culture, leadership et RH', nb: 'Meso: kultur, ledelse og HR' },
    definition: {
      en: 'How the organization receives peer support: its culture, its leaders, and how it hires, trains and supervises PSPs.',
      fr: 'Comment l’organisation accueille le soutien par les pairs : sa culture, ses dirigeants, et sa façon d’embaucher, de former et de superviser les pairs aidants.',
      nb: 'Hvordan organisasjonen tar imot likepersonsarbeid: kultur, ledere, og hvordan den ansetter, lærer opp og veileder erfaringskonsulenter.',
    },
    children: [
      {
        guid: guid(11),
        color: LEVELS.meso,
        name: { en: 'Barrier: unclear role and HR', fr: 'Obstacle : rôle et RH flous', nb: 'Barriere: uklar rolle og HR' },
        definition: {
          en: 'No agreed job description, unclear lines of supervision, hiring or pay that does not fit the role.',
          fr: 'Pas de description de poste convenue, supervision floue, embauche ou salaire mal adaptés au rôle.',
          nb: 'Ingen avtalt stillingsbeskrivelse, uklare veiledningslinjer, ansettelse eller lønn som ikke passer rollen.',
        },
        exclude: { en: 'Day-to-day friction in the team: code it at the micro level.', fr: 'Les frictions quotidiennes dans l’équipe : les coder au niveau micro.', nb: 'Daglig friksjon i teamet: kod det på mikronivå.' },
      },
      {
        guid: guid(12),
        color: LEVELS.meso,
        name: { en: 'Enabler: leadership and culture', fr: 'Facilitateur : leadership et culture', nb: 'Fremmer: ledelse og kultur' },
        definition: {
          en: 'Leaders who make room for peer support; a recovery-oriented culture that values lived experience.',
          fr: 'Des dirigeants qui font de la place au soutien par les pairs; une culture axée sur le rétablissement qui valorise le savoir expérientiel.',
          nb: 'Ledere som gir plass til likepersonsarbeid; en recoveryorientert kultur som verdsetter erfaringskunnskap.',
        },
      },
    ],
  },
  {
    guid: guid(20),
    color: LEVELS.micro,
    name: { en: 'Micro: team relationships and PSP wellbeing', fr: 'Micro : relations d’équipe et bien-être des pairs aidants', nb: 'Mikro: relasjoner i teamet og erfaringskonsulentenes trivsel' },
    definition: {
      en: 'What happens between people in the team, and how the PSP fares in it.',
      fr: 'Ce qui se passe entre les personnes de l’équipe, et comment le pair aidant s’y porte.',
      nb: 'Det som skjer mellom folk i teamet, og hvordan erfaringskonsulenten har det der.',
    },
    children: [
      {
        guid: guid(21),
        color: LEVELS.micro,
        name: { en: 'Barrier: distance and strain', fr: 'Obstacle : distance et usure', nb: 'Barriere: avstand og belastning' },
        definition: {
          en: 'Being left out of meetings or decisions, doubts about the PSP’s competence, isolation as a lone PSP, burnout.',
          fr: 'Être tenu à l’écart des réunions ou des décisions, doutes sur la compétence du pair aidant, isolement, épuisement.',
          nb: 'Å bli holdt utenfor møter eller beslutninger, tvil om kompetansen, ensomhet som eneste erfaringskonsulent, utbrenthet.',
        },
        example: { en: 'At first they stopped talking when I came into the staff room.', fr: 'Au début, on arrêtait de parler quand j’entrais dans la salle du personnel.', nb: 'I starten ble det stille når jeg kom inn på personalrommet.' },
      },
      {
        guid: guid(22),
        color: LEVELS.micro,
        name: { en: 'Enabler: trust and inclusion', fr: 'Facilitateur : confiance et inclusion', nb: 'Fremmer: tillit og inkludering' },
        definition: {
          en: 'Clinicians who ask for the PSP’s view, shared work with the persons supported, support for the PSP’s own wellbeing.',
          fr: 'Des cliniciens qui demandent l’avis du pair aidant, un travail partagé auprès des personnes accompagnées, un soutien au bien-être du pair aidant.',
          nb: 'Klinikere som spør om erfaringskonsulentens syn, felles arbeid med dem som får støtte, støtte til erfaringskonsulentens egen trivsel.',
        },
      },
    ],
  },
  {
    guid: guid(30),
    color: LEVELS.strategy,
    name: { en: 'Integration strategies', fr: 'Stratégies d’intégration', nb: 'Strategier for integrering' },
    definition: { en: 'What people did to make integration work.', fr: 'Ce que les gens ont fait pour que l’intégration fonctionne.', nb: 'Det folk gjorde for at integreringen skulle lykkes.' },
    children: [
      { guid: guid(31), color: LEVELS.strategy, name: { en: 'Gradual roll-out', fr: 'Déploiement graduel', nb: 'Gradvis innføring' }, definition: { en: 'Starting small (one team, a pilot) and widening step by step.', fr: 'Commencer petit (une équipe, un projet pilote) et élargir pas à pas.', nb: 'Starte smått (ett team, et pilotprosjekt) og utvide steg for steg.' } },
      { guid: guid(32), color: LEVELS.strategy, name: { en: 'Champions', fr: 'Porteurs du projet', nb: 'Pådrivere' }, definition: { en: 'Named people who speak for peer support and carry it through resistance.', fr: 'Des personnes désignées qui défendent le soutien par les pairs et le portent malgré les résistances.', nb: 'Navngitte personer som taler likepersonsarbeidets sak og bærer det gjennom motstand.' } },
      { guid: guid(33), color: LEVELS.strategy, name: { en: 'Demonstrating value', fr: 'Démontrer la valeur', nb: 'Vise verdien' }, definition: { en: 'Showing results, stories or figures that make the PSP’s contribution visible.', fr: 'Montrer des résultats, des récits ou des chiffres qui rendent visible l’apport du pair aidant.', nb: 'Vise resultater, historier eller tall som synliggjør erfaringskonsulentens bidrag.' } },
      { guid: guid(34), color: LEVELS.strategy, name: { en: 'Working with resistant groups', fr: 'Travailler avec les groupes réticents', nb: 'Arbeide med grupper som stritter imot' }, definition: { en: 'Meeting doubt directly: dialogue, joint work, time with sceptical professions.', fr: 'Aborder le doute de front : dialogue, travail conjoint, temps avec les professions sceptiques.', nb: 'Møte tvilen direkte: dialog, felles arbeid, tid med skeptiske yrkesgrupper.' } },
      { guid: guid(35), color: LEVELS.strategy, name: { en: 'Continuous improvement', fr: 'Amélioration continue', nb: 'Kontinuerlig forbedring' }, definition: { en: 'Reviewing how integration goes and adjusting: feedback loops, improvement cycles.', fr: 'Revoir le déroulement de l’intégration et ajuster : boucles de rétroaction, cycles d’amélioration.', nb: 'Se på hvordan integreringen går og justere: tilbakemeldinger, forbedringssykluser.' } },
      { guid: guid(36), color: LEVELS.strategy, name: { en: 'Organizational priority', fr: 'Priorité organisationnelle', nb: 'Prioritet i organisasjonen' }, definition: { en: 'Peer support written into plans, goals and budgets, not left to goodwill.', fr: 'Le soutien par les pairs inscrit dans les plans, les objectifs et les budgets, pas laissé à la bonne volonté.', nb: 'Likepersonsarbeid skrevet inn i planer, mål og budsjett, ikke overlatt til velvilje.' } },
      { guid: guid(37), color: LEVELS.strategy, name: { en: 'Patient-centred care', fr: 'Soins centrés sur la personne', nb: 'Pasientsentrert behandling' }, definition: { en: 'Framing peer support as serving what the persons supported want and need.', fr: 'Présenter le soutien par les pairs comme étant au service de ce que veulent et de ce dont ont besoin les personnes accompagnées.', nb: 'Å ramme inn likepersonsarbeid som et svar på hva de som får støtte, ønsker og trenger.' } },
    ],
  },
  {
    guid: guid(40),
    color: LEVELS.principle,
    name: { en: 'Principles of peer support', fr: 'Principes du soutien par les pairs', nb: 'Prinsipper i likepersonsarbeid' },
    definition: { en: 'What makes the support peer support.', fr: 'Ce qui fait du soutien un soutien par les pairs.', nb: 'Det som gjør støtten til likepersonsstøtte.' },
    children: [
      { guid: guid(41), color: LEVELS.principle, name: { en: 'Shared lived experience', fr: 'Vécu partagé', nb: 'Delt levd erfaring' }, definition: { en: 'Support that draws on having been through something similar.', fr: 'Un soutien qui s’appuie sur le fait d’avoir traversé quelque chose de semblable.', nb: 'Støtte som bygger på å ha vært gjennom noe lignende.' } },
      { guid: guid(42), color: LEVELS.principle, name: { en: 'Reciprocity', fr: 'Réciprocité', nb: 'Gjensidighet' }, definition: { en: 'A relationship of equals in which both give and receive.', fr: 'Une relation d’égal à égal où chacun donne et reçoit.', nb: 'Et likeverdig forhold der begge gir og får.' } },
      { guid: guid(43), color: LEVELS.principle, name: { en: 'Experiential knowledge', fr: 'Savoir expérientiel', nb: 'Erfaringskunnskap' }, definition: { en: 'Knowledge from living with and recovering from difficulties, used as expertise.', fr: 'Le savoir tiré du fait de vivre avec des difficultés et de s’en rétablir, utilisé comme expertise.', nb: 'Kunnskap fra å leve med og komme seg etter vansker, brukt som fagkunnskap.' } },
      { guid: guid(44), color: LEVELS.principle, name: { en: 'Choice and control', fr: 'Choix et pouvoir d’agir', nb: 'Valg og kontroll' }, definition: { en: 'The person supported decides what they want and how.', fr: 'La personne accompagnée décide de ce qu’elle veut et de la manière.', nb: 'Den som får støtte, bestemmer selv hva hen vil og hvordan.' } },
      { guid: guid(45), color: LEVELS.principle, name: { en: 'Strengths and connection', fr: 'Forces et liens', nb: 'Styrker og tilhørighet' }, definition: { en: 'Building on what the person can do and on their ties to others and the community.', fr: 'Miser sur ce que la personne sait faire et sur ses liens avec les autres et la communauté.', nb: 'Bygge på det personen mestrer og på båndene til andre og til lokalsamfunnet.' } },
    ],
  },
];

/** The starter codebook in one language, as REFI-QDA codes (definition, then when to use it and not, in the description). */
export function starterCodes(language: Language): QdaCode[] {
  const labels = { en: ['Use when', 'Not for', 'Example'], fr: ['À utiliser', 'Pas pour', 'Exemple'], nb: ['Brukes når', 'Ikke for', 'Eksempel'] }[language];
  const convert = (code: StarterCode): QdaCode => ({
    guid: code.guid,
    name: code.name[language],
    codable: code.children === undefined,
    color: code.color,
    description: [
      code.definition[language],
      ...[code.include, code.exclude, code.example].flatMap((part, i) => (part ? [`${labels[i]!}: ${part[language]}`] : [])),
    ].join('\n'),
    children: (code.children ?? []).map(convert),
  });
  return STARTER_CODEBOOK.map(convert);
}
