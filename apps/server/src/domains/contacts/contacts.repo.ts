import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, schema, type Db } from '@alongside/db';
import type { AuditSource } from '../../lib/audit.ts';
import { inTeams, sharedAboutPersonVisible, type CareScope } from '../../lib/care-access.ts';

const { contacts, contactCorrections, users } = schema;

export interface ContactListRow {
  id: string;
  person_id: string;
  person_name: string;
  team_id: string;
  organization_id: string;
  author_id: string;
  author_name: string;
  occurred_at: Date | string;
  duration_minutes: number;
  mode: string;
  location: string;
  activities: string[];
  note: string;
  team_summary: string | null;
  summary_agreed: boolean;
  share_with_care_team: string;
  lockbox: boolean;
  created_at: Date | string;
  version: number;
}

/** Contacts of persons the scope may see, newest first. The service removes what the reader's tier may not read. */
export async function findContacts(
  db: Db,
  scope: CareScope,
  filter: { id?: string; teamId?: string; personId?: string; from?: string; to?: string; limit: number },
): Promise<ContactListRow[]> {
  const conditions: SQL[] = [sharedAboutPersonVisible(scope)];
  if (filter.id) conditions.push(sql`c.id = ${filter.id}`);
  if (filter.teamId) conditions.push(sql`c.team_id = ${filter.teamId}`);
  if (filter.personId) conditions.push(sql`c.person_id = ${filter.personId}`);
  if (filter.from) conditions.push(sql`c.occurred_at >= ${filter.from}`);
  if (filter.to) conditions.push(sql`c.occurred_at < ${filter.to}`);
  return queryRows<ContactListRow>(
    db,
    sql`SELECT c.id, c.person_id, p.preferred_name AS person_name, c.team_id, c.organization_id, c.author_id, u.name AS author_name,
          c.occurred_at, c.duration_minutes, c.mode, c.location, c.activities, c.note, c.team_summary, c.summary_agreed,
          p.share_with_care_team, p.lockbox, c.created_at, c.version
        FROM contacts c
        JOIN persons p ON p.id = c.person_id
        JOIN users u ON u.id = c.author_id
        WHERE ${sql.join(conditions, sql` AND `)}
        ORDER BY c.occurred_at DESC, c.id
        LIMIT ${filter.limit}`,
  );
}

export async function findCorrections(db: Db, contactIds: string[]) {
  if (contactIds.length === 0) return [];
  return db
    .select({
      id: contactCorrections.id,
      contactId: contactCorrections.contactId,
      authorId: users.id,
      authorName: users.name,
      note: contactCorrections.note,
      createdAt: contactCorrections.createdAt,
    })
    .from(contactCorrections)
    .innerJoin(users, eq(users.id, contactCorrections.authorId))
    .where(inArray(contactCorrections.contactId, contactIds))
    .orderBy(contactCorrections.createdAt);
}

export interface NewContact {
  personId: string;
  authorId: string;
  occurredAt: Date;
  durationMinutes: number;
  mode: string;
  location: string;
  activities: string[];
  note: string;
  teamSummary: string | null;
  summaryAgreed: boolean;
  createdAt: Date;
}

/**
 * Logs a contact in one statement: finds the person among the teams where the author is peer staff, inserts the
 * contact and its audit entry. Nothing is written, and undefined returned, when the person is not found there.
 * (Contact logging is the busiest write; each round trip to the database costs more than the work.)
 */
export async function insertContactForPerson(db: Db, peerTeamIds: string[], v: NewContact, audit: (source: AuditSource) => SQL) {
  const [row] = await queryRows<{ id: string; team_id: string; preferred_name: string }>(
    db,
    sql`WITH p AS (
          SELECT id, organization_id, program_id, team_id, preferred_name FROM persons
          WHERE id = ${v.personId} AND archived_at IS NULL AND ${inTeams('persons', peerTeamIds)}
        ), c AS (
          INSERT INTO contacts (organization_id, program_id, team_id, person_id, author_id, occurred_at, duration_minutes, mode, location,
                                activities, note, team_summary, summary_agreed, created_at)
          SELECT p.organization_id, p.program_id, p.team_id, p.id, ${v.authorId}, ${v.occurredAt}, ${v.durationMinutes}, ${v.mode}, ${v.location},
                 ${`{${v.activities.join(',')}}`}::text[], ${v.note}, ${v.teamSummary}, ${v.summaryAgreed}, ${v.createdAt}
          FROM p
          RETURNING id, organization_id, team_id
        ), a AS (${audit({ entityId: sql`c.id::text`, organizationId: sql`c.organization_id`, teamId: sql`c.team_id`, from: sql`c` })})
        SELECT c.id, c.team_id, p.preferred_name FROM c, p`,
  );
  return row;
}

export async function updateContact(db: Db, id: string, version: number, values: Partial<typeof contacts.$inferInsert>) {
  const [row] = await db
    .update(contacts)
    .set({ ...values, version: sql`${contacts.version} + 1` })
    .where(and(eq(contacts.id, id), eq(contacts.version, version)))
    .returning({ id: contacts.id });
  return row;
}

export async function insertCorrection(db: Db, values: typeof contactCorrections.$inferInsert) {
  const [row] = await db.insert(contactCorrections).values(values).returning({ id: contactCorrections.id });
  return row!;
}
