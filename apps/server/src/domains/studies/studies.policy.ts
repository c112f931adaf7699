import type { StudyRole } from '@alongside/contracts';
import { isResearcher, type Actor } from '../../lib/actor.ts';

// Who may do what in a case study. Outside a study its members are the only ones who know it exists (404).

/** A researcher starts a study and becomes its lead. */
export const canCreateStudy = (actor: Actor): boolean => isResearcher(actor);

/** Members, informants and (later) revealing blind coding are the lead's to manage. */
export const canManageStudy = (role: StudyRole | undefined): boolean => role === 'lead';

/** Every member reads the study and its informants. */
export const canReadStudy = (role: StudyRole | undefined): role is StudyRole => role !== undefined;

/** The codebook is the lead's and the coders' to shape; readers read it. */
export const canEditCodebook = (role: StudyRole | undefined): boolean => role === 'lead' || role === 'coder';
