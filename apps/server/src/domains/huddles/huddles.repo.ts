import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, schema, type Db } from '@alongside/db';
import { personVisible, sharedAboutPersonVisible, voiceItemVisible, type CareScope } from '../../lib/care-access.ts';
import { PSP_ROLE } from '@alongside/contracts';

const { huddles, huddleAttendees, huddleItems, users, memberships, teams, programs } = schema;

export interface HuddleItemRow {
  id: string;
  huddle_id: string | null;
  voice_item_id: string | null;
  connection_id: string | null;
  topic: string | null;
  /** Person name and item kind, only when the reader may see the item; otherwise null. */
  person_name: string | null;
  item_kind: string | null;
  added_by: string;
  added_by_name: string;
  added_at: Date | string;
}

/**
 * Agenda items of a team. An item pointing at a voice item or connection the reader may not see keeps
 * only its existence ("an item from peer support"), never its content.
 */
export async function findItems(db: Db, scope: CareScope, teamId: string, filter: { huddleIds?: string[]; undiscussed?: boolean }) {
  const where = [sql`i.team_id = ${teamId}`];
  if (filter.undiscussed) where.push(sql`i.huddle_id IS NULL`);
  if (filter.huddleIds) where.push(filter.huddleIds.length > 0 ? sql`i.huddle_id IN (${sql.join(filter.huddleIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`);
  return queryRows<HuddleItemRow>(
    db,
    sql`SELECT i.id, i.huddle_id, i.voice_item_id, i.connection_id, i.topic,
          COALESCE(vi.person_name, ci.person_name) AS person_name, COALESCE(vi.kind, ci.kind) AS item_kind,
          i.added_by, u.name AS added_by_name, i.created_at AS added_at
        FROM huddle_items i JOIN users u ON u.id = i.added_by
        LEFT JOIN LATERAL (SELECT p.preferred_name AS person_name, v.kind FROM voice_items v JOIN persons p ON p.id = v.person_id
                           WHERE v.id = i.voice_item_id AND ${voiceItemVisible(scope)}) vi ON true
        LEFT JOIN LATERAL (SELECT p.preferred_name AS person_name, n.direction AS kind FROM connections n JOIN persons p ON p.id = n.person_id
                           WHERE n.id = i.connection_id AND ${personVisible(scope)}) ci ON true
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY i.created_at, i.id`,
  );
}

/** The team and its program's answer target for voice items (the board's heading) in one query. */
export async function findTeamWithTargetDays(db: Db, teamId: string) {
  const [team] = await db
    .select({ id: teams.id, name: teams.name, programId: teams.programId, organizationId: teams.organizationId, voiceAnswerTargetDays: programs.voiceAnswerTargetDays })
    .from(teams)
    .innerJoin(programs, eq(programs.id, teams.programId))
    .where(eq(teams.id, teamId));
  return team;
}

export async function findHuddles(db: Db, teamId: string, limit = 50) {
  return db
    .select({ id: huddles.id, teamId: huddles.teamId, heldAt: huddles.heldAt, decisions: huddles.decisions, createdById: users.id, createdByName: users.name })
    .from(huddles)
    .innerJoin(users, eq(users.id, huddles.createdBy))
    .where(eq(huddles.teamId, teamId))
    .orderBy(desc(huddles.heldAt))
    .limit(limit);
}

export async function findAttendees(db: Db, huddleIds: string[]) {
  if (huddleIds.length === 0) return [];
  return db
    .select({ huddleId: huddleAttendees.huddleId, id: users.id, name: users.name, role: huddleAttendees.role })
    .from(huddleAttendees)
    .innerJoin(users, eq(users.id, huddleAttendees.userId))
    .where(inArray(huddleAttendees.huddleId, huddleIds))
    .orderBy(users.name);
}

/** Members of the team with their (first) role there. */
export async function findTeamRoles(db: Db, teamId: string): Promise<Map<string, string>> {
  const rows = await db.select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(eq(memberships.teamId, teamId));
  const roles = new Map<string, string>();
  for (const r of rows) if (!roles.has(r.userId) || r.role === PSP_ROLE) roles.set(r.userId, r.role);
  return roles;
}

export async function insertHuddle(db: Db, values: typeof huddles.$inferInsert) {
  const [row] = await db.insert(huddles).values(values).returning({ id: huddles.id });
  return row!;
}

export async function insertAttendees(db: Db, rows: (typeof huddleAttendees.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(huddleAttendees).values(rows);
}

/** Marks undiscussed agenda items of the team as discussed in this huddle; returns how many. */
export async function attachItems(db: Db, teamId: string, huddleId: string, itemIds: string[]): Promise<number> {
  if (itemIds.length === 0) return 0;
  const rows = await db
    .update(huddleItems)
    .set({ huddleId })
    .where(and(eq(huddleItems.teamId, teamId), isNull(huddleItems.huddleId), inArray(huddleItems.id, itemIds)))
    .returning({ id: huddleItems.id });
  return rows.length;
}

export async function insertItem(db: Db, values: typeof huddleItems.$inferInsert) {
  const [row] = await db.insert(huddleItems).values(values).returning({ id: huddleItems.id });
  return row!;
}

export interface ActivityRow {
  kind: string;
  at: Date | string;
  person_id: string;
  person_name: string;
  by_name: string;
  detail: string | null;
}

/**
 * Recent team activity the reader may see: who did what, for whom — never note text. Each source keeps only its
 * newest `limit` rows, and a voice item is read once for its three moments (shared, answered, returned): on PGlite
 * this query was the board's most expensive.
 */
export async function findRecentActivity(db: Db, scope: CareScope, teamId: string, since: Date, limit = 20): Promise<ActivityRow[]> {
  return queryRows<ActivityRow>(
    db,
    sql`SELECT * FROM (
          (SELECT 'contact' AS kind, c.occurred_at AS at, p.id AS person_id, p.preferred_name AS person_name, u.name AS by_name, c.mode AS detail
            FROM contacts c JOIN persons p ON p.id = c.person_id JOIN users u ON u.id = c.author_id
            WHERE c.team_id = ${teamId} AND c.occurred_at >= ${since} AND ${sharedAboutPersonVisible(scope)}
            ORDER BY c.occurred_at DESC
            LIMIT ${limit})
          UNION ALL
          (SELECT m.kind, m.at, p.id, p.preferred_name, u.name, v.kind
            FROM voice_items v JOIN persons p ON p.id = v.person_id
            CROSS JOIN LATERAL (VALUES ('voice_shared', v.shared_at, v.created_by), ('voice_answered', v.answered_at, v.answered_by),
                                       ('voice_returned', v.returned_at, v.returned_by)) AS m(kind, at, by_id)
            JOIN users u ON u.id = m.by_id
            WHERE v.team_id = ${teamId} AND m.at >= ${since} AND ${voiceItemVisible(scope)}
            ORDER BY m.at DESC
            LIMIT ${limit})
          UNION ALL
          (SELECT 'connection', e.created_at, p.id, p.preferred_name, u.name, e.status
            FROM connection_events e JOIN connections n ON n.id = e.connection_id JOIN persons p ON p.id = n.person_id JOIN users u ON u.id = e.by_user_id
            WHERE n.team_id = ${teamId} AND e.created_at >= ${since} AND ${personVisible(scope)}
            ORDER BY e.created_at DESC
            LIMIT ${limit})
        ) a
        ORDER BY at DESC
        LIMIT ${limit}`,
  );
}
