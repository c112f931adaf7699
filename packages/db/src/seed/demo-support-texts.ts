// Invented wording for the demo's support data: a PSP's private pulse notes, supervision notes and the peer-tier
// hand-over notes of step-aways. Plain and everyday; nothing here is a diagnosis or a real story.

import type { Lang } from './demo-texts.ts';

type Texts = Record<Lang, readonly string[]>;

/** Private pulse notes on a heavier day (low energy or heavy work). Only the PSP reads them. */
export const PULSE_NOTES_HEAVY: Texts = {
  en: [
    'Two hard conversations back to back. Need a proper lunch break tomorrow.',
    'Heard a story that was very close to my own. Going for a walk after work.',
    'Too many forms today, not enough time with people.',
    'Tired. Slept badly after the late shift.',
    'Felt stretched between the ward and the new referrals.',
    'Someone I support had a setback. Holding it, but it is heavy.',
    'Skipped my break again. Need to watch that.',
  ],
  fr: [
    'Deux conversations difficiles de suite. Prendre une vraie pause demain.',
    'Une histoire très proche de la mienne aujourd’hui. Marche après le travail.',
    'Trop de paperasse, pas assez de temps avec les gens.',
    'Fatigué·e. Mal dormi après le quart de soir.',
    'Quelqu’un que j’accompagne a fait un pas en arrière. C’est lourd.',
  ],
  nb: [
    'To tunge samtaler rett etter hverandre. Må ta ordentlig lunsj i morgen.',
    'Hørte en historie som lå tett på min egen. Går en tur etter jobb.',
    'For mye skjemaer i dag, for lite tid med folk.',
    'Sliten. Sov dårlig etter seinvakta.',
    'En jeg støtter hadde et tilbakeslag. Det tynger.',
  ],
};

/** Private pulse notes on a lighter day. */
export const PULSE_NOTES_LIGHT: Texts = {
  en: [
    'Good day. The group laughed a lot.',
    'Someone got their apartment keys today. Proud of them.',
    'Team listened when I raised the day-pass question.',
    'Quiet, steady day. Left on time.',
    'Supervision helped me sort out the boundaries thing.',
    'Back in rhythm after the long weekend.',
  ],
  fr: [
    'Bonne journée. Beaucoup de rires en groupe.',
    'Quelqu’un a reçu les clés de son appartement. Fier·ère de lui.',
    'L’équipe m’a écouté·e sur la question des sorties.',
    'Journée calme. Parti·e à l’heure.',
  ],
  nb: [
    'God dag. Mye latter i gruppa.',
    'En fikk nøklene til leiligheten i dag. Stolt av hen.',
    'Teamet lyttet da jeg tok opp permisjonsspørsmålet.',
    'Rolig dag. Gikk hjem i tide.',
  ],
};

/** Notes from supervision sessions by kind, read by the PSP and that supervisor only. */
export const SUPERVISION_NOTES: Record<'peer' | 'group' | 'clinical', Texts> = {
  peer: {
    en: [
      'Talked about when to share my own story and when not to. Will try the "short version" first.',
      'Went through the caseload. Agreed to hand one person to a colleague with a warm introduction.',
      'Boundaries with texts after hours: will set a reply window and tell people about it.',
      'Reflected on a hard week. Plan: protect Friday afternoon for notes and rest.',
      'Check-in only. Things are steadier; keep the walking breaks.',
      'Talked about feeling like the only peer voice on the ward. Will join the regional peer network call.',
    ],
    fr: [
      'Quand partager mon vécu et quand m’abstenir. J’essaie d’abord la « version courte ».',
      'Revue des personnes accompagnées. On confie une personne à un·e collègue avec une présentation en personne.',
      'Limites pour les textos en soirée : je fixe une plage de réponse et je l’annonce.',
      'Semaine difficile. Plan : garder le vendredi après-midi pour les notes et le repos.',
    ],
    nb: [
      'Snakket om når jeg deler egen erfaring og når jeg lar være. Prøver «kortversjonen» først.',
      'Gikk gjennom dem jeg følger. Én får en ny kontakt med varm overlevering.',
      'Grenser for meldinger på kveldstid: setter et svarvindu og sier fra om det.',
      'Tung uke. Plan: holde fredag ettermiddag til notater og hvile.',
    ],
  },
  group: {
    en: [
      'How we speak up in huddles when the team talks about someone we support.',
      'Shared what helps after a difficult disclosure. Agreed to pair up for debriefs.',
      'Role clarity: what peer work is and is not on the ward. Drafting a one-pager for new staff.',
    ],
    fr: [
      'Comment prendre la parole en réunion d’équipe quand on parle d’une personne accompagnée.',
      'Ce qui aide après une confidence difficile. On se jumelle pour les retours.',
    ],
    nb: [
      'Hvordan vi sier fra i teammøtet når det snakkes om noen vi støtter.',
      'Hva som hjelper etter en tung samtale. Vi setter opp faste samtalepartnere.',
    ],
  },
  clinical: {
    en: [
      'Clinical input on a person whose medication worries them; practised how to bring it to the team.',
      'Went over warning signs and who to call when a conversation turns to crisis.',
      'Talked through a referral the team was unsure about. Peer support is a good fit; start with short visits.',
    ],
    fr: [
      'Avis clinique sur une personne inquiète de sa médication ; on a préparé comment en parler à l’équipe.',
      'Signes d’alerte et qui appeler quand une conversation tourne à la crise.',
    ],
    nb: [
      'Klinisk innspill om en som er bekymret for medisinene sine; øvde på hvordan ta det opp i teamet.',
      'Gikk gjennom varseltegn og hvem jeg ringer når en samtale blir til en krise.',
    ],
  },
};

/** Peer-tier hand-over notes, one per person covered during a step-away. */
export const HANDOVER_NOTES: Texts = {
  en: [
    'Likes a text the day before a visit. Working on the housing form together — almost done.',
    'Prefers walking and talking to sitting down. The day-pass question is still open with the team.',
    'Has a follow-up at the clinic on Thursday; offered to come along. Call rather than text.',
    'Going through a rough patch with family. Mostly needs someone to listen; no pressure to plan.',
    'Just started the Tuesday cooking group. A quick hello there means a lot.',
    'Waiting to hear back about income support. Knows the office hours; check in on how it went.',
  ],
  fr: [
    'Aime recevoir un texto la veille d’une visite. Le formulaire de logement est presque rempli.',
    'Préfère marcher en parlant. La question des sorties est encore ouverte avec l’équipe.',
    'Rendez-vous de suivi jeudi à la clinique ; j’ai proposé de l’accompagner. Appeler plutôt qu’écrire.',
  ],
  nb: [
    'Liker en melding dagen før et besøk. Vi holder på med bolig-søknaden — nesten ferdig.',
    'Snakker best når vi går. Spørsmålet om permisjon ligger fortsatt hos teamet.',
  ],
};

/** Notes when a person is handed back after a step-away. */
export const HANDBACK_NOTES: Texts = {
  en: [
    'Housing form sent in. They asked after you and are glad you are back.',
    'Two visits while you were away, both good. The clinic follow-up went fine.',
    'Quieter couple of weeks. Nothing new with the team.',
  ],
  fr: ['Formulaire envoyé. Demande de vos nouvelles, content·e de votre retour.', 'Deux visites pendant votre absence, toutes deux positives.'],
  nb: ['Søknaden er sendt. Spurte etter deg og er glad du er tilbake.', 'To besøk mens du var borte, begge gikk fint.'],
};
