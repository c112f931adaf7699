import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { createDb, migrate, seedReferenceData, type Database } from '@alongside/db';

let shared: Promise<Database> | undefined;

/**
 * The database for this test worker: a fresh in-memory PGlite, or, when TEST_DATABASE_URL
 * points at a PostgreSQL server, a new database created on it for this worker.
 */
export function testDatabase(): Promise<Database> {
  shared ??= open();
  return shared;
}

async function open(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let database: Database;
  if (serverUrl) {
    const name = `alongside_test_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    database = await createDb({ url: url.toString() });
  } else {
    database = await createDb({ memory: true });
  }
  await migrate(database);
  await seedReferenceData(database);
  return database;
}

/** A fingerprint of every table except sessions and the audit log: equal before and after means "nothing changed". */
export async function fingerprint(database: Database): Promise<Record<string, string>> {
  const tables = await database.query<{ name: string }>(
    sql`select tablename as name from pg_tables where schemaname = current_schema() and tablename not in ('sessions', 'audit_events') order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await database.query<{ h: string | null }>(
      sql`select md5(string_agg(to_jsonb(t)::text, '|' order by to_jsonb(t)::text)) as h from ${sql.identifier(name)} t`,
    );
    out[name] = row?.h ?? 'empty';
  }
  return out;
}
