import { eq, sql } from 'drizzle-orm';
import { queryRows, schema, type Db } from '@alongside/db';
import { PSP_ROLE } from '@alongside/contracts';

/** A half-open period [from, to) of whole months (UTC). */
export interface Period {
  from: Date;
  to: Date;
}

/**
 * Figures come twice from one query (GROUPING SETS): for each month of the period (`month` YYYY-MM) and for the
 * whole period (`month` null). The months' people counts let the service withhold a period that has a small month.
 */
export type ByMonth<T> = (T & { month: string | null })[];

const MONTH = (column: string) => sql.raw(`to_char(date_trunc('month', ${column} AT TIME ZONE 'UTC'), 'YYYY-MM')`);

export async function findProgramWithK(db: Db, programId: string) {
  const [row] = await db
    .select({
      id: schema.programs.id,
      name: schema.programs.name,
      organizationId: schema.programs.organizationId,
      voiceAnswerTargetDays: schema.programs.voiceAnswerTargetDays,
      k: schema.organizations.privacyThresholdK,
    })
    .from(schema.programs)
    .innerJoin(schema.organizations, eq(schema.organizations.id, schema.programs.organizationId))
    .where(eq(schema.programs.id, programId));
  return row;
}

export interface ContactFigures {
  people: number;
  contacts: number;
  minutes: number;
}

export async function contactFigures(db: Db, programId: string, p: Period): Promise<ByMonth<ContactFigures>> {
  return queryRows(
    db,
    sql`SELECT ${MONTH('occurred_at')} AS month, count(DISTINCT person_id)::int AS people, count(*)::int AS contacts,
          coalesce(sum(duration_minutes), 0)::int AS minutes
        FROM contacts WHERE program_id = ${programId} AND occurred_at >= ${p.from} AND occurred_at < ${p.to}
        GROUP BY GROUPING SETS ((1), ())`,
  );
}

export async function activityFigures(db: Db, programId: string, p: Period) {
  return queryRows<{ month: string | null; activity: string; contacts: number; people: number }>(
    db,
    sql`SELECT ${MONTH('c.occurred_at')} AS month, a AS activity, count(*)::int AS contacts, count(DISTINCT c.person_id)::int AS people
        FROM contacts c CROSS JOIN LATERAL unnest(c.activities) AS a
        WHERE c.program_id = ${programId} AND c.occurred_at >= ${p.from} AND c.occurred_at < ${p.to}
        GROUP BY GROUPING SETS ((1, a), (a))`,
  );
}

export interface VoiceFigures {
  shared: number;
  people: number;
  /** Items that were answered, or whose due date has passed (by now). */
  due: number;
  on_time: number;
  answered: number;
  returned: number;
  median_days: number | null;
}

/**
 * Voice items shared in the period, followed up to now (answers may come after the period ends). An item withdrawn
 * before it was answered leaves the loop and is not counted; "on time" means answered by its due date; an item still
 * unanswered past its due date counts as late — judged against now, as answers are, so that an overdue item of a past
 * period is not dropped from its denominator only to reappear as late once it is answered.
 */
export async function voiceFigures(db: Db, programId: string, p: Period, now: Date): Promise<ByMonth<VoiceFigures>> {
  const cutoff = now;
  return queryRows(
    db,
    sql`SELECT ${MONTH('shared_at')} AS month, count(*)::int AS shared, count(DISTINCT person_id)::int AS people,
          count(*) FILTER (WHERE answered_at IS NOT NULL OR due_at < ${cutoff})::int AS due,
          count(*) FILTER (WHERE answered_at IS NOT NULL AND answered_at <= due_at)::int AS on_time,
          count(*) FILTER (WHERE answered_at IS NOT NULL)::int AS answered,
          count(*) FILTER (WHERE returned_at IS NOT NULL)::int AS returned,
          (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - shared_at) / 86400)
            FILTER (WHERE answered_at IS NOT NULL))::float8 AS median_days
        FROM voice_items
        WHERE program_id = ${programId} AND share_agreed AND shared_at >= ${p.from} AND shared_at < ${p.to}
          AND NOT (withdrawn_at IS NOT NULL AND answered_at IS NULL)
        GROUP BY GROUPING SETS ((1), ())`,
  );
}

export async function connectionFigures(db: Db, programId: string, p: Period) {
  return queryRows<{ month: string | null; made: number; people: number; completed: number }>(
    db,
    sql`SELECT ${MONTH('created_at')} AS month, count(*)::int AS made, count(DISTINCT person_id)::int AS people,
          count(*) FILTER (WHERE status = 'completed')::int AS completed
        FROM connections
        WHERE program_id = ${programId} AND direction = 'from_peer_support' AND created_at >= ${p.from} AND created_at < ${p.to}
        GROUP BY GROUPING SETS ((1), ())`,
  );
}

export async function referralFigures(db: Db, programId: string, p: Period) {
  return queryRows<{ month: string | null; profession: string; referrals: number; people: number }>(
    db,
    sql`SELECT ${MONTH('created_at')} AS month, coalesce(referrer_role, 'unknown') AS profession, count(*)::int AS referrals,
          count(DISTINCT person_id)::int AS people
        FROM connections
        WHERE program_id = ${programId} AND direction = 'to_peer_support' AND created_at >= ${p.from} AND created_at < ${p.to}
        GROUP BY GROUPING SETS ((1, 2), (2))`,
  );
}

/** PSP seats at huddles: attended / (huddles × the team's PSPs). */
export async function huddleAttendance(db: Db, programId: string, p: Period) {
  const [row] = await queryRows<{ huddles: number; attended: number; seats: number }>(
    db,
    sql`SELECT count(*)::int AS huddles, coalesce(sum(attended), 0)::int AS attended, coalesce(sum(seats), 0)::int AS seats
        FROM (
          SELECT (SELECT count(*) FROM huddle_attendees a WHERE a.huddle_id = h.id AND a.role = ${PSP_ROLE}) AS attended,
                 (SELECT count(*) FROM memberships m WHERE m.team_id = h.team_id AND m.role = ${PSP_ROLE}) AS seats
          FROM huddles h
          WHERE h.program_id = ${programId} AND h.held_at >= ${p.from} AND h.held_at < ${p.to}
        ) x`,
  );
  return row!;
}

export async function monthlyTrend(db: Db, programId: string, p: Period, now: Date) {
  return queryRows<{
    month: string;
    people: number;
    contacts: number;
    voice_people: number;
    voice_due: number;
    voice_on_time: number;
  }>(
    db,
    sql`WITH months AS (
          SELECT m::date AS month FROM generate_series(date_trunc('month', ${p.from}::timestamptz AT TIME ZONE 'UTC'),
                                                        ${p.to}::timestamptz AT TIME ZONE 'UTC' - interval '1 microsecond', interval '1 month') m
        ), c AS (
          SELECT date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date AS month, count(DISTINCT person_id)::int AS people, count(*)::int AS contacts
          FROM contacts WHERE program_id = ${programId} AND occurred_at >= ${p.from} AND occurred_at < ${p.to} GROUP BY 1
        ), v AS (
          SELECT date_trunc('month', shared_at AT TIME ZONE 'UTC')::date AS month, count(DISTINCT person_id)::int AS voice_people,
                 count(*) FILTER (WHERE answered_at IS NOT NULL OR due_at < ${now})::int AS voice_due,
                 count(*) FILTER (WHERE answered_at IS NOT NULL AND answered_at <= due_at)::int AS voice_on_time
          FROM voice_items
          WHERE program_id = ${programId} AND share_agreed AND shared_at >= ${p.from} AND shared_at < ${p.to}
            AND NOT (withdrawn_at IS NOT NULL AND answered_at IS NULL)
          GROUP BY 1
        )
        SELECT to_char(months.month, 'YYYY-MM') AS month, coalesce(c.people, 0) AS people, coalesce(c.contacts, 0) AS contacts,
               coalesce(v.voice_people, 0) AS voice_people, coalesce(v.voice_due, 0) AS voice_due, coalesce(v.voice_on_time, 0) AS voice_on_time
        FROM months LEFT JOIN c USING (month) LEFT JOIN v USING (month)
        ORDER BY months.month`,
  );
}
