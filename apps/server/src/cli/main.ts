import { Command, InvalidArgumentError } from 'commander';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  backupDatabase,
  createDb,
  listMigrations,
  migrate,
  restoreDatabase,
  schema,
  RestoreRefusedError,
  seedDemo,
  seedReferenceData,
  type Database,
} from '@alongside/db';
import { AnalysisSpecSchema, EmailSchema, IdSchema, LanguageSchema, NameSchema, NewPasswordSchema, type AnalysisSpec, type CampaignScale, type Role } from '@alongside/contracts';
import type { AnalysisRow } from '@alongside/stats/analysis-design';
import { withComposites } from '@alongside/stats/composites';
import { QdaFileError, readCodebook, type QdaCode } from '../domains/studies/refi-qda/codebook.ts';
import { readQdpx } from '../domains/studies/refi-qda/project-import.ts';
import { ModelError } from '@alongside/stats/mixed-model';
import { randomBytes } from 'node:crypto';
import { dbTarget, loadConfig } from '../config.ts';
import { AppError } from '../lib/errors.ts';
import { createAccounts } from '../domains/users/users.service.ts';
import { createInstrumentsService } from '../domains/instruments/instruments.service.ts';
import { createCampaignsService } from '../domains/campaigns/campaigns.service.ts';
import { createCampaignDataService } from '../domains/campaigns/campaign-data.service.ts';
import { computeResult, createAnalysesService } from '../domains/analyses/analyses.service.ts';
import { analysisReport } from '../domains/analyses/analysis-report.ts';
import { DataFileError, describeAnalysis, fileAnalysis, readAnalysisCsv } from './analysis-file.ts';
import { instrumentScales, readInstrumentFile, readItemAnswersCsv } from './analysis-items.ts';
import type { Actor } from '../lib/actor.ts';
import { systemClock } from '../lib/clock.ts';
import { createMailer } from '../lib/mailer.ts';
import { explainStartupError, serve } from '../main.ts';
import { progressBar } from './progress.ts';

const CLI_ORIGIN = { ip: 'local', requestId: 'cli', role: 'cli' };

class CliError extends Error {}

/** A service's refusal as the CLI's message: the service says why, the CLI says it in a line. */
async function explained<T>(work: Promise<T>, notFoundMessage?: string, file?: string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'not_found' && notFoundMessage) throw new CliError(notFoundMessage);
    // A bad file: every problem on its own line, with where it is.
    const lines = file && error.details.length > 0 ? error.details.map((d) => `\n  ${d.field}: ${d.message}`).join('') : '';
    throw new CliError(`${error.message}${lines}`);
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

  program
    .command('qda')
    .description('REFI-QDA exchange files of a case study')
    .command('inspect')
    .description('Read a .qdpx project or a .qdc codebook as Alongside imports it, and print what it holds and what would be repaired or left out (nothing is stored)')
    .argument('<file>', 'the .qdpx or .qdc file')
    .action((file: string) => {
      const content = readInput(file);
      try {
        if (/\.qdc$/i.test(file)) {
          const { codes, notImported } = readCodebook(content);
          const count = (list: QdaCode[]): number => list.reduce((n, c) => n + 1 + count(c.children), 0);
          console.log(`${basename(file)}: a codebook of ${count(codes)} code(s).`);
          printReport(notImported);
          return;
        }
        const { project, report } = readQdpx(content);
        const codings = project.sources.reduce((n, s) => n + s.selections.reduce((m, x) => m + x.codings.length, 0), 0);
        console.log(`${basename(file)}: "${project.name}" — ${project.sources.length} text source(s), ${codings} coding(s), ${project.cases.length} case(s), ${project.notes.length} note(s), ${project.users.length} user(s).`);
        printReport(report);
      } catch (error) {
        if (error instanceof QdaFileError) throw new CliError(`${error.message}${error.problems.map((p) => `\n  line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.message}`).join('')}`);
        throw error;
      }
    });

  const instrument = program.command('instrument').description('The shared instrument library');
  instrument
    .command('import')
    .description('Import an instrument file (own JSON, FHIR R4 Questionnaire, REDCap data dictionary CSV or XLSForm .xlsx; the format is read from the content)')
    .argument('<file>', 'the file to import')
    .option('--language <code>', 'the language of a single-language file (a REDCap dictionary): en, fr or nb', 'en')
    .action(async (file: string, options: { language: string }) => {
      const language = valid(LanguageSchema, '--language', options.language);
      const content = readInput(file);
      await withDatabase(async (database) => {
        await migrate(database);
        const instruments = createInstrumentsService({ db: database.db, clock: systemClock });
        const result = await explained(instruments.importFile(CLI_ORIGIN, { filename: basename(file), content, language }), undefined, file);
        console.log(`Imported ${result.instrument.name} (${result.format}) as version ${result.instrument.latestVersion.number} of ${result.instrument.key}.`);
        if (result.notices.length === 0) console.log('Everything in the file was carried over.');
        else {
          console.log(`${result.notices.length} thing(s) could not be carried over as they are:`);
          for (const notice of result.notices) console.log(`  ${where(notice)}${notice.message}`);
        }
      });
    });

  const responses = program.command('responses').description('Survey responses');
  responses
    .command('import')
    .description('Import responses collected elsewhere into a wave (CSV: the instruments’ variable names plus program, country, group, language, record_id)')
    .requiredOption('--campaign <id>', 'the campaign')
    .requiredOption('--wave <id>', 'the wave')
    .argument('<file>', 'the CSV file')
    .action(async (file: string, options: { campaign: string; wave: string }) => {
      const campaignId = valid(IdSchema, '--campaign', options.campaign);
      const waveId = valid(IdSchema, '--wave', options.wave);
      const content = readInput(file);
      await withDatabase(async (database) => {
        await migrate(database);
        // The import is made on behalf of the campaign's owner (audited as coming from the command line).
        const owner = await ownerActor(database, campaignId);
        const campaigns = createCampaignsService({ db: database.db, clock: systemClock, mailer: createMailer({ db: database.db, smtpUrl: undefined, from: 'cli@localhost' }), publicUrl: 'http://localhost', secret: 'unused' });
        const data = createCampaignDataService({ db: database.db, clock: systemClock, campaigns });
        const bar = progressBar('Importing responses');
        const result = await explained(data.importResponses(owner, campaignId, waveId, { content }, (done, total) => bar.update(done, total)), 'No campaign has that id.', file).finally(() =>
          bar.stop(),
        );
        console.log(`Imported ${result.imported} response(s).`);
      });
    });

  program
    .command('analyze')
    .description('Which factors go with the outcome: the mixed model, the program level with importance, the country comparison')
    .option('--campaign <id>', 'analyse a campaign wave (saved, on behalf of the campaign’s researcher)')
    .option('--wave <id>', 'the wave (with --campaign)')
    .option('--data <file>', 'or analyse a CSV: program_id, country, group and one column per scale score (empty = missing)')
    .option('--instrument <file>', 'with --data: the CSV holds item answers (one column per item name), scored with this instrument (Alongside JSON) into its subscales')
    .option('--spec <file>', 'the analysis as JSON, as POST /api/analyses takes it (instead of the flags below)')
    .option('--outcome <scale>', 'the outcome scale')
    .option('--factors <scales>', 'the factor scales, separated by commas')
    .option('--k <n>', 'programs with fewer respondents have their per-program figures withheld', '5')
    .option('--resamples <n>', 'bootstrap resamples of programs for the importance intervals', '200')
    .option('--seed <n>', 'the bootstrap’s seed', '1')
    .option('--centering', 'also split each factor into its within- and between-program parts')
    .option('--models <parts>', 'only these parts, separated by commas: mixed, ols, dominance, country (default all)')
    .option('--format <format>', 'json, text or html (the self-contained report, as GET /api/analyses/:id/report.html gives it)', 'text')
    .option('--language <code>', 'the language of the html report: en, fr or nb', 'en')
    .option('--out <file>', 'write the result to this file instead of standard output')
    .option('--export-summaries <file>', 'instead of analysing, write the wave’s per-program summaries for a pooled analysis elsewhere')
    .option('--summaries <files...>', 'other installations’ summaries (from --export-summaries) to pool with the wave')
    .action(async (options: AnalyzeOptions) => {
      const format = valid(z.enum(['json', 'text', 'html']), '--format', options.format);
      const language = valid(LanguageSchema, '--language', options.language);
      const spec = analysisSpec(options);
      // Standard output (or --out) holds the result alone; the progress bar is on standard error.
      const write = (text: string) => {
        if (!options.out) return void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
        writeFileSync(options.out, text);
        console.log(`Wrote ${options.out}.`);
      };
      const print = (result: Parameters<typeof describeAnalysis>[0]) => write(format === 'json' ? JSON.stringify(result, null, 2) : describeAnalysis(result, spec));
      const bar = progressBar('Analysing');
      const onProgress = (done: number, total: number, step: string) => bar.update(done, total, step);
      if (options.instrument && !options.data) throw new CliError('--instrument scores the item answers of a --data file: give --data FILE too.');
      if (options.data) {
        if (options.campaign || options.exportSummaries || options.summaries) throw new CliError('--data analyses a file on its own: leave out --campaign, --summaries and --export-summaries.');
        const { rows, scales } = await fileRows(options.data, options.instrument, spec);
        const result = await explained(Promise.resolve().then(() => computeResult(rows, spec, onProgress))).finally(() => bar.stop());
        if (format !== 'html') return print(result);
        const now = systemClock.now();
        // No campaign: the report is titled with the file's name, and names scales by their keys (or the instrument's names).
        return write(analysisReport(fileAnalysis(rows, spec, result, now), { campaignTitle: basename(options.data), scales, language, now }));
      }
      if (!options.spec && (!options.campaign || !options.wave)) throw new CliError('Say what to analyse: --campaign and --wave, or --data FILE.');
      await withDatabase(async (database) => {
        await migrate(database);
        const owner = await ownerActor(database, spec.campaignId);
        const campaigns = createCampaignsService({ db: database.db, clock: systemClock, mailer: createMailer({ db: database.db, smtpUrl: undefined, from: 'cli@localhost' }), publicUrl: 'http://localhost', secret: 'unused' });
        const analyses = createAnalysesService({ db: database.db, clock: systemClock, campaigns, data: createCampaignDataService({ db: database.db, clock: systemClock, campaigns }) });
        if (options.exportSummaries) {
          const summaries = await explained(analyses.exportSummaries(owner, spec), 'No campaign has that id.');
          writeFileSync(options.exportSummaries, `${JSON.stringify({ format: 'alongside-program-summaries', version: 1, ...summaries }, null, 2)}\n`);
          console.log(`Wrote the summaries of ${summaries.programs.length} program(s) to ${options.exportSummaries}${summaries.withheld > 0 ? ` (${summaries.withheld} with fewer than ${summaries.k} respondents left out)` : ''}.`);
          return;
        }
        const analysis = await explained(analyses.run(owner, spec, onProgress), 'No campaign has that id.').finally(() => bar.stop());
        if (format === 'text') console.log(`Saved as analysis ${analysis.id}.`);
        // The report as the route gives it (read on the researcher's behalf, audited as the route's read is).
        if (format === 'html') write(new TextDecoder().decode((await explained(analyses.report(owner, analysis.id, language))).body));
        else print(analysis.result);
      });
    });

  return program;
}

interface AnalyzeOptions {
  campaign?: string;
  wave?: string;
  data?: string;
  spec?: string;
  outcome?: string;
  factors?: string;
  k: string;
  resamples: string;
  seed: string;
  centering?: boolean;
  models?: string;
  format: string;
  language: string;
  out?: string;
  instrument?: string;
  exportSummaries?: string;
  summaries?: string[];
}

/** The analysis from --spec, or from the flags (a file analysis needs no campaign or wave). */
function analysisSpec(options: AnalyzeOptions): AnalysisSpec {
  if (options.spec) {
    const parsed = AnalysisSpecSchema.safeParse(readJson('--spec', options.spec));
    if (!parsed.success) throw new CliError(`--spec: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'the file'} ${i.message}`).join('; ')}`);
    return parsed.data;
  }
  if (!options.outcome || !options.factors) throw new CliError('Say what to analyse: --outcome and --factors (or --spec FILE).');
  const placeholder = '00000000-0000-4000-8000-000000000000';
  const parsed = AnalysisSpecSchema.safeParse({
    campaignId: options.campaign ?? placeholder,
    waveId: options.wave ?? placeholder,
    outcome: options.outcome,
    factors: options.factors.split(',').map((f) => f.trim()).filter(Boolean),
    options: { k: Number(options.k), resamples: Number(options.resamples), seed: Number(options.seed), centering: Boolean(options.centering) },
    ...(options.models ? { models: options.models.split(',').map((m) => m.trim()) } : {}),
    ...(options.summaries ? { summaries: options.summaries.map((file) => readJson('--summaries', file)) } : {}),
  });
  if (!parsed.success) {
    const flag = (path: PropertyKey[]) => `--${String(path.at(-1) === undefined ? path[0] : typeof path.at(-1) === 'number' ? path.at(-2) : path.at(-1)).replace('campaignId', 'campaign').replace('waveId', 'wave')}`;
    throw new CliError(parsed.error.issues.map((i) => `${flag(i.path)}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

/**
 * A data file's rows: scale scores as they are, or (with an instrument) item answers scored into its subscales, which
 * the outcome and factors must then name. A bad file is reported problem by problem.
 */
async function fileRows(data: string, instrumentFile: string | undefined, spec: AnalysisSpec): Promise<{ rows: AnalysisRow[]; scales: CampaignScale[] }> {
  // The columns the analysis reads: its variables, with a composite of the spec read through its parts.
  const composites = spec.composites ?? [];
  const columns = [...new Set([spec.outcome, ...spec.factors].flatMap((key) => composites.find((c) => c.key === key)?.parts.map((p) => p.variable) ?? [key]))];
  const withParts = (rows: AnalysisRow[]) => withComposites(rows, composites);
  try {
    if (!instrumentFile) return { rows: withParts(readAnalysisCsv(readInput(data), columns)), scales: [] };
    const definition = await readInstrumentFile(readInput(instrumentFile), basename(instrumentFile));
    const scales = instrumentScales(definition);
    const keys = scales.map((s) => s.key);
    const unknown = columns.find((f) => !keys.includes(f));
    if (unknown) throw new CliError(`${unknown === spec.outcome ? '--outcome' : '--factors'}: ${unknown} is not a subscale of ${instrumentFile} (${keys.join(', ') || 'it has none'}).`);
    return { rows: withParts(readItemAnswersCsv(readInput(data), definition, columns)), scales };
  } catch (error) {
    if (error instanceof DataFileError) throw new CliError(`${error.message}${error.problems.map((p) => `\n  ${p}`).join('')}`);
    if (error instanceof ModelError) throw new CliError(error.message);
    throw error;
  }
}

/** A JSON file's content, or a clear line naming the option when it is not JSON. */
function readJson(option: string, file: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(readInput(file)));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${option}: ${file} is not JSON (${(error as Error).message}).`);
  }
}

/** A file's bytes, or a clear line when it cannot be read. */
/** An import report: each repair or omission on its line, or that nothing needed either. */
function printReport(report: { line: number; message: string }[]): void {
  if (report.length === 0) {
    console.log('Nothing needs repairing and nothing would be left out.');
    return;
  }
  console.log(`${report.length} repair(s) or omission(s):`);
  for (const item of report) console.log(`  ${item.line > 1 ? `line ${item.line}: ` : ''}${item.message}`);
}

function readInput(file: string): Uint8Array {
  if (!existsSync(file)) throw new CliError(`${file} does not exist.`);
  return readFileSync(file);
}

/** Where a notice points in its file ("sheet survey, row 4: "), or nothing. */
function where(notice: { sheet?: string | undefined; line?: number | undefined; column?: number | undefined; field?: string | undefined }): string {
  const parts: string[] = [];
  if (notice.sheet) parts.push(`sheet ${notice.sheet}`);
  if (notice.line !== undefined) parts.push(`${notice.sheet ? 'row' : 'line'} ${notice.line}`);
  if (notice.column !== undefined) parts.push(`column ${notice.column}`);
  if (notice.field) parts.push(notice.field);
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

/** The campaign owner as an actor, for a command-line import made on their behalf. */
async function ownerActor(database: Database, campaignId: string): Promise<Actor> {
  const [campaign] = await database.db.select({ ownerId: schema.campaigns.ownerId }).from(schema.campaigns).where(eq(schema.campaigns.id, campaignId));
  if (!campaign) throw new CliError('No campaign has that id.');
  const [user] = await database.db.select().from(schema.users).where(eq(schema.users.id, campaign.ownerId));
  const memberships = await database.db.select().from(schema.memberships).where(eq(schema.memberships.userId, campaign.ownerId));
  return {
    userId: user!.id,
    name: user!.name,
    email: user!.email,
    isPlatformAdmin: user!.isPlatformAdmin,
    memberships: memberships.map((m) => ({ id: m.id, role: m.role as Role, organizationId: m.organizationId, programId: null, teamId: m.teamId })),
    sessionId: 'cli',
    ip: CLI_ORIGIN.ip,
    requestId: CLI_ORIGIN.requestId,
  };
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
