import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';

/** A column for a bulk insert: its name, its PostgreSQL type, and how to read it from a row. */
export interface BulkColumn<R> {
  name: string;
  /** A scalar type ('uuid', 'text', 'timestamptz', 'jsonb', …) or an array type ('text[]', 'uuid[]'). */
  type: string;
  value: (row: R) => unknown;
}

const CHUNK = 5000;
// Array columns travel as one delimited text each: unnest() would flatten an array of arrays.
const SEPARATOR = '\u001f';

/**
 * Inserts rows with one `INSERT … SELECT FROM unnest($1::t1[], $2::t2[], …)` per 5,000 rows:
 * one array parameter per column instead of a parameter (and builder work) per value.
 */
export async function insertRows<R>(tx: Pick<Db, 'execute'>, table: string, columns: BulkColumn<R>[], rows: readonly R[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const names = columns.map((c) => sql.identifier(c.name));
    const arrays: SQL[] = [];
    const selects: SQL[] = [];
    for (const [i, column] of columns.entries()) {
      const alias = sql.identifier(`c${i}`);
      if (column.type.endsWith('[]')) {
        const values = chunk.map((row) => (column.value(row) as string[]).join(SEPARATOR));
        arrays.push(sql`${sql.param(values)}::text[]`);
        selects.push(sql`string_to_array(${alias}, ${SEPARATOR})::${sql.raw(column.type)}`);
      } else {
        const values = chunk.map((row) => {
          const v = column.value(row);
          return v instanceof Date ? v.toISOString() : (v ?? null);
        });
        arrays.push(sql`${sql.param(values)}::${sql.raw(column.type)}[]`);
        selects.push(sql`${alias}`);
      }
    }
    const aliases = columns.map((_c, i) => sql.identifier(`c${i}`));
    await tx.execute(
      sql`insert into ${sql.identifier(table)} (${sql.join(names, sql`, `)})
          select ${sql.join(selects, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as t(${sql.join(aliases, sql`, `)})`,
    );
  }
}
