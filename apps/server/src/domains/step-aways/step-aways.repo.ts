import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, schema, type Db } from '@alongside/db';
import { isUniqueViolation } from '../../lib/errors.ts';

const { stepAways, stepAwayCoverage, personPsps, persons } = schema;

export type StepAwayRow = typeof stepAways.$inferSelect;

export interface StepAwayListRow {
  id: string;
  user_id: string;
  user_name: string;
  team_id: string;
  organization_id: string;
  starts_on: string;
  ends_on: string | null;
  started_by: string;
  started_by_name: string;
  agreement_method: string | null;
  return_plan: unknown;
  returned_at: Date | string | null;
  created_at: Date | string;
  version: number;
}

/**
 * Step-aways the reader may know of: their own, and those in teams where they are peer staff
 * (`peerTeamIds`). Clinicians and managers never reach this list.
 */
export async function findStepAways(
  db: Db,
  reader: { userId: string; peerTeamIds: string[] },
  filter: { id?: string; teamId?: string; active?: boolean },
): Promise<StepAwayListRow[]> {
  const inPeerTeams =
    reader.peerTeamIds.length > 0
      ? sql`s.team_id IN (${sql.join(
          reader.peerTeamIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql`false`;
  const conditions: SQL[] = [sql`(s.user_id = ${reader.userId} OR ${inPeerTeams})`];
  if (filter.id) conditions.push(sql`s.id = ${filter.id}`);
  if (filter.teamId) conditions.push(sql`s.team_id = ${filter.teamId}`);
  if (filter.active) conditions.push(sql`s.returned_at IS NULL`);
  return queryRows<StepAwayListRow>(
    db,
    sql`SELECT s.id, s.user_id, u.name AS user_name, s.team_id, s.organization_id, s.starts_on::text AS starts_on,
          s.ends_on::text AS ends_on, s.started_by, b.name AS started_by_name, s.agreement_method, s.return_plan,
          s.returned_at, s.created_at, s.version
        FROM step_aways s JOIN users u ON u.id = s.user_id JOIN users b ON b.id = s.started_by
        WHERE ${sql.join(conditions, sql` AND `)}
        ORDER BY s.returned_at IS NULL DESC, s.starts_on DESC, s.id
        LIMIT 200`,
  );
}

export interface CoverageRow {
  step_away_id: string;
  person_id: string;
  person_name: string;
  covering_user_id: string;
  covering_name: string;
  handover_note: string;
  handed_back_at: Date | string | null;
  hand_back_note: string | null;
  open_voice_items: number;
  pending_connections: number;
}

export async function findCoverage(db: Db, stepAwayIds: string[]): Promise<CoverageRow[]> {
  if (stepAwayIds.length === 0) return [];
  return queryRows<CoverageRow>(
    db,
    sql`SELECT c.step_away_id, c.person_id, p.preferred_name AS person_name, c.covering_user_id, u.name AS covering_name,
          c.handover_note, c.handed_back_at, c.hand_back_note,
          (SELECT count(*)::int FROM voice_items v WHERE v.person_id = c.person_id AND v.status IN ('open', 'acknowledged', 'answered')) AS open_voice_items,
          (SELECT count(*)::int FROM connections n WHERE n.person_id = c.person_id AND n.status IN ('proposed', 'accepted', 'met')) AS pending_connections
        FROM step_away_coverage c JOIN persons p ON p.id = c.person_id JOIN users u ON u.id = c.covering_user_id
        WHERE c.step_away_id IN (${sql.join(
          stepAwayIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        ORDER BY p.preferred_name, p.id`,
  );
}

/** Persons (not archived) of the team for whom the user is the primary PSP: the caseload to cover. */
export async function findPrimaryCaseload(db: Db, teamId: string, userId: string): Promise<{ id: string }[]> {
  return db
    .select({ id: persons.id })
    .from(personPsps)
    .innerJoin(persons, eq(persons.id, personPsps.personId))
    .where(
      and(
        eq(personPsps.userId, userId),
        eq(personPsps.isPrimary, true),
        eq(persons.teamId, teamId),
        isNull(persons.archivedAt),
      ),
    );
}

/** Users among `userIds` who are away now (a step-away not returned from), in any team or only in `teamId`. */
export async function findAwayUserIds(db: Db, userIds: string[], teamId?: string): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ userId: stepAways.userId })
    .from(stepAways)
    .where(
      and(
        inArray(stepAways.userId, userIds),
        isNull(stepAways.returnedAt),
        teamId === undefined ? undefined : eq(stepAways.teamId, teamId),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

/** The partial unique index that allows one step-away not returned from per PSP and team (migration 0004). */
const OPEN_STEP_AWAY_INDEX = 'step_aways_open';

/**
 * Inserts a step-away; undefined when the PSP already has one not returned from in the team — found by the unique
 * index when two requests passed the service's check at the same moment. The transaction must then end.
 */
export async function insertStepAway(
  db: Db,
  values: typeof stepAways.$inferInsert,
): Promise<{ id: string } | undefined> {
  try {
    const [row] = await db.insert(stepAways).values(values).returning({ id: stepAways.id });
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, OPEN_STEP_AWAY_INDEX)) return undefined;
    throw error;
  }
}

export async function insertCoverage(db: Db, rows: (typeof stepAwayCoverage.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(stepAwayCoverage).values(rows);
}

export async function markReturned(
  db: Db,
  id: string,
  version: number,
  values: { returnedAt: Date; returnPlan: unknown },
) {
  const [row] = await db
    .update(stepAways)
    .set({ ...values, version: sql`${stepAways.version} + 1` })
    .where(and(eq(stepAways.id, id), eq(stepAways.version, version), isNull(stepAways.returnedAt)))
    .returning({ id: stepAways.id });
  return row;
}

/** Closes the open coverage of a step-away; each person handed back with their note (or none). */
export async function closeCoverage(db: Db, stepAwayId: string, at: Date, notes: Map<string, string>) {
  const open = await db
    .select({ id: stepAwayCoverage.id, personId: stepAwayCoverage.personId })
    .from(stepAwayCoverage)
    .where(and(eq(stepAwayCoverage.stepAwayId, stepAwayId), isNull(stepAwayCoverage.handedBackAt)));
  for (const c of open) {
    await db
      .update(stepAwayCoverage)
      .set({ handedBackAt: at, handBackNote: notes.get(c.personId) || null })
      .where(eq(stepAwayCoverage.id, c.id));
  }
  return open.length;
}

/** Who is away in a team today, and who covers them — names only, for the team board. */
export async function findAwayInTeam(db: Db, teamId: string, today: string) {
  return queryRows<{ id: string; name: string; covered_by: string | null }>(
    db,
    sql`SELECT u.id, u.name,
          (SELECT string_agg(DISTINCT cu.name, ', ') FROM step_away_coverage c JOIN users cu ON cu.id = c.covering_user_id
            WHERE c.step_away_id = s.id AND c.handed_back_at IS NULL) AS covered_by
        FROM step_aways s JOIN users u ON u.id = s.user_id
        WHERE s.team_id = ${teamId} AND s.returned_at IS NULL AND s.starts_on <= ${today}::date
        ORDER BY u.name, u.id`,
  );
}
