import type { z } from 'zod';
import type { Db } from '@alongside/db';
import type {
  ConsentBody,
  ConsentRecord,
  CreatePersonBodySchema,
  ListPersonsQuerySchema,
  Person,
  UpdatePersonBodySchema,
} from '@alongside/contracts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit, writeListAudit } from '../../lib/audit.ts';
import { careTeams, careTier } from '../../lib/care-access.ts';
import { badRequest, forbidden, notFound, versionConflict } from '../../lib/errors.ts';
import { iso } from '../../lib/iso.ts';
import * as policy from './persons.policy.ts';
import * as repo from './persons.repo.ts';
import type { TeamLookup } from '../structure/structure.service.ts';

export interface PersonsDeps {
  db: Db;
  teams: TeamLookup;
}

function toPerson(
  row: repo.PersonListRow,
  psps: Awaited<ReturnType<typeof repo.findPsps>>,
  covering: Awaited<ReturnType<typeof repo.findCovering>> = [],
): Person {
  return {
    id: row.id,
    teamId: row.team_id,
    programId: row.program_id,
    preferredName: row.preferred_name,
    pronouns: row.pronouns,
    externalId: row.external_id,
    language: row.language as Person['language'],
    psps: psps.filter((p) => p.personId === row.id).map(({ id, name, isPrimary }) => ({ id, name, isPrimary })),
    coveredBy: covering.filter((c) => c.personId === row.id).map(({ id, name }) => ({ id, name })),
    consent: {
      shareWithCareTeam: row.share_with_care_team as 'per_item' | 'none',
      researchUse: row.research_use,
      lockbox: row.lockbox,
    },
    lastContactAt: row.last_contact_at ? iso(row.last_contact_at) : null,
    openVoiceItems: row.open_voice_items,
    pendingConnections: row.pending_connections,
    createdAt: iso(row.created_at),
    version: row.version,
  };
}

/** Persons supported, their caseload (PSPs) and their consent decisions. */
export function createPersonsService({ db, teams }: PersonsDeps) {
  async function load(actor: Actor, ids: string[]): Promise<Person[]> {
    return withCaseload(await repo.findPersons(db, careTeams(actor), { ids }));
  }

  /** The rows with their PSPs and who covers them. */
  async function withCaseload(rows: repo.PersonListRow[]): Promise<Person[]> {
    const ids = rows.map((r) => r.id);
    const [psps, covering] = await Promise.all([repo.findPsps(db, ids), repo.findCovering(db, ids)]);
    return rows.map((r) => toPerson(r, psps, covering));
  }

  /** The person if the actor may see them (404 otherwise, whether they exist or not). */
  async function getVisible(actor: Actor, id: string) {
    const person = await repo.findPerson(db, careTeams(actor), id);
    if (!person) throw notFound('Person');
    return person;
  }

  async function checkPsps(teamId: string, primaryId: string, secondaryIds: string[]) {
    const peerStaff = await teams.peerStaffIds(teamId);
    if (!peerStaff.has(primaryId))
      throw badRequest('primaryPspId', 'must be a peer support worker or peer supervisor of the team');
    if (secondaryIds.some((id) => !peerStaff.has(id)))
      throw badRequest('secondaryPspIds', 'must all be peer staff of the team');
  }


  /** Writes a person and its audit entry inside `tx`: added to a caseload (`care`) or referred by a clinician. */
  async function insertPerson(
    tx: Db,
    actor: Actor,
    team: { id: string; organizationId: string; programId: string },
    body: { preferredName: string; pronouns?: string | undefined; externalId?: string | undefined; language: Person['language'] },
    purpose: 'care' | 'referral',
  ): Promise<string> {
    const row = await repo.insertPerson(tx, {
      organizationId: team.organizationId,
      programId: team.programId,
      teamId: team.id,
      preferredName: body.preferredName,
      pronouns: body.pronouns ?? null,
      externalId: body.externalId ?? null,
      language: body.language,
      createdBy: actor.userId,
    });
    await writeAudit(tx, actor, {
      action: 'person.create',
      entityType: 'person',
      entityId: row.id,
      organizationId: team.organizationId,
      teamId: team.id,
      purpose,
    });
    return row.id;
  }

  return {
    getVisible,

    async list(actor: Actor, query: z.infer<typeof ListPersonsQuerySchema>): Promise<Person[]> {
      const scope = careTeams(actor);
      const rows = await repo.findPersons(db, scope, {
        teamId: query.teamId,
        q: query.q,
        pspId: query.mine ? actor.userId : undefined,
      });
      const result = await withCaseload(rows);
      await writeListAudit(
        db,
        actor,
        {
          action: 'person.list',
          entityType: 'person',
          purpose: 'care',
          emptyOrganizationId: actor.memberships.find((m) => m.teamId === query.teamId)?.organizationId ?? null,
          ...(query.teamId ? { details: { teamId: query.teamId } } : {}),
        },
        rows.map((r) => ({ id: r.id, organizationId: r.organization_id, personId: r.id })),
      );
      return result;
    },

    async get(actor: Actor, id: string): Promise<Person> {
      const person = await getVisible(actor, id);
      await writeAudit(db, actor, {
        action: 'person.read',
        entityType: 'person',
        entityId: id,
        organizationId: person.organizationId,
        purpose: 'care',
      });
      const [result] = await load(actor, [id]);
      return result!;
    },

    async create(actor: Actor, body: z.infer<typeof CreatePersonBodySchema>): Promise<Person> {
      const team = await teams.find(body.teamId);
      if (!team || careTier(actor, team.id) === 'none') throw notFound('Team');
      if (!policy.canCreatePerson(careTier(actor, team.id)))
        throw forbidden('Peer staff add people to a caseload; clinicians refer a person to peer support instead.');
      const primaryId = body.primaryPspId ?? actor.userId;
      await checkPsps(team.id, primaryId, body.secondaryPspIds);
      const id = await db.transaction(async (tx) => {
        const personId = await insertPerson(tx, actor, team, body, 'care');
        await repo.replacePsps(tx, personId, primaryId, body.secondaryPspIds);
        return personId;
      });
      const [person] = await load(actor, [id]);
      return person!;
    },

    /**
     * A person a clinician of the team refers to peer support (connections), written inside the referral's
     * transaction `tx`. No PSP yet: the PSP who accepts the referral becomes the primary one (`takeOnIfUnassigned`).
     */
    async insertReferred(
      tx: Db,
      actor: Actor,
      team: { id: string; organizationId: string; programId: string },
      body: { preferredName: string; pronouns?: string | undefined; language: Person['language'] },
    ): Promise<string> {
      return insertPerson(tx, actor, team, body, 'referral');
    },

    /** Makes `userId` the primary PSP of a person who has none (a PSP accepting a referral), inside `tx`. */
    async takeOnIfUnassigned(tx: Db, personId: string, userId: string): Promise<void> {
      const psps = await repo.findPsps(tx, [personId]);
      if (psps.length === 0) await repo.replacePsps(tx, personId, userId, []);
    },

    async update(actor: Actor, id: string, body: z.infer<typeof UpdatePersonBodySchema>): Promise<Person> {
      const person = await getVisible(actor, id);
      if (!policy.canEditPerson(careTier(actor, person.teamId)))
        throw forbidden('Only peer staff of the team can change a person’s details.');
      const psps = await repo.findPsps(db, [id]);
      const primaryId = body.primaryPspId ?? psps.find((p) => p.isPrimary)?.id ?? actor.userId;
      const secondaryIds = body.secondaryPspIds ?? psps.filter((p) => !p.isPrimary).map((p) => p.id);
      if (body.primaryPspId !== undefined || body.secondaryPspIds !== undefined)
        await checkPsps(person.teamId, primaryId, secondaryIds);
      await db.transaction(async (tx) => {
        const { version, primaryPspId: _p, secondaryPspIds: _s, ...fields } = body;
        const updated = await repo.updatePerson(tx, id, version, fields);
        if (!updated) throw versionConflict();
        if (body.primaryPspId !== undefined || body.secondaryPspIds !== undefined)
          await repo.replacePsps(tx, id, primaryId, secondaryIds);
        await writeAudit(tx, actor, {
          action: 'person.update',
          entityType: 'person',
          entityId: id,
          organizationId: person.organizationId,
          purpose: 'care',
          details: { fields: Object.keys(body).filter((k) => k !== 'version') },
        });
      });
      const [result] = await load(actor, [id]);
      return result!;
    },

    async listConsents(actor: Actor, id: string): Promise<ConsentRecord[]> {
      const person = await getVisible(actor, id);
      if (!policy.canRecordConsent(careTier(actor, person.teamId)))
        throw forbidden('The consent history is kept by the team’s peer staff.');
      const rows = await repo.findConsents(db, id);
      await writeAudit(db, actor, {
        action: 'consent.list',
        entityType: 'person',
        entityId: id,
        organizationId: person.organizationId,
        purpose: 'care',
      });
      return rows.map((r) => ({
        id: r.id,
        purpose: r.purpose as ConsentRecord['purpose'],
        decision: r.decision,
        method: r.method as ConsentRecord['method'],
        note: r.note,
        recordedBy: { id: r.recordedById, name: r.recordedByName },
        recordedAt: r.recordedAt.toISOString(),
      }));
    },

    /** Records a consent decision: the history row and the person's current state change together. */
    async recordConsent(actor: Actor, id: string, body: ConsentBody): Promise<Person> {
      const person = await getVisible(actor, id);
      if (!policy.canRecordConsent(careTier(actor, person.teamId)))
        throw forbidden('Consent is recorded by the team’s peer staff, with the person.');
      await db.transaction(async (tx) => {
        const locked = (await repo.lockPerson(tx, id))!;
        await repo.insertConsent(tx, {
          personId: id,
          purpose: body.purpose,
          decision: body.decision,
          method: body.method,
          note: body.note ?? null,
          recordedBy: actor.userId,
        });
        const change =
          body.purpose === 'share_with_care_team'
            ? { shareWithCareTeam: body.decision }
            : body.purpose === 'research_use'
              ? { researchUse: body.decision === 'yes' }
              : { lockbox: body.decision === 'on' };
        await repo.updatePerson(tx, id, locked.version, change);
        await writeAudit(tx, actor, {
          action: 'consent.record',
          entityType: 'person',
          entityId: id,
          organizationId: person.organizationId,
          purpose: 'care',
          details: { purpose: body.purpose, decision: body.decision, method: body.method },
        });
      });
      const [result] = await load(actor, [id]);
      return result!;
    },
  };
}

export type PersonsService = ReturnType<typeof createPersonsService>;
