import type { z } from 'zod';
import type { Db, schema } from '@alongside/db';
import type { CreateVoiceItemBodySchema, ListVoiceItemsQuerySchema, VoiceItem } from '@alongside/contracts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit, writeListAudit } from '../../lib/audit.ts';
import { careTeams, careTier, consentAllowsSharing } from '../../lib/care-access.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../lib/errors.ts';
import { iso } from '../../lib/iso.ts';
import type { PersonsService } from '../persons/persons.service.ts';
import { ALLOWED_FROM, canActOnVoiceItem, type VoiceAction } from './voice-items.policy.ts';
import * as repo from './voice-items.repo.ts';

export interface VoiceItemsDeps {
  db: Db;
  clock: Clock;
  persons: Pick<PersonsService, 'getVisible'>;
}

const DAY_MS = 86_400_000;
const step = (at: Date | string | null, id: string | null, name: string | null) => (at && id ? { at: iso(at), by: { id, name: name ?? '' } } : null);

export function toVoiceItem(r: repo.VoiceItemRow, now: Date): VoiceItem {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    teamId: r.team_id,
    kind: r.kind as VoiceItem['kind'],
    words: r.words,
    context: r.context,
    writtenTogether: r.written_together,
    shareAgreed: r.share_agreed,
    status: r.status as VoiceItem['status'],
    dueAt: r.due_at ? iso(r.due_at) : null,
    isOverdue: r.due_at !== null && (r.status === 'open' || r.status === 'acknowledged') && new Date(r.due_at) < now,
    created: { at: iso(r.created_at), by: { id: r.created_by, name: r.created_by_name } },
    sharedAt: r.shared_at ? iso(r.shared_at) : null,
    acknowledged: step(r.acknowledged_at, r.acknowledged_by, r.acknowledged_by_name),
    answered: step(r.answered_at, r.answered_by, r.answered_by_name),
    answer: r.answer,
    returned: step(r.returned_at, r.returned_by, r.returned_by_name),
    reaction: r.reaction,
    withdrawn: step(r.withdrawn_at, r.withdrawn_by, r.withdrawn_by_name),
    version: r.version,
  };
}

const sharingBlocked = () =>
  new AppError(409, 'sharing_blocked', 'The person’s consent (no sharing, or a lockbox) stops items from reaching the care team. Record their new decision first.');

/** The person's own words for the team, and the loop that answers them. */
export function createVoiceItemsService({ db, clock, persons }: VoiceItemsDeps) {
  async function readOne(actor: Actor, id: string) {
    const [row] = await repo.findVoiceItems(db, careTeams(actor), { id, limit: 1 });
    if (!row) throw notFound('Voice item');
    return row;
  }

  /** Moves an item one step, checking who may, from which status, and the version. */
  async function move(actor: Actor, id: string, action: Exclude<VoiceAction, 'create'>, version: number, values: (now: Date, targetDays: number, current: repo.VoiceItemRow) => Partial<typeof schema.voiceItems.$inferInsert>) {
    const current = await readOne(actor, id);
    if (!canActOnVoiceItem(careTier(actor, current.team_id), action)) {
      throw forbidden(action === 'acknowledge' || action === 'answer' ? 'The team’s clinicians acknowledge and answer voice items.' : 'Peer staff do this with the person.');
    }
    if (!ALLOWED_FROM[action].includes(current.status)) {
      throw new AppError(409, 'invalid_transition', `A voice item that is ${current.status} cannot be ${action === 'share' ? 'shared' : `moved to ${action}`}.`);
    }
    const person = await persons.getVisible(actor, current.person_id);
    if (action === 'share' && !consentAllowsSharing(person)) throw sharingBlocked();
    if (action === 'share' && current.share_agreed) throw new AppError(409, 'invalid_transition', 'This item is already shared.');
    const now = clock.now();
    const targetDays = action === 'share' ? await repo.findTargetDays(db, person.programId) : 0;
    await db.transaction(async (tx) => {
      const updated = await repo.updateVoiceItem(tx, id, version, values(now, targetDays, current));
      if (!updated) throw versionConflict();
      await writeAudit(tx, actor, { action: `voice_item.${action}`, entityType: 'voice_item', entityId: id, organizationId: current.organization_id, purpose: 'care', details: { personId: current.person_id } });
    });
    return toVoiceItem(await readOne(actor, id), clock.now());
  }

  return {
    async list(actor: Actor, query: z.infer<typeof ListVoiceItemsQuerySchema>): Promise<VoiceItem[]> {
      const rows = await repo.findVoiceItems(db, careTeams(actor), query);
      await writeListAudit(
        db,
        actor,
        { action: 'voice_item.list', entityType: 'voice_item', purpose: 'care' },
        rows.map((r) => ({ id: r.id, organizationId: r.organization_id, personId: r.person_id })),
      );
      const now = clock.now();
      return rows.map((r) => toVoiceItem(r, now));
    },

    async get(actor: Actor, id: string): Promise<VoiceItem> {
      const row = await readOne(actor, id);
      await writeAudit(db, actor, { action: 'voice_item.read', entityType: 'voice_item', entityId: id, organizationId: row.organization_id, purpose: 'care', details: { personId: row.person_id } });
      return toVoiceItem(row, clock.now());
    },

    async create(actor: Actor, body: z.infer<typeof CreateVoiceItemBodySchema>): Promise<VoiceItem> {
      const person = await persons.getVisible(actor, body.personId);
      if (!canActOnVoiceItem(careTier(actor, person.teamId), 'create')) throw forbidden('Voice items are recorded by peer staff with the person.');
      if (body.shareAgreed && !consentAllowsSharing(person)) throw sharingBlocked();
      const now = clock.now();
      const targetDays = await repo.findTargetDays(db, person.programId);
      const id = await db.transaction(async (tx) => {
        const row = await repo.insertVoiceItem(tx, {
          organizationId: person.organizationId,
          programId: person.programId,
          teamId: person.teamId,
          personId: person.id,
          kind: body.kind,
          words: body.words,
          context: body.context || null,
          writtenTogether: body.writtenTogether,
          shareAgreed: body.shareAgreed,
          sharedAt: body.shareAgreed ? now : null,
          dueAt: body.shareAgreed ? new Date(now.getTime() + targetDays * DAY_MS) : null,
          createdBy: actor.userId,
          createdAt: now,
        });
        await writeAudit(tx, actor, {
          action: 'voice_item.create',
          entityType: 'voice_item',
          entityId: row.id,
          organizationId: person.organizationId,
          purpose: 'care',
          details: { personId: person.id, shared: body.shareAgreed },
        });
        return row.id;
      });
      return toVoiceItem(await readOne(actor, id), now);
    },

    share: (actor: Actor, id: string, version: number) =>
      move(actor, id, 'share', version, (now, days) => ({ shareAgreed: true, sharedAt: now, dueAt: new Date(now.getTime() + days * DAY_MS) })),
    acknowledge: (actor: Actor, id: string, version: number) =>
      move(actor, id, 'acknowledge', version, (now) => ({ status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: actor.userId })),
    answer: (actor: Actor, id: string, version: number, answer: string) =>
      move(actor, id, 'answer', version, (now, _days, current) => ({
        status: 'answered',
        // Answering is also seeing: an item answered straight away counts as acknowledged then.
        ...(current.acknowledged_at ? {} : { acknowledgedAt: now, acknowledgedBy: actor.userId }),
        answeredAt: now,
        answeredBy: actor.userId,
        answer,
      })),
    returnToPerson: (actor: Actor, id: string, version: number, reaction: string | undefined) =>
      move(actor, id, 'return', version, (now) => ({ status: 'returned', returnedAt: now, returnedBy: actor.userId, reaction: reaction || null })),
    withdraw: (actor: Actor, id: string, version: number) =>
      move(actor, id, 'withdraw', version, (now) => ({ status: 'withdrawn', withdrawnAt: now, withdrawnBy: actor.userId })),
  };
}

export type VoiceItemsService = ReturnType<typeof createVoiceItemsService>;
