import type { z } from 'zod';
import type { Db } from '@alongside/db';
import type { AddHuddleItemBodySchema, CreateHuddleBodySchema, Huddle, TeamBoard, TeamRole } from '@alongside/contracts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { careTeams, careTier } from '../../lib/care-access.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { iso } from '../../lib/iso.ts';
import * as voiceRepo from '../voice-items/voice-items.repo.ts';
import { toVoiceItem } from '../voice-items/voice-items.service.ts';
import type { ConnectionsService } from '../connections/connections.service.ts';
import type { StepAwaysService } from '../step-aways/step-aways.service.ts';
import { canSeeBoard, canUseHuddles } from './huddles.policy.ts';
import * as repo from './huddles.repo.ts';
import type { TeamLookup } from '../structure/structure.service.ts';

export interface HuddlesDeps {
  db: Db;
  teams: TeamLookup;
  clock: Clock;
  connections: Pick<ConnectionsService, 'read' | 'readForBoard'>;
  stepAways: Pick<StepAwaysService, 'awayInTeam'>;
}

const KIND_LABEL: Record<string, string> = { from_peer_support: 'connection', to_peer_support: 'referral to peer support' };

function toItem(r: repo.HuddleItemRow) {
  const hidden = (r.voice_item_id ?? r.connection_id) !== null && r.person_name === null;
  const label = r.topic ?? (hidden ? 'An item from peer support' : `${r.person_name ?? ''} — ${KIND_LABEL[r.item_kind ?? ''] ?? `voice: ${r.item_kind ?? ''}`}`);
  return {
    id: r.id,
    // A reader who may not see the item does not learn which one it is.
    voiceItemId: hidden ? null : r.voice_item_id,
    connectionId: hidden ? null : r.connection_id,
    label,
    addedBy: { id: r.added_by, name: r.added_by_name },
    addedAt: iso(r.added_at),
  };
}

/** Team huddles, their agenda, and the team board built from the practice data. */
export function createHuddlesService({ db, clock, connections, stepAways, teams }: HuddlesDeps) {
  async function getTeam(actor: Actor, teamId: string) {
    const team = await teams.find(teamId);
    if (!team || careTier(actor, teamId) === 'none') throw notFound('Team');
    return team;
  }

  return {
    async list(actor: Actor, teamId: string): Promise<Huddle[]> {
      const team = await getTeam(actor, teamId);
      if (!canUseHuddles(careTier(actor, teamId))) throw forbidden();
      const huddles = await repo.findHuddles(db, teamId);
      const ids = huddles.map((h) => h.id);
      const [attendees, items] = await Promise.all([repo.findAttendees(db, ids), repo.findItems(db, careTeams(actor), teamId, { huddleIds: ids })]);
      await writeAudit(db, actor, { action: 'huddle.list', entityType: 'team', entityId: teamId, organizationId: team.organizationId, purpose: 'care' });
      return huddles.map((h) => ({
        id: h.id,
        teamId: h.teamId,
        heldAt: h.heldAt.toISOString(),
        decisions: h.decisions,
        createdBy: { id: h.createdById, name: h.createdByName },
        attendees: attendees.filter((a) => a.huddleId === h.id).map((a) => ({ id: a.id, name: a.name, role: a.role as TeamRole })),
        items: items.filter((i) => i.huddle_id === h.id).map(toItem),
      }));
    },

    async create(actor: Actor, body: z.infer<typeof CreateHuddleBodySchema>): Promise<Huddle> {
      const team = await getTeam(actor, body.teamId);
      if (!canUseHuddles(careTier(actor, team.id))) throw forbidden();
      const roles = await repo.findTeamRoles(db, team.id);
      const attendeeIds = [...new Set(body.attendeeIds)];
      if (attendeeIds.some((id) => !roles.has(id))) throw badRequest('attendeeIds', 'must all be members of the team');
      const id = await db.transaction(async (tx) => {
        const row = await repo.insertHuddle(tx, { organizationId: team.organizationId, programId: team.programId, teamId: team.id, heldAt: new Date(body.heldAt), decisions: body.decisions, createdBy: actor.userId });
        await repo.insertAttendees(tx, attendeeIds.map((userId) => ({ huddleId: row.id, userId, role: roles.get(userId)! })));
        const attached = await repo.attachItems(tx, team.id, row.id, [...new Set(body.itemIds)]);
        if (attached !== new Set(body.itemIds).size) throw badRequest('itemIds', 'must be agenda items of this team not yet discussed');
        await writeAudit(tx, actor, { action: 'huddle.create', entityType: 'huddle', entityId: row.id, organizationId: team.organizationId, purpose: 'care', details: { attendees: attendeeIds.length, items: attached } });
        return row.id;
      });
      const huddles = await this.list(actor, team.id);
      return huddles.find((h) => h.id === id)!;
    },

    async addItem(actor: Actor, body: z.infer<typeof AddHuddleItemBodySchema>) {
      const team = await getTeam(actor, body.teamId);
      if (!canUseHuddles(careTier(actor, team.id))) throw forbidden();
      const scope = careTeams(actor);
      // Only items the actor can see, of this team, can be put on its agenda.
      if (body.voiceItemId) {
        const [item] = await voiceRepo.findVoiceItems(db, scope, { id: body.voiceItemId, teamId: team.id, limit: 1 });
        if (!item) throw badRequest('voiceItemId', 'is not a voice item of this team you can see');
      }
      if (body.connectionId) {
        const [connection] = await connections.read(actor, { id: body.connectionId, teamId: team.id, limit: 1 });
        if (!connection) throw badRequest('connectionId', 'is not a connection of this team you can see');
      }
      const id = await db.transaction(async (tx) => {
        const row = await repo.insertItem(tx, { teamId: team.id, voiceItemId: body.voiceItemId ?? null, connectionId: body.connectionId ?? null, topic: body.topic ?? null, addedBy: actor.userId, addedAt: clock.now() });
        await writeAudit(tx, actor, { action: 'huddle_item.create', entityType: 'huddle_item', entityId: row.id, organizationId: team.organizationId, purpose: 'care' });
        return row.id;
      });
      const items = await repo.findItems(db, scope, team.id, { undiscussed: true });
      return toItem(items.find((i) => i.id === id)!);
    },

    /** The clinicians' home: what waits for the team, overdue first. */
    async board(actor: Actor, teamId: string): Promise<TeamBoard> {
      // Few queries on purpose: on the embedded database each one costs more than what it reads (ARCHITECTURE.md).
      const team = await repo.findTeamWithTargetDays(db, teamId);
      if (!team || careTier(actor, teamId) === 'none') throw notFound('Team');
      if (!canSeeBoard(careTier(actor, teamId))) throw forbidden();
      const scope = careTeams(actor);
      const now = clock.now();
      const [voiceRows, { toAccept, referrals }, agenda, activity, away] = await Promise.all([
        voiceRepo.findVoiceItems(db, scope, { teamId, waitingForTeam: true, limit: 100 }),
        connections.readForBoard(actor, teamId, 100),
        repo.findItems(db, scope, teamId, { undiscussed: true }),
        repo.findRecentActivity(db, scope, teamId, new Date(now.getTime() - 14 * 86_400_000)),
        stepAways.awayInTeam(teamId),
      ]);
      const personIds = new Set([...voiceRows.map((v) => v.person_id), ...toAccept.map((c) => c.personId), ...referrals.map((c) => c.personId)]);
      await writeAudit(db, actor, {
        action: 'team_board.read',
        entityType: 'team',
        entityId: teamId,
        organizationId: team.organizationId,
        purpose: 'care',
        details: { personIds: [...personIds].slice(0, 100) },
      });
      const strip = <T extends { organizationId: string }>({ organizationId: _o, ...rest }: T) => rest;
      return {
        team: { id: team.id, name: team.name, programId: team.programId, voiceAnswerTargetDays: team.voiceAnswerTargetDays },
        voiceItems: voiceRows.map((r) => toVoiceItem(r, now)),
        connectionsToAccept: toAccept.map(strip),
        referralsToPeerSupport: referrals.map(strip),
        agenda: agenda.map(toItem),
        recentActivity: activity.map((a) => ({
          kind: a.kind as TeamBoard['recentActivity'][number]['kind'],
          at: iso(a.at),
          personId: a.person_id,
          personName: a.person_name,
          by: a.by_name,
          detail: a.detail,
        })),
        // "Away — covered by …": names only, never a reason or anything about the PSP's health.
        away,
      };
    },
  };
}

export type HuddlesService = ReturnType<typeof createHuddlesService>;
