import { Command, InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import {
  backupDatabase,
  createDb,
  listMigrations,
  migrate,
  restoreDatabase,
  RestoreRefusedError,
  seedDemo,
  seedReferenceData,
  type Database,
} from '@alongside/db';
import { EmailSchema, NameSchema, NewPasswordSchema } from '@alongside/contracts';
import { randomBytes } from 'node:crypto';
import { dbTarget, loadConfig } from '../config.ts';
import { AppError } from '../lib/errors.ts';
import { createAccounts } from '../domains/users/users.service.ts';
import { explainStartupError, serve } from '../main.ts';
import { progressBar } from './progress.ts';

const CLI_ORIGIN = { ip: 'local', requestId: 'cli', role: 'cli' };

class CliError extends Error {}

/** A service's refusal as the CLI's message: the service says why, the CLI says it in a line. */
async function explained<T>(work: Promise<T>, notFoundMessage?: string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.code === 'not_found' && notFoundMessage ? notFoundMessage : error.message);
    throw error;
  }
}

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await createDb(dbTarget(config));
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliError('--password-stdin expects the password on standard input, e.g. `echo "$PW" | alongside …`.');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Validates a CLI value with the same contract the HTTP API uses. */
function valid<T>(schemaOf: z.ZodType<T>, option: string, value: unknown): T {
  const parsed = schemaOf.safeParse(value);
  if (!parsed.success) throw new CliError(`${option}: ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
  return parsed.data;
}

export function buildCli(): Command {
  const program = new Command('alongside')
    .description('Alongside: peer support in clinical teams. Uses DATA_DIR (embedded PostgreSQL) or DATABASE_URL.')
    .showHelpAfterError();

  program
    .command('serve')
    .description('Start the web server (migrates first)')
    .option('--demo', 'fill an empty database with demo data on first start')
    .action(async (options: { demo?: boolean }) => serve({ demo: Boolean(options.demo) }));

  program
    .command('migrate')
    .description('Bring the database schema up to date')
    .action(async () =>
      withDatabase(async (database) => {
        const bar = progressBar('Migrating');
        const result = await migrate(database, { onStep: (_tag, i, total) => bar.update(i + 1, total) });
        bar.stop();
        console.log(result.applied.length ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}` : `Up to date (${result.total} migrations).`);
      }),
    );

  program
    .command('seed')
    .description('Fill the database with demo data')
    .requiredOption('--demo', 'demo organizations, programs, teams and people')
    .option('--json', 'print the demo sign-ins as JSON')
    .action(async (options: { json?: boolean }) =>
      withDatabase(async (database) => {
        await migrate(database);
        await seedReferenceData(database);
        const bar = progressBar('Seeding demo data');
        const logins = await seedDemo(database, (done, total) => bar.update(done, total));
        bar.stop();
        if (options.json) {
          console.log(JSON.stringify(logins.map(({ email, password, roles }) => ({ email, password, roles }))));
        } else {
          console.log(`Demo sign-ins (password for all: ${logins[0]?.password ?? ''}):`);
          for (const l of logins) console.log(`  ${l.email.padEnd(34)} ${l.roles.join(', ')}`);
        }
      }),
    );

  const user = program.command('user').description('Manage accounts');
  user
    .command('create')
    .description('Create an account')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'display name')
    .option('--platform-admin', 'may administer every organization')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (options: { email: string; name: string; platformAdmin?: boolean; passwordStdin?: boolean }) => {
      const email = valid(EmailSchema, '--email', options.email);
      const name = valid(NameSchema, '--name', options.name);
      if (!options.passwordStdin) throw new CliError('--password-stdin is required: passwords are never given as arguments (they would be visible to other users).');
      const password = valid(NewPasswordSchema, 'password', await readStdin());
      await withDatabase(async (database) => {
        await migrate(database);
        await explained(createAccounts({ db: database.db }).create(CLI_ORIGIN, { email, name, password, language: 'en', isPlatformAdmin: Boolean(options.platformAdmin) }));
        console.log(`Created ${email}${options.platformAdmin ? ' (platform administrator)' : ''}.`);
      });
    });
  user
    .command('reset-password')
    .description('Set a new password, unlock the account and end its sessions')
    .requiredOption('--email <email>', 'sign-in email')
    .option('--password-stdin', 'read the new password from standard input (otherwise one is generated and printed)')
    .action(async (options: { email: string; passwordStdin?: boolean }) => {
      const email = valid(EmailSchema, '--email', options.email);
      const generated = options.passwordStdin ? undefined : randomBytes(12).toString('base64url');
      const password = generated ?? valid(NewPasswordSchema, 'password', await readStdin());
      await withDatabase(async (database) => {
        await explained(createAccounts({ db: database.db }).resetPassword(CLI_ORIGIN, email, password, new Date()), `No account has the email ${email}.`);
        console.log(generated ? `New password for ${email}: ${generated}\nAsk them to change it after signing in.` : `Password reset for ${email}.`);
      });
    });

  program
    .command('backup')
    .description('Write a consistent backup of the whole database to a file')
    .argument('<file>', 'where to write (gzipped JSON lines)')
    .action(async (file: string) =>
      withDatabase(async (database) => {
        const bar = progressBar('Backing up');
        const header = await backupDatabase(database, file, (done, total, table) => bar.update(done, total, table));
        bar.stop();
        const rows = header.tables.reduce((s, t) => s + t.rows, 0);
        console.log(`Backed up ${rows} rows from ${header.tables.length} tables to ${file}.`);
      }),
    );

  program
    .command('restore')
    .description('Restore a backup into this database (refuses a non-empty one unless --force)')
    .argument('<file>', 'a file written by `alongside backup`')
    .option('--force', 'replace the data already in the database')
    .action(async (file: string, options: { force?: boolean }) => {
      if (!existsSync(file)) throw new CliError(`${file} does not exist.`);
      await withDatabase(async (database) => {
        const bar = progressBar('Restoring');
        const header = await restoreDatabase(database, file, { force: Boolean(options.force), onProgress: (done, total, table) => bar.update(done, total, table) });
        bar.stop();
        const rows = header.tables.reduce((s, t) => s + t.rows, 0);
        console.log(`Restored ${rows} rows from a backup made ${header.createdAt} (schema ${header.migrations.at(-1) ?? 'empty'} → ${listMigrations().at(-1)}).`);
      });
    });

  return program;
}

/** Runs the CLI; user errors print one clear line and exit 1 (2 for usage errors). */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    if (error instanceof CliError || error instanceof RestoreRefusedError || error instanceof InvalidArgumentError) {
      process.stderr.write(`alongside: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`alongside: ${explainStartupError(error)}\n`);
    process.exitCode = 1;
  }
}
