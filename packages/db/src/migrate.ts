import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from './client.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** The migrations shipped with this version, in order (drizzle-kit's journal). */
export function listMigrations(): string[] {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_DIR}meta/_journal.json`, 'utf8')) as Journal;
  return journal.entries.sort((a, b) => a.idx - b.idx).map((e) => e.tag);
}

/** Tags already applied to this database, in order. */
export async function appliedMigrations(database: Database): Promise<string[]> {
  await database.query(
    sql`create table if not exists schema_migrations (tag text primary key, applied_at timestamptz not null default now())`,
  );
  const rows = await database.query<{ tag: string }>(sql`select tag from schema_migrations order by tag`);
  return rows.map((r) => r.tag);
}

export interface MigrateResult {
  applied: string[];
  total: number;
}

/**
 * Applies pending migrations, each in its own transaction, optionally stopping after `upTo`.
 * On PostgreSQL an advisory lock keeps two starting servers from migrating at once.
 */
export async function migrate(
  database: Database,
  options: { upTo?: string; onStep?: (tag: string, index: number, total: number) => void } = {},
): Promise<MigrateResult> {
  const all = listMigrations();
  const lastIndex = options.upTo === undefined ? all.length - 1 : all.indexOf(options.upTo);
  if (lastIndex < 0 && options.upTo !== undefined) throw new Error(`Unknown migration ${options.upTo}`);
  const wanted = all.slice(0, lastIndex + 1);
  const applied: string[] = [];
  await database.db.transaction(async (tx) => {
    if (database.kind === 'postgres') await tx.execute(sql`select pg_advisory_xact_lock(724011)`);
    await tx.execute(
      sql`create table if not exists schema_migrations (tag text primary key, applied_at timestamptz not null default now())`,
    );
    const done = new Set((await queryRows<{ tag: string }>(tx, sql`select tag from schema_migrations`)).map((r) => r.tag));
    const unknown = [...done].filter((tag) => !all.includes(tag));
    if (unknown.length > 0) {
      throw new Error(`The database has migrations this version does not know (${unknown.join(', ')}): it is newer than the code.`);
    }
    for (const [index, tag] of wanted.entries()) {
      options.onStep?.(tag, index, wanted.length);
      if (done.has(tag)) continue;
      const text = readFileSync(`${MIGRATIONS_DIR}${tag}.sql`, 'utf8');
      for (const statement of text.split('--> statement-breakpoint')) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into schema_migrations (tag) values (${tag})`);
      applied.push(tag);
    }
  });
  return { applied, total: all.length };
}
