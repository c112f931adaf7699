import { createDb, DataDirLockedError, type Database, findDemoLogins, hasData, migrate, seedDemo, seedReferenceData } from '@alongside/db';
import { buildApp } from './app.ts';
import { ConfigError, dbTarget, loadConfig, type Config } from './config.ts';

/** Starts the server: opens and migrates the database, seeds demo data on an empty embedded one, listens. */
export async function serve(options: { demo: boolean }): Promise<void> {
  const config = loadConfig();
  const database = await createDb(dbTarget(config));
  try {
    await start(database, config, options);
  } catch (error) {
    // Release the database (and the data-directory lock) so the process can exit and report.
    await database.close().catch(() => undefined);
    throw error;
  }
}

async function start(database: Database, config: Config, options: { demo: boolean }): Promise<void> {
  await migrate(database);
  // Demo data only ever goes into a database that was empty: never mixed into real data.
  const isFresh = !(await hasData(database));
  await seedReferenceData(database);
  let logins = await findDemoLogins(database);
  if (!logins && options.demo && isFresh) logins = await seedDemo(database);
  const app = await buildApp({ database, config });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  await app.jobs.ensureScheduled();
  app.jobs.start(60_000);
  const lines = [
    '',
    `  Alongside is running at ${config.publicUrl}`,
    `  Database: ${database.kind === 'pglite' ? `embedded PostgreSQL in ${database.location}` : database.location}`,
    `  API docs: ${config.publicUrl}/api/docs`,
  ];
  if (!config.webDist) lines.push('  (the web app is not built: run `npm run build` to serve it here)');
  if (logins) {
    lines.push('', '  Demo sign-ins (password for all: ' + (logins[0]?.password ?? '') + '):');
    for (const l of logins) lines.push(`    ${l.email.padEnd(34)} ${l.roles.join(', ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

export function explainStartupError(error: unknown): string {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `The port is already in use. Stop the other program or set PORT to another number.`;
  if (code === 'ECONNREFUSED') return `Could not reach the PostgreSQL server in DATABASE_URL (connection refused).`;
  return (error as Error).stack ?? String(error);
}
