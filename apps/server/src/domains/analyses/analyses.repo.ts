import { desc, eq } from 'drizzle-orm';
import { schema, type Db } from '@alongside/db';

const { analyses } = schema;

export const insertAnalysis = async (db: Db, row: typeof analyses.$inferInsert) => (await db.insert(analyses).values(row).returning())[0]!;

export const findAnalysis = async (db: Db, id: string) => (await db.select().from(analyses).where(eq(analyses.id, id)))[0];

/** An owner's analyses, newest first, without their results. */
export const findOwnAnalyses = (db: Db, ownerId: string) =>
  db
    .select({ id: analyses.id, campaignId: analyses.campaignId, waveId: analyses.waveId, spec: analyses.spec, createdAt: analyses.createdAt })
    .from(analyses)
    .where(eq(analyses.ownerId, ownerId))
    .orderBy(desc(analyses.createdAt))
    .limit(200);
