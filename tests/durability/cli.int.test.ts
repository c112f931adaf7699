// The `alongside` CLI as an operator runs it: seed, user create, backup and restore, analyze, on PGlite
// and (with TEST_DATABASE_URL) on PostgreSQL.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, verifyPassword, type Database } from '@alongside/db';
import { analyze } from '@alongside/stats/analysis';
import { withComposites } from '@alongside/stats/composites';
import { readAnalysisCsv } from '../../apps/server/src/cli/analysis-file.ts';
import { codebookXml } from '../../apps/server/src/domains/studies/refi-qda/codebook.ts';
import { projectXml } from '../../apps/server/src/domains/studies/refi-qda/project.ts';
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

    // A composite outcome from --spec: read through its parts' columns, the same numbers as the analysis in-process.
    const composite = { key: 'index', label: 'Index', parts: [{ variable: 'outcome', weight: 1 }, { variable: 'f3', weight: -0.5 }] };
    const specFile = join(files, 'spec.json');
    const placeholder = '00000000-0000-4000-8000-000000000000';
    writeFileSync(specFile, JSON.stringify({ campaignId: placeholder, waveId: placeholder, outcome: 'index', factors: ['f1', 'f2'], composites: [composite], options: { resamples: 0 } }));
    const withComposite = await runCli(['analyze', '--data', data, '--spec', specFile, '--format', 'json']);
    expectOk(withComposite, 'analyze --data --spec with a composite');
    const rows = readAnalysisCsv(readFileSync(data), ['outcome', 'f1', 'f2', 'f3']);
    const expected = analyze(withComposites(rows, [{ ...composite, standardize: true }]), { outcome: 'index', factors: ['f1', 'f2'] }, { resamples: 0 });
    const got = JSON.parse(withComposite.stdout) as typeof result;
    expect(got.mixed.fixed.map((f) => f.estimate)).toEqual('fixed' in expected.mixed ? expected.mixed.fixed.map((f) => f.estimate) : []);
    writeFileSync(specFile, JSON.stringify({ campaignId: placeholder, waveId: placeholder, outcome: 'index', factors: ['f1'], composites: [{ ...composite, parts: [...composite.parts, { variable: 'f9', weight: 1 }] }] }));
    const noColumn = await runCli(['analyze', '--data', data, '--spec', specFile]);
    expect(noColumn.code).toBe(1);
    expect(noColumn.stderr).toContain('line 1: no column f9');

    const bad = join(files, 'bad.csv');
    writeFileSync(bad, 'program_id,country,group,a,b\np1,CA,psp,1,x\n,CA,psp,,2\n');
    const refused = await runCli(['analyze', '--data', bad, '--outcome', 'a', '--factors', 'b']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('line 2, b: “x” is not a number');
    expect(refused.stderr).toContain('line 3, program_id: is empty');
    expect(refused.stdout).toBe('');
  });

  it('analyze --format html writes the report of a file to stdout or --out (scales by their keys, titled with the file’s name), nothing else on stdout', async () => {
    const files = tempDir();
    const data = join(files, 'scores.csv');
    writeFileSync(data, readFileSync(join(ROOT, 'tools/reference/mixed-unbalanced.csv'), 'utf8').replace(/^respondent,program,/, 'respondent,program_id,'));
    const args = ['analyze', '--data', data, '--outcome', 'outcome', '--factors', 'f1,f2,f3', '--resamples', '10', '--format', 'html'];
    const html = await runCli(args);
    expectOk(html, 'analyze --format html');
    expect(html.stdout).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html.stdout).toMatch(/<\/html>\n$/);
    expect(html.stdout).toContain('<title>Analysis report — scores.csv</title>');
    expect(html.stdout).toContain('outcome ~ f1 + f2 + f3');
    expect(html.stdout).toContain('488 respondents · 35 programs · 2 countries');
    expect(html.stdout).toMatch(/<svg role="img"/);
    expect(html.stdout).not.toMatch(/<script|\bsrc=|href="http/);
    expect(html.stderr).not.toContain('<');

    const out = join(files, 'report.html');
    const written = await runCli([...args, '--language', 'nb', '--out', out]);
    expectOk(written, 'analyze --format html --out');
    expect(written.stdout).toBe(`Wrote ${out}.\n`);
    expect(readFileSync(out, 'utf8')).toContain('<html lang="nb">');
    const refused = await runCli([...args.slice(0, -1), 'pdf']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--format');
  });

  it('analyze --data --instrument scores item answers with the instrument first (the same analysis as of the scores), and reports a bad file by line and column', async () => {
    const files = tempDir();
    const instrument = join(ROOT, 'apps/server/src/domains/instruments/formats/fixtures/team-integration-pulse.alongside.json');
    // Ten programs of 15 respondents answering two subscales of three 1–5 items (culture_3 and role_2 reverse-keyed), a few left empty.
    let seed = 7;
    const uniform = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const point = (x: number) => Math.min(5, Math.max(1, Math.round(x)));
    const items: string[] = ['program_id,country,group,culture_1,culture_2,culture_3,role_1,role_2,role_3,role_comment'];
    const scores: string[] = ['program_id,country,group,team_culture_score,role_clarity_score'];
    const mean = (xs: (number | null)[]) => {
      const answered = xs.filter((x) => x !== null);
      return answered.reduce((sum, x) => sum + x, 0) / answered.length;
    };
    for (let j = 0; j < 10; j++) {
      const shift = 2 * uniform() - 1;
      for (let i = 0; i < 15; i++) {
        const culture = shift + 3 * (uniform() - 0.5);
        const role = 0.6 * culture + uniform() - 0.5;
        const c = [point(3 + culture + uniform() - 0.5), i === 4 ? null : point(3 + culture + uniform() - 0.5), point(3 - culture + uniform() - 0.5)];
        const r = [point(3 + role + uniform() - 0.5), point(3 - role + uniform() - 0.5), i === 7 ? null : point(3 + role + uniform() - 0.5)];
        const where = [`p${j}`, j < 5 ? 'CA' : 'NO', i % 3 === 0 ? 'clinician' : 'psp'];
        items.push([...where, ...c, ...r].map((x) => x ?? '').join(',') + (i === 2 ? ',"a comment, on\ntwo lines"' : ','));
        // The instrument's scoring: culture the mean of the answered items, role on 0–100 (percent), reverse-keyed items as 6 − x.
        const culture3 = [c[0]!, c[1] ?? null, 6 - c[2]!];
        const role3 = [r[0]!, 6 - r[1]!, r[2] ?? null].map((x) => (x === null ? null : x - 1));
        scores.push([...where, mean(culture3), (100 * mean(role3)) / 4].join(','));
      }
    }
    writeFileSync(join(files, 'items.csv'), `${items.join('\n')}\n`);
    writeFileSync(join(files, 'scores.csv'), `${scores.join('\n')}\n`);
    const spec = ['--outcome', 'role_clarity_score', '--factors', 'team_culture_score', '--resamples', '10', '--format', 'json'];
    const scored = await runCli(['analyze', '--data', join(files, 'items.csv'), '--instrument', instrument, ...spec]);
    expectOk(scored, 'analyze --instrument');
    const direct = await runCli(['analyze', '--data', join(files, 'scores.csv'), ...spec]);
    expectOk(direct, 'analyze of the scores');
    type Result = { sample: { n: number; lost: Record<string, number> }; mixed: { fixed: { term: string; estimate: number; se: number }[] } };
    const [a, b] = [JSON.parse(scored.stdout) as Result, JSON.parse(direct.stdout) as Result];
    expect(a.sample).toEqual(b.sample);
    expect(a.sample.n).toBe(150);
    expect(a.mixed.fixed.map((f) => f.term)).toEqual(['(Intercept)', 'team_culture_score', 'countryNO', 'groupclinician']);
    a.mixed.fixed.forEach((f, i) => {
      expect(Math.abs(f.estimate - b.mixed.fixed[i]!.estimate)).toBeLessThan(1e-9);
      expect(Math.abs(f.se - b.mixed.fixed[i]!.se)).toBeLessThan(1e-9);
    });
    // The report names the scales as the instrument does.
    const html = await runCli(['analyze', '--data', join(files, 'items.csv'), '--instrument', instrument, ...spec.slice(0, -1), 'html']);
    expectOk(html, 'analyze --instrument --format html');
    expect(html.stdout).toContain('Clarity of the peer support role ~ Collaborative team culture');

    const bad = join(files, 'bad.csv');
    writeFileSync(bad, 'program_id,country,group,culture_1,culture_2,culture_3,role_1,role_2,role_3,role_comment\np1,CA,psp,4,5,2,4,2,5,"fine,\nreally"\np1,CA,psp,7,x,,4,,,\n,CA,psp,1,2,3,3,3,3,\n');
    const refused = await runCli(['analyze', '--data', bad, '--instrument', instrument, ...spec]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The data file cannot be used (3 problems).');
    expect(refused.stderr).toContain('line 4, column 4 (culture_1): “7” is not a point of scale agree5 (1, 2, 3, 4, 5)');
    expect(refused.stderr).toContain('line 4, column 5 (culture_2): “x” is not a point of scale agree5');
    expect(refused.stderr).toContain('line 5, column 1 (program_id): is empty');
    expect(refused.stdout).toBe('');
    writeFileSync(bad, 'program_id,country,group,culture_1,culture_2,cultur_3,role_1,role_2,role_3\n');
    const header = await runCli(['analyze', '--data', bad, '--instrument', instrument, ...spec]);
    expect(header.code).toBe(1);
    expect(header.stderr).toContain('line 1, column 6: “cultur_3” is not an item of the instrument');
    expect(header.stderr).toContain('line 1: no column culture_3 (an item of team_culture_score)');
    const notOwn = await runCli(['analyze', '--data', join(files, 'items.csv'), '--instrument', join(ROOT, 'apps/server/src/domains/instruments/formats/fixtures/PeerSupportIntegration_DataDictionary_2025-03-14.csv'), ...spec]);
    expect(notOwn.code).toBe(1);
    expect(notOwn.stderr).toContain('Alongside’s own JSON');
    const notSubscale = await runCli(['analyze', '--data', join(files, 'items.csv'), '--instrument', instrument, ...spec.slice(0, 1), 'role_1', ...spec.slice(2)]);
    expect(notSubscale.code).toBe(1);
    expect(notSubscale.stderr).toContain('--outcome: role_1 is not a subscale');
  });

  it('qda inspect reads a .qdpx or .qdc as the import would and prints its report, storing nothing; a bad file is reported by line', async () => {
    const files = tempDir();
    const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const text = 'Intervjuer: Hva hjalp? 😊\nP3: At teamet så meg.';
    const project = projectXml({
      name: 'Studie',
      origin: 'another tool',
      createdAt: new Date('2026-12-04T10:00:00Z'),
      users: [],
      codes: [{ guid: guid(1), name: 'Relasjoner', codable: true, children: [] }],
      variables: [],
      cases: [],
      sources: [{ guid: guid(2), name: 'Intervju', text, selections: [{ guid: guid(3), start: 31, end: 44, codings: [{ guid: guid(4), code: guid(1) }], notes: [] }], notes: [] }],
      notes: [],
    });
    const qdpxFile = join(files, 'studie.qdpx');
    writeFileSync(qdpxFile, zipSync({ 'Studie.qde': strToU8(project), [`Sources/${guid(2)}.txt`]: strToU8(text.replace('\n', '\r\n')) }));
    const inspected = await runCli(['qda', 'inspect', qdpxFile]);
    expectOk(inspected, 'qda inspect');
    expect(inspected.stdout).toContain('studie.qdpx: "Studie" — 1 text source(s), 1 coding(s), 0 case(s), 0 note(s), 0 user(s).');
    expect(inspected.stdout).toContain('the project document is named Studie.qde, not project.qde: read as the project');
    expect(inspected.stdout).toContain('source "Intervju": CRLF line ends became LF (offsets moved with them)');

    const codebook = join(files, 'codes.qdc');
    writeFileSync(codebook, codebookXml([{ guid: guid(1), name: 'Relasjoner', codable: true, children: [{ guid: guid(5), name: 'Tillit', codable: true, children: [] }] }], 'x'));
    const book = await runCli(['qda', 'inspect', codebook]);
    expectOk(book, 'qda inspect .qdc');
    expect(book.stdout).toBe('codes.qdc: a codebook of 2 code(s).\nNothing needs repairing and nothing would be left out.\n');

    const bad = join(files, 'bad.qdc');
    writeFileSync(bad, '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>\n<Code guid="x" name="A" isCodable="true"/>\n</Codes></CodeBook>');
    const refused = await runCli(['qda', 'inspect', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('line 2: Code guid "x" is not a GUID');
    expect(refused.stdout).toBe('');
  });

  it('analyze --campaign saves the analysis of a demo wave; --export-summaries writes per-program sums, no respondent rows', async () => {
    const t = await target();
    expectOk(await runCli(['seed', '--demo'], { env: t.env }), 'seed');
    const [wave] = await withDatabase(t, (database) =>
      database.query<{ campaign: string; wave: string; title: string }>(sql`SELECT c.id AS campaign, w.id AS wave, c.title FROM campaigns c JOIN campaign_waves w ON w.campaign_id = c.id WHERE w.kind = 'baseline'`),
    );
    const args = ['analyze', '--campaign', wave!.campaign, '--wave', wave!.wave, '--outcome', 'integration_success', '--factors', 'collab_culture,role_clarity,supervision_support', '--resamples', '20'];
    const run = await runCli([...args, '--format', 'json'], { env: t.env });
    expectOk(run, 'analyze --campaign');
    const result = JSON.parse(run.stdout) as { mixed: { fixed: { term: string; estimate: number; p: number }[] } };
    const culture = result.mixed.fixed.find((f) => f.term === 'collab_culture')!;
    expect(culture.estimate).toBeGreaterThan(0.1);
    expect(culture.p).toBeLessThan(0.001);
    // The report of a campaign's analysis, as the route gives it (saved like any run).
    const report = join(tempDir(), 'report.html');
    const html = await runCli([...args, '--format', 'html', '--language', 'fr', '--out', report], { env: t.env });
    expectOk(html, 'analyze --campaign --format html');
    expect(html.stdout).toBe(`Wrote ${report}.\n`);
    const page = readFileSync(report, 'utf8');
    expect(page).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(page).toContain(`<title>Rapport d’analyse — ${wave!.title}</title>`);
    const summaries = join(tempDir(), 'summaries.json');
    expectOk(await runCli([...args, '--export-summaries', summaries], { env: t.env }), 'analyze --export-summaries');
    const written = JSON.parse(readFileSync(summaries, 'utf8')) as { format: string; columns: string[]; programs: { program: string; n: number; xtx: number[][] }[] };
    expect(written.format).toBe('alongside-program-summaries');
    expect(written.columns.slice(0, 4)).toEqual(['(Intercept)', 'collab_culture', 'role_clarity', 'supervision_support']);
    expect(written.programs.length).toBeGreaterThan(5);
    expect(written.programs.every((p) => p.n >= 5 && p.xtx.length === written.columns.length)).toBe(true);
    expect(readFileSync(summaries, 'utf8')).not.toMatch(/answers|respondent/);
    const saved = await withDatabase(t, (database) => database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM analyses`));
    expect(saved[0]!.n).toBe(2);
  });
});
