import type { Language } from '@alongside/contracts';

interface MailCampaign {
  title: string;
  dataController: string;
}

const TEXT: Record<Language, { subject: (title: string, reminder: boolean) => string; body: (c: MailCampaign, closesOn: string, link: string, reminder: boolean) => string }> = {
  en: {
    subject: (title, reminder) => (reminder ? `Reminder: ${title}` : `You are invited to a survey: ${title}`),
    body: (c, closesOn, link, reminder) =>
      [
        reminder ? 'We have not received your answers yet — if you would still like to take part, your link works until the survey closes.' : `You are invited to take part in the survey “${c.title}”.`,
        'Taking part is voluntary. The first page tells you how your answers are used and protected before you start.',
        '',
        `Your personal link (please do not share it): ${link}`,
        '',
        `The survey closes on ${closesOn}. You can stop and come back with the same link.`,
        `Data controller: ${c.dataController}`,
      ].join('\n'),
  },
  fr: {
    subject: (title, reminder) => (reminder ? `Rappel : ${title}` : `Invitation à un questionnaire : ${title}`),
    body: (c, closesOn, link, reminder) =>
      [
        reminder ? 'Nous n’avons pas encore reçu vos réponses. Si vous souhaitez toujours participer, votre lien reste valable jusqu’à la fermeture.' : `Vous êtes invité·e à répondre au questionnaire « ${c.title} ».`,
        'La participation est volontaire. La première page explique comment vos réponses sont utilisées et protégées avant que vous commenciez.',
        '',
        `Votre lien personnel (ne le transmettez pas) : ${link}`,
        '',
        `Le questionnaire ferme le ${closesOn}. Vous pouvez vous arrêter et revenir avec le même lien.`,
        `Responsable du traitement : ${c.dataController}`,
      ].join('\n'),
  },
  nb: {
    subject: (title, reminder) => (reminder ? `Påminnelse: ${title}` : `Invitasjon til en spørreundersøkelse: ${title}`),
    body: (c, closesOn, link, reminder) =>
      [
        reminder ? 'Vi har ikke fått svarene dine ennå. Hvis du fortsatt vil delta, virker lenken din til undersøkelsen stenger.' : `Du er invitert til å svare på undersøkelsen «${c.title}».`,
        'Det er frivillig å delta. Den første siden forteller hvordan svarene dine brukes og beskyttes før du begynner.',
        '',
        `Din personlige lenke (ikke del den med andre): ${link}`,
        '',
        `Undersøkelsen stenger ${closesOn}. Du kan ta en pause og fortsette med den samme lenken.`,
        `Behandlingsansvarlig: ${c.dataController}`,
      ].join('\n'),
  },
};

/** The invitation (or reminder) e-mail in the invitee's language. */
export function invitationMail(language: Language, campaign: MailCampaign, wave: { closesOn: string }, link: string, reminder: boolean) {
  const text = TEXT[language];
  return { subject: text.subject(campaign.title, reminder), body: text.body(campaign, wave.closesOn, link, reminder) };
}
