import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@alongside/db';
import { PSP_ROLE } from '@alongside/contracts';

export async function findProgram(db: Db, programId: string) {
  const [row] = await queryRows<{ id: string; organization_id: string; psp_fte: number | null; k: number }>(
    db,
    sql`SELECT p.id, p.organization_id, p.psp_fte, o.privacy_threshold_k AS k
        FROM programs p JOIN organizations o ON o.id = p.organization_id WHERE p.id = ${programId}`,
  );
  return row;
}

/** The program's teams with their number of peer support workers (staffing, not personal data). */
export async function teamHeadcounts(db: Db, programId: string) {
  return queryRows<{ id: string; name: string; psps: number }>(
    db,
    sql`SELECT t.id, t.name,
          (SELECT count(DISTINCT m.user_id)::int FROM memberships m WHERE m.team_id = t.id AND m.role = ${PSP_ROLE}) AS psps
        FROM teams t WHERE t.program_id = ${programId}
        ORDER BY t.name, t.id`,
  );
}

/**
 * Current PSPs of the program who were in post at `end`, with whether they had then been in post 12 months and
 * whether they had a supervision session in the 30 days before `end`. Only the counts leave the service.
 */
export async function pspFigures(db: Db, programId: string, end: Date) {
  const [row] = await queryRows<{ psps: number; retained: number; supervised: number }>(
    db,
    sql`WITH psp AS (
          SELECT m.user_id, min(m.created_at) AS since
          FROM memberships m JOIN teams t ON t.id = m.team_id
          WHERE t.program_id = ${programId} AND m.role = ${PSP_ROLE}
          GROUP BY m.user_id
          HAVING min(m.created_at) < ${end}
        )
        SELECT count(*)::int AS psps,
          (count(*) FILTER (WHERE since <= ${end}::timestamptz - interval '12 months'))::int AS retained,
          (count(*) FILTER (WHERE EXISTS (
            SELECT 1 FROM supervision_sessions x
            WHERE x.psp_id = psp.user_id AND x.held_at >= ${end}::timestamptz - interval '30 days' AND x.held_at < ${end}
          )))::int AS supervised
        FROM psp`,
  );
  return row!;
}

/** Step-aways in the program's teams that may overlap [from, to): dates only, for counting days. */
export async function stepAwaySpans(db: Db, programId: string, from: string, to: string) {
  return queryRows<{ user_id: string; starts_on: string; returned_at: Date | string | null }>(
    db,
    sql`SELECT s.user_id, s.starts_on::text AS starts_on, s.returned_at
        FROM step_aways s JOIN teams t ON t.id = s.team_id
        WHERE t.program_id = ${programId} AND s.starts_on < ${to}::date
          AND (s.returned_at IS NULL OR s.returned_at >= ${from}::date)`,
  );
}

/** Distinct peer support workers across the program's teams. */
export async function programHeadcount(db: Db, programId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(DISTINCT m.user_id)::int AS n FROM memberships m JOIN teams t ON t.id = m.team_id
        WHERE t.program_id = ${programId} AND m.role = ${PSP_ROLE}`,
  );
  return row!.n;
}
