import type { Actor } from '../../lib/actor.ts';
import { isOrgAdmin } from '../../lib/actor.ts';

/** Accounts are created directly only by platform administrators; everyone else joins by invitation. */
export const canCreateUser = (actor: Actor): boolean => actor.isPlatformAdmin;

/** User lists, invitations and the outbox of an organization belong to its administrators. */
export const canAdministerPeople = (actor: Actor, organizationId: string): boolean => isOrgAdmin(actor, organizationId);
