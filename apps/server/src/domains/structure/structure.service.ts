import type { z } from 'zod';
import type { Db } from '@alongside/db';
import type {
  AddTeamMemberBodySchema,
  CreateOrganizationBodySchema,
  CreateProgramBodySchema,
  CreateTeamBodySchema,
  Organization,
  Program,
  Team,
  TeamMember,
  UpdateProgramBodySchema,
} from '@alongside/contracts';
import { structureScope, type Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { forbidden, notFound, versionConflict } from '../../lib/errors.ts';
import * as policy from './structure.policy.ts';
import * as repo from './structure.repo.ts';

export interface StructureDeps {
  db: Db;
  /** Called after a user's roles change, so that their sessions pick the change up at once. */
  onRolesChanged: (userId: string) => void;
}

const toOrganization = (r: repo.OrganizationRow): Organization => ({
  id: r.id,
  countryCode: r.countryCode as Organization['countryCode'],
  name: r.name,
  privacyThresholdK: r.privacyThresholdK,
  createdAt: r.createdAt.toISOString(),
  version: r.version,
});

const toProgram = (r: repo.ProgramRow): Program => ({
  ...r,
  setting: r.setting as Program['setting'],
  employerType: r.employerType as Program['employerType'],
  supervisionModel: r.supervisionModel as Program['supervisionModel'],
  rolloutPhase: r.rolloutPhase as Program['rolloutPhase'],
  createdAt: r.createdAt.toISOString(),
});

const toTeam = (r: repo.TeamRow): Team => ({ ...r, createdAt: r.createdAt.toISOString() });

/** Countries, organizations, programs, teams and team members. */
export function createStructureService({ db, onRolesChanged }: StructureDeps) {
  async function getTeam(actor: Actor, id: string) {
    const team = await repo.findTeam(db, structureScope(actor), id);
    if (!team) throw notFound('Team');
    return team;
  }

  return {
    listCountries: () => repo.findCountries(db) as Promise<{ code: 'CA' | 'NO'; name: string }[]>,

    async listOrganizations(actor: Actor) {
      return (await repo.findOrganizations(db, structureScope(actor))).map(toOrganization);
    },

    async getOrganization(actor: Actor, id: string) {
      const row = await repo.findOrganization(db, structureScope(actor), id);
      if (!row) throw notFound('Organization');
      return toOrganization(row);
    },

    async createOrganization(actor: Actor, body: z.infer<typeof CreateOrganizationBodySchema>) {
      if (!policy.canCreateOrganization(actor)) throw forbidden('Only platform administrators can add organizations.');
      return db.transaction(async (tx) => {
        const row = await repo.insertOrganization(tx, body);
        await writeAudit(tx, actor, { action: 'organization.create', entityType: 'organization', entityId: row.id, organizationId: row.id, purpose: 'administration' });
        return toOrganization(row);
      });
    },

    async listPrograms(actor: Actor, filter: { organizationId?: string }) {
      return (await repo.findPrograms(db, structureScope(actor), filter)).map(toProgram);
    },

    async getProgram(actor: Actor, id: string) {
      const row = await repo.findProgram(db, structureScope(actor), id);
      if (!row) throw notFound('Program');
      return toProgram(row);
    },

    async createProgram(actor: Actor, body: z.infer<typeof CreateProgramBodySchema>) {
      const organization = await repo.findOrganization(db, structureScope(actor), body.organizationId);
      if (!organization) throw notFound('Organization');
      if (!policy.canManageOrganization(actor, organization.id)) throw forbidden('Only organization administrators can add programs.');
      return db.transaction(async (tx) => {
        const row = await repo.insertProgram(tx, body);
        await writeAudit(tx, actor, { action: 'program.create', entityType: 'program', entityId: row.id, organizationId: row.organizationId, purpose: 'administration' });
        return toProgram(row);
      });
    },

    async updateProgram(actor: Actor, id: string, body: z.infer<typeof UpdateProgramBodySchema>) {
      const current = await repo.findProgram(db, structureScope(actor), id);
      if (!current) throw notFound('Program');
      if (!policy.canManageOrganization(actor, current.organizationId)) throw forbidden('Only organization administrators can change programs.');
      const { version, ...patch } = body;
      return db.transaction(async (tx) => {
        const row = await repo.updateProgram(tx, id, version, patch);
        if (!row) throw versionConflict();
        await writeAudit(tx, actor, {
          action: 'program.update',
          entityType: 'program',
          entityId: id,
          organizationId: row.organizationId,
          purpose: 'administration',
          details: { fields: Object.keys(patch) },
        });
        return toProgram(row);
      });
    },

    async listTeams(actor: Actor, filter: { programId?: string; organizationId?: string }) {
      return (await repo.findTeams(db, structureScope(actor), filter)).map(toTeam);
    },

    async getTeam(actor: Actor, id: string) {
      return toTeam(await getTeam(actor, id));
    },

    async createTeam(actor: Actor, body: z.infer<typeof CreateTeamBodySchema>) {
      const program = await repo.findProgram(db, structureScope(actor), body.programId);
      if (!program) throw notFound('Program');
      if (!policy.canManageOrganization(actor, program.organizationId)) throw forbidden('Only organization administrators can add teams.');
      return db.transaction(async (tx) => {
        const row = await repo.insertTeam(tx, { programId: program.id, organizationId: program.organizationId, name: body.name });
        await writeAudit(tx, actor, { action: 'team.create', entityType: 'team', entityId: row.id, organizationId: row.organizationId, purpose: 'administration' });
        return toTeam(row);
      });
    },

    async listTeamMembers(actor: Actor, teamId: string): Promise<TeamMember[]> {
      const team = await getTeam(actor, teamId);
      if (!policy.canViewTeamMembers(actor, team)) throw notFound('Team');
      const rows = await repo.findTeamMembers(db, team.id);
      return rows.map((r) => ({ ...r, role: r.role as TeamMember['role'], since: r.since.toISOString() }));
    },

    async addTeamMember(actor: Actor, teamId: string, body: z.infer<typeof AddTeamMemberBodySchema>): Promise<TeamMember> {
      const team = await getTeam(actor, teamId);
      if (!policy.canManageOrganization(actor, team.organizationId)) throw forbidden('Only organization administrators can change team membership.');
      const known = actor.isPlatformAdmin || (await repo.isUserInOrganization(db, body.userId, team.organizationId));
      if (!known) throw notFound('User');
      const member = await db.transaction(async (tx) => {
        const row = await repo.insertMembership(tx, { userId: body.userId, organizationId: team.organizationId, teamId: team.id, role: body.role });
        await writeAudit(tx, actor, {
          action: 'membership.create',
          entityType: 'membership',
          entityId: row.id,
          organizationId: team.organizationId,
          teamId: team.id,
          purpose: 'administration',
          details: { userId: body.userId, role: body.role, teamId: team.id },
        });
        return (await repo.findTeamMembers(tx as Db, team.id)).find((m) => m.membershipId === row.id)!;
      });
      onRolesChanged(body.userId);
      return { ...member, role: member.role as TeamMember['role'], since: member.since.toISOString() };
    },

    async removeTeamMember(actor: Actor, teamId: string, membershipId: string) {
      const team = await getTeam(actor, teamId);
      if (!policy.canManageOrganization(actor, team.organizationId)) throw forbidden('Only organization administrators can change team membership.');
      const membership = await repo.findMembership(db, team.id, membershipId);
      if (!membership) throw notFound('Membership');
      await db.transaction(async (tx) => {
        await repo.deleteMembership(tx, membership.id);
        await writeAudit(tx, actor, {
          action: 'membership.delete',
          entityType: 'membership',
          entityId: membership.id,
          organizationId: team.organizationId,
          teamId: team.id,
          purpose: 'administration',
          details: { userId: membership.userId, role: membership.role, teamId: team.id },
        });
      });
      onRolesChanged(membership.userId);
    },
  };
}

export type StructureService = ReturnType<typeof createStructureService>;

/**
 * Team lookups other domains need (persons, connections, huddles, wellbeing, workload, step-aways), injected as
 * their `teams` dependency: a team by id, whoever asks (the caller checks access), and its peer staff.
 */
export function createTeamLookup({ db }: { db: Db }) {
  return {
    find: (teamId: string) => repo.findTeamById(db, teamId),
    peerStaffIds: (teamId: string) => repo.findPeerStaffIds(db, teamId),
  };
}

export type TeamLookup = ReturnType<typeof createTeamLookup>;
