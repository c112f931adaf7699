import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { backupDatabase, createDb, migrate, restoreDatabase, RestoreRefusedError, seedDemo, seedReferenceData, tablesInDependencyOrder, type Database } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'alongside-backup-'));
const opened: Database[] = [];

/** An empty database: in-memory PGlite, or a new database on the TEST_DATABASE_URL server. */
async function emptyDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let database: Database;
  if (serverUrl) {
    const name = `alongside_backup_${randomBytes(4).toString('hex')}`;
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
  opened.push(database);
  return database;
}

/** Every row of every table, as text, in a stable order. */
async function contents(database: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await tablesInDependencyOrder(database)) {
    const rows = await database.query<{ r: string }>(sql`select to_jsonb(t)::text as r from ${sql.identifier(table)} t order by 1`);
    out[table] = rows.map((row) => row.r);
  }
  return out;
}

afterAll(async () => {
  for (const database of opened) await database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips every row exactly, and new audit entries continue after the restored ones', async () => {
    const source = await emptyDatabase();
    await migrate(source);
    await seedReferenceData(source);
    await seedDemo(source);
    const file = join(dir, 'round-trip.jsonl.gz');
    const header = await backupDatabase(source, file);
    expect(header.tables.find((t) => t.name === 'users')!.rows).toBeGreaterThan(100);

    const target = await emptyDatabase();
    await restoreDatabase(target, file);
    expect(await contents(target)).toEqual(await contents(source));
    await target.query(sql`insert into audit_events (action, entity_type) values ('after.restore', 'test')`);
    const [latest] = await target.query<{ id: string }>(sql`select max(id)::text as id from audit_events`);
    expect(Number(latest!.id)).toBeGreaterThan(header.tables.find((t) => t.name === 'audit_events')!.rows);
  });

  it('refuses to restore over data unless forced, and a refused restore changes nothing', async () => {
    const source = await emptyDatabase();
    await migrate(source);
    await seedReferenceData(source);
    await seedDemo(source);
    const file = join(dir, 'force.jsonl.gz');
    await backupDatabase(source, file);

    const target = await emptyDatabase();
    await migrate(target);
    await seedReferenceData(target);
    await target.query(sql`insert into organizations (country_code, name) values ('CA', 'Already here')`);
    const before = await contents(target);
    await expect(restoreDatabase(target, file)).rejects.toBeInstanceOf(RestoreRefusedError);
    expect(await contents(target)).toEqual(before);
    await restoreDatabase(target, file, { force: true });
    expect(await contents(target)).toEqual(await contents(source));
  });
});
