import { and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { schema, type Db } from '@alongside/db';
import type { StructureScope } from '../../lib/actor.ts';
import { PEER_ROLES } from '@alongside/contracts';

const { organizations, programs, teams, memberships, users, countries } = schema;

export type OrganizationRow = typeof organizations.$inferSelect;
export type ProgramRow = typeof programs.$inferSelect;
export type TeamRow = typeof teams.$inferSelect & { memberCount: number };

const none = sql`false`;
const anyOf = (column: Parameters<typeof inArray>[0], values: string[]): SQL => (values.length > 0 ? inArray(column, values) : none);

function organizationVisible(scope: StructureScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  return anyOf(organizations.id, scope.organizationIds);
}

function programVisible(scope: StructureScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  const ofMyTeams =
    scope.teamIds.length > 0
      ? inArray(programs.id, sql`(select ${teams.programId} from ${teams} where ${anyOf(teams.id, scope.teamIds)})`)
      : none;
  return or(anyOf(programs.organizationId, scope.adminOrganizationIds), ofMyTeams);
}

function teamVisible(scope: StructureScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  return or(anyOf(teams.organizationId, scope.adminOrganizationIds), anyOf(teams.id, scope.teamIds));
}

export const findCountries = (db: Db) => db.select().from(countries).orderBy(asc(countries.name));

export const findOrganizations = (db: Db, scope: StructureScope) =>
  db.select().from(organizations).where(organizationVisible(scope)).orderBy(asc(organizations.name));

export async function findOrganization(db: Db, scope: StructureScope, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(and(eq(organizations.id, id), organizationVisible(scope)));
  return row;
}

export async function insertOrganization(db: Db, values: typeof organizations.$inferInsert) {
  const [row] = await db.insert(organizations).values(values).returning();
  return row!;
}

export const findPrograms = (db: Db, scope: StructureScope, filter: { organizationId?: string }) =>
  db
    .select()
    .from(programs)
    .where(and(programVisible(scope), filter.organizationId ? eq(programs.organizationId, filter.organizationId) : undefined))
    .orderBy(asc(programs.name));

export async function findProgram(db: Db, scope: StructureScope, id: string): Promise<ProgramRow | undefined> {
  const [row] = await db.select().from(programs).where(and(eq(programs.id, id), programVisible(scope)));
  return row;
}

export async function insertProgram(db: Db, values: typeof programs.$inferInsert) {
  const [row] = await db.insert(programs).values(values).returning();
  return row!;
}

/** Updates when the version matches; undefined means someone else changed it first. */
export async function updateProgram(db: Db, id: string, version: number, patch: Partial<typeof programs.$inferInsert>) {
  const [row] = await db
    .update(programs)
    // Incremented in SQL, on the matched row only: the client's version + 1 overflows integer at its maximum.
    .set({ ...patch, version: sql`${programs.version} + 1` })
    .where(and(eq(programs.id, id), eq(programs.version, version)))
    .returning();
  return row;
}

const memberCount = sql<number>`(select count(distinct ${memberships.userId})::int from ${memberships} where ${memberships.teamId} = ${teams.id})`;

export const findTeams = (db: Db, scope: StructureScope, filter: { programId?: string; organizationId?: string }) =>
  db
    .select({
      id: teams.id,
      programId: teams.programId,
      organizationId: teams.organizationId,
      name: teams.name,
      createdAt: teams.createdAt,
      memberCount,
    })
    .from(teams)
    .where(
      and(
        teamVisible(scope),
        filter.programId ? eq(teams.programId, filter.programId) : undefined,
        filter.organizationId ? eq(teams.organizationId, filter.organizationId) : undefined,
      ),
    )
    .orderBy(asc(teams.name));

export async function findTeam(db: Db, scope: StructureScope, id: string): Promise<TeamRow | undefined> {
  const [row] = await db
    .select({
      id: teams.id,
      programId: teams.programId,
      organizationId: teams.organizationId,
      name: teams.name,
      createdAt: teams.createdAt,
      memberCount,
    })
    .from(teams)
    .where(and(eq(teams.id, id), teamVisible(scope)));
  return row;
}

export async function insertTeam(db: Db, values: typeof teams.$inferInsert) {
  const [row] = await db.insert(teams).values(values).returning();
  return { ...row!, memberCount: 0 };
}

export const findTeamMembers = (db: Db, teamId: string) =>
  db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, teamId))
    .orderBy(asc(memberships.role), asc(users.name));

export async function insertMembership(db: Db, values: typeof memberships.$inferInsert) {
  const [row] = await db.insert(memberships).values(values).returning();
  return row!;
}

export async function findMembership(db: Db, teamId: string, membershipId: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.teamId, teamId)));
  return row;
}

export async function deleteMembership(db: Db, id: string) {
  await db.delete(memberships).where(eq(memberships.id, id));
}

/** Whether a user belongs to the organization in any role (to add them to one of its teams). */
export async function isUserInOrganization(db: Db, userId: string, organizationId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId)));
  return (row?.n ?? 0) > 0;
}

/** A team by id, whoever asks (callers check access). */
export async function findTeamById(db: Db, id: string) {
  const [team] = await db.select().from(schema.teams).where(eq(schema.teams.id, id));
  return team;
}

/** Users holding a peer role in the team (for choosing PSPs). */
export async function findPeerStaffIds(db: Db, teamId: string): Promise<Set<string>> {
  const rows = await db
    .select({ userId: schema.memberships.userId })
    .from(schema.memberships)
    .where(
      and(
        eq(schema.memberships.teamId, teamId),
        inArray(schema.memberships.role, PEER_ROLES),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}
