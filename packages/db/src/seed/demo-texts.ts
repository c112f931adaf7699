// Invented everyday wording for the demo activity, in the person's language (en, fr, nb).
// Peer notes are strengths-based and plain; nothing here is a diagnosis or a real story.

export type Lang = 'en' | 'fr' | 'nb';
type Texts = Record<Lang, readonly string[]>;

export const PERSON_NAMES: Record<'CA' | 'NO', readonly string[]> = {
  CA: [
    'Robin', 'Terri', 'Jamie', 'Kai', 'Morgan', 'Bev', 'Luc', 'Nathalie', 'Denis', 'Gisèle', 'Ray', 'Shawna',
    'Tenzin', 'Farah', 'Corey', 'Marlene', 'Hyun', 'Wes', 'Lorraine', 'Yves', 'Sylvie', 'Andre', 'Dev', 'Jo',
    'Tasha', 'Reggie', 'Ophélie', 'Benoît', 'Carmen', 'Eli', 'Fern', 'Gordie', 'Hamid', 'Inès', 'Justin', 'Kelsey',
    'Lena', 'Mo', 'Nicole', 'Omar', 'Pat', 'Quinn', 'Rosalie', 'Stéphane', 'Tina', 'Val', 'Winona', 'Zack',
  ],
  NO: [
    'Bjørn', 'Randi', 'Geir', 'Tove', 'Espen', 'Hilde', 'Odd', 'Lise', 'Trond', 'Anette', 'Petter', 'Camilla',
    'Yusuf', 'Rune', 'Vigdis', 'Stian', 'Mona', 'Arne', 'Heidi', 'Fredrik', 'Gunn', 'Kjetil', 'Astrid', 'Leif',
    'Marte', 'Nils', 'Oda', 'Per', 'Ronja', 'Sverre', 'Turid', 'Vegard', 'Wenche', 'Åse', 'Dag', 'Frida',
  ],
};

export const PRONOUNS: Record<Lang, readonly string[]> = {
  en: ['she/her', 'he/him', 'they/them'],
  fr: ['elle', 'il', 'iel'],
  nb: ['hun', 'han', 'hen'],
};

export const CONTACT_NOTES: Texts = {
  en: [
    'Walked to the coffee shop together. Talked about the weekend and what helped last time things got hard.',
    'Quiet visit. Mostly sat together; said it helped not to have to explain anything.',
    'Went through the bus route to the new clinic. Feels more ready for Thursday.',
    'Shared a bit of my own story about going back to work. Lots of questions, good laughs.',
    'Helped fill in the housing form. Proud of getting it done.',
    'Talked about family visit coming up. Made a plan for taking breaks.',
    'Phone check-in. Sleeping a bit better, went out for groceries twice this week.',
    'Came along to the appointment. Wrote down questions beforehand; asked all of them.',
    'Rough day. Listened, stayed until things felt calmer. Agreed to talk tomorrow morning.',
    'Looked at the community kitchen schedule together. Wants to try the Tuesday group.',
    'Talked about what recovery means for them: getting back to the guitar.',
    'Texted back and forth about the weekend plan. Good energy.',
    'Group session on hope and setbacks. Spoke up for the first time.',
    'Met at the library. Signed up for a card and borrowed two books.',
    'Discussed worries about money. Looked at the income support office hours.',
    'Short visit on the ward. Asked about day passes; we practised how to bring it up.',
    'Celebrated one month in the new apartment. Talked about what makes it feel like home.',
    'Talked about the medication side effects they want to raise with the team. Wrote it down in their words.',
  ],
  fr: [
    'Marche jusqu’au café ensemble. On a parlé de la fin de semaine et de ce qui aide quand ça va moins bien.',
    'Visite tranquille. Surtout être là ensemble; ça fait du bien de ne rien avoir à expliquer.',
    'Repéré ensemble le trajet d’autobus vers la nouvelle clinique. Se sent plus prêt·e pour jeudi.',
    'J’ai partagé un peu de mon parcours de retour au travail. Beaucoup de questions, de bons rires.',
    'Aide pour remplir le formulaire de logement. Fier·ère d’avoir terminé.',
    'Appel de suivi. Dort un peu mieux, est sorti·e faire l’épicerie deux fois.',
    'Accompagnement au rendez-vous. Questions écrites d’avance; toutes posées.',
    'Journée difficile. J’ai écouté et je suis resté jusqu’à ce que ça se calme. On se reparle demain matin.',
    'Regardé l’horaire de la cuisine collective. Veut essayer le groupe du mardi.',
    'Parlé de ce que le rétablissement veut dire pour elle : reprendre la peinture.',
    'Rencontre de groupe sur l’espoir. A pris la parole pour la première fois.',
    'Inquiétudes d’argent. On a regardé les heures du bureau d’aide au revenu.',
  ],
  nb: [
    'Gikk tur til kafeen sammen. Snakket om helga og hva som hjalp sist det ble tungt.',
    'Rolig besøk. Satt mest sammen; sa det var godt å slippe å forklare noe.',
    'Gikk gjennom bussruta til den nye poliklinikken. Føler seg mer klar for torsdag.',
    'Delte litt av min egen historie om å komme tilbake i jobb. Mange spørsmål, god latter.',
    'Hjalp til med søknaden om kommunal bolig. Stolt av å ha fått den sendt.',
    'Telefonsamtale. Sover litt bedre, har vært og handlet to ganger denne uka.',
    'Ble med på timen. Skrev ned spørsmål på forhånd; fikk stilt alle.',
    'Tung dag. Lyttet og ble værende til det roet seg. Avtalte å snakkes i morgen tidlig.',
    'Så på programmet til frivilligsentralen sammen. Vil prøve turgruppa på tirsdager.',
    'Snakket om hva bedring betyr for ham: å begynne å fiske igjen.',
    'Gruppemøte om håp og tilbakeslag. Tok ordet for første gang.',
    'Bekymret for økonomien. Vi så på åpningstidene til NAV-kontoret.',
    'Kort besøk på posten. Øvde på hvordan å ta opp permisjon med behandler.',
  ],
};

export const TEAM_SUMMARIES: Texts = {
  en: [
    'Met for peer support; in good spirits and planning next steps.',
    'Practised questions for the next appointment; would like more time with the doctor.',
    'Working on housing; form submitted today.',
    'Harder week; we agreed on a daily check-in until Friday.',
    'Started a community group; going well.',
  ],
  fr: [
    'Rencontre de soutien par les pairs; bon moral, prépare les prochaines étapes.',
    'Questions préparées pour le prochain rendez-vous; aimerait plus de temps avec le médecin.',
    'Semaine plus difficile; appel quotidien convenu jusqu’à vendredi.',
  ],
  nb: [
    'Likepersonsamtale; i godt humør og planlegger neste steg.',
    'Forberedte spørsmål til neste time; ønsker mer tid med legen.',
    'Tyngre uke; vi avtalte daglig kontakt fram til fredag.',
    'Har begynt i en turgruppe; går fint.',
  ],
};

export const CORRECTIONS: Texts = {
  en: ['Correction: this was a phone call, not in person.', 'Correction: we met on the Tuesday, not the Monday.'],
  fr: ['Correction : c’était un appel, pas une rencontre en personne.'],
  nb: ['Rettelse: dette var en telefonsamtale, ikke et møte.'],
};

export const VOICE_WORDS: Record<'goal' | 'preference' | 'concern' | 'question' | 'feedback', Texts> = {
  goal: {
    en: ['I want to be back in my own place before winter.', 'I want to go back to school part time in the fall.', 'I want to see my kids every weekend again.', 'I’d like to get through a whole week without going to the ER.'],
    fr: ['Je veux retourner dans mon appartement avant l’hiver.', 'Je voudrais reprendre mes cours à temps partiel.', 'Je veux revoir mes enfants chaque fin de semaine.'],
    nb: ['Jeg vil bo i min egen leilighet før jul.', 'Jeg vil begynne på skolen igjen til høsten, litt og litt.', 'Jeg vil ha ungene hos meg annenhver helg igjen.'],
  },
  preference: {
    en: ['Please talk to me before you talk to my mother.', 'I’d rather have appointments in the afternoon.', 'When I’m upset, give me a few minutes alone first — don’t crowd me.', 'I want a woman doctor if that’s possible.'],
    fr: ['Parlez-moi avant de parler à ma mère, s’il vous plaît.', 'Je préfère les rendez-vous en après-midi.', 'Quand je suis à bout, laissez-moi quelques minutes seul·e d’abord.'],
    nb: ['Snakk med meg før dere ringer mamma.', 'Jeg vil helst ha timer på ettermiddagen.', 'Når jeg er urolig, gi meg noen minutter alene først.'],
  },
  concern: {
    en: ['The new pills make me so tired I can’t get up for work.', 'I’m scared I’ll lose my apartment while I’m in here.', 'Nobody told me why my day pass was cancelled.', 'I can’t afford the bus to the clinic anymore.'],
    fr: ['Les nouveaux médicaments me fatiguent tellement que je ne peux pas aller travailler.', 'J’ai peur de perdre mon logement pendant que je suis ici.', 'Personne ne m’a dit pourquoi ma sortie a été annulée.'],
    nb: ['De nye tablettene gjør meg så trøtt at jeg ikke kommer meg på jobb.', 'Jeg er redd for å miste leiligheten mens jeg er innlagt.', 'Ingen har sagt hvorfor permisjonen min ble avlyst.'],
  },
  question: {
    en: ['How long will I have to stay on the ward?', 'Can I lower the dose if I feel better?', 'Who do I call at night if things get bad?', 'Can I get a copy of my care plan?'],
    fr: ['Combien de temps vais-je devoir rester à l’unité?', 'Est-ce que je peux baisser la dose si je vais mieux?', 'Qui j’appelle la nuit si ça va mal?'],
    nb: ['Hvor lenge må jeg være innlagt?', 'Kan jeg trappe ned dosen hvis jeg blir bedre?', 'Hvem ringer jeg om natta hvis det blir ille?', 'Kan jeg få en kopi av behandlingsplanen min?'],
  },
  feedback: {
    en: ['The night staff were really kind to me on Sunday.', 'The meeting felt rushed; I didn’t get to say what I wanted.', 'Having Jordan with me at the appointment made all the difference.'],
    fr: ['L’équipe de nuit a été très gentille avec moi dimanche.', 'La rencontre était trop pressée; je n’ai pas pu dire ce que je voulais.'],
    nb: ['Nattevakta var veldig snille med meg på søndag.', 'Møtet føltes forhastet; jeg fikk ikke sagt det jeg ville.', 'Det hjalp så mye å ha likepersonen med på timen.'],
  },
};

export const VOICE_CONTEXT: Texts = {
  en: ['Said during our walk on Tuesday.', 'Came up while preparing for the team meeting.', 'Has mentioned this a few times.'],
  fr: ['Dit pendant notre marche de mardi.', 'Revenu plusieurs fois dans nos rencontres.'],
  nb: ['Sagt under turen vår på tirsdag.', 'Har tatt dette opp flere ganger.'],
};

export const VOICE_ANSWERS: Texts = {
  en: [
    'Thank you for telling us. We’ll talk about it together at your next appointment on Thursday, and we can change the plan.',
    'Yes — we’ve noted this in your care plan and the whole team will follow it.',
    'The team discussed this at the huddle: the social worker will call you this week to work on it with you.',
    'We hear you. The doctor will review the dose with you; please keep noting how you feel.',
    'Good question. Here is the honest answer: we expect about two more weeks, and we’ll review it with you every Monday.',
  ],
  fr: [
    'Merci de nous l’avoir dit. Nous en parlerons avec vous au prochain rendez-vous jeudi, et nous pouvons ajuster le plan.',
    'Oui — c’est noté dans votre plan de soins et toute l’équipe va le suivre.',
    'L’équipe en a discuté au caucus : la travailleuse sociale vous appellera cette semaine.',
  ],
  nb: [
    'Takk for at du sa fra. Vi tar det opp sammen med deg på neste time torsdag, og vi kan endre planen.',
    'Ja — det står nå i behandlingsplanen din, og hele teamet vil følge det.',
    'Teamet snakket om dette på morgenmøtet: sosionomen ringer deg denne uka for å jobbe med det sammen med deg.',
  ],
};

export const VOICE_REACTIONS: Texts = {
  en: ['Relieved — said it was the first time they felt listened to.', 'Glad, but wants to see it happen.', 'Not happy with the answer; wants to talk to the doctor directly.', 'Smiled. “Okay, that’s fair.”'],
  fr: ['Soulagé·e — dit que c’est la première fois qu’on l’écoute vraiment.', 'Content·e, mais veut voir les résultats.'],
  nb: ['Lettet — sa det var første gang hen følte seg hørt.', 'Fornøyd, men vil se at det skjer.', 'Ikke fornøyd med svaret; vil snakke med legen selv.'],
};

export const CONNECTION_REASONS: Texts = {
  en: ['Would like help with sleep and wants to meet the team’s doctor.', 'Looking for a place to live; ready to meet housing support.', 'Wants to talk to someone about drinking, with me there the first time.', 'Referred for peer support: isolated, would welcome someone who has been there.', 'Asked about a peer group for people who hear voices.'],
  fr: ['Aimerait de l’aide pour le sommeil et veut rencontrer le médecin de l’équipe.', 'Cherche un logement; prêt·e à rencontrer le service d’aide au logement.', 'Orientation vers le soutien par les pairs : isolé·e, aimerait parler à quelqu’un qui est passé par là.'],
  nb: ['Ønsker hjelp med søvnen og vil treffe legen i teamet.', 'Trenger bolig; klar for å møte boligkontoret i kommunen.', 'Henvist til likepersonsarbeid: ensom, vil gjerne snakke med en som har vært der selv.'],
};

export const CONNECTION_FEEDBACK: Texts = {
  en: ['It was easier because we went together.', 'Good first meeting; going back next week.', 'Not the right fit for now.'],
  fr: ['C’était plus facile parce qu’on y est allé ensemble.', 'Bonne première rencontre.'],
  nb: ['Det var lettere fordi vi gikk sammen.', 'Godt første møte; skal tilbake neste uke.'],
};

export const HUDDLE_TOPICS: Texts = {
  en: ['Coverage while Jordan is at the peer conference', 'How we introduce peer support at admission', 'Holiday schedule', 'Families asking to join the huddle', 'Discharge planning: who tells the person first'],
  fr: ['Couverture pendant le congrès des pairs aidants', 'Comment présenter le soutien par les pairs à l’admission', 'Horaire des fêtes'],
  nb: ['Dekning mens likepersonen er på samling', 'Hvordan vi presenterer likepersonsarbeid ved innleggelse', 'Ferieplan', 'Pårørende som ønsker å delta'],
};

export const HUDDLE_DECISIONS: Texts = {
  en: ['Peer support will be offered to everyone at admission.', 'Social worker follows up on the housing question by Friday.', 'Answers to voice items are drafted before the huddle.', 'No changes this week.'],
  fr: ['Le soutien par les pairs sera offert à l’admission.', 'La travailleuse sociale fait le suivi du logement d’ici vendredi.', 'Aucun changement cette semaine.'],
  nb: ['Likepersonsarbeid tilbys alle ved innleggelse.', 'Sosionomen følger opp boligsaken innen fredag.', 'Ingen endringer denne uka.'],
};
