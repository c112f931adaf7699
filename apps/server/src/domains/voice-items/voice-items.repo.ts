import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, schema, type Db } from '@alongside/db';
import { voiceItemVisible, type CareScope } from '../../lib/care-access.ts';

const { voiceItems } = schema;

export interface VoiceItemRow {
  id: string;
  person_id: string;
  person_name: string;
  team_id: string;
  organization_id: string;
  kind: string;
  words: string;
  context: string | null;
  written_together: boolean;
  share_agreed: boolean;
  status: string;
  due_at: Date | string | null;
  created_at: Date | string;
  created_by: string;
  created_by_name: string;
  shared_at: Date | string | null;
  acknowledged_at: Date | string | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  answered_at: Date | string | null;
  answered_by: string | null;
  answered_by_name: string | null;
  answer: string | null;
  returned_at: Date | string | null;
  returned_by: string | null;
  returned_by_name: string | null;
  reaction: string | null;
  withdrawn_at: Date | string | null;
  withdrawn_by: string | null;
  withdrawn_by_name: string | null;
  version: number;
}

export async function findVoiceItems(
  db: Db,
  scope: CareScope,
  filter: { id?: string; teamId?: string; personId?: string; status?: string; waitingForTeam?: boolean; limit?: number },
): Promise<VoiceItemRow[]> {
  const conditions: SQL[] = [voiceItemVisible(scope)];
  if (filter.id) conditions.push(sql`v.id = ${filter.id}`);
  if (filter.teamId) conditions.push(sql`v.team_id = ${filter.teamId}`);
  if (filter.personId) conditions.push(sql`v.person_id = ${filter.personId}`);
  if (filter.status) conditions.push(sql`v.status = ${filter.status}`);
  if (filter.waitingForTeam) {
    conditions.push(sql`v.share_agreed AND v.withdrawn_at IS NULL AND p.share_with_care_team <> 'none' AND NOT p.lockbox AND v.status IN ('open', 'acknowledged')`);
  }
  const name = (column: string) => sql.raw(`(SELECT name FROM users WHERE id = v.${column}) AS ${column}_name`);
  return queryRows<VoiceItemRow>(
    db,
    sql`SELECT v.id, v.person_id, p.preferred_name AS person_name, v.team_id, v.organization_id, v.kind, v.words, v.context,
          v.written_together, v.share_agreed, v.status, v.due_at, v.created_at, v.created_by, ${name('created_by')},
          v.shared_at, v.acknowledged_at, v.acknowledged_by, ${name('acknowledged_by')},
          v.answered_at, v.answered_by, ${name('answered_by')}, v.answer,
          v.returned_at, v.returned_by, ${name('returned_by')}, v.reaction,
          v.withdrawn_at, v.withdrawn_by, ${name('withdrawn_by')}, v.version
        FROM voice_items v
        JOIN persons p ON p.id = v.person_id
        WHERE ${sql.join(conditions, sql` AND `)}
        ORDER BY ${filter.waitingForTeam ? sql`v.due_at ASC NULLS LAST,` : sql``} v.created_at DESC, v.id
        LIMIT ${filter.limit ?? 200}`,
  );
}

export async function insertVoiceItem(db: Db, values: typeof voiceItems.$inferInsert) {
  const [row] = await db.insert(voiceItems).values(values).returning({ id: voiceItems.id });
  return row!;
}

export async function updateVoiceItem(db: Db, id: string, version: number, values: Partial<typeof voiceItems.$inferInsert>) {
  const [row] = await db
    .update(voiceItems)
    .set({ ...values, version: sql`${voiceItems.version} + 1` })
    .where(and(eq(voiceItems.id, id), eq(voiceItems.version, version)))
    .returning({ id: voiceItems.id });
  return row;
}

export async function findTargetDays(db: Db, programId: string): Promise<number> {
  const [row] = await db.select({ days: schema.programs.voiceAnswerTargetDays }).from(schema.programs).where(eq(schema.programs.id, programId));
  return row?.days ?? 7;
}
