import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Database } from '../client.ts';

/** A fresh database for a seed test: in-memory PGlite, or a new database on the TEST_DATABASE_URL server. */
export async function emptyDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return createDb({ memory: true });
  const name = `alongside_seed_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return createDb({ url: url.toString() });
}
