import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, schema, type Db } from '@alongside/db';
import { personVisible, type CareScope } from '../../lib/care-access.ts';
import { CLINICIAN_ROLES } from '@alongside/contracts';

const { connections, connectionEvents, users } = schema;

export interface ConnectionRow {
  id: string;
  person_id: string;
  person_name: string;
  team_id: string;
  organization_id: string;
  direction: string;
  target_user_id: string | null;
  target_name: string | null;
  service: string | null;
  warm_handoff: boolean;
  reason: string | null;
  referrer_role: string | null;
  status: string;
  person_feedback: string | null;
  share_with_care_team: string;
  created_by: string;
  created_at: Date | string;
  version: number;
}

const CONNECTION_COLUMNS = sql`n.id, n.person_id, p.preferred_name AS person_name, n.team_id, n.organization_id, n.direction,
  n.target_user_id, t.name AS target_name, n.service, n.warm_handoff, n.reason, n.referrer_role, n.status,
  n.person_feedback, p.share_with_care_team, n.created_by, n.created_at, n.version`;

export async function findConnections(
  db: Db,
  scope: CareScope,
  filter: { id?: string; teamId?: string; personId?: string; status?: string; statuses?: string[]; direction?: string; limit?: number },
): Promise<ConnectionRow[]> {
  const conditions: SQL[] = [personVisible(scope)];
  if (filter.id) conditions.push(sql`n.id = ${filter.id}`);
  if (filter.teamId) conditions.push(sql`n.team_id = ${filter.teamId}`);
  if (filter.personId) conditions.push(sql`n.person_id = ${filter.personId}`);
  if (filter.status) conditions.push(sql`n.status = ${filter.status}`);
  if (filter.statuses) conditions.push(sql`n.status IN (${sql.join(filter.statuses.map((s) => sql`${s}`), sql`, `)})`);
  if (filter.direction) conditions.push(sql`n.direction = ${filter.direction}`);
  return queryRows<ConnectionRow>(
    db,
    sql`SELECT ${CONNECTION_COLUMNS}
        FROM connections n
        JOIN persons p ON p.id = n.person_id
        LEFT JOIN users t ON t.id = n.target_user_id
        WHERE ${sql.join(conditions, sql` AND `)}
        ORDER BY n.created_at DESC, n.id
        LIMIT ${filter.limit ?? 200}`,
  );
}

/**
 * The team board's two lists in one statement: connections from peer support waiting to be accepted, and referrals to
 * peer support not yet met — the newest `limit` of each.
 */
export async function findBoardConnections(db: Db, scope: CareScope, teamId: string, limit: number): Promise<ConnectionRow[]> {
  return queryRows<ConnectionRow>(
    db,
    sql`SELECT * FROM (
          SELECT ${CONNECTION_COLUMNS}, row_number() OVER (PARTITION BY n.direction ORDER BY n.created_at DESC, n.id) AS nth
          FROM connections n
          JOIN persons p ON p.id = n.person_id
          LEFT JOIN users t ON t.id = n.target_user_id
          WHERE ${personVisible(scope)} AND n.team_id = ${teamId}
            AND ((n.direction = 'from_peer_support' AND n.status = 'proposed')
              OR (n.direction = 'to_peer_support' AND n.status IN ('proposed', 'accepted')))
        ) s
        WHERE nth <= ${limit}
        ORDER BY created_at DESC, id`,
  );
}

export async function findEvents(db: Db, connectionIds: string[]) {
  if (connectionIds.length === 0) return [];
  return db
    .select({
      connectionId: connectionEvents.connectionId,
      status: connectionEvents.status,
      at: connectionEvents.at,
      byId: users.id,
      byName: users.name,
      note: connectionEvents.note,
    })
    .from(connectionEvents)
    .innerJoin(users, eq(users.id, connectionEvents.byUserId))
    .where(inArray(connectionEvents.connectionId, connectionIds))
    .orderBy(connectionEvents.at);
}

export async function insertConnection(db: Db, values: typeof connections.$inferInsert) {
  const [row] = await db.insert(connections).values(values).returning({ id: connections.id });
  return row!;
}

export async function updateConnection(db: Db, id: string, version: number, values: Partial<typeof connections.$inferInsert>) {
  const [row] = await db
    .update(connections)
    .set({ ...values, version: sql`${connections.version} + 1` })
    .where(and(eq(connections.id, id), eq(connections.version, version)))
    .returning({ id: connections.id });
  return row;
}

export async function insertEvent(db: Db, values: typeof connectionEvents.$inferInsert) {
  await db.insert(connectionEvents).values(values);
}

/** The team's member with a clinical role (a connection target must be one). */
export async function isTeamClinician(db: Db, teamId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: schema.memberships.id })
    .from(schema.memberships)
    .where(
      and(
        eq(schema.memberships.teamId, teamId),
        eq(schema.memberships.userId, userId),
        inArray(schema.memberships.role, CLINICIAN_ROLES),
      ),
    );
  return rows.length > 0;
}
