import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { schema, type Db } from '@alongside/db';

const { users, memberships, teams, invitations, mailOutbox } = schema;

export type InvitationRow = typeof invitations.$inferSelect;

/** Users with their roles; limited to members of the given organizations unless `organizationIds` is 'all'. */
export async function findUsers(db: Db, organizationIds: string[] | 'all') {
  const inScope =
    organizationIds === 'all'
      ? undefined
      : organizationIds.length === 0
        ? sql`false`
        : inArray(users.id, db.select({ id: memberships.userId }).from(memberships).where(inArray(memberships.organizationId, organizationIds)));
  const rows = await db.select().from(users).where(inScope).orderBy(users.name);
  if (rows.length === 0) return [];
  const roles = await db
    .select({ userId: memberships.userId, role: memberships.role, teamId: memberships.teamId, teamName: teams.name, organizationId: memberships.organizationId })
    .from(memberships)
    .leftJoin(teams, eq(teams.id, memberships.teamId))
    .where(
      and(
        inArray(memberships.userId, rows.map((r) => r.id)),
        organizationIds === 'all' ? undefined : inArray(memberships.organizationId, organizationIds),
      ),
    );
  return rows.map((u) => ({ ...u, roles: roles.filter((r) => r.userId === u.id) }));
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function insertUser(db: Db, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function insertInvitation(db: Db, values: typeof invitations.$inferInsert) {
  const [row] = await db.insert(invitations).values(values).returning();
  return row!;
}

export const findInvitations = (db: Db, organizationIds: string[] | 'all') =>
  db
    .select({
      id: invitations.id,
      email: invitations.email,
      organizationId: invitations.organizationId,
      teamId: invitations.teamId,
      teamName: teams.name,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      invitedByName: users.name,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .leftJoin(teams, eq(teams.id, invitations.teamId))
    .where(organizationIds === 'all' ? undefined : organizationIds.length ? inArray(invitations.organizationId, organizationIds) : sql`false`)
    .orderBy(desc(invitations.createdAt));

export async function findInvitationByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ invitation: invitations, organizationName: schema.organizations.name, teamName: teams.name })
    .from(invitations)
    .innerJoin(schema.organizations, eq(schema.organizations.id, invitations.organizationId))
    .leftJoin(teams, eq(teams.id, invitations.teamId))
    .where(eq(invitations.tokenHash, tokenHash));
  return row;
}

/** Marks the invitation used; false when someone used it first (so one link makes one account). */
export async function markInvitationAccepted(db: Db, id: string, userId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: at, acceptedUserId: userId })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  return rows.length === 1;
}

export async function insertMembership(db: Db, values: typeof memberships.$inferInsert) {
  await db.insert(memberships).values(values).onConflictDoNothing();
}

export const findOutbox = (db: Db, organizationIds: string[] | 'all') =>
  db
    .select()
    .from(mailOutbox)
    .where(
      organizationIds === 'all'
        ? undefined
        : organizationIds.length
          ? inArray(mailOutbox.organizationId, organizationIds)
          : sql`false`,
    )
    .orderBy(desc(mailOutbox.createdAt))
    .limit(500);


/** A new password: unlocked, and every session ended. */
export async function resetPassword(db: Db, userId: string, passwordHash: string, at: Date) {
  await db.update(users).set({ passwordHash, failedLoginCount: 0, lockedUntil: null, passwordChangedAt: at }).where(eq(users.id, userId));
  await db.delete(schema.sessions).where(eq(schema.sessions.userId, userId));
}
