import { and, eq, lt, ne, sql } from 'drizzle-orm';
import { schema, type Db } from '@alongside/db';
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

function sessionContextQuery(db: Db) {
  return db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      name: users.name,
      email: users.email,
      isPlatformAdmin: users.isPlatformAdmin,
      memberships: sql<SessionContext['memberships'] | string>`coalesce((
        SELECT json_agg(json_build_object('id', m.id, 'role', m.role, 'organizationId', m.organization_id,
                                          'programId', t.program_id, 'teamId', m.team_id))
        FROM memberships m LEFT JOIN teams t ON t.id = m.team_id WHERE m.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('session_context');
}
const preparedSessionQueries = new WeakMap<Db, ReturnType<typeof sessionContextQuery>>();

/**
 * A session with its user and the user's roles, in one prepared round trip: this runs on every request, and on
 * a busy server each round trip to the database costs more than the query itself.
 */
export async function findSessionContext(db: Db, id: string): Promise<SessionContext | undefined> {
  let query = preparedSessionQueries.get(db);
  if (!query) preparedSessionQueries.set(db, (query = sessionContextQuery(db)));
  const [row] = await query.execute({ id });
  if (!row) return undefined;
  return {
    session: { id: row.id, userId: row.userId, csrfToken: row.csrfToken, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt },
    user: { id: row.userId, name: row.name, email: row.email, isPlatformAdmin: row.isPlatformAdmin },
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
