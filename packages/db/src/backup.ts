import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { once } from 'node:events';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from './client.ts';
import { appliedMigrations, listMigrations, migrate } from './migrate.ts';

const FORMAT = 'alongside-backup';
const BATCH = 1000;

interface Header {
  format: typeof FORMAT;
  formatVersion: 1;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
}

export interface Progress {
  (done: number, total: number, table: string): void;
}

/** Application tables in an order where every foreign key points to an earlier table. */
export async function tablesInDependencyOrder(database: Database): Promise<string[]> {
  const tables = (
    await database.query<{ name: string }>(
      sql`select tablename as name from pg_tables where schemaname = current_schema() and tablename <> 'schema_migrations' order by 1`,
    )
  ).map((r) => r.name);
  const edges = await database.query<{ child: string; parent: string }>(sql`
    select c.relname as child, p.relname as parent
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = current_schema() and c.relname <> p.relname`);
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table)) return;
    if (path.has(table)) throw new Error(`Foreign-key cycle through ${table}`);
    path.add(table);
    for (const e of edges) if (e.child === table) visit(e.parent, path);
    path.delete(table);
    ordered.push(table);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function countRows(query: Database['query'], tables: string[]): Promise<{ name: string; rows: number }[]> {
  const out = [];
  for (const name of tables) {
    const [row] = await query<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(name)}`);
    out.push({ name, rows: row?.n ?? 0 });
  }
  return out;
}

/**
 * Writes a consistent logical backup (gzipped JSON lines) of every application table.
 * Works the same on PGlite and PostgreSQL; reads inside one repeatable-read snapshot.
 */
export async function backupDatabase(database: Database, file: string, onProgress?: Progress): Promise<Header> {
  const migrations = await appliedMigrations(database);
  const tables = await tablesInDependencyOrder(database);
  const gzip = createGzip();
  const out = createWriteStream(file);
  gzip.pipe(out);
  const write = async (line: unknown) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  let header: Header | undefined;
  await database.db.transaction(
    async (tx) => {
      const counts = await countRows(<T>(s: SQL) => queryRows<T>(tx, s), tables);
      header = { format: FORMAT, formatVersion: 1, createdAt: new Date().toISOString(), migrations, tables: counts };
      await write(header);
      const total = counts.reduce((s, t) => s + t.rows, 0);
      let done = 0;
      for (const { name } of counts) {
        let offset = 0;
        for (;;) {
          const rows = await queryRows<{ r: Record<string, unknown> }>(
            tx,
            sql`select to_jsonb(t) as r from ${sql.identifier(name)} t order by 1 limit ${BATCH} offset ${offset}`,
          );
          for (const row of rows) await write({ t: name, r: row.r });
          offset += rows.length;
          done += rows.length;
          onProgress?.(done, total, name);
          if (rows.length < BATCH) break;
        }
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  gzip.end();
  await once(out, 'close');
  if (!header) throw new Error('backup produced no header');
  return header;
}

export class RestoreRefusedError extends Error {}

/** True when any application table holds a row. */
export async function hasData(database: Database): Promise<boolean> {
  const tables = await tablesInDependencyOrder(database);
  for (const t of tables) {
    const rows = await database.query(sql`select 1 from ${sql.identifier(t)} limit 1`);
    if (rows.length > 0) return true;
  }
  return false;
}

/**
 * Restores a backup made by backupDatabase. Refuses a non-empty database unless `force`,
 * in which case the schema is dropped and rebuilt first. All in one transaction: a failed
 * restore leaves the database as it was.
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  options: { force?: boolean; onProgress?: Progress } = {},
): Promise<Header> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = (first.done ? undefined : JSON.parse(first.value)) as Header | undefined;
  if (header?.format !== FORMAT) throw new RestoreRefusedError(`${file} is not an Alongside backup.`);
  const known = listMigrations();
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    throw new RestoreRefusedError(`The backup comes from a newer version (migrations ${unknown.join(', ')}); upgrade first.`);
  }
  await migrate(database);
  if (await hasData(database)) {
    if (!options.force) {
      throw new RestoreRefusedError('The database is not empty. Restoring would replace its data: pass --force to do so.');
    }
  }
  const total = header.tables.reduce((s, t) => s + t.rows, 0);
  await database.db.transaction(async (tx) => {
    if (options.force) {
      await tx.execute(sql`drop schema public cascade`);
      await tx.execute(sql`create schema public`);
    }
    // Build the schema the backup was taken with, load it, then bring it up to date.
    await migrateInTx(tx, header.migrations.at(-1));
    let done = 0;
    let batch: Record<string, unknown>[] = [];
    let table = '';
    const flush = async () => {
      if (batch.length === 0) return;
      await tx.execute(sql`insert into ${sql.identifier(table)} overriding system value
        select * from jsonb_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(batch)}::jsonb)`);
      done += batch.length;
      options.onProgress?.(done, total, table);
      batch = [];
    };
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (!next.value.trim()) continue;
      const line = JSON.parse(next.value) as { t: string; r: Record<string, unknown> };
      if (line.t !== table || batch.length >= BATCH) await flush();
      table = line.t;
      batch.push(line.r);
    }
    await flush();
    if (done !== total) throw new RestoreRefusedError(`The backup is truncated: ${done} of ${total} rows.`);
    const identities = await queryRows<{ t: string; c: string }>(
      tx,
      sql`select table_name as t, column_name as c from information_schema.columns
        where table_schema = current_schema() and is_identity = 'YES'`,
    );
    for (const { t, c } of identities) {
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${t}, ${c}), coalesce((select max(${sql.identifier(c)}) from ${sql.identifier(t)}), 0) + 1, false)`,
      );
    }
    await migrateInTx(tx, undefined);
  });
  return header;
}

type Tx = Parameters<Parameters<Database['db']['transaction']>[0]>[0];

async function migrateInTx(tx: Tx, upTo: string | undefined): Promise<void> {
  const txDatabase: Database = {
    db: tx,
    kind: 'pglite', // no advisory lock needed: we are inside the caller's transaction
    location: 'transaction',
    query: <T>(s: SQL) => queryRows<T>(tx, s),
    close: async () => {},
  };
  await migrate(txDatabase, { upTo });
}
