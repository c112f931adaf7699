import { and, eq, inArray } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { PEER_SPECIFIC_ACTIVITIES } from '@alongside/contracts';
import { queryRows, schema, type Db } from '@alongside/db';
import { PSP_ROLE } from '@alongside/contracts';

const ids = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}::uuid`),
    sql`, `,
  );

export interface WorkloadRow {
  id: string;
  name: string;
  caseload: number;
  covering: number;
  contacts: number;
  minutes: number;
  crisis: number;
  peer_minutes: number;
}

/**
 * Figures for each user in the organization (and, for a team view, only the team's persons and contacts):
 * caseload = persons not archived for whom they are a PSP or whom they cover now; contacts they wrote in the period.
 * A contact's minutes are split evenly over its activities to tell peer-specific time from the rest.
 */
export async function workloadFigures(
  db: Db,
  userIds: string[],
  scope: { organizationId: string; teamId?: string },
  period: { from: Date; to: Date },
): Promise<WorkloadRow[]> {
  if (userIds.length === 0) return [];
  const personScope = scope.teamId
    ? sql`p.team_id = ${scope.teamId}`
    : sql`p.organization_id = ${scope.organizationId}`;
  const contactScope = scope.teamId
    ? sql`c.team_id = ${scope.teamId}`
    : sql`c.organization_id = ${scope.organizationId}`;
  const peer = sql.join(
    PEER_SPECIFIC_ACTIVITIES.map((a) => sql`${a}`),
    sql`, `,
  );
  return queryRows<WorkloadRow>(
    db,
    sql`SELECT u.id, u.name,
          (SELECT count(*)::int FROM persons p WHERE ${personScope} AND p.archived_at IS NULL AND (
              EXISTS (SELECT 1 FROM person_psps pp WHERE pp.person_id = p.id AND pp.user_id = u.id)
              OR EXISTS (SELECT 1 FROM step_away_coverage sc WHERE sc.person_id = p.id AND sc.covering_user_id = u.id AND sc.handed_back_at IS NULL))) AS caseload,
          (SELECT count(DISTINCT sc.person_id)::int FROM step_away_coverage sc JOIN persons p ON p.id = sc.person_id
            WHERE sc.covering_user_id = u.id AND sc.handed_back_at IS NULL AND ${personScope} AND p.archived_at IS NULL) AS covering,
          w.contacts, w.minutes, w.crisis, w.peer_minutes
        FROM users u
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS contacts, coalesce(sum(c.duration_minutes), 0)::int AS minutes,
            (count(*) FILTER (WHERE 'crisis_support' = ANY (c.activities)))::int AS crisis,
            coalesce(sum(c.duration_minutes * (SELECT count(*) FROM unnest(c.activities) a WHERE a IN (${peer}))::float8
              / greatest(cardinality(c.activities), 1)), 0)::float8 AS peer_minutes
          FROM contacts c
          WHERE c.author_id = u.id AND ${contactScope} AND c.occurred_at >= ${period.from} AND c.occurred_at < ${period.to}
        ) w
        WHERE u.id IN (${ids(userIds)})
        ORDER BY u.name, u.id`,
  );
}

export async function findOrganization(db: Db, id: string) {
  const [row] = await db.select().from(schema.organizations).where(eq(schema.organizations.id, id));
  return row;
}

/** Peer support workers of the given teams, with the organization of their team there. */
export async function findPsps(db: Db, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return db
    .select({
      userId: schema.memberships.userId,
      teamId: schema.memberships.teamId,
      organizationId: schema.memberships.organizationId,
    })
    .from(schema.memberships)
    .where(and(inArray(schema.memberships.teamId, teamIds), eq(schema.memberships.role, PSP_ROLE)));
}
