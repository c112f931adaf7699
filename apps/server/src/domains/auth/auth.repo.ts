import { and, eq, lt, ne, sql } from 'drizzle-orm';
import { queryRows, schema, type Db } from '@alongside/db';
import type { Membership, Role } from '@alongside/contracts';

const { users, sessions, memberships, organizations, programs, teams } = schema;

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** Every role the user holds, with the names needed to show them. */
export async function findMemberships(db: Db, userId: string): Promise<Membership[]> {
  const rows = await db
    .select({
      id: memberships.id,
      role: memberships.role,
      organizationId: memberships.organizationId,
      organizationName: organizations.name,
      countryCode: organizations.countryCode,
      programId: teams.programId,
      programName: programs.name,
      teamId: memberships.teamId,
      teamName: teams.name,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .leftJoin(teams, eq(teams.id, memberships.teamId))
    .leftJoin(programs, eq(programs.id, teams.programId))
    .where(eq(memberships.userId, userId))
    .orderBy(organizations.name, programs.name, teams.name);
  return rows.map((r) => ({ ...r, role: r.role as Role, countryCode: r.countryCode as Membership['countryCode'] }));
}

export async function recordFailedLogin(db: Db, userId: string, lockAfter: number, lockedUntil: Date) {
  const [row] = await db
    .update(users)
    .set({
      failedLoginCount: sql`case when ${users.failedLoginCount} + 1 >= ${lockAfter} then 0 else ${users.failedLoginCount} + 1 end`,
      lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${lockAfter} then ${lockedUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ lockedUntil: users.lockedUntil });
  return row?.lockedUntil ?? null;
}

export async function clearFailedLogins(db: Db, userId: string) {
  await db.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

export interface SessionContext {
  session: { id: string; userId: string; csrfToken: string; createdAt: Date; lastSeenAt: Date };
  user: { id: string; name: string; email: string; isPlatformAdmin: boolean };
  memberships: { id: string; role: Role; organizationId: string; programId: string | null; teamId: string | null }[];
}

/**
 * A session with its user and the user's roles, in one round trip: this runs on every request, and on a
 * busy server each round trip to the database costs more than the query itself.
 */
export async function findSessionContext(db: Db, id: string): Promise<SessionContext | undefined> {
  const [row] = await queryRows<{
    id: string;
    user_id: string;
    csrf_token: string;
    created_at: Date | string;
    last_seen_at: Date | string;
    name: string;
    email: string;
    is_platform_admin: boolean;
    memberships: SessionContext['memberships'] | string;
  }>(
    db,
    sql`SELECT s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, u.name, u.email, u.is_platform_admin,
          coalesce((SELECT json_agg(json_build_object('id', m.id, 'role', m.role, 'organizationId', m.organization_id,
                                                      'programId', t.program_id, 'teamId', m.team_id))
                    FROM memberships m LEFT JOIN teams t ON t.id = m.team_id WHERE m.user_id = u.id), '[]'::json) AS memberships
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = ${id}`,
  );
  if (!row) return undefined;
  return {
    session: { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, createdAt: new Date(row.created_at), lastSeenAt: new Date(row.last_seen_at) },
    user: { id: row.user_id, name: row.name, email: row.email, isPlatformAdmin: row.is_platform_admin },
    memberships: typeof row.memberships === 'string' ? (JSON.parse(row.memberships) as SessionContext['memberships']) : row.memberships,
  };
}

export async function touchSession(db: Db, id: string, at: Date) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every other session of the user (after a password change). */
export async function deleteOtherSessions(db: Db, userId: string, keepId: string) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)));
}

export async function deleteIdleSessions(db: Db, idleSince: Date) {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, idleSince));
}

export async function updatePassword(db: Db, userId: string, passwordHash: string, at: Date) {
  await db.update(users).set({ passwordHash, passwordChangedAt: at }).where(eq(users.id, userId));
}

export async function updateProfile(db: Db, userId: string, patch: { language?: string; name?: string }) {
  await db.update(users).set(patch).where(eq(users.id, userId));
}
