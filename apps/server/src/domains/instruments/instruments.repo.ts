import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { schema, type Db } from '@alongside/db';

const { instruments, instrumentVersions } = schema;

export type InstrumentRow = typeof instruments.$inferSelect;
export type VersionRow = typeof instrumentVersions.$inferSelect;
type Tx = Db;

/** Every instrument with its latest version. */
export async function findInstruments(db: Tx): Promise<{ instrument: InstrumentRow; latest: VersionRow }[]> {
  const all = await db.select().from(instruments).orderBy(asc(instruments.name));
  const latest = await db
    .selectDistinctOn([instrumentVersions.instrumentId])
    .from(instrumentVersions)
    .orderBy(instrumentVersions.instrumentId, desc(instrumentVersions.number));
  const byInstrument = new Map(latest.map((v) => [v.instrumentId, v]));
  return all.flatMap((instrument) => {
    const version = byInstrument.get(instrument.id);
    return version ? [{ instrument, latest: version }] : [];
  });
}

export async function findInstrument(db: Tx, id: string): Promise<InstrumentRow | undefined> {
  const [row] = await db.select().from(instruments).where(eq(instruments.id, id));
  return row;
}

export async function findInstrumentByKey(db: Tx, key: string): Promise<InstrumentRow | undefined> {
  const [row] = await db.select().from(instruments).where(eq(instruments.key, key));
  return row;
}

export const findVersions = (db: Tx, instrumentId: string) =>
  db.select().from(instrumentVersions).where(eq(instrumentVersions.instrumentId, instrumentId)).orderBy(asc(instrumentVersions.number));

export async function findVersion(db: Tx, instrumentId: string, number: number): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(instrumentVersions)
    .where(and(eq(instrumentVersions.instrumentId, instrumentId), eq(instrumentVersions.number, number)));
  return row;
}

export async function findVersionById(db: Tx, id: string): Promise<(VersionRow & { instrument: InstrumentRow }) | undefined> {
  const [row] = await db
    .select({ version: instrumentVersions, instrument: instruments })
    .from(instrumentVersions)
    .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
    .where(eq(instrumentVersions.id, id));
  return row ? { ...row.version, instrument: row.instrument } : undefined;
}

export async function latestVersion(db: Tx, instrumentId: string): Promise<VersionRow> {
  const [row] = await db
    .select()
    .from(instrumentVersions)
    .where(eq(instrumentVersions.instrumentId, instrumentId))
    .orderBy(desc(instrumentVersions.number))
    .limit(1);
  return row!;
}

export async function insertInstrument(db: Tx, values: typeof instruments.$inferInsert): Promise<InstrumentRow> {
  const [row] = await db.insert(instruments).values(values).returning();
  return row!;
}

export async function insertVersion(db: Tx, values: typeof instrumentVersions.$inferInsert): Promise<VersionRow> {
  const [row] = await db.insert(instrumentVersions).values(values).returning();
  return row!;
}

/** Replaces an unlocked version's definition; undefined when it is locked (the trigger also refuses). */
export async function updateUnlockedVersion(db: Tx, id: string, definition: unknown): Promise<VersionRow | undefined> {
  const [row] = await db
    .update(instrumentVersions)
    .set({ definition })
    .where(and(eq(instrumentVersions.id, id), sql`${instrumentVersions.lockedAt} is null`))
    .returning();
  return row;
}

export async function updateInstrument(db: Tx, id: string, version: number, patch: Partial<Pick<InstrumentRow, 'name' | 'licence'>>) {
  const [row] = await db
    .update(instruments)
    .set({ ...patch, version: sql`${instruments.version} + 1` })
    .where(and(eq(instruments.id, id), eq(instruments.version, version)))
    .returning();
  return row;
}
