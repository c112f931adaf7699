import type { Actor } from '../../lib/actor.ts';
import { isOrgAdmin } from '../../lib/actor.ts';

/** Only platform administrators create organizations (a new legal custodian). */
export const canCreateOrganization = (actor: Actor): boolean => actor.isPlatformAdmin;

/** Programs, teams, memberships and invitations of an organization are managed by its administrators. */
export const canManageOrganization = (actor: Actor, organizationId: string): boolean => isOrgAdmin(actor, organizationId);

/** Team member lists are visible to the team itself and to the organization's administrators. */
export const canViewTeamMembers = (actor: Actor, team: { id: string; organizationId: string }): boolean =>
  isOrgAdmin(actor, team.organizationId) || actor.memberships.some((m) => m.teamId === team.id);
