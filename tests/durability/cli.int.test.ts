// The `alongside` CLI as an operator runs it: seed, user create, backup and restore, analyze, on PGlite
// and (with TEST_DATABASE_URL) on PostgreSQL.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, verifyPassword, type Database } from '@alongside/db';
import { DEMO_ORG_ADMIN, DEMO_PASSWORD, freshTarget, ROOT, runCli, tempDir, type CliResult, type TestTarget } from '../support/server.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const cleanups: (() => Promise<void>)[] = [];

async function target(): Promise<TestTarget> {
  const t = await freshTarget();
  cleanups.push(() => t.cleanup());
  return t;
}

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** Opens the target's database in this process (no server may be running on a PGlite one). */
async function withDatabase<T>(t: TestTarget, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await createDb(t.databaseUrl ? { url: t.databaseUrl } : { dir: t.dataDir });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

function expectOk(result: CliResult, what: string): void {
  expect(result.code, `${what} failed:\n${result.stderr}\n${result.stdout}`).toBe(0);
}

interface SeedLogin {
  email: string;
  password: string;
  roles: string[];
}

let seeded: Promise<{ source: TestTarget; result: CliResult }> | undefined;
/** One seeded database shared by the tests that only read it. */
function seededSource() {
  seeded ??= (async () => {
    const source = await target();
    const result = await runCli(['seed', '--demo', '--json'], { env: source.env });
    return { source, result };
  })();
  return seeded;
}

/** A backup's content: the migrations, the row counts, and every row of every table (sorted per table). */
function backupContent(file: string) {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
  const header = JSON.parse(lines[0]!) as { format: string; migrations: string[]; tables: { name: string; rows: number }[] };
  const rows: Record<string, string[]> = {};
  for (const line of lines.slice(1)) {
    const { t } = JSON.parse(line) as { t: string };
    (rows[t] ??= []).push(line);
  }
  for (const table of Object.values(rows)) table.sort();
  return { format: header.format, migrations: header.migrations, tables: header.tables, rows };
}

describe(`alongside CLI (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('seed --demo --json prints the demo sign-ins as a JSON array', async () => {
    const { result } = await seededSource();
    expectOk(result, 'seed');
    const logins = JSON.parse(result.stdout) as SeedLogin[];
    expect(Array.isArray(logins)).toBe(true);
    expect(logins.length).toBeGreaterThan(1);
    for (const login of logins) {
      expect(Object.keys(login).sort()).toEqual(['email', 'password', 'roles']);
      expect(login.email).toMatch(/^[^@\s]+@[^@\s]+$/);
      expect(login.password.length).toBeGreaterThanOrEqual(10);
      expect(login.roles.length).toBeGreaterThan(0);
    }
    expect(logins).toContainEqual({ email: DEMO_ORG_ADMIN, password: DEMO_PASSWORD, roles: ['org_admin'] });
  });

  it('user create reads the password from stdin; a bad email names --email and creates nothing', async () => {
    const t = await target();
    const email = 'new.person@example.org';
    const password = 'a long enough password';
    const created = await runCli(['user', 'create', '--email', email, '--name', 'New Person', '--password-stdin'], { env: t.env, input: `${password}\n` });
    expectOk(created, 'user create');
    expect(created.stdout).toContain(`Created ${email}`);

    const bad = await runCli(['user', 'create', '--email', 'not-an-email', '--name', 'Nobody', '--password-stdin'], { env: t.env, input: `${password}\n` });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--email');

    const duplicate = await runCli(['user', 'create', '--email', email, '--name', 'Again', '--password-stdin'], { env: t.env, input: `${password}\n` });
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('already exists');

    await withDatabase(t, async (database) => {
      const users = await database.query<{ email: string; name: string; password_hash: string }>(sql`select email, name, password_hash from users`);
      expect(users.map((u) => u.email)).toEqual([email]);
      expect(users[0]!.name).toBe('New Person');
      // The trailing newline from stdin is not part of the password.
      expect(await verifyPassword(users[0]!.password_hash, password)).toBe(true);
    });
  });

  it('backup then restore yields identical data; restore refuses a non-empty database unless --force', async () => {
    const { source, result } = await seededSource();
    expectOk(result, 'seed');
    const files = tempDir('alongside-backups-');
    cleanups.push(() => {
      rmSync(files, { recursive: true, force: true });
      return Promise.resolve();
    });
    const original = join(files, 'original.jsonl.gz');
    expectOk(await runCli(['backup', original], { env: source.env }), 'backup');
    const before = backupContent(original);
    expect(before.format).toBe('alongside-backup');
    expect(before.tables.reduce((s, t) => s + t.rows, 0)).toBeGreaterThan(0);

    // Into an empty database: the same rows, every table, every column.
    const copy = await target();
    expectOk(await runCli(['restore', original], { env: copy.env }), 'restore into an empty database');
    const roundTrip = join(files, 'round-trip.jsonl.gz');
    expectOk(await runCli(['backup', roundTrip], { env: copy.env }), 'backup of the restored database');
    expect(backupContent(roundTrip)).toEqual(before);

    // Now the copy holds data of its own: restoring over it needs --force.
    const extra = await runCli(['user', 'create', '--email', 'extra@example.org', '--name', 'Extra', '--password-stdin'], { env: copy.env, input: 'another long password\n' });
    expectOk(extra, 'user create');
    const refused = await runCli(['restore', original], { env: copy.env });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--force');
    await withDatabase(copy, async (database) => {
      const rows = await database.query(sql`select 1 from users where email = 'extra@example.org'`);
      expect(rows, 'a refused restore leaves the data alone').toHaveLength(1);
    });

    expectOk(await runCli(['restore', '--force', original], { env: copy.env }), 'restore --force');
    const forced = join(files, 'forced.jsonl.gz');
    expectOk(await runCli(['backup', forced], { env: copy.env }), 'backup after restore --force');
    expect(backupContent(forced)).toEqual(before);
  });

  it('analyze --data fits a CSV as R does, and reports a bad file line by line', async () => {
    const files = tempDir();
    const data = join(files, 'scores.csv');
    const fixture = readFileSync(join(ROOT, 'tools/reference/mixed-unbalanced.csv'), 'utf8');
    writeFileSync(data, fixture.replace(/^respondent,program,/, 'respondent,program_id,'));
    const json = await runCli(['analyze', '--data', data, '--outcome', 'outcome', '--factors', 'f1,f2,f3', '--resamples', '20', '--format', 'json']);
    expectOk(json, 'analyze --data');
    const result = JSON.parse(json.stdout) as { sample: { n: number }; mixed: { fixed: { term: string; estimate: number }[] } };
    const reference = JSON.parse(readFileSync(join(ROOT, 'tools/reference/mixed-expected.json'), 'utf8')) as { fixtures: { n: number; reml: { estimate: number[] } }[] };
    expect(result.sample.n).toBe(reference.fixtures[0]!.n);
    expect(result.mixed.fixed.map((f) => f.term)).toEqual(['(Intercept)', 'f1', 'f2', 'f3', 'countryNO', 'groupclinician', 'groupmanager']);
    result.mixed.fixed.forEach((f, i) => expect(Math.abs(f.estimate - reference.fixtures[0]!.reml.estimate[i]!)).toBeLessThan(1e-6));
    const text = await runCli(['analyze', '--data', data, '--outcome', 'outcome', '--factors', 'f1,f2,f3', '--resamples', '0']);
    expectOk(text, 'analyze --data (text)');
    expect(text.stdout).toMatch(/^Outcome outcome; 488 respondents in 35 programs\./);

    const bad = join(files, 'bad.csv');
    writeFileSync(bad, 'program_id,country,group,a,b\np1,CA,psp,1,x\n,CA,psp,,2\n');
    const refused = await runCli(['analyze', '--data', bad, '--outcome', 'a', '--factors', 'b']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('line 2, b: “x” is not a number');
    expect(refused.stderr).toContain('line 3, program_id: is empty');
    expect(refused.stdout).toBe('');
  });

  it('analyze --campaign saves the analysis of a demo wave; --export-summaries writes per-program sums, no respondent rows', async () => {
    const t = await target();
    expectOk(await runCli(['seed', '--demo'], { env: t.env }), 'seed');
    const [wave] = await withDatabase(t, (database) =>
      database.query<{ campaign: string; wave: string }>(sql`SELECT c.id AS campaign, w.id AS wave FROM campaigns c JOIN campaign_waves w ON w.campaign_id = c.id WHERE w.kind = 'baseline'`),
    );
    const args = ['analyze', '--campaign', wave!.campaign, '--wave', wave!.wave, '--outcome', 'integration_success', '--factors', 'collab_culture,role_clarity,supervision_support', '--resamples', '20'];
    const run = await runCli([...args, '--format', 'json'], { env: t.env });
    expectOk(run, 'analyze --campaign');
    const result = JSON.parse(run.stdout) as { mixed: { fixed: { term: string; estimate: number; p: number }[] } };
    const culture = result.mixed.fixed.find((f) => f.term === 'collab_culture')!;
    expect(culture.estimate).toBeGreaterThan(0.1);
    expect(culture.p).toBeLessThan(0.001);
    const summaries = join(tempDir(), 'summaries.json');
    expectOk(await runCli([...args, '--export-summaries', summaries], { env: t.env }), 'analyze --export-summaries');
    const written = JSON.parse(readFileSync(summaries, 'utf8')) as { format: string; columns: string[]; programs: { program: string; n: number; xtx: number[][] }[] };
    expect(written.format).toBe('alongside-program-summaries');
    expect(written.columns.slice(0, 4)).toEqual(['(Intercept)', 'collab_culture', 'role_clarity', 'supervision_support']);
    expect(written.programs.length).toBeGreaterThan(5);
    expect(written.programs.every((p) => p.n >= 5 && p.xtx.length === written.columns.length)).toBe(true);
    expect(readFileSync(summaries, 'utf8')).not.toMatch(/answers|respondent/);
    const saved = await withDatabase(t, (database) => database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM analyses`));
    expect(saved[0]!.n).toBe(1);
  });
});
