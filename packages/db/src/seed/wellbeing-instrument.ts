// Alongside's own monthly check-in for peer support providers. The wording was written for Alongside (English,
// French and Norwegian Bokmål) and copies no published instrument; it is not validated — it helps a PSP notice
// their own changes over time. Scored by packages/stats: answers coded 0/25/50/75/100, positively worded items
// reverse-keyed, scales the mean of answered items, missing when fewer than half were answered.
// Changing wording or scoring means a new `version`: past check-ins keep pointing at the version they answered.

const words = (en: string, fr: string, nb: string) => ({ en, fr, nb });

export const ALONGSIDE_CHECK_IN = {
  key: 'alongside-check-in',
  version: 1,
  name: 'Alongside monthly check-in (non-validated)',
  licenceStatus: 'own_non_validated',
  attribution: 'Written for Alongside. Not a validated instrument.',
  definition: {
    title: words('Monthly check-in', 'Bilan du mois', 'Månedlig sjekk-inn'),
    intro: words(
      'Think about your work over the past four weeks. How often was each of these true for you? Only you see your answers.',
      'Pensez à votre travail des quatre dernières semaines. À quelle fréquence chacune de ces phrases était-elle vraie pour vous ? Vous seul·e voyez vos réponses.',
      'Tenk på jobben din de siste fire ukene. Hvor ofte stemte hver av disse for deg? Bare du ser svarene dine.',
    ),
    notice: words(
      'Written for Alongside and not a validated questionnaire: use it to notice your own changes over time, not as a diagnosis or to compare yourself with others.',
      'Rédigé pour Alongside, ce n’est pas un questionnaire validé : il sert à repérer vos propres changements au fil du temps, pas à poser un diagnostic ni à vous comparer aux autres.',
      'Skrevet for Alongside og ikke et validert spørreskjema: bruk det til å legge merke til dine egne endringer over tid, ikke som en diagnose eller til å sammenligne deg med andre.',
    ),
    options: [
      { value: 1, score: 0, label: words('Never', 'Jamais', 'Aldri') },
      { value: 2, score: 25, label: words('Rarely', 'Rarement', 'Sjelden') },
      { value: 3, score: 50, label: words('Sometimes', 'Parfois', 'Av og til') },
      { value: 4, score: 75, label: words('Often', 'Souvent', 'Ofte') },
      { value: 5, score: 100, label: words('Nearly always', 'Presque toujours', 'Nesten alltid') },
    ],
    items: [
      {
        id: 'energy_left',
        reverse: true,
        text: words(
          'I had energy left for my own life after work.',
          'Il me restait de l’énergie pour ma propre vie après le travail.',
          'Jeg hadde krefter igjen til mitt eget liv etter jobb.',
        ),
      },
      {
        id: 'stories_stayed',
        text: words(
          'The stories I heard at work came home with me.',
          'Les récits entendus au travail me suivaient jusque chez moi.',
          'Historiene jeg hørte på jobb, ble med meg hjem.',
        ),
      },
      {
        id: 'someone_to_talk_to',
        reverse: true,
        text: words(
          'When a conversation weighed on me, I had someone at work to talk it through with.',
          'Quand une conversation me pesait, je pouvais en parler avec quelqu’un au travail.',
          'Når en samtale tynget meg, hadde jeg noen på jobb å snakke den gjennom med.',
        ),
      },
      {
        id: 'time_to_rest',
        reverse: true,
        text: words(
          'I had enough time to rest between demanding days.',
          'J’avais assez de temps pour me reposer entre deux journées exigeantes.',
          'Jeg hadde nok tid til å hvile mellom krevende dager.',
        ),
      },
      {
        id: 'own_limits',
        text: words(
          'It was hard to keep to my own limits with the people I support.',
          'J’avais du mal à tenir mes propres limites avec les personnes que j’accompagne.',
          'Det var vanskelig å holde mine egne grenser overfor dem jeg støtter.',
        ),
      },
      {
        id: 'sharing_cost',
        text: words(
          'Sharing my own experience took a lot out of me afterwards.',
          'Partager mon propre vécu me coûtait beaucoup d’énergie ensuite.',
          'Å dele egne erfaringer tappet meg for krefter etterpå.',
        ),
      },
      {
        id: 'knowledge_valued',
        reverse: true,
        text: words(
          'My team treated what I know from lived experience as real knowledge.',
          'Mon équipe considérait mon savoir issu du vécu comme une vraie connaissance.',
          'Teamet mitt behandlet erfaringskunnskapen min som ekte kunnskap.',
        ),
      },
      {
        id: 'push_through',
        text: words(
          'I had to push myself to get through the working week.',
          'Je devais me forcer pour tenir jusqu’au bout de la semaine de travail.',
          'Jeg måtte presse meg for å komme gjennom arbeidsuka.',
        ),
      },
    ],
    scales: [
      {
        id: 'strain',
        label: words('Overall strain', 'Charge ressentie', 'Samlet belastning'),
        itemIds: ['energy_left', 'stories_stayed', 'someone_to_talk_to', 'time_to_rest', 'own_limits', 'sharing_cost', 'knowledge_valued', 'push_through'],
        aggregate: 'mean',
        minAnswered: { fraction: 0.5 },
      },
      {
        id: 'weight',
        label: words('How heavy the work felt', 'Poids du travail', 'Hvor tung jobben kjentes'),
        itemIds: ['stories_stayed', 'own_limits', 'sharing_cost', 'push_through'],
        aggregate: 'mean',
        minAnswered: { fraction: 0.5 },
      },
      {
        id: 'support_gap',
        label: words('Missing support and rest', 'Manque de soutien et de repos', 'Mangel på støtte og hvile'),
        itemIds: ['energy_left', 'someone_to_talk_to', 'time_to_rest', 'knowledge_valued'],
        aggregate: 'mean',
        minAnswered: { fraction: 0.5 },
      },
    ],
    primaryScaleId: 'strain',
    higherIsWorse: true,
    range: { min: 0, max: 100 },
    threshold: 62.5,
    bands: [
      { id: 'light', upTo: 37.5, label: words('Light', 'Légère', 'Lett') },
      { id: 'moderate', upTo: 62.5, label: words('Moderate', 'Modérée', 'Moderat') },
      { id: 'heavy', upTo: 100, label: words('Heavy', 'Lourde', 'Tung') },
    ],
  },
} as const;
