import type { PrivacyMode } from '@alongside/contracts';
import { isOrgAdmin, isResearcher, type Actor } from '../../lib/actor.ts';

/** Researchers run campaigns. */
export const canCreateCampaign = (actor: Actor): boolean => isResearcher(actor);

/** A campaign is its owner's (and platform administrators'): settings, invitations, progress, results, exports. */
export const canRunCampaign = (actor: Actor, campaign: { ownerId: string }): boolean =>
  actor.isPlatformAdmin || (isResearcher(actor) && campaign.ownerId === actor.userId);

/** Whether a program takes part is its organization's administrators' decision. */
export const canDecideParticipation = (actor: Actor, program: { organizationId: string }): boolean => isOrgAdmin(actor, program.organizationId);

/** Personal invitations exist in the identified and tracked modes; a fully anonymous campaign has open links only. */
export const allowsInvitations = (mode: PrivacyMode): boolean => mode !== 'anonymous';

/** Open links carry no identity, so an identified campaign has none. */
export const allowsOpenLinks = (mode: PrivacyMode): boolean => mode !== 'identified';
