import { desc, eq } from 'drizzle-orm';
import { schema, type Db } from '@alongside/db';
import type { InstrumentDefinitionInput, Licence } from '@alongside/contracts';
import type { Session } from './harness.ts';

const agree = (en: string, fr: string, nb: string) => ({ en, fr, nb });

/** A small instrument: a 5-point agreement scale, two subscales (one item reverse-keyed), a choice and a text item. */
export function testDefinition(): InstrumentDefinitionInput {
  return {
    title: agree('Team survey', 'Questionnaire d’équipe', 'Teamundersøkelse'),
    sourceLanguage: 'en',
    languages: [{ code: 'en', method: 'original' }, { code: 'fr' }, { code: 'nb' }],
    scales: [
      {
        id: 'agree5',
        points: [1, 2, 3, 4, 5].map((value) => ({ value, label: agree(`Point ${value}`, `Point ${value}`, `Punkt ${value}`) })),
      },
    ],
    items: [
      { name: 'team_1', type: 'likert', scale: 'agree5', text: agree('We plan together.', 'Nous planifions ensemble.', 'Vi planlegger sammen.'), required: true },
      { name: 'team_2', type: 'likert', scale: 'agree5', text: agree('We listen to each other.', 'Nous nous écoutons.', 'Vi lytter til hverandre.') },
      { name: 'team_3', type: 'likert', scale: 'agree5', reverse: true, text: agree('We work in silos.', 'Nous travaillons en silos.', 'Vi jobber hver for oss.') },
      { name: 'success_1', type: 'likert', scale: 'agree5', text: agree('Peer support works here.', 'Le soutien par les pairs fonctionne ici.', 'Likepersonsarbeid fungerer her.') },
      { name: 'success_2', type: 'likert', scale: 'agree5', text: agree('People feel heard.', 'Les personnes se sentent entendues.', 'Folk føler seg hørt.') },
      {
        name: 'role',
        type: 'single',
        text: agree('Your role', 'Votre rôle', 'Din rolle'),
        options: [
          { code: 'a', label: agree('Peer', 'Pair', 'Likeperson') },
          { code: 'b', label: agree('Other', 'Autre', 'Annet') },
        ],
      },
      { name: 'comment', type: 'text', text: agree('Anything else?', 'Autre chose ?', 'Noe mer?'), enableWhen: [{ item: 'role', operator: 'equals', value: 'b' }] },
    ],
    subscales: [
      { id: 'teamwork', name: agree('Teamwork', 'Travail d’équipe', 'Samarbeid'), items: ['team_1', 'team_2', 'team_3'] },
      { id: 'success', name: agree('Success', 'Réussite', 'Suksess'), items: ['success_1', 'success_2'], outcome: true },
    ],
  };
}

export const FREE_LICENCE: Licence = { status: 'own_non_validated', attribution: 'Written for the tests.', wordingEditable: true };

/** Adds an instrument through the API and returns its first version's id. */
export async function addInstrument(researcher: Session, key: string, licence: Licence = FREE_LICENCE) {
  const response = await researcher.request({ method: 'POST', url: '/api/instruments', payload: { key, name: `Instrument ${key}`, licence, definition: testDefinition() } });
  if (response.statusCode !== 201) throw new Error(`instrument: ${response.statusCode} ${response.body}`);
  const instrument = response.json<{ id: string; latestVersion: { id: string } }>();
  return { instrumentId: instrument.id, versionId: instrument.latestVersion.id };
}

/** The campaign body the tests start from. */
export function campaignBody(versionId: string, programIds: string[], privacyMode: 'identified' | 'anonymous_tracked' | 'anonymous' = 'anonymous_tracked') {
  return {
    title: 'Integration survey 2026',
    ethicsApproval: 'REB 2026-041 / REK 123456',
    dataController: 'University of the Tests',
    privacyMode,
    languages: ['en', 'fr', 'nb'],
    retentionUntil: '2030-12-31',
    groups: [{ group: 'psp', instrumentVersionId: versionId }],
    programIds,
    information: { en: 'About this survey.', fr: 'À propos de ce questionnaire.', nb: 'Om denne undersøkelsen.' },
  };
}

/** The personal link in the last e-mail sent to this address. */
export async function linkInMail(db: Db, to: string): Promise<string> {
  const [mail] = await db.select().from(schema.mailOutbox).where(eq(schema.mailOutbox.to, to)).orderBy(desc(schema.mailOutbox.createdAt)).limit(1);
  const token = /\/s\/([A-Za-z0-9_-]+)/.exec(mail?.body ?? '')?.[1];
  if (!token) throw new Error(`no survey link mailed to ${to}`);
  return token;
}
