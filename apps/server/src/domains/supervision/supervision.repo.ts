import { sql, type SQL } from 'drizzle-orm';
import { queryRows, schema, type Db } from '@alongside/db';
import { SUPERVISOR_ROLES } from './supervision.policy.ts';
import { PEER_ROLES } from '@alongside/contracts';
import { roleIn } from '../../lib/care-access.ts';

const { supervisionSessions } = schema;

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** The organization where `supervisorId` works in a team where `pspId` is peer staff (and may supervise them there). */
export async function findSupervisionOrganization(
  db: Db,
  pspId: string,
  supervisorId: string,
): Promise<string | undefined> {
  const [row] = await queryRows<{ organization_id: string }>(
    db,
    sql`SELECT p.organization_id FROM memberships p
        JOIN memberships s ON s.team_id = p.team_id AND s.user_id = ${supervisorId} AND s.role IN (${list(SUPERVISOR_ROLES)})
        WHERE p.user_id = ${pspId} AND ${roleIn('p.role', PEER_ROLES)}
        LIMIT 1`,
  );
  return row?.organization_id;
}

export interface SessionRow {
  id: string;
  organization_id: string;
  psp_id: string;
  psp_name: string;
  supervisor_id: string;
  supervisor_name: string;
  held_at: Date | string;
  kind: string;
  notes: string;
  created_at: Date | string;
}

/** Sessions in which the reader is the PSP or the supervisor — the only people who may read them. */
export async function findSessions(
  db: Db,
  readerId: string,
  filter: { id?: string; pspId?: string },
): Promise<SessionRow[]> {
  const conditions: SQL[] = [sql`(x.psp_id = ${readerId} OR x.supervisor_id = ${readerId})`];
  if (filter.id) conditions.push(sql`x.id = ${filter.id}`);
  if (filter.pspId) conditions.push(sql`x.psp_id = ${filter.pspId}`);
  return queryRows<SessionRow>(
    db,
    sql`SELECT x.id, x.organization_id, x.psp_id, p.name AS psp_name, x.supervisor_id, s.name AS supervisor_name,
          x.held_at, x.kind, x.notes, x.created_at
        FROM supervision_sessions x JOIN users p ON p.id = x.psp_id JOIN users s ON s.id = x.supervisor_id
        WHERE ${sql.join(conditions, sql` AND `)}
        ORDER BY x.held_at DESC, x.id
        LIMIT 200`,
  );
}

export async function insertSession(db: Db, values: typeof supervisionSessions.$inferInsert) {
  const [row] = await db.insert(supervisionSessions).values(values).returning({ id: supervisionSessions.id });
  return row!;
}
