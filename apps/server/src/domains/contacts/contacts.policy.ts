import type { CareTier } from '../../lib/care-access.ts';

/** How long the author may edit a contact; after that it is corrected by appending. */
export const EDIT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Contacts are logged by the team's peer staff. */
export const canLogContact = (tier: CareTier): boolean => tier === 'peer';

/** Only the author edits, and only within the window. */
export const canEditContact = (actorId: string, contact: { authorId: string; createdAt: Date }, now: Date): boolean =>
  contact.authorId === actorId && now.getTime() - contact.createdAt.getTime() <= EDIT_WINDOW_MS;

/** Corrections are appended by the team's peer staff (the author or their supervisor). */
export const canCorrectContact = (tier: CareTier): boolean => tier === 'peer';
