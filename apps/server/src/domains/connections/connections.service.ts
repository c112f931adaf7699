import type { z } from 'zod';
import type { Db } from '@alongside/db';
import type {
  Connection,
  ConnectionStatus,
  CreateConnectionBodySchema,
  ListConnectionsQuerySchema,
  UpdateConnectionBodySchema,
} from '@alongside/contracts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit, writeListAudit } from '../../lib/audit.ts';
import { careTeams, careTier, clinicalRoleIn } from '../../lib/care-access.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, badRequest, forbidden, notFound, versionConflict } from '../../lib/errors.ts';
import { iso } from '../../lib/iso.ts';
import type { PersonsService } from '../persons/persons.service.ts';
import { CLOSING_STATUSES, NEXT_STATUSES, canCreateConnection, canMoveConnection } from './connections.policy.ts';
import * as repo from './connections.repo.ts';
import type { TeamLookup } from '../structure/structure.service.ts';

export interface ConnectionsDeps {
  db: Db;
  teams: TeamLookup;
  clock: Clock;
  persons: Pick<PersonsService, 'getVisible' | 'insertReferred' | 'takeOnIfUnassigned'>;
}

/** Connections: peer support as the gateway to the team and services, and referrals to peer support. */
export function createConnectionsService({ db, clock, persons, teams }: ConnectionsDeps) {
  /** Rows with their events, each field as the actor's tier lets it reach them. */
  async function withEvents(actor: Actor, rows: repo.ConnectionRow[]): Promise<(Connection & { organizationId: string })[]> {
    const events = await repo.findEvents(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      // Under a "share nothing" consent clinicians still follow the hand-off, but not the words around it
      // (a referral's reason was written by the referring clinician, so it stays).
      const wordsReach = careTier(actor, r.team_id) === 'peer' || r.share_with_care_team !== 'none';
      return {
        id: r.id,
        organizationId: r.organization_id,
        personId: r.person_id,
        personName: r.person_name,
        teamId: r.team_id,
        direction: r.direction as Connection['direction'],
        target: r.target_user_id ? { id: r.target_user_id, name: r.target_name ?? '' } : null,
        service: r.service as Connection['service'],
        warmHandoff: r.warm_handoff,
        reason: wordsReach || r.direction === 'to_peer_support' ? r.reason : null,
        referrerRole: r.referrer_role as Connection['referrerRole'],
        status: r.status as ConnectionStatus,
        personFeedback: wordsReach ? r.person_feedback : null,
        events: events
          .filter((e) => e.connectionId === r.id)
          .map((e) => ({
            status: e.status as ConnectionStatus,
            at: e.at.toISOString(),
            by: { id: e.byId, name: e.byName },
            note: wordsReach ? e.note : null,
          })),
        createdAt: iso(r.created_at),
        version: r.version,
      };
    });
  }

  async function read(
    actor: Actor,
    filter: Parameters<typeof repo.findConnections>[2],
  ): Promise<(Connection & { organizationId: string })[]> {
    return withEvents(actor, await repo.findConnections(db, careTeams(actor), filter));
  }

  const strip = ({ organizationId: _o, ...connection }: Connection & { organizationId: string }): Connection =>
    connection;

  async function readOne(actor: Actor, id: string) {
    const [connection] = await read(actor, { id, limit: 1 });
    if (!connection) throw notFound('Connection');
    return connection;
  }

  return {
    /** For adding a connection to a huddle's agenda: the same rows, already scoped. */
    read,

    /** For the team board, in two queries: connections waiting to be accepted and open referrals, up to `limit` each. */
    async readForBoard(actor: Actor, teamId: string, limit: number) {
      const connections = await withEvents(actor, await repo.findBoardConnections(db, careTeams(actor), teamId, limit));
      return {
        toAccept: connections.filter((c) => c.direction === 'from_peer_support'),
        referrals: connections.filter((c) => c.direction === 'to_peer_support'),
      };
    },

    async list(actor: Actor, query: z.infer<typeof ListConnectionsQuerySchema>): Promise<Connection[]> {
      const connections = await read(actor, query);
      await writeListAudit(db, actor, { action: 'connection.list', entityType: 'connection', purpose: 'care' }, connections);
      return connections.map(strip);
    },

    async get(actor: Actor, id: string): Promise<Connection> {
      const connection = await readOne(actor, id);
      await writeAudit(db, actor, {
        action: 'connection.read',
        entityType: 'connection',
        entityId: id,
        organizationId: connection.organizationId,
        purpose: 'care',
        details: { personId: connection.personId },
      });
      return strip(connection);
    },

    async create(actor: Actor, body: z.infer<typeof CreateConnectionBodySchema>): Promise<Connection> {
      const now = clock.now();
      let person:
        { id: string; teamId: string; programId: string; organizationId: string; lockbox: boolean } | undefined;
      if (body.personId) person = await persons.getVisible(actor, body.personId);
      else if (body.direction === 'to_peer_support' && body.newPerson) {
        const team = await teams.find(body.newPerson.teamId);
        if (!team || careTier(actor, team.id) === 'none') throw notFound('Team');
        person = {
          id: '',
          teamId: team.id,
          programId: team.programId,
          organizationId: team.organizationId,
          lockbox: false,
        };
      } else throw badRequest('personId', 'give personId, or newPerson to refer someone new');
      const tier = careTier(actor, person.teamId);
      if (!canCreateConnection(tier, body.direction)) {
        throw forbidden(
          body.direction === 'to_peer_support'
            ? 'Clinicians refer a person to peer support.'
            : 'Peer staff connect a person onward.',
        );
      }
      if (body.direction === 'from_peer_support') {
        if (Boolean(body.targetUserId) === Boolean(body.service))
          throw badRequest('targetUserId', 'give either a clinician of the team (targetUserId) or a service');
        if (body.targetUserId && !(await repo.isTeamClinician(db, person.teamId, body.targetUserId)))
          throw badRequest('targetUserId', 'must be a clinician of the person’s team');
        if (body.targetUserId && person.lockbox) {
          throw new AppError(
            409,
            'sharing_blocked',
            'This person has a lockbox: nothing is shared with the clinicians. A connection to a service is still possible.',
          );
        }
      }
      const id = await db.transaction(async (tx) => {
        let personId = person.id;
        if (body.direction === 'to_peer_support' && body.newPerson) {
          const team = { id: person.teamId, organizationId: person.organizationId, programId: person.programId };
          personId = await persons.insertReferred(tx, actor, team, body.newPerson);
        }
        const row = await repo.insertConnection(tx, {
          organizationId: person.organizationId,
          programId: person.programId,
          teamId: person.teamId,
          personId,
          direction: body.direction,
          targetUserId: body.direction === 'from_peer_support' ? (body.targetUserId ?? null) : null,
          service: body.direction === 'from_peer_support' ? (body.service ?? null) : null,
          warmHandoff: body.direction === 'from_peer_support' ? body.warmHandoff : false,
          reason: body.reason || null,
          referrerRole: body.direction === 'to_peer_support' ? clinicalRoleIn(actor, person.teamId) : null,
          createdBy: actor.userId,
          createdAt: now,
        });
        await repo.insertEvent(tx, { connectionId: row.id, status: 'proposed', byUserId: actor.userId, at: now });
        await writeAudit(tx, actor, {
          action: 'connection.create',
          entityType: 'connection',
          entityId: row.id,
          organizationId: person.organizationId,
          purpose: 'care',
          details: { personId, direction: body.direction },
        });
        return row.id;
      });
      return strip(await readOne(actor, id));
    },

    async update(actor: Actor, id: string, body: z.infer<typeof UpdateConnectionBodySchema>): Promise<Connection> {
      const current = await readOne(actor, id);
      const tier = careTier(actor, current.teamId);
      if (
        !canMoveConnection(tier, actor.userId, {
          direction: current.direction,
          targetUserId: current.target?.id ?? null,
          status: current.status,
        })
      ) {
        throw forbidden(
          current.direction === 'to_peer_support'
            ? 'The team’s peer staff answer referrals to peer support.'
            : 'Only the clinician asked, or peer staff, can record this step.',
        );
      }
      if (!NEXT_STATUSES[current.status].includes(body.status)) {
        throw new AppError(
          409,
          'invalid_transition',
          `A connection that is ${current.status} cannot become ${body.status}.`,
        );
      }
      const now = clock.now();
      await db.transaction(async (tx) => {
        const closing = CLOSING_STATUSES.includes(body.status);
        const updated = await repo.updateConnection(tx, id, body.version, {
          status: body.status,
          ...(body.status === 'accepted' ? { acceptedAt: now, acceptedBy: actor.userId } : {}),
          ...(body.status === 'met' ? { firstMeetingAt: now } : {}),
          ...(closing ? { closedAt: now } : {}),
          ...(closing && body.personFeedback ? { personFeedback: body.personFeedback } : {}),
        });
        if (!updated) throw versionConflict();
        await repo.insertEvent(tx, {
          connectionId: id,
          status: body.status,
          byUserId: actor.userId,
          at: now,
          note: body.note || null,
        });
        // A PSP who accepts a referral for someone without a PSP becomes their primary PSP.
        if (current.direction === 'to_peer_support' && body.status === 'accepted') {
          await persons.takeOnIfUnassigned(tx, current.personId, actor.userId);
        }
        await writeAudit(tx, actor, {
          action: 'connection.update',
          entityType: 'connection',
          entityId: id,
          organizationId: current.organizationId,
          purpose: 'care',
          details: { personId: current.personId, from: current.status, to: body.status },
        });
      });
      return strip(await readOne(actor, id));
    },
  };
}

export type ConnectionsService = ReturnType<typeof createConnectionsService>;
