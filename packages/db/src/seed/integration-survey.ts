import type { InstrumentDefinitionInput, Licence, LocalizedText, StakeholderGroup } from '@alongside/contracts';

// The Peer Support Integration Survey (issue 9): Alongside's own instrument on what makes the integration of peer
// support workers into clinical teams succeed. The wording was written for Alongside in English, Canadian French and
// Norwegian Bokmål and copies no published instrument; it is not validated. One instrument per stakeholder group of
// the source study. The groups share item variable names and subscale ids, so that answers pool across groups: an
// item keeps its name and its keying in every group, and only its wording changes with who is answering.
//
// Scales a group cannot judge from where it stands are left out of its version:
// - people supported: openness to innovation, management support, supervision and training — they see the care they
//   get, not how the team takes up new ideas, how managers back the role, or how peer support workers are
//   supervised and trained;
// - policy makers: clinicians' confidence in peer support workers and inclusion in team decisions — day-to-day trust
//   and team meetings are out of sight from where programs are funded and overseen.
// A few single items are left out for the same reason (e.g. people supported are not asked about value for money).

const w = (en: string, fr: string, nb: string): LocalizedText => ({ en, fr, nb });

type Wording = Partial<Record<StakeholderGroup, LocalizedText>>;
const staff = (text: LocalizedText): Wording => ({ psp: text, clinician: text, manager: text });

type SectionId = 'team' | 'role' | 'support' | 'care' | 'outcome';

interface ItemPlan {
  reverse?: true;
  /** The wording for each group that is asked this item; a group with no wording is not asked it. */
  text: Wording;
}

interface ScalePlan {
  id: string;
  section: SectionId;
  name: LocalizedText;
  outcome?: true;
  /** Items are named `<scale id>_<n>`, n counting from 1 in this list, the same in every group. */
  items: ItemPlan[];
}

const SCALES: ScalePlan[] = [
  {
    id: 'collab_culture',
    section: 'team',
    name: w('Collaborative team culture', 'Culture de collaboration dans l’équipe', 'Samarbeidskultur i teamet'),
    items: [
      {
        text: {
          ...staff(w(
            'People in this team openly share what they know with each other.',
            'Dans cette équipe, les gens partagent ouvertement ce qu’ils savent.',
            'I dette teamet deler vi kunnskap og erfaringer åpent med hverandre.',
          )),
          person_supported: w(
            'The staff I met seemed to work well together.',
            'Les membres du personnel que j’ai rencontrés semblaient bien travailler ensemble.',
            'De ansatte jeg møtte, så ut til å samarbeide godt.',
          ),
          policy_maker: w(
            'The teams in the programs I fund or oversee work well together across professions.',
            'Dans les programmes que je finance ou supervise, les équipes travaillent bien ensemble, toutes professions confondues.',
            'Teamene i tjenestene jeg finansierer eller har ansvar for, samarbeider godt på tvers av faggrupper.',
          ),
        },
      },
      {
        text: {
          ...staff(w(
            'When something goes wrong, we talk it over as a team instead of looking for someone to blame.',
            'Quand quelque chose tourne mal, on en parle en équipe plutôt que de chercher un coupable.',
            'Når noe går galt, snakker vi om det i teamet i stedet for å lete etter noen å skylde på.',
          )),
          person_supported: w(
            'When staff talked about my care, they seemed to listen to each other.',
            'Quand le personnel parlait de mes soins, les gens semblaient s’écouter les uns les autres.',
            'Når de ansatte snakket om behandlingen min, virket det som de lyttet til hverandre.',
          ),
        },
      },
      {
        reverse: true,
        text: {
          ...staff(w(
            'The professions in this team tend to keep to themselves.',
            'Dans cette équipe, chaque profession a tendance à rester dans son coin.',
            'I dette teamet holder hver faggruppe seg mest for seg selv.',
          )),
          person_supported: w(
            'It felt as if the staff did not talk to each other.',
            'J’avais l’impression que les membres du personnel ne se parlaient pas.',
            'Det føltes som om de ansatte ikke snakket med hverandre.',
          ),
          policy_maker: w(
            'In these programs, the professions tend to work in silos.',
            'Dans ces programmes, les groupes professionnels ont tendance à travailler en silos.',
            'I disse tjenestene jobber faggruppene ofte hver for seg.',
          ),
        },
      },
      {
        text: {
          ...staff(w(
            'I can ask any colleague for help, whatever their profession.',
            'Je peux demander de l’aide à n’importe quel collègue, quelle que soit sa profession.',
            'Jeg kan be hvilken som helst kollega om hjelp, uansett faggruppe.',
          )),
          policy_maker: w(
            'Staff in these programs are encouraged to learn from each other across professions.',
            'Dans ces programmes, on encourage le personnel à apprendre les uns des autres, d’une profession à l’autre.',
            'De ansatte i disse tjenestene blir oppmuntret til å lære av hverandre på tvers av faggrupper.',
          ),
        },
      },
    ],
  },
  {
    id: 'openness',
    section: 'team',
    name: w('Openness to new ways of working', 'Ouverture à l’innovation', 'Åpenhet for nye arbeidsmåter'),
    items: [
      {
        text: {
          ...staff(w(
            'This team is willing to try new ways of working.',
            'Cette équipe est prête à essayer de nouvelles façons de travailler.',
            'Dette teamet er villig til å prøve nye måter å jobbe på.',
          )),
          policy_maker: w(
            'The programs I fund or oversee are willing to try new ways of working.',
            'Les programmes que je finance ou supervise sont prêts à essayer de nouvelles façons de travailler.',
            'Tjenestene jeg finansierer eller har ansvar for, er villige til å prøve nye måter å jobbe på.',
          ),
        },
      },
      {
        text: {
          ...staff(w(
            'Most people here have welcomed this change.',
            'La plupart des gens ici ont bien accueilli ce changement.',
            'De fleste her har tatt godt imot denne endringen.',
          )),
          policy_maker: w(
            'Staff in these programs have mostly welcomed this change.',
            'Dans ces programmes, le personnel a généralement bien accueilli ce changement.',
            'De ansatte i disse tjenestene har stort sett tatt godt imot denne endringen.',
          ),
        },
      },
      {
        reverse: true,
        text: {
          ...staff(w(
            'New ideas here are usually met with “we have always done it this way”.',
            'Ici, les nouvelles idées se heurtent souvent à un « on a toujours fait comme ça ».',
            'Nye ideer blir som regel møtt med «sånn har vi alltid gjort det» her.',
          )),
          policy_maker: w(
            'These programs hold on to old routines even when better ones are known.',
            'Ces programmes s’accrochent à leurs vieilles habitudes même quand on connaît de meilleures façons de faire.',
            'Disse tjenestene holder fast på gamle rutiner selv når det finnes bedre måter å gjøre ting på.',
          ),
        },
      },
      {
        text: {
          ...staff(w(
            'When a new practice shows results, it spreads quickly in this team.',
            'Quand une nouvelle pratique donne des résultats, elle se répand vite dans l’équipe.',
            'Når en ny arbeidsmåte viser seg å virke, sprer den seg raskt i teamet.',
          )),
          policy_maker: w(
            'When one program gets good results with a new practice, the others are quick to try it.',
            'Quand un programme obtient de bons résultats avec une nouvelle pratique, les autres s’empressent de l’essayer.',
            'Når én tjeneste får gode resultater med en ny arbeidsmåte, prøver de andre den raskt.',
          ),
        },
      },
    ],
  },
  {
    id: 'inclusion',
    section: 'team',
    name: w('Inclusion in team decisions', 'Participation aux décisions de l’équipe', 'Inkludering i teamets beslutninger'),
    items: [
      {
        text: {
          psp: w(
            'I am invited to the meetings where care is planned.',
            'On m’invite aux réunions où l’on planifie les soins.',
            'Jeg blir invitert til møtene der behandlingen planlegges.',
          ),
          clinician: w(
            'Peer support workers are invited to the meetings where care is planned.',
            'Les pairs aidants sont invités aux réunions où l’on planifie les soins.',
            'Erfaringskonsulentene blir invitert til møtene der behandlingen planlegges.',
          ),
          manager: w(
            'Peer support workers are invited to the meetings where care is planned.',
            'Les pairs aidants sont invités aux réunions où l’on planifie les soins.',
            'Erfaringskonsulentene blir invitert til møtene der behandlingen planlegges.',
          ),
          person_supported: w(
            'The peer support worker took part in meetings about my care.',
            'Le pair aidant participait aux rencontres sur mes soins.',
            'Erfaringskonsulenten var med på møtene om behandlingen min.',
          ),
        },
      },
      {
        text: {
          psp: w(
            'When I speak up in team meetings, my views count.',
            'Quand je prends la parole en réunion d’équipe, mon point de vue compte.',
            'Når jeg sier noe i teammøtene, blir det tatt hensyn til.',
          ),
          clinician: w(
            'When peer support workers speak up in team meetings, their views count.',
            'Quand les pairs aidants prennent la parole en réunion d’équipe, leur point de vue compte.',
            'Når erfaringskonsulentene sier noe i teammøtene, blir det tatt hensyn til.',
          ),
          manager: w(
            'When peer support workers speak up in team meetings, their views count.',
            'Quand les pairs aidants prennent la parole en réunion d’équipe, leur point de vue compte.',
            'Når erfaringskonsulentene sier noe i teammøtene, blir det tatt hensyn til.',
          ),
          person_supported: w(
            'The peer support worker could raise things for me with the rest of the team.',
            'Le pair aidant pouvait faire valoir mon point de vue auprès du reste de l’équipe.',
            'Erfaringskonsulenten kunne ta opp ting på mine vegne med resten av teamet.',
          ),
        },
      },
      {
        reverse: true,
        text: {
          psp: w(
            'Decisions that affect my work are made without asking me.',
            'Les décisions qui touchent mon travail se prennent sans qu’on me consulte.',
            'Beslutninger som gjelder arbeidet mitt, blir tatt uten at jeg blir spurt.',
          ),
          clinician: w(
            'Decisions that affect the work of peer support workers are made without asking them.',
            'Les décisions qui touchent le travail des pairs aidants se prennent sans qu’on les consulte.',
            'Beslutninger som gjelder arbeidet til erfaringskonsulentene, blir tatt uten at de blir spurt.',
          ),
          manager: w(
            'Decisions that affect the work of peer support workers are made without asking them.',
            'Les décisions qui touchent le travail des pairs aidants se prennent sans qu’on les consulte.',
            'Beslutninger som gjelder arbeidet til erfaringskonsulentene, blir tatt uten at de blir spurt.',
          ),
          person_supported: w(
            'The peer support worker seemed to be left out of decisions about my care.',
            'Le pair aidant semblait tenu à l’écart des décisions sur mes soins.',
            'Det virket som om erfaringskonsulenten ble holdt utenfor når det ble tatt beslutninger om behandlingen min.',
          ),
        },
      },
      {
        text: {
          psp: w(
            'I can read and write in the records the team uses.',
            'Je peux consulter les dossiers de l’équipe et y écrire.',
            'Jeg har tilgang til å lese og skrive i journalen teamet bruker.',
          ),
          clinician: w(
            'Peer support workers can read and write in the records the team uses.',
            'Les pairs aidants peuvent consulter les dossiers de l’équipe et y écrire.',
            'Erfaringskonsulentene har tilgang til å lese og skrive i journalen teamet bruker.',
          ),
          manager: w(
            'Peer support workers can read and write in the records the team uses.',
            'Les pairs aidants peuvent consulter les dossiers de l’équipe et y écrire.',
            'Erfaringskonsulentene har tilgang til å lese og skrive i journalen teamet bruker.',
          ),
        },
      },
    ],
  },
  {
    id: 'role_clarity',
    section: 'role',
    name: w('Role clarity', 'Clarté du rôle', 'Tydelig rolle'),
    items: [
      {
        text: {
          psp: w(
            'I know what is expected of me as a peer support worker.',
            'Je sais ce qu’on attend de moi dans mon rôle de pair aidant.',
            'Jeg vet hva som forventes av meg som erfaringskonsulent.',
          ),
          clinician: w(
            'I know what the peer support workers in this team are expected to do.',
            'Je sais ce qu’on attend des pairs aidants dans cette équipe.',
            'Jeg vet hva erfaringskonsulentene i teamet skal gjøre.',
          ),
          manager: w(
            'I know what the peer support workers in my program are expected to do.',
            'Je sais ce qu’on attend des pairs aidants dans mon programme.',
            'Jeg vet hva erfaringskonsulentene i tjenesten min skal gjøre.',
          ),
          person_supported: w(
            'I understood what the peer support worker could help me with.',
            'Je comprenais en quoi le pair aidant pouvait m’aider.',
            'Jeg forsto hva erfaringskonsulenten kunne hjelpe meg med.',
          ),
          policy_maker: w(
            'The peer support role is clearly described in the programs I fund or oversee.',
            'Le rôle des pairs aidants est clairement défini dans les programmes que je finance ou supervise.',
            'Rollen til erfaringskonsulentene er tydelig beskrevet i tjenestene jeg finansierer eller har ansvar for.',
          ),
        },
      },
      {
        text: {
          ...staff(w(
            'The peer support role has a written description that the team agrees with.',
            'Le rôle de pair aidant est décrit par écrit, et l’équipe est d’accord avec cette description.',
            'Erfaringskonsulentrollen har en skriftlig beskrivelse som teamet står bak.',
          )),
          policy_maker: w(
            'These programs have agreed job descriptions for peer support workers.',
            'Ces programmes disposent de descriptions de poste convenues pour les pairs aidants.',
            'Disse tjenestene har omforente stillingsbeskrivelser for erfaringskonsulentene.',
          ),
        },
      },
      {
        reverse: true,
        text: {
          psp: w(
            'I am often asked to do tasks that are not part of peer support.',
            'On me demande souvent des tâches qui ne relèvent pas du soutien par les pairs.',
            'Jeg blir ofte bedt om å gjøre oppgaver som ikke hører til rollen som erfaringskonsulent.',
          ),
          clinician: w(
            'Peer support workers here often end up doing tasks that are not peer support.',
            'Ici, les pairs aidants se retrouvent souvent à faire des tâches qui ne relèvent pas du soutien par les pairs.',
            'Erfaringskonsulentene her ender ofte opp med oppgaver som ikke hører til rollen deres.',
          ),
          manager: w(
            'Peer support workers in my program often end up doing tasks that are not peer support.',
            'Dans mon programme, les pairs aidants se retrouvent souvent à faire des tâches qui ne relèvent pas du soutien par les pairs.',
            'Erfaringskonsulentene i tjenesten min ender ofte opp med oppgaver som ikke hører til rollen deres.',
          ),
          person_supported: w(
            'I was not sure what the peer support worker’s job was.',
            'Je ne savais pas trop quel était le rôle du pair aidant.',
            'Jeg var usikker på hva erfaringskonsulenten egentlig skulle gjøre.',
          ),
          policy_maker: w(
            'In practice, peer support workers are often used to fill gaps in other roles.',
            'En pratique, on se sert souvent des pairs aidants pour combler les manques dans d’autres postes.',
            'I praksis blir erfaringskonsulenter ofte brukt til å tette hull i andre stillinger.',
          ),
        },
      },
      {
        text: {
          psp: w(
            'I know where my role ends and a colleague’s begins.',
            'Je sais où s’arrête mon rôle et où commence celui de mes collègues.',
            'Jeg vet hvor min rolle slutter og kollegenes begynner.',
          ),
          clinician: w(
            'It is clear when to involve a peer support worker and when to involve someone else.',
            'On sait clairement quand faire appel à un pair aidant et quand faire appel à quelqu’un d’autre.',
            'Det er tydelig når vi skal trekke inn en erfaringskonsulent, og når vi skal trekke inn noen andre.',
          ),
          manager: w(
            'It is clear when to involve a peer support worker and when to involve someone else.',
            'On sait clairement quand faire appel à un pair aidant et quand faire appel à quelqu’un d’autre.',
            'Det er tydelig når vi skal trekke inn en erfaringskonsulent, og når vi skal trekke inn noen andre.',
          ),
          person_supported: w(
            'I knew when to turn to the peer support worker and when to turn to other staff.',
            'Je savais quand m’adresser au pair aidant et quand m’adresser aux autres membres du personnel.',
            'Jeg visste når jeg skulle gå til erfaringskonsulenten, og når jeg skulle gå til andre ansatte.',
          ),
        },
      },
    ],
  },
  {
    id: 'complementary',
    section: 'role',
    name: w('Peer support as a complement to clinical care', 'Complémentarité du soutien par les pairs', 'Erfaringskompetanse som et supplement'),
    items: [
      {
        text: {
          psp: w(
            'My lived experience brings the team something that no other role brings.',
            'Mon vécu apporte à l’équipe quelque chose qu’aucun autre rôle n’apporte.',
            'Egenerfaringen min gir teamet noe som ingen annen rolle bidrar med.',
          ),
          clinician: w(
            'Peer support workers bring this team something that no other role brings.',
            'Les pairs aidants apportent à l’équipe quelque chose qu’aucun autre rôle n’apporte.',
            'Erfaringskonsulentene gir teamet noe som ingen annen rolle bidrar med.',
          ),
          manager: w(
            'Peer support workers bring my program something that no other role brings.',
            'Les pairs aidants apportent à mon programme quelque chose qu’aucun autre rôle n’apporte.',
            'Erfaringskonsulentene gir tjenesten min noe som ingen annen rolle bidrar med.',
          ),
          person_supported: w(
            'The peer support worker gave me something that other staff could not.',
            'Le pair aidant m’a apporté quelque chose que les autres membres du personnel ne pouvaient pas m’apporter.',
            'Erfaringskonsulenten ga meg noe som de andre ansatte ikke kunne gi.',
          ),
          policy_maker: w(
            'Peer support adds something to these services that other roles do not.',
            'Le soutien par les pairs apporte à ces services quelque chose que les autres rôles n’apportent pas.',
            'Erfaringskonsulentene tilfører disse tjenestene noe som andre roller ikke gjør.',
          ),
        },
      },
      {
        text: {
          ...staff(w(
            'Peer support and clinical care work best side by side.',
            'Le soutien par les pairs et les soins cliniques donnent les meilleurs résultats quand ils sont offerts côte à côte.',
            'Erfaringskompetanse og faglig behandling fungerer best side om side.',
          )),
          person_supported: w(
            'Peer support and the rest of my care fitted well together.',
            'Le soutien par les pairs et le reste de mes soins allaient bien ensemble.',
            'Oppfølgingen fra erfaringskonsulenten og resten av behandlingen passet godt sammen.',
          ),
          policy_maker: w(
            'Peer support and clinical care work best side by side.',
            'Le soutien par les pairs et les soins cliniques donnent les meilleurs résultats quand ils sont offerts côte à côte.',
            'Erfaringskompetanse og faglig behandling fungerer best side om side.',
          ),
        },
      },
      {
        reverse: true,
        text: {
          ...staff(w(
            'Peer support workers are mostly there to fill in when the team is short-staffed.',
            'Les pairs aidants sont surtout là pour dépanner quand l’équipe manque de personnel.',
            'Erfaringskonsulentene er mest der for å tette hull når teamet har for lite folk.',
          )),
          person_supported: w(
            'Peer support felt like an extra that did not add much to my care.',
            'Le soutien par les pairs me semblait un petit extra qui n’ajoutait pas grand-chose à mes soins.',
            'Oppfølgingen fra erfaringskonsulenten føltes som et ekstratilbud som ikke tilførte behandlingen min stort.',
          ),
          policy_maker: w(
            'Hiring more clinical staff would do as much good as funding peer support.',
            'Embaucher plus de personnel clinique ferait autant de bien que de financer le soutien par les pairs.',
            'Å ansette flere behandlere ville gjort like mye nytte som å finansiere erfaringskonsulenter.',
          ),
        },
      },
      {
        text: {
          ...staff(w(
            'Clinicians and peer support workers build on each other’s work with the same person.',
            'Les cliniciens et les pairs aidants s’appuient sur le travail les uns des autres auprès d’une même personne.',
            'Behandlere og erfaringskonsulenter bygger videre på hverandres arbeid med den samme personen.',
          )),
        },
      },
    ],
  },
  {
    id: 'clin_confidence',
    section: 'role',
    name: w('Clinicians’ confidence in peer support workers', 'Confiance des cliniciens envers les pairs aidants', 'Behandlernes tillit til erfaringskonsulentene'),
    items: [
      {
        text: {
          psp: w(
            'The clinicians I work with trust my judgement.',
            'Les cliniciens avec qui je travaille font confiance à mon jugement.',
            'Behandlerne jeg jobber med, stoler på vurderingene mine.',
          ),
          clinician: w(
            'I trust the judgement of the peer support workers I work with.',
            'Je fais confiance au jugement des pairs aidants avec qui je travaille.',
            'Jeg stoler på vurderingene til erfaringskonsulentene jeg jobber med.',
          ),
          manager: w(
            'Clinicians in my program trust the judgement of peer support workers.',
            'Dans mon programme, les cliniciens font confiance au jugement des pairs aidants.',
            'Behandlerne i tjenesten min stoler på vurderingene til erfaringskonsulentene.',
          ),
          person_supported: w(
            'The other staff seemed to take the peer support worker seriously.',
            'Les autres membres du personnel semblaient prendre le pair aidant au sérieux.',
            'De andre ansatte så ut til å ta erfaringskonsulenten på alvor.',
          ),
        },
      },
      {
        text: {
          psp: w(
            'Clinicians refer people to me when peer support could help.',
            'Les cliniciens m’adressent des personnes quand le soutien par les pairs pourrait les aider.',
            'Behandlerne henviser folk til meg når de tror en erfaringskonsulent kan hjelpe.',
          ),
          clinician: w(
            'I suggest peer support to the people I see when it could help them.',
            'Je propose le soutien par les pairs aux personnes que je suis quand cela pourrait les aider.',
            'Når jeg tror det kan hjelpe, foreslår jeg kontakt med en erfaringskonsulent for dem jeg behandler.',
          ),
          manager: w(
            'Clinicians in my program refer people to peer support when it could help.',
            'Dans mon programme, les cliniciens orientent les personnes vers le soutien par les pairs quand cela pourrait les aider.',
            'Behandlerne i tjenesten min henviser folk til erfaringskonsulentene når det kan hjelpe.',
          ),
          person_supported: w(
            'Other staff suggested that I talk with the peer support worker.',
            'D’autres membres du personnel m’ont suggéré de parler avec le pair aidant.',
            'Andre ansatte foreslo at jeg skulle snakke med erfaringskonsulenten.',
          ),
        },
      },
      {
        reverse: true,
        text: {
          psp: w(
            'Some clinicians worry that I will say or do the wrong thing.',
            'Certains cliniciens craignent que je dise ou que je fasse quelque chose de travers.',
            'Noen behandlere er redde for at jeg skal si eller gjøre noe feil.',
          ),
          clinician: w(
            'I worry that peer support workers might say or do the wrong thing with people in crisis.',
            'J’ai peur que les pairs aidants disent ou fassent quelque chose de travers avec les personnes en crise.',
            'Jeg er redd for at erfaringskonsulenter kan si eller gjøre noe feil overfor folk i krise.',
          ),
          manager: w(
            'Some clinicians in my program doubt that peer support workers can handle difficult situations.',
            'Certains cliniciens de mon programme doutent que les pairs aidants puissent faire face aux situations difficiles.',
            'Noen behandlere i tjenesten min tviler på at erfaringskonsulentene takler vanskelige situasjoner.',
          ),
        },
      },
      {
        text: {
          psp: w(
            'Clinicians ask for my view on how to support someone.',
            'Les cliniciens me demandent mon avis sur la façon de soutenir une personne.',
            'Behandlerne spør hva jeg mener om hvordan vi best kan støtte noen.',
          ),
          clinician: w(
            'I ask peer support workers for their view on how to support someone.',
            'Je demande l’avis des pairs aidants sur la façon de soutenir une personne.',
            'Jeg spør erfaringskonsulentene hva de mener om hvordan vi best kan støtte noen.',
          ),
          manager: w(
            'Clinicians in my program ask peer support workers for their view on how to support someone.',
            'Dans mon programme, les cliniciens demandent l’avis des pairs aidants sur la façon de soutenir une personne.',
            'Behandlerne i tjenesten min spør erfaringskonsulentene hva de mener om hvordan de best kan støtte noen.',
          ),
          person_supported: w(
            'Staff asked the peer support worker for their view of my situation.',
            'Le personnel demandait au pair aidant son avis sur ma situation.',
            'De ansatte ville høre hva erfaringskonsulenten mente om situasjonen min.',
          ),
        },
      },
    ],
  },
  {
    id: 'mgmt_support',
    section: 'support',
    name: w('Management support', 'Soutien de la direction', 'Støtte fra ledelsen'),
    items: [
      {
        text: {
          psp: w(
            'Our managers make peer support a priority.',
            'Nos gestionnaires font du soutien par les pairs une priorité.',
            'Lederne våre prioriterer arbeidet med erfaringskonsulenter.',
          ),
          clinician: w(
            'Our managers make peer support a priority.',
            'Nos gestionnaires font du soutien par les pairs une priorité.',
            'Lederne våre prioriterer arbeidet med erfaringskonsulenter.',
          ),
          manager: w(
            'Senior leadership in my organization makes peer support a priority.',
            'La haute direction de mon organisation fait du soutien par les pairs une priorité.',
            'Toppledelsen i organisasjonen min prioriterer arbeidet med erfaringskonsulenter.',
          ),
          policy_maker: w(
            'The leaders of the programs I fund or oversee make peer support a priority.',
            'Les dirigeants des programmes que je finance ou supervise font du soutien par les pairs une priorité.',
            'Lederne i tjenestene jeg finansierer eller har ansvar for, prioriterer arbeidet med erfaringskonsulenter.',
          ),
        },
      },
      {
        text: {
          psp: w(
            'Management gives peer support the time and resources it needs.',
            'La direction accorde au soutien par les pairs le temps et les ressources nécessaires.',
            'Ledelsen gir arbeidet med erfaringskonsulenter den tiden og de ressursene det trenger.',
          ),
          clinician: w(
            'Management gives peer support the time and resources it needs.',
            'La direction accorde au soutien par les pairs le temps et les ressources nécessaires.',
            'Ledelsen gir arbeidet med erfaringskonsulenter den tiden og de ressursene det trenger.',
          ),
          manager: w(
            'I have the resources I need to support the peer support workers in my program.',
            'J’ai les ressources nécessaires pour soutenir les pairs aidants de mon programme.',
            'Jeg har de ressursene jeg trenger for å støtte erfaringskonsulentene i tjenesten min.',
          ),
          policy_maker: w(
            'The funding for peer support in these programs matches what is asked of it.',
            'Le financement du soutien par les pairs dans ces programmes est à la hauteur de ce qu’on en attend.',
            'Finansieringen av erfaringskonsulentene i disse tjenestene står i forhold til det som forventes av dem.',
          ),
        },
      },
      {
        reverse: true,
        text: {
          ...staff(w(
            'When budgets are tight, peer support is the first thing to be cut.',
            'Quand les budgets sont serrés, c’est le soutien par les pairs qu’on coupe en premier.',
            'Når budsjettene er stramme, er erfaringskonsulentene det første som ryker.',
          )),
          policy_maker: w(
            'When budgets are tight, peer support is the first thing to be cut.',
            'Quand les budgets sont serrés, c’est le soutien par les pairs qu’on coupe en premier.',
            'Når budsjettene er stramme, er erfaringskonsulentene det første som ryker.',
          ),
        },
      },
      {
        text: {
          psp: w(
            'Managers step in when peer support workers meet resistance.',
            'Les gestionnaires interviennent quand les pairs aidants se heurtent à de la résistance.',
            'Lederne griper inn når erfaringskonsulentene møter motstand.',
          ),
          clinician: w(
            'Managers step in when peer support workers meet resistance.',
            'Les gestionnaires interviennent quand les pairs aidants se heurtent à de la résistance.',
            'Lederne griper inn når erfaringskonsulentene møter motstand.',
          ),
          manager: w(
            'When peer support meets resistance in my program, senior leadership backs me up.',
            'Quand le soutien par les pairs se heurte à de la résistance dans mon programme, la haute direction m’appuie.',
            'Når erfaringskonsulentene møter motstand i tjenesten min, får jeg støtte fra toppledelsen.',
          ),
          policy_maker: w(
            'Program leaders deal with resistance to peer support instead of ignoring it.',
            'Les dirigeants des programmes s’attaquent à la résistance au soutien par les pairs au lieu de l’ignorer.',
            'Lederne i tjenestene tar tak i motstand mot erfaringskonsulentene i stedet for å overse den.',
          ),
        },
      },
    ],
  },
  {
    id: 'supervision_support',
    section: 'support',
    name: w('Supervision and support for wellbeing', 'Supervision et soutien au bien-être', 'Veiledning og ivaretakelse'),
    items: [
      {
        text: {
          psp: w(
            'I get regular supervision from someone who understands peer support.',
            'Je reçois une supervision régulière de quelqu’un qui comprend le soutien par les pairs.',
            'Jeg får jevnlig veiledning av noen som forstår hva erfaringskompetanse er.',
          ),
          clinician: w(
            'Peer support workers here get regular supervision from someone who understands peer support.',
            'Ici, les pairs aidants reçoivent une supervision régulière de quelqu’un qui comprend le soutien par les pairs.',
            'Erfaringskonsulentene her får jevnlig veiledning av noen som forstår hva erfaringskompetanse er.',
          ),
          manager: w(
            'Peer support workers in my program get regular supervision from someone who understands peer support.',
            'Dans mon programme, les pairs aidants reçoivent une supervision régulière de quelqu’un qui comprend le soutien par les pairs.',
            'Erfaringskonsulentene i tjenesten min får jevnlig veiledning av noen som forstår hva erfaringskompetanse er.',
          ),
          policy_maker: w(
            'Peer support workers in these programs get regular supervision from someone who understands peer support.',
            'Dans ces programmes, les pairs aidants reçoivent une supervision régulière de quelqu’un qui comprend le soutien par les pairs.',
            'Erfaringskonsulentene i disse tjenestene får jevnlig veiledning av noen som forstår hva erfaringskompetanse er.',
          ),
        },
      },
      {
        text: {
          psp: w(
            'After a hard day, I have someone to talk it through with.',
            'Après une journée difficile, j’ai quelqu’un à qui en parler.',
            'Etter en tung dag har jeg noen å snakke med om det.',
          ),
          clinician: w(
            'Peer support workers here have someone to talk to after a hard day.',
            'Ici, les pairs aidants ont quelqu’un à qui parler après une journée difficile.',
            'Erfaringskonsulentene her har noen å snakke med etter en tung dag.',
          ),
          manager: w(
            'Peer support workers in my program have someone to talk to after a hard day.',
            'Dans mon programme, les pairs aidants ont quelqu’un à qui parler après une journée difficile.',
            'Erfaringskonsulentene i tjenesten min har noen å snakke med etter en tung dag.',
          ),
          policy_maker: w(
            'These programs have a plan for looking after the wellbeing of peer support workers.',
            'Ces programmes ont un plan pour veiller au bien-être des pairs aidants.',
            'Disse tjenestene har en plan for å ivareta erfaringskonsulentenes helse og trivsel.',
          ),
        },
      },
      {
        reverse: true,
        text: {
          psp: w(
            'If my own health got worse, I would be afraid to say so at work.',
            'Si ma propre santé se détériorait, j’aurais peur de le dire au travail.',
            'Hvis min egen helse ble dårligere, ville jeg vært redd for å si fra på jobb.',
          ),
          clinician: w(
            'A peer support worker whose own health got worse would be afraid to say so here.',
            'Ici, un pair aidant dont la santé se détériore aurait peur de le dire.',
            'En erfaringskonsulent som selv ble dårligere, ville vært redd for å si fra her.',
          ),
          manager: w(
            'A peer support worker in my program whose own health got worse would be afraid to say so.',
            'Dans mon programme, un pair aidant dont la santé se détériore aurait peur de le dire.',
            'En erfaringskonsulent i tjenesten min som selv ble dårligere, ville vært redd for å si fra.',
          ),
          policy_maker: w(
            'Peer support workers in these programs are left to cope with the strain on their own.',
            'Dans ces programmes, les pairs aidants doivent composer seuls avec la charge émotionnelle.',
            'Erfaringskonsulentene i disse tjenestene blir overlatt til seg selv med belastningen.',
          ),
        },
      },
      {
        text: {
          psp: w(
            'I can take time away when I need it without losing my place in the team.',
            'Je peux m’absenter quand j’en ai besoin sans perdre ma place dans l’équipe.',
            'Jeg kan ta en pause når jeg trenger det, uten å miste plassen min i teamet.',
          ),
          clinician: w(
            'Peer support workers here can take time away when they need it without losing their place in the team.',
            'Ici, les pairs aidants peuvent s’absenter au besoin sans perdre leur place dans l’équipe.',
            'Erfaringskonsulentene her kan ta en pause når de trenger det, uten å miste plassen sin i teamet.',
          ),
          manager: w(
            'Peer support workers in my program can take time away when they need it without losing their place in the team.',
            'Dans mon programme, les pairs aidants peuvent s’absenter au besoin sans perdre leur place dans l’équipe.',
            'Erfaringskonsulentene i tjenesten min kan ta en pause når de trenger det, uten å miste plassen sin i teamet.',
          ),
          policy_maker: w(
            'Peer support workers in these programs can take time away when they need it without fear for their job.',
            'Dans ces programmes, les pairs aidants peuvent s’absenter au besoin sans craindre pour leur emploi.',
            'Erfaringskonsulentene i disse tjenestene kan ta fri når de trenger det, uten å frykte for jobben.',
          ),
        },
      },
    ],
  },
  {
    id: 'training',
    section: 'support',
    name: w('Training and orientation', 'Formation et accueil', 'Opplæring og innføring'),
    items: [
      {
        text: {
          psp: w(
            'I had the training I needed before I started in this role.',
            'J’ai reçu la formation nécessaire avant de commencer dans ce rôle.',
            'Jeg fikk den opplæringen jeg trengte før jeg begynte i stillingen.',
          ),
          clinician: w(
            'Peer support workers here had the training they needed before they started.',
            'Ici, les pairs aidants ont reçu la formation nécessaire avant de commencer.',
            'Erfaringskonsulentene her fikk den opplæringen de trengte før de begynte.',
          ),
          manager: w(
            'Peer support workers in my program had the training they needed before they started.',
            'Dans mon programme, les pairs aidants ont reçu la formation nécessaire avant de commencer.',
            'Erfaringskonsulentene i tjenesten min fikk den opplæringen de trengte før de begynte.',
          ),
          policy_maker: w(
            'Peer support workers in these programs are trained before they start.',
            'Dans ces programmes, les pairs aidants sont formés avant d’entrer en poste.',
            'Erfaringskonsulentene i disse tjenestene får opplæring før de begynner.',
          ),
        },
      },
      {
        text: {
          psp: w(
            'Before I joined, the team was told what peer support is and how to work with it.',
            'Avant mon arrivée, on a expliqué à l’équipe ce qu’est le soutien par les pairs et comment travailler avec les pairs aidants.',
            'Før jeg begynte, fikk teamet vite hva en erfaringskonsulent gjør og hvordan de kan jobbe sammen med meg.',
          ),
          clinician: w(
            'I was given an introduction to peer support and to working with peer support workers.',
            'On m’a donné une initiation au soutien par les pairs et au travail avec les pairs aidants.',
            'Jeg har fått en innføring i hva erfaringskonsulenter gjør og hvordan vi kan jobbe sammen med dem.',
          ),
          manager: w(
            'Staff in my program were given an introduction to peer support and to working with peer support workers.',
            'Le personnel de mon programme a reçu une initiation au soutien par les pairs et au travail avec les pairs aidants.',
            'De ansatte i tjenesten min har fått en innføring i hva erfaringskonsulenter gjør og hvordan de kan jobbe sammen med dem.',
          ),
          policy_maker: w(
            'Clinical staff in these programs are introduced to peer support before they work alongside it.',
            'Dans ces programmes, le personnel clinique reçoit une initiation au soutien par les pairs avant de travailler avec des pairs aidants.',
            'Behandlerne i disse tjenestene får en innføring i erfaringskonsulentenes arbeid før de skal jobbe sammen med dem.',
          ),
        },
      },
      {
        reverse: true,
        text: {
          psp: w(
            'I have had to work out most of this job on my own.',
            'J’ai dû apprendre la plus grande partie de ce travail par moi-même.',
            'Jeg har måttet finne ut av det meste i denne jobben på egen hånd.',
          ),
          clinician: w(
            'Peer support workers here have had to work out most of their job on their own.',
            'Ici, les pairs aidants ont dû apprendre la plus grande partie de leur travail par eux-mêmes.',
            'Erfaringskonsulentene her har måttet finne ut av det meste i jobben på egen hånd.',
          ),
          manager: w(
            'Peer support workers in my program have had to work out most of their job on their own.',
            'Dans mon programme, les pairs aidants ont dû apprendre la plus grande partie de leur travail par eux-mêmes.',
            'Erfaringskonsulentene i tjenesten min har måttet finne ut av det meste i jobben på egen hånd.',
          ),
          policy_maker: w(
            'Peer support workers in these programs are mostly left to learn the job on their own.',
            'Dans ces programmes, les pairs aidants doivent surtout apprendre le métier par eux-mêmes.',
            'Erfaringskonsulentene i disse tjenestene må stort sett lære seg jobben på egen hånd.',
          ),
        },
      },
      {
        text: {
          psp: w(
            'I can keep learning through courses, a peer network or mentoring.',
            'Je peux continuer à apprendre grâce à des formations, à un réseau de pairs ou à du mentorat.',
            'Jeg kan fortsette å lære gjennom kurs, nettverk for erfaringskonsulenter eller en mentorordning.',
          ),
          clinician: w(
            'Peer support workers here can keep learning through courses, a peer network or mentoring.',
            'Ici, les pairs aidants peuvent continuer à apprendre grâce à des formations, à un réseau de pairs ou à du mentorat.',
            'Erfaringskonsulentene her kan fortsette å lære gjennom kurs, nettverk eller en mentorordning.',
          ),
          manager: w(
            'Peer support workers in my program can keep learning through courses, a peer network or mentoring.',
            'Dans mon programme, les pairs aidants peuvent continuer à apprendre grâce à des formations, à un réseau de pairs ou à du mentorat.',
            'Erfaringskonsulentene i tjenesten min kan fortsette å lære gjennom kurs, nettverk eller en mentorordning.',
          ),
          policy_maker: w(
            'The funding covers ongoing training for peer support workers.',
            'Le financement couvre la formation continue des pairs aidants.',
            'Finansieringen dekker videre opplæring for erfaringskonsulentene.',
          ),
        },
      },
    ],
  },
  {
    id: 'recovery',
    section: 'care',
    name: w('Recovery orientation', 'Orientation vers le rétablissement', 'Recoveryorientering'),
    items: [
      {
        text: {
          ...staff(w(
            'This team believes that people can build a good life, with or without symptoms.',
            'Cette équipe croit que les personnes peuvent se bâtir une bonne vie, avec ou sans symptômes.',
            'Dette teamet har tro på at folk kan få et godt liv, med eller uten symptomer.',
          )),
          person_supported: w(
            'The staff believed I could have a good life.',
            'Le personnel croyait que je pouvais avoir une bonne vie.',
            'De ansatte hadde tro på at jeg kunne få et godt liv.',
          ),
          policy_maker: w(
            'The programs I fund or oversee are built on the belief that people can build a good life, with or without symptoms.',
            'Les programmes que je finance ou supervise reposent sur l’idée que les personnes peuvent se bâtir une bonne vie, avec ou sans symptômes.',
            'Tjenestene jeg finansierer eller har ansvar for, bygger på troen på at folk kan få et godt liv, med eller uten symptomer.',
          ),
        },
      },
      {
        text: {
          ...staff(w(
            'The people we support choose their own goals, and we work towards them together.',
            'Les personnes que nous accompagnons choisissent leurs propres objectifs, et nous travaillons ensemble pour les atteindre.',
            'De vi følger opp, velger sine egne mål, og vi jobber sammen mot dem.',
          )),
          person_supported: w(
            'I chose my own goals, and the staff worked with me towards them.',
            'J’ai choisi mes propres objectifs, et le personnel a travaillé avec moi pour les atteindre.',
            'Jeg valgte mine egne mål, og de ansatte jobbet sammen med meg mot dem.',
          ),
          policy_maker: w(
            'These programs judge their results by what matters to the people they serve, not only by symptoms.',
            'Ces programmes jugent leurs résultats selon ce qui compte pour les personnes servies, pas seulement selon les symptômes.',
            'Disse tjenestene måler resultatene sine ut fra det som betyr noe for brukerne, ikke bare ut fra symptomer.',
          ),
        },
      },
      {
        reverse: true,
        text: {
          ...staff(w(
            'Here, treatment is mostly about keeping symptoms under control.',
            'Ici, le traitement vise surtout à maîtriser les symptômes.',
            'Her handler behandlingen mest om å holde symptomene under kontroll.',
          )),
          person_supported: w(
            'The staff mostly talked about my symptoms and medication, not about my life.',
            'Le personnel parlait surtout de mes symptômes et de mes médicaments, pas de ma vie.',
            'De ansatte snakket mest om symptomer og medisiner, ikke om livet mitt.',
          ),
          policy_maker: w(
            'In these programs, treatment is mostly about keeping symptoms under control.',
            'Dans ces programmes, le traitement vise surtout à maîtriser les symptômes.',
            'I disse tjenestene handler behandlingen mest om å holde symptomene under kontroll.',
          ),
        },
      },
      {
        text: {
          ...staff(w(
            'We help people with work, housing, friends and community life, not only with treatment.',
            'Nous aidons les personnes avec le travail, le logement, les liens sociaux et la vie dans la communauté, pas seulement avec le traitement.',
            'Vi hjelper folk med jobb, bolig, venner og fritid, ikke bare med behandling.',
          )),
          person_supported: w(
            'I got help with things that matter in my life, like work, housing or friends.',
            'J’ai eu de l’aide pour des choses importantes dans ma vie, comme le travail, le logement ou les amitiés.',
            'Jeg fikk hjelp med ting som betyr noe i livet mitt, som jobb, bolig eller venner.',
          ),
        },
      },
    ],
  },
  {
    id: 'integration_success',
    section: 'outcome',
    outcome: true,
    name: w('Perceived integration success', 'Réussite perçue de l’intégration', 'Opplevd vellykket integrering'),
    items: [
      // Team functioning.
      {
        text: {
          ...staff(w(
            'Having peer support workers has made this team work better.',
            'La présence de pairs aidants a amélioré le fonctionnement de l’équipe.',
            'Teamet fungerer bedre fordi vi har erfaringskonsulenter.',
          )),
          person_supported: w(
            'The team seemed to work well with the peer support worker as part of it.',
            'L’équipe semblait bien fonctionner avec le pair aidant parmi ses membres.',
            'Teamet så ut til å fungere godt med erfaringskonsulenten som en del av det.',
          ),
          policy_maker: w(
            'Peer support has made the teams in these programs work better.',
            'Le soutien par les pairs a amélioré le fonctionnement des équipes dans ces programmes.',
            'Erfaringskonsulentene har gjort at teamene i disse tjenestene fungerer bedre.',
          ),
        },
      },
      // Quality of care.
      {
        text: {
          ...staff(w(
            'Peer support has improved the quality of care people get here.',
            'Le soutien par les pairs a amélioré la qualité des soins offerts ici.',
            'Erfaringskonsulentene har bidratt til bedre kvalitet på behandlingen her.',
          )),
          person_supported: w(
            'Peer support made my care better.',
            'Grâce au soutien par les pairs, mes soins ont été meilleurs.',
            'Erfaringskonsulenten gjorde behandlingen min bedre.',
          ),
          policy_maker: w(
            'Peer support has improved the quality of care in these programs.',
            'Le soutien par les pairs a amélioré la qualité des soins dans ces programmes.',
            'Erfaringskonsulentene har bidratt til bedre kvalitet i disse tjenestene.',
          ),
        },
      },
      // The person's voice heard.
      {
        text: {
          ...staff(w(
            'With peer support, the people we serve have more say in their own care.',
            'Avec le soutien par les pairs, les personnes que nous servons ont davantage leur mot à dire sur leurs soins.',
            'Med erfaringskonsulenter får brukerne mer å si i sin egen behandling.',
          )),
          person_supported: w(
            'I felt heard when decisions were made about my care.',
            'J’ai senti qu’on m’écoutait quand il fallait prendre des décisions sur mes soins.',
            'Jeg følte meg hørt når det ble tatt beslutninger om behandlingen min.',
          ),
          policy_maker: w(
            'Peer support has given the people served more say in their own care.',
            'Le soutien par les pairs a donné aux personnes servies davantage leur mot à dire sur leurs soins.',
            'Erfaringskonsulentene har gitt brukerne mer innflytelse over egen behandling.',
          ),
        },
      },
      // Connection to the wider team.
      {
        text: {
          ...staff(w(
            'Peer support workers help people connect with the rest of the team and with other services.',
            'Les pairs aidants aident les personnes à créer des liens avec le reste de l’équipe et avec d’autres services.',
            'Erfaringskonsulentene hjelper folk å få kontakt med resten av teamet og med andre tjenester.',
          )),
          person_supported: w(
            'The peer support worker helped me connect with other staff and services.',
            'Grâce au pair aidant, j’ai pu entrer en contact avec d’autres membres du personnel et d’autres services.',
            'Erfaringskonsulenten hjalp meg å få kontakt med andre ansatte og tjenester.',
          ),
          policy_maker: w(
            'Peer support helps people connect with the wider team and with other services.',
            'Le soutien par les pairs aide les personnes à créer des liens avec l’ensemble de l’équipe et avec d’autres services.',
            'Erfaringskonsulentene hjelper brukerne å få kontakt med resten av teamet og med andre tjenester.',
          ),
        },
      },
      // Value for money: not asked of people supported, who do not see what it costs.
      {
        reverse: true,
        text: {
          ...staff(w(
            'Peer support costs more than it gives back.',
            'Le soutien par les pairs coûte plus qu’il ne rapporte.',
            'Erfaringskonsulentene koster mer enn de gir tilbake.',
          )),
          policy_maker: w(
            'Funding peer support in these programs costs more than it gives back.',
            'Dans ces programmes, le financement du soutien par les pairs coûte plus qu’il ne rapporte.',
            'Å finansiere erfaringskonsulenter i disse tjenestene koster mer enn det gir tilbake.',
          ),
        },
      },
    ],
  },
];

const SECTIONS: Record<SectionId, { title: LocalizedText; programsTitle?: LocalizedText }> = {
  team: { title: w('The team', 'L’équipe', 'Teamet'), programsTitle: w('The programs', 'Les programmes', 'Tjenestene') },
  role: { title: w('The peer support role', 'Le rôle de pair aidant', 'Erfaringskonsulentrollen') },
  support: { title: w('Backing for peer support', 'L’appui au soutien par les pairs', 'Støtte til erfaringskonsulentene') },
  care: { title: w('Care', 'Les soins', 'Behandlingen') },
  outcome: { title: w('How it is working', 'Les résultats', 'Hvordan det fungerer') },
};

const GROUPS: Record<StakeholderGroup, { key: string; label: string; description: LocalizedText }> = {
  psp: {
    key: 'psis-psp',
    label: 'peer support workers',
    description: w(
      'For peer support workers. Think about the team you work in and your own role in it over the past few months. There are no right or wrong answers.',
      'Pour les pairs aidants. Pensez à l’équipe dans laquelle vous travaillez et à votre propre rôle au cours des derniers mois. Il n’y a pas de bonnes ou de mauvaises réponses.',
      'For erfaringskonsulenter. Tenk på teamet du jobber i, og din egen rolle der, de siste månedene. Det finnes ingen riktige eller gale svar.',
    ),
  },
  clinician: {
    key: 'psis-clinician',
    label: 'clinical staff',
    description: w(
      'For clinical staff. Think about your team and the peer support workers in it over the past few months. There are no right or wrong answers.',
      'Pour le personnel clinique. Pensez à votre équipe et aux pairs aidants qui en font partie au cours des derniers mois. Il n’y a pas de bonnes ou de mauvaises réponses.',
      'For behandlere og annet fagpersonell. Tenk på teamet ditt og erfaringskonsulentene der de siste månedene. Det finnes ingen riktige eller gale svar.',
    ),
  },
  manager: {
    key: 'psis-manager',
    label: 'managers',
    description: w(
      'For managers. Think about the program you manage and the peer support workers in it over the past few months. There are no right or wrong answers.',
      'Pour les gestionnaires. Pensez au programme que vous gérez et aux pairs aidants qui y travaillent au cours des derniers mois. Il n’y a pas de bonnes ou de mauvaises réponses.',
      'For ledere. Tenk på tjenesten du leder, og erfaringskonsulentene der, de siste månedene. Det finnes ingen riktige eller gale svar.',
    ),
  },
  person_supported: {
    key: 'psis-person-supported',
    label: 'people supported',
    description: w(
      'For people who have had support from a peer support worker: a member of staff who has lived through mental health or substance use problems themselves. Think about the care you had in this program. Your answers do not change your care in any way.',
      'Pour les personnes qui ont reçu le soutien d’un pair aidant, c’est-à-dire un membre du personnel qui a lui-même vécu des difficultés de santé mentale ou de consommation. Pensez aux soins reçus dans ce programme. Vos réponses ne changent rien à vos soins.',
      'For deg som har fått oppfølging av en erfaringskonsulent, det vil si en ansatt som selv har erfaring med psykiske helseutfordringer eller rus. Tenk på behandlingen du har fått her. Svarene dine påvirker ikke behandlingen du får.',
    ),
  },
  policy_maker: {
    key: 'psis-policy-maker',
    label: 'policy makers and funders',
    description: w(
      'For people who fund, plan or oversee mental health services. Think about the programs with peer support workers that you fund or oversee. There are no right or wrong answers.',
      'Pour les personnes qui financent, planifient ou supervisent des services de santé mentale. Pensez aux programmes comptant des pairs aidants que vous financez ou supervisez. Il n’y a pas de bonnes ou de mauvaises réponses.',
      'For deg som finansierer, planlegger eller har ansvar for psykiske helsetjenester. Tenk på tjenestene med erfaringskonsulenter som du finansierer eller har ansvar for. Det finnes ingen riktige eller gale svar.',
    ),
  },
};

const AGREEMENT = {
  id: 'agree5',
  points: [
    { value: 1, label: w('Strongly disagree', 'Tout à fait en désaccord', 'Helt uenig') },
    { value: 2, label: w('Disagree', 'Plutôt en désaccord', 'Delvis uenig') },
    { value: 3, label: w('Neither agree nor disagree', 'Ni en accord ni en désaccord', 'Verken enig eller uenig') },
    { value: 4, label: w('Agree', 'Plutôt en accord', 'Delvis enig') },
    { value: 5, label: w('Strongly agree', 'Tout à fait en accord', 'Helt enig') },
  ],
};

const TRANSLATION_NOTE = 'Written for Alongside together with the English wording; not back-translated, not validated.';

/** The subscale ids of the survey, in the order they are asked; `integration_success` is the outcome. */
export const PSIS_SCALE_IDS: readonly string[] = SCALES.map((s) => s.id);
export const PSIS_OUTCOME = 'integration_success';

export const PSIS_LICENCE: Licence = {
  status: 'own_non_validated',
  attribution: 'Peer Support Integration Survey. Written for Alongside; not a validated instrument.',
  wordingEditable: true,
};

export interface ShippedInstrument {
  key: string;
  group: StakeholderGroup;
  name: string;
  licence: Licence;
  definition: InstrumentDefinitionInput;
}

function definitionFor(group: StakeholderGroup): InstrumentDefinitionInput {
  const plans = SCALES.map((scale) => ({
    scale,
    items: scale.items.flatMap((item, index) => {
      const text = item.text[group];
      return text ? [{ name: `${scale.id}_${index + 1}`, text, reverse: item.reverse ?? false }] : [];
    }),
  })).filter((p) => p.items.length > 0);
  const used = new Set(plans.map((p) => p.scale.section));
  const asked = plans.flatMap((p) => p.items);
  // Only the staff and policy-maker versions ask about "this change" (an openness item).
  const hasChange = asked.some((i) => i.text.en?.includes('this change'));
  return {
    title: w('Peer Support Integration Survey', 'Questionnaire sur l’intégration des pairs aidants', 'Spørreskjema om integrering av erfaringskonsulenter'),
    description: GROUPS[group].description,
    sourceLanguage: 'en',
    languages: [
      { code: 'en', validated: false, method: 'original' },
      { code: 'fr', validated: false, method: 'forward_only', source: TRANSLATION_NOTE },
      { code: 'nb', validated: false, method: 'forward_only', source: TRANSLATION_NOTE },
    ],
    audience: [group],
    scales: [AGREEMENT],
    sections: (Object.keys(SECTIONS) as SectionId[])
      .filter((id) => used.has(id))
      .map((id) => ({ id, title: group === 'policy_maker' ? (SECTIONS[id].programsTitle ?? SECTIONS[id].title) : SECTIONS[id].title })),
    items: plans.flatMap((p) =>
      p.items.map((item) => ({ name: item.name, type: 'likert' as const, text: item.text, scale: AGREEMENT.id, required: false, reverse: item.reverse, section: p.scale.section })),
    ),
    subscales: plans.map((p) => ({
      id: p.scale.id,
      name: p.scale.name,
      items: p.items.map((i) => i.name),
      aggregate: 'mean' as const,
      minAnswered: { fraction: 0.5 },
      transform: 'none' as const,
      outcome: p.scale.outcome ?? false,
    })),
    substitutions: hasChange
      ? [
          {
            find: w('this change', 'ce changement', 'denne endringen'),
            replace:
              group === 'policy_maker'
                ? w('bringing in peer support workers', 'l’arrivée des pairs aidants', 'innføringen av erfaringskonsulenter')
                : w('bringing peer support workers into the team', 'l’arrivée des pairs aidants dans l’équipe', 'innføringen av erfaringskonsulenter i teamet'),
          },
        ]
      : [],
  };
}

/** The five versions of the Peer Support Integration Survey, one per stakeholder group. */
export const INTEGRATION_SURVEY: readonly ShippedInstrument[] = (Object.keys(GROUPS) as StakeholderGroup[]).map((group) => ({
  key: GROUPS[group].key,
  group,
  name: `Peer Support Integration Survey: ${GROUPS[group].label} (non-validated)`,
  licence: PSIS_LICENCE,
  definition: definitionFor(group),
}));
