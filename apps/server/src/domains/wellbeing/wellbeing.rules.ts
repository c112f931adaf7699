import type { CheckInDefinition, Language, CheckInText } from '@alongside/contracts';
import { isAtOrPast, isWorse } from '@alongside/stats';

// Pure rules of the wellbeing domain: bands, the private nudge, and the words a PSP reads.

/** Text in the wanted language, falling back to English. */
export const say = (text: CheckInText, language: Language): string => text[language] ?? text.en;

/** The band a score falls in: below a band's `upTo`, or the last band. */
export function bandOf(definition: Pick<CheckInDefinition, 'bands'>, score: number): string {
  const band = definition.bands.find((b, i) => i === definition.bands.length - 1 || score < b.upTo);
  return band!.id;
}

// The nudge rule lives in packages/stats: the demo seed stores nudges by the same rule.
export { nudgeReason } from '@alongside/stats';

type Words = Record<Language, string>;

const NUDGE_MESSAGES: Record<'threshold' | 'rising', Words> = {
  threshold: {
    en: 'Your check-in suggests the work is weighing on you. A supervision session, or a step-away (no reason needed), might help. Only you see this.',
    fr: 'Votre bilan laisse penser que le travail vous pèse. Une séance de supervision, ou une pause (sans avoir à vous justifier), pourrait aider. Vous seul·e voyez ce message.',
    nb: 'Sjekk-innen din tyder på at jobben tynger deg. En veiledningssamtale, eller en pause (uten å oppgi grunn), kan hjelpe. Bare du ser dette.',
  },
  rising: {
    en: 'Your strain has gone up three check-ins in a row. It may be a good moment to talk with your supervisor, or to take a step-away. Only you see this.',
    fr: 'Votre charge a augmenté trois bilans de suite. C’est peut-être le moment d’en parler avec votre superviseur·e ou de faire une pause. Vous seul·e voyez ce message.',
    nb: 'Belastningen din har økt tre sjekk-inner på rad. Det kan være et godt tidspunkt å snakke med veilederen din, eller ta en pause. Bare du ser dette.',
  },
};

export const nudgeMessage = (reason: 'threshold' | 'rising', language: Language): string => NUDGE_MESSAGES[reason][language];

const READING: Record<string, Words> = {
  none: {
    en: 'You have not done a check-in yet. It takes about two minutes once a month, and only you see it.',
    fr: 'Vous n’avez pas encore fait de bilan. Il prend environ deux minutes une fois par mois, et vous seul·e le voyez.',
    nb: 'Du har ikke gjort noen sjekk-inn ennå. Den tar omtrent to minutter en gang i måneden, og bare du ser den.',
  },
  first: {
    en: 'Your latest check-in reads as {band}. After a few months you will see how it changes.',
    fr: 'Votre dernier bilan indique une charge {band}. Dans quelques mois, vous verrez comment elle évolue.',
    nb: 'Den siste sjekk-innen din viser {band} belastning. Om noen måneder ser du hvordan den endrer seg.',
  },
  worse: {
    en: 'Your strain has gone up since your previous check-in ({from} → {to}); it now reads as {band}.',
    fr: 'Votre charge a augmenté depuis votre bilan précédent ({from} → {to}) ; elle est maintenant {band}.',
    nb: 'Belastningen din har økt siden forrige sjekk-inn ({from} → {to}); den er nå {band}.',
  },
  better: {
    en: 'Your strain has eased since your previous check-in ({from} → {to}); it now reads as {band}.',
    fr: 'Votre charge a diminué depuis votre bilan précédent ({from} → {to}) ; elle est maintenant {band}.',
    nb: 'Belastningen din har gått ned siden forrige sjekk-inn ({from} → {to}); den er nå {band}.',
  },
  steady: {
    en: 'Your strain is about the same as at your previous check-in ({to}); it reads as {band}.',
    fr: 'Votre charge est à peu près la même qu’au bilan précédent ({to}) ; elle est {band}.',
    nb: 'Belastningen din er omtrent som ved forrige sjekk-inn ({to}); den er {band}.',
  },
  past: {
    en: ' That is past the level where talking with your supervisor or taking a step-away may help.',
    fr: ' C’est au-delà du niveau où parler à votre superviseur·e ou faire une pause peut aider.',
    nb: ' Det er over nivået der en samtale med veilederen din eller en pause kan hjelpe.',
  },
};

/** A plain-language reading of a PSP's own trend (their last two check-ins), in their language. */
export function readTrend(
  scores: readonly number[],
  definition: Pick<CheckInDefinition, 'threshold' | 'higherIsWorse' | 'bands'> | null,
  language: Language,
): string {
  const current = scores.at(-1);
  if (current === undefined || !definition) return READING.none![language];
  const band = say(definition.bands.find((b) => b.id === bandOf(definition, current))!.label, language).toLocaleLowerCase(language);
  const previous = scores.at(-2);
  const key = previous === undefined ? 'first' : Math.abs(current - previous) < 5 ? 'steady' : isWorse(current, previous, definition.higherIsWorse) ? 'worse' : 'better';
  const text = READING[key]![language]
    .replace('{band}', band)
    .replace('{from}', String(Math.round(previous ?? 0)))
    .replace('{to}', String(Math.round(current)));
  return isAtOrPast(current, definition.threshold, definition.higherIsWorse) ? text + READING.past![language] : text;
}

const RESOURCES: { key: string; action: 'supervision' | 'step_away' | 'peer_network' | 'outside_help'; title: Words; description: Words }[] = [
  {
    key: 'supervision',
    action: 'supervision',
    title: { en: 'Talk it through in supervision', fr: 'En parler en supervision', nb: 'Snakk om det i veiledning' },
    description: {
      en: 'Ask your peer supervisor for a session. You decide what you bring.',
      fr: 'Demandez une séance à votre superviseur·e pair. Vous décidez de ce que vous y apportez.',
      nb: 'Be veilederen din om en samtale. Du bestemmer hva du tar opp.',
    },
  },
  {
    key: 'step_away',
    action: 'step_away',
    title: { en: 'Step away for a while', fr: 'Prendre du recul un temps', nb: 'Ta en pause en periode' },
    description: {
      en: 'Start a step-away without giving a reason; the people you support are covered while you are away.',
      fr: 'Commencez une pause sans donner de raison ; les personnes que vous accompagnez sont prises en charge pendant ce temps.',
      nb: 'Start en pause uten å oppgi grunn; de du støtter blir ivaretatt mens du er borte.',
    },
  },
  {
    key: 'peer_network',
    action: 'peer_network',
    title: { en: 'Lean on other peers', fr: 'S’appuyer sur d’autres pairs', nb: 'Støtt deg på andre med erfaringskompetanse' },
    description: {
      en: 'Other peer support workers know this work from the inside. A peer network or a colleague can help.',
      fr: 'D’autres pairs aidants connaissent ce travail de l’intérieur. Un réseau de pairs ou un·e collègue peut aider.',
      nb: 'Andre erfaringskonsulenter kjenner dette arbeidet fra innsiden. Et nettverk eller en kollega kan hjelpe.',
    },
  },
  {
    key: 'outside_help',
    action: 'outside_help',
    title: { en: 'Help outside work', fr: 'De l’aide en dehors du travail', nb: 'Hjelp utenfor jobben' },
    description: {
      en: 'Your own doctor or an employee assistance service is there for you too. In a crisis, call your local emergency number.',
      fr: 'Votre médecin ou un programme d’aide aux employés sont là pour vous aussi. En cas de crise, appelez le numéro d’urgence local.',
      nb: 'Fastlegen din eller bedriftshelsetjenesten er der for deg også. I en krise, ring legevakt eller nødnummer.',
    },
  },
];

/** Resources offered to every PSP, in their language. */
export const resourcesFor = (language: Language) =>
  RESOURCES.map((r) => ({ key: r.key, action: r.action, title: r.title[language], description: r.description[language] }));
