import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import * as schema from './schema.ts';
import { acquireDirLock, type DirLock } from './dir-lock.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages (never includes a password). */
  location: string;
  /** Runs raw SQL and returns rows: for bulk paths, backups and checks. */
  query<T = Record<string, unknown>>(statement: SQL): Promise<T[]>;
  close(): Promise<void>;
}

/** Runs raw SQL on a database or transaction and returns its rows (both drivers return `{ rows }`). */
export async function queryRows<T = Record<string, unknown>>(db: Pick<Db, 'execute'>, statement: SQL): Promise<T[]> {
  return ((await db.execute(statement)) as { rows: T[] }).rows;
}

export type DbTarget = { url: string } | { dir: string } | { memory: true };

/** Opens the database: a PostgreSQL server when given a URL, otherwise embedded PGlite in a directory. */
export async function createDb(target: DbTarget): Promise<Database> {
  if ('url' in target) return openPostgres(target.url);
  return openPglite(target);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Fail fast with a readable message when the server is not there.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const parsed = new URL(url);
  return {
    db,
    kind: 'postgres',
    location: `postgres://${parsed.host}${parsed.pathname}`,
    query: <T>(statement: SQL) => queryRows<T>(db, statement),
    close: () => pool.end(),
  };
}

async function openPglite(target: { dir: string } | { memory: true }): Promise<Database> {
  let lock: DirLock | undefined;
  if ('dir' in target) {
    mkdirSync(target.dir, { recursive: true });
    lock = acquireDirLock(target.dir);
  }
  try {
    const client = 'dir' in target ? await PGlite.create({ dataDir: `${target.dir}/pgdata` }) : await PGlite.create();
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      location: 'dir' in target ? target.dir : 'memory',
      query: <T>(statement: SQL) => queryRows<T>(db, statement),
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** True when the database answers a trivial query (readiness). */
export async function isDatabaseReady(database: Database): Promise<boolean> {
  try {
    await database.query(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
