import type { z } from 'zod';
import type { Db } from '@alongside/db';
import type { Contact, CreateContactBodySchema, CreateCorrectionBodySchema, ListContactsQuerySchema, UpdateContactBodySchema } from '@alongside/contracts';
import { memberTeamIds, type Actor } from '../../lib/actor.ts';
import { auditInsertFrom, writeAudit, writeListAudit } from '../../lib/audit.ts';
import { canSeeContactSummary, canSeePeerTier, careTeams, careTier } from '../../lib/care-access.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, badRequest, forbidden, notFound, versionConflict } from '../../lib/errors.ts';
import { iso } from '../../lib/iso.ts';
import type { PersonsService } from '../persons/persons.service.ts';
import * as policy from './contacts.policy.ts';
import * as repo from './contacts.repo.ts';

export interface ContactsDeps {
  db: Db;
  clock: Clock;
  persons: Pick<PersonsService, 'getVisible'>;
}

/** Peer support contacts: the note is peer-tier; the team summary follows the person's consent. */
export function createContactsService({ db, clock, persons }: ContactsDeps) {
  async function read(actor: Actor, filter: Parameters<typeof repo.findContacts>[2]): Promise<Contact[]> {
    return toContacts(actor, await repo.findContacts(db, careTeams(actor), filter));
  }

  /** The rows as the actor may read them: the note and corrections for peer staff, the summary as consent allows. */
  async function toContacts(actor: Actor, rows: repo.ContactListRow[]): Promise<Contact[]> {
    const peerIds = rows.filter((r) => canSeePeerTier(careTier(actor, r.team_id))).map((r) => r.id);
    const corrections = await repo.findCorrections(db, peerIds);
    return rows.map((r) => {
      const tier = careTier(actor, r.team_id);
      const person = { shareWithCareTeam: r.share_with_care_team, lockbox: r.lockbox };
      const createdAt = new Date(r.created_at);
      const contact: Contact = {
        id: r.id,
        personId: r.person_id,
        personName: r.person_name,
        teamId: r.team_id,
        author: { id: r.author_id, name: r.author_name },
        occurredAt: iso(r.occurred_at),
        durationMinutes: r.duration_minutes,
        mode: r.mode as Contact['mode'],
        location: r.location as Contact['location'],
        activities: r.activities as Contact['activities'],
        teamSummary: canSeeContactSummary(tier, person, { summaryAgreed: r.summary_agreed }) ? r.team_summary : null,
        editableUntil: new Date(createdAt.getTime() + policy.EDIT_WINDOW_MS).toISOString(),
        createdAt: createdAt.toISOString(),
        version: r.version,
      };
      if (canSeePeerTier(tier)) {
        contact.note = r.note;
        contact.summaryAgreed = r.summary_agreed;
        contact.corrections = corrections
          .filter((c) => c.contactId === r.id)
          .map((c) => ({ id: c.id, author: { id: c.authorId, name: c.authorName }, note: c.note, createdAt: c.createdAt.toISOString() }));
      }
      return contact;
    });
  }

  async function getOne(actor: Actor, id: string): Promise<Contact & { organizationId: string }> {
    const [row] = await repo.findContacts(db, careTeams(actor), { id, limit: 1 });
    if (!row) throw notFound('Contact');
    const [contact] = await toContacts(actor, [row]);
    return { ...contact!, organizationId: row.organization_id };
  }

  return {
    async list(actor: Actor, query: z.infer<typeof ListContactsQuerySchema>): Promise<Contact[]> {
      const rows = await repo.findContacts(db, careTeams(actor), query);
      const contacts = await toContacts(actor, rows);
      await writeListAudit(
        db,
        actor,
        { action: 'contact.list', entityType: 'contact', purpose: 'care' },
        rows.map((r) => ({ id: r.id, organizationId: r.organization_id, personId: r.person_id })),
      );
      return contacts;
    },

    async get(actor: Actor, id: string): Promise<Contact> {
      const { organizationId, ...contact } = await getOne(actor, id);
      await writeAudit(db, actor, { action: 'contact.read', entityType: 'contact', entityId: id, organizationId, purpose: 'care', details: { personId: contact.personId } });
      return contact;
    },

    async create(actor: Actor, body: z.infer<typeof CreateContactBodySchema>): Promise<Contact> {
      if (Date.parse(body.occurredAt) > clock.now().getTime() + 5 * 60_000) throw badRequest('occurredAt', 'must not be in the future');
      const values: repo.NewContact = {
        personId: body.personId,
        authorId: actor.userId,
        occurredAt: new Date(body.occurredAt),
        durationMinutes: body.durationMinutes,
        mode: body.mode,
        location: body.location,
        activities: [...new Set(body.activities)],
        note: body.note,
        teamSummary: body.teamSummary || null,
        summaryAgreed: body.summaryAgreed,
        createdAt: clock.now(),
      };
      // The statement looks for the person only in the teams where the actor may log contacts.
      const teams = memberTeamIds(actor).filter((teamId) => policy.canLogContact(careTier(actor, teamId)));
      const written = await repo.insertContactForPerson(db, teams, values, (source) =>
        auditInsertFrom(actor, { action: 'contact.create', entityType: 'contact', purpose: 'care', details: { personId: body.personId } }, source),
      );
      if (!written) {
        await persons.getVisible(actor, body.personId); // 404 when the actor may not see the person at all
        throw forbidden('Contacts are logged by the team’s peer staff.');
      }
      const person = { id: body.personId, preferredName: written.preferred_name, teamId: written.team_id };
      const id = written.id;
      // Built from what was written rather than read back: logging a contact is the busiest path.
      return {
        id,
        personId: person.id,
        personName: person.preferredName,
        teamId: person.teamId,
        author: { id: actor.userId, name: actor.name },
        occurredAt: values.occurredAt.toISOString(),
        durationMinutes: values.durationMinutes,
        mode: body.mode,
        location: body.location,
        activities: values.activities as Contact['activities'],
        note: values.note,
        corrections: [],
        teamSummary: values.teamSummary,
        summaryAgreed: values.summaryAgreed,
        editableUntil: new Date(values.createdAt.getTime() + policy.EDIT_WINDOW_MS).toISOString(),
        createdAt: values.createdAt.toISOString(),
        version: 1,
      };
    },

    async update(actor: Actor, id: string, body: z.infer<typeof UpdateContactBodySchema>): Promise<Contact> {
      const current = await getOne(actor, id);
      if (!canSeePeerTier(careTier(actor, current.teamId))) throw forbidden('Contacts are edited by their author.');
      if (current.author.id !== actor.userId) throw forbidden('Only the author can edit a contact; others can add a correction.');
      if (!policy.canEditContact(actor.userId, { authorId: current.author.id, createdAt: new Date(current.createdAt) }, clock.now())) {
        throw new AppError(409, 'edit_window_closed', 'A contact can be edited for 24 hours after it was logged. Add a correction instead.');
      }
      if (body.occurredAt && Date.parse(body.occurredAt) > clock.now().getTime() + 5 * 60_000) throw badRequest('occurredAt', 'must not be in the future');
      await db.transaction(async (tx) => {
        const { version, occurredAt, activities, teamSummary, ...rest } = body;
        const updated = await repo.updateContact(tx, id, version, {
          ...rest,
          ...(occurredAt ? { occurredAt: new Date(occurredAt) } : {}),
          ...(activities ? { activities: [...new Set(activities)] } : {}),
          ...(teamSummary !== undefined ? { teamSummary: teamSummary || null } : {}),
          updatedAt: clock.now(),
        });
        if (!updated) throw versionConflict();
        await writeAudit(tx, actor, {
          action: 'contact.update',
          entityType: 'contact',
          entityId: id,
          organizationId: current.organizationId,
          purpose: 'care',
          details: { personId: current.personId, fields: Object.keys(body).filter((k) => k !== 'version') },
        });
      });
      const [contact] = await read(actor, { id, limit: 1 });
      return contact!;
    },

    async correct(actor: Actor, id: string, body: z.infer<typeof CreateCorrectionBodySchema>): Promise<Contact> {
      const current = await getOne(actor, id);
      if (!policy.canCorrectContact(careTier(actor, current.teamId))) throw forbidden('Corrections are added by the team’s peer staff.');
      await db.transaction(async (tx) => {
        const row = await repo.insertCorrection(tx, { contactId: id, authorId: actor.userId, note: body.note, createdAt: clock.now() });
        await writeAudit(tx, actor, { action: 'contact.correct', entityType: 'contact', entityId: id, organizationId: current.organizationId, purpose: 'care', details: { correctionId: row.id } });
      });
      const [contact] = await read(actor, { id, limit: 1 });
      return contact!;
    },
  };
}

export type ContactsService = ReturnType<typeof createContactsService>;
