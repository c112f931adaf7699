import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, schema, ALONGSIDE_CHECK_IN, type Db } from '@alongside/db';
import { PEER_ROLES, PEER_SUPERVISOR_ROLE } from '@alongside/contracts';
import { roleIn } from '../../lib/care-access.ts';

const { wellbeingInstruments, wellbeingPulses, wellbeingCheckIns, wellbeingNudges, wellbeingShares } = schema;

// Every per-PSP read here takes the PSP's own user id (or, for shares, the supervisor's): there is no query that
// reads another person's pulses, check-ins or nudges.

export interface InstrumentRow {
  id: string;
  organizationId: string | null;
  key: string;
  version: number;
  name: string;
  licenceStatus: string;
  attribution: string | null;
  definition: unknown;
}

const instrumentColumns = {
  id: wellbeingInstruments.id,
  organizationId: wellbeingInstruments.organizationId,
  key: wellbeingInstruments.key,
  version: wellbeingInstruments.version,
  name: wellbeingInstruments.name,
  licenceStatus: wellbeingInstruments.licenceStatus,
  attribution: wellbeingInstruments.attribution,
  definition: wellbeingInstruments.definition,
};

/** The instrument an organization's PSPs answer: the one it selected (its own or a built-in one), else Alongside's. */
export async function findOrganizationInstrument(db: Db, organizationId: string): Promise<InstrumentRow | undefined> {
  const [selected] = await queryRows<{ id: string }>(
    db,
    sql`SELECT i.id FROM organizations o JOIN wellbeing_instruments i ON i.id = o.wellbeing_instrument_id
        WHERE o.id = ${organizationId} AND (i.organization_id IS NULL OR i.organization_id = o.id)`,
  );
  if (selected) return findInstrument(db, selected.id);
  const [builtIn] = await db
    .select(instrumentColumns)
    .from(wellbeingInstruments)
    .where(and(isNull(wellbeingInstruments.organizationId), eq(wellbeingInstruments.key, ALONGSIDE_CHECK_IN.key)))
    .orderBy(desc(wellbeingInstruments.version))
    .limit(1);
  return builtIn;
}

export async function findInstrument(db: Db, id: string): Promise<InstrumentRow | undefined> {
  const [row] = await db.select(instrumentColumns).from(wellbeingInstruments).where(eq(wellbeingInstruments.id, id));
  return row;
}

export async function findUserLanguage(db: Db, userId: string): Promise<string> {
  const [row] = await db.select({ language: schema.users.language }).from(schema.users).where(eq(schema.users.id, userId));
  return row?.language ?? 'en';
}

export async function findOrganizationK(db: Db, organizationId: string): Promise<number> {
  const [row] = await db.select({ k: schema.organizations.privacyThresholdK }).from(schema.organizations).where(eq(schema.organizations.id, organizationId));
  return row?.k ?? 5;
}

// ── Own data ─────────────────────────────────────────────────────────────────────────────────────

export async function insertPulse(db: Db, values: typeof wellbeingPulses.$inferInsert) {
  const [row] = await db.insert(wellbeingPulses).values(values).returning();
  return row!;
}

export function findOwnPulses(db: Db, userId: string, limit: number) {
  return db
    .select({ id: wellbeingPulses.id, energy: wellbeingPulses.energy, load: wellbeingPulses.load, note: wellbeingPulses.note, createdAt: wellbeingPulses.createdAt })
    .from(wellbeingPulses)
    .where(eq(wellbeingPulses.userId, userId))
    .orderBy(desc(wellbeingPulses.createdAt), desc(wellbeingPulses.id))
    .limit(limit);
}

export async function insertCheckIn(db: Db, values: typeof wellbeingCheckIns.$inferInsert) {
  const [row] = await db.insert(wellbeingCheckIns).values(values).returning();
  return row!;
}

export function findOwnCheckIns(db: Db, userId: string, limit: number) {
  return db
    .select({
      id: wellbeingCheckIns.id,
      instrumentId: wellbeingCheckIns.instrumentId,
      answers: wellbeingCheckIns.answers,
      scores: wellbeingCheckIns.scores,
      createdAt: wellbeingCheckIns.createdAt,
    })
    .from(wellbeingCheckIns)
    .where(eq(wellbeingCheckIns.userId, userId))
    .orderBy(desc(wellbeingCheckIns.createdAt), desc(wellbeingCheckIns.id))
    .limit(limit);
}

/** The PSP's earlier scores on one instrument, oldest first (for the nudge rule). */
export function findOwnScores(db: Db, userId: string, instrumentId: string) {
  return db
    .select({ scores: wellbeingCheckIns.scores })
    .from(wellbeingCheckIns)
    .where(and(eq(wellbeingCheckIns.userId, userId), eq(wellbeingCheckIns.instrumentId, instrumentId)))
    .orderBy(wellbeingCheckIns.createdAt, wellbeingCheckIns.id);
}

export interface MonthRow {
  month: string;
  check_ins: number;
  /** The scores and instrument of the month's last check-in. */
  scores: Record<string, number | null> | null;
  instrument_id: string | null;
  pulses: number;
  energy_mean: number | null;
  load_mean: number | null;
}

/** One PSP's figures by calendar month (UTC) from `since`: the basis of their trend. Never notes or answers. */
export function findOwnMonths(db: Db, userId: string, since: Date): Promise<MonthRow[]> {
  return queryRows<MonthRow>(
    db,
    sql`WITH c AS (
          SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, scores, instrument_id,
                 row_number() OVER (PARTITION BY to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM') ORDER BY created_at DESC, id DESC) AS n,
                 count(*) OVER (PARTITION BY to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM')) AS total
          FROM wellbeing_check_ins WHERE user_id = ${userId} AND created_at >= ${since.toISOString()}::timestamptz
        ), p AS (
          SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*) AS pulses,
                 avg(energy)::float8 AS energy_mean, avg(load)::float8 AS load_mean
          FROM wellbeing_pulses WHERE user_id = ${userId} AND created_at >= ${since.toISOString()}::timestamptz
          GROUP BY 1
        )
        SELECT coalesce(c.month, p.month) AS month, coalesce(c.total, 0)::int AS check_ins, c.scores, c.instrument_id,
               coalesce(p.pulses, 0)::int AS pulses, p.energy_mean, p.load_mean
        FROM (SELECT * FROM c WHERE n = 1) c FULL JOIN p ON p.month = c.month
        ORDER BY 1`,
  );
}

export async function insertNudge(db: Db, values: typeof wellbeingNudges.$inferInsert) {
  const [row] = await db.insert(wellbeingNudges).values(values).returning();
  return row!;
}

export function findOwnNudges(db: Db, userId: string, filter: { id?: string; open?: boolean; limit?: number }) {
  return db
    .select()
    .from(wellbeingNudges)
    .where(
      and(
        eq(wellbeingNudges.userId, userId),
        filter.id ? eq(wellbeingNudges.id, filter.id) : undefined,
        filter.open ? isNull(wellbeingNudges.dismissedAt) : undefined,
      ),
    )
    .orderBy(desc(wellbeingNudges.createdAt), desc(wellbeingNudges.id))
    .limit(filter.limit ?? 20);
}

export async function dismissNudge(db: Db, userId: string, id: string, at: Date) {
  await db
    .update(wellbeingNudges)
    .set({ dismissedAt: at })
    .where(and(eq(wellbeingNudges.id, id), eq(wellbeingNudges.userId, userId), isNull(wellbeingNudges.dismissedAt)));
}

// ── Shares ───────────────────────────────────────────────────────────────────────────────────────

export interface ShareRow {
  id: string;
  supervisor_id: string;
  supervisor_name: string;
  created_at: Date | string;
  revoked_at: Date | string | null;
}

export function findOwnShares(db: Db, userId: string, id?: string): Promise<ShareRow[]> {
  return queryRows<ShareRow>(
    db,
    sql`SELECT s.id, s.supervisor_id, u.name AS supervisor_name, s.created_at, s.revoked_at
        FROM wellbeing_shares s JOIN users u ON u.id = s.supervisor_id
        WHERE s.user_id = ${userId} ${id ? sql`AND s.id = ${id}` : sql``}
        ORDER BY s.revoked_at IS NULL DESC, s.created_at DESC, s.id`,
  );
}

/** Peer supervisors of the teams where the PSP holds a peer role (themselves excluded). */
export function findShareCandidates(db: Db, userId: string): Promise<{ id: string; name: string }[]> {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT DISTINCT u.id, u.name
        FROM memberships mine
        JOIN memberships sup ON sup.team_id = mine.team_id AND sup.role = ${PEER_SUPERVISOR_ROLE} AND sup.user_id <> mine.user_id
        JOIN users u ON u.id = sup.user_id
        WHERE mine.user_id = ${userId} AND ${roleIn('mine.role', PEER_ROLES)}
        ORDER BY u.name, u.id`,
  );
}

export async function insertShare(db: Db, values: typeof wellbeingShares.$inferInsert) {
  const [row] = await db.insert(wellbeingShares).values(values).onConflictDoNothing().returning({ id: wellbeingShares.id });
  return row;
}

export async function revokeShare(db: Db, userId: string, id: string, at: Date) {
  await db
    .update(wellbeingShares)
    .set({ revokedAt: at })
    .where(and(eq(wellbeingShares.id, id), eq(wellbeingShares.userId, userId), isNull(wellbeingShares.revokedAt)));
}

/**
 * The PSPs who share their trend with this supervisor: active shares only, and only while the supervisor is
 * still a peer supervisor of one of the PSP's teams.
 */
export function findSharesWithSupervisor(db: Db, supervisorId: string) {
  return queryRows<{ id: string; user_id: string; user_name: string; created_at: Date | string }>(
    db,
    sql`SELECT s.id, s.user_id, u.name AS user_name, s.created_at
        FROM wellbeing_shares s JOIN users u ON u.id = s.user_id
        WHERE s.supervisor_id = ${supervisorId} AND s.revoked_at IS NULL
          AND EXISTS (
            SELECT 1 FROM memberships psp JOIN memberships sup ON sup.team_id = psp.team_id
            WHERE psp.user_id = s.user_id AND ${roleIn('psp.role', PEER_ROLES)}
              AND sup.user_id = s.supervisor_id AND sup.role = ${PEER_SUPERVISOR_ROLE})
        ORDER BY u.name, s.id`,
  );
}

// ── Aggregates ───────────────────────────────────────────────────────────────────────────────────

/**
 * For every team of an organization, each PSP's latest check-in on the instrument in the month, attributed to
 * the teams the PSP was in when answering (team_ids), never to their teams of today.
 */
export function findMonthCheckIns(db: Db, organizationId: string, instrumentId: string, start: Date, end: Date) {
  return queryRows<{ team_id: string; user_id: string; scores: Record<string, number | null> }>(
    db,
    sql`SELECT DISTINCT ON (t.team_id, c.user_id) t.team_id, c.user_id, c.scores
        FROM wellbeing_check_ins c CROSS JOIN LATERAL unnest(c.team_ids) AS t(team_id)
        WHERE c.organization_id = ${organizationId} AND c.instrument_id = ${instrumentId}
          AND c.created_at >= ${start.toISOString()}::timestamptz AND c.created_at < ${end.toISOString()}::timestamptz
        ORDER BY t.team_id, c.user_id, c.created_at DESC, c.id DESC`,
  );
}

/** For every team of an organization, each PSP's mean pulse in the month (attributed as above). */
export function findMonthPulses(db: Db, organizationId: string, start: Date, end: Date) {
  return queryRows<{ team_id: string; user_id: string; energy: number; load: number }>(
    db,
    sql`SELECT t.team_id, p.user_id, avg(p.energy)::float8 AS energy, avg(p.load)::float8 AS load
        FROM wellbeing_pulses p CROSS JOIN LATERAL unnest(p.team_ids) AS t(team_id)
        WHERE p.organization_id = ${organizationId} AND p.created_at >= ${start.toISOString()}::timestamptz AND p.created_at < ${end.toISOString()}::timestamptz
        GROUP BY t.team_id, p.user_id`,
  );
}
