import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, schema, type Db } from '@alongside/db';
import { inTeams, personVisible, type CareScope } from '../../lib/care-access.ts';

const { persons, personPsps, consentRecords, users } = schema;

export type PersonRow = typeof persons.$inferSelect;

export async function findPerson(db: Db, scope: CareScope, id: string): Promise<PersonRow | undefined> {
  const [person] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.id, id), isNull(persons.archivedAt), personVisible(scope, 'persons')));
  return person;
}

/** Locks the person row for a consent change or an item written against its consent state. */
export async function lockPerson(db: Db, id: string): Promise<PersonRow | undefined> {
  const [person] = await db.select().from(persons).where(eq(persons.id, id)).for('update');
  return person;
}

export interface PersonListRow {
  id: string;
  organization_id: string;
  team_id: string;
  program_id: string;
  preferred_name: string;
  pronouns: string | null;
  external_id: string | null;
  language: string;
  share_with_care_team: string;
  research_use: boolean;
  lockbox: boolean;
  created_at: Date | string;
  version: number;
  last_contact_at: Date | string | null;
  open_voice_items: number;
  pending_connections: number;
}

/**
 * Persons with their caseload summary. The counts follow the reader's tier: peer staff count every open
 * item, clinicians only those shared with them.
 */
export async function findPersons(
  db: Db,
  scope: CareScope,
  filter: { teamId?: string; ids?: string[]; pspId?: string; q?: string },
): Promise<PersonListRow[]> {
  const readAsClinician = inTeams('p', scope.clinician);
  const conditions: SQL[] = [sql`p.archived_at IS NULL`, personVisible(scope)];
  if (filter.teamId) conditions.push(sql`p.team_id = ${filter.teamId}`);
  if (filter.ids)
    conditions.push(
      filter.ids.length > 0
        ? sql`p.id IN (${sql.join(
            filter.ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
        : sql`false`,
    );
  // My caseload: persons I walk alongside, and persons I cover while their PSP is away (open step-away coverage).
  if (filter.pspId) {
    conditions.push(sql`(EXISTS (SELECT 1 FROM person_psps pp WHERE pp.person_id = p.id AND pp.user_id = ${filter.pspId})
      OR EXISTS (SELECT 1 FROM step_away_coverage sc WHERE sc.person_id = p.id AND sc.covering_user_id = ${filter.pspId} AND sc.handed_back_at IS NULL))`);
  }
  if (filter.q) conditions.push(sql`(p.preferred_name ILIKE ${`%${filter.q}%`} OR p.external_id = ${filter.q})`);
  return queryRows<PersonListRow>(
    db,
    sql`SELECT p.id, p.organization_id, p.team_id, p.program_id, p.preferred_name, p.pronouns, p.external_id, p.language,
          p.share_with_care_team, p.research_use, p.lockbox, p.created_at, p.version,
          CASE WHEN NOT ${readAsClinician} OR p.share_with_care_team <> 'none'
            THEN (SELECT max(c.occurred_at) FROM contacts c WHERE c.person_id = p.id) END AS last_contact_at,
          (SELECT count(*)::int FROM voice_items v
            WHERE v.person_id = p.id AND v.status IN ('open', 'acknowledged', 'answered')
              AND (NOT ${readAsClinician} OR (v.share_agreed AND p.share_with_care_team <> 'none'))) AS open_voice_items,
          (SELECT count(*)::int FROM connections n WHERE n.person_id = p.id AND n.status IN ('proposed', 'accepted', 'met')) AS pending_connections
        FROM persons p
        WHERE ${sql.join(conditions, sql` AND `)}
        ORDER BY p.preferred_name, p.id
        LIMIT 500`,
  );
}

export async function findPsps(db: Db, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({ personId: personPsps.personId, id: users.id, name: users.name, isPrimary: personPsps.isPrimary })
    .from(personPsps)
    .innerJoin(users, eq(users.id, personPsps.userId))
    .where(inArray(personPsps.personId, personIds))
    .orderBy(sql`${personPsps.isPrimary} DESC`, users.name);
}

/** Who covers each person now (open step-away coverage). */
export async function findCovering(db: Db, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectDistinct({ personId: schema.stepAwayCoverage.personId, id: users.id, name: users.name })
    .from(schema.stepAwayCoverage)
    .innerJoin(users, eq(users.id, schema.stepAwayCoverage.coveringUserId))
    .where(and(inArray(schema.stepAwayCoverage.personId, personIds), isNull(schema.stepAwayCoverage.handedBackAt)))
    .orderBy(users.name);
}

export async function insertPerson(db: Db, values: typeof persons.$inferInsert) {
  const [row] = await db.insert(persons).values(values).returning();
  return row!;
}

export async function updatePerson(db: Db, id: string, version: number, values: Partial<typeof persons.$inferInsert>) {
  const [row] = await db
    .update(persons)
    .set({ ...values, version: sql`${persons.version} + 1` })
    .where(and(eq(persons.id, id), eq(persons.version, version)))
    .returning();
  return row;
}

export async function replacePsps(db: Db, personId: string, primaryId: string, secondaryIds: string[]) {
  await db.delete(personPsps).where(eq(personPsps.personId, personId));
  const secondary = [...new Set(secondaryIds)].filter((id) => id !== primaryId);
  await db
    .insert(personPsps)
    .values([
      { personId, userId: primaryId, isPrimary: true },
      ...secondary.map((userId) => ({ personId, userId, isPrimary: false })),
    ]);
}

export async function insertConsent(db: Db, values: typeof consentRecords.$inferInsert) {
  const [row] = await db.insert(consentRecords).values(values).returning();
  return row!;
}

export async function findConsents(db: Db, personId: string) {
  return db
    .select({
      id: consentRecords.id,
      purpose: consentRecords.purpose,
      decision: consentRecords.decision,
      method: consentRecords.method,
      note: consentRecords.note,
      recordedAt: consentRecords.recordedAt,
      recordedById: users.id,
      recordedByName: users.name,
    })
    .from(consentRecords)
    .innerJoin(users, eq(users.id, consentRecords.recordedBy))
    .where(eq(consentRecords.personId, personId))
    .orderBy(sql`${consentRecords.recordedAt} DESC`);
}
