import { MANAGER_ROLE, ORG_ADMIN_ROLE, RESEARCHER_ROLE, type Role } from '@alongside/contracts';

export interface ActorMembership {
  id: string;
  role: Role;
  organizationId: string;
  programId: string | null;
  teamId: string | null;
}

/** Who is acting: built once per request by the auth plugin and passed first to every service. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  isPlatformAdmin: boolean;
  memberships: ActorMembership[];
  sessionId: string;
  ip: string;
  requestId: string;
}

/** Where a request comes from, for audit entries written before anyone is signed in. */
export interface RequestOrigin {
  ip: string;
  requestId: string;
}

/** Holds the organization administrator role there (not counting platform administrators). */
const administers = (actor: Actor, organizationId: string): boolean =>
  actor.memberships.some((m) => m.role === ORG_ADMIN_ROLE && m.organizationId === organizationId);

export const isOrgAdmin = (actor: Actor, organizationId: string): boolean =>
  actor.isPlatformAdmin || administers(actor, organizationId);

/** Manages the program (its aggregates are theirs to read). */
export const managesProgram = (actor: Actor, programId: string): boolean =>
  actor.memberships.some((m) => m.role === MANAGER_ROLE && m.programId === programId);

/** Holds the researcher role somewhere (or is a platform administrator): the instrument library and campaigns. */
export const isResearcher = (actor: Actor): boolean => actor.isPlatformAdmin || actor.memberships.some((m) => m.role === RESEARCHER_ROLE);

export const adminOrganizationIds = (actor: Actor): string[] =>
  actor.memberships.filter((m) => m.role === ORG_ADMIN_ROLE).map((m) => m.organizationId);

export const memberTeamIds = (actor: Actor): string[] =>
  [...new Set(actor.memberships.flatMap((m) => (m.teamId ? [m.teamId] : [])))];

export const memberOrganizationIds = (actor: Actor): string[] => [...new Set(actor.memberships.map((m) => m.organizationId))];

/** The role to write in an audit entry for an action in this organization (and team). */
export function roleFor(actor: Actor, organizationId: string | null, teamId?: string | null): string {
  if (teamId) {
    const inTeam = actor.memberships.filter((m) => m.teamId === teamId).map((m) => m.role);
    if (inTeam.length > 0) return inTeam.join('+');
  }
  if (organizationId && administers(actor, organizationId)) return ORG_ADMIN_ROLE;
  if (actor.isPlatformAdmin) return 'platform_admin';
  const inOrg = [...new Set(actor.memberships.filter((m) => m.organizationId === organizationId).map((m) => m.role))];
  return inOrg.join('+') || 'none';
}

/**
 * What part of the structure an actor may see. Platform administrators see everything;
 * everyone else sees whole organizations they administer and the teams they belong to.
 */
export type StructureScope =
  | { kind: 'all' }
  | { kind: 'limited'; adminOrganizationIds: string[]; teamIds: string[]; organizationIds: string[] };

export function structureScope(actor: Actor): StructureScope {
  if (actor.isPlatformAdmin) return { kind: 'all' };
  return {
    kind: 'limited',
    adminOrganizationIds: adminOrganizationIds(actor),
    teamIds: memberTeamIds(actor),
    organizationIds: memberOrganizationIds(actor),
  };
}
