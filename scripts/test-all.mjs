// `npm test`: lint, typecheck, the OpenAPI document (Redocly lint, the web's generated types fresh),
// unit tests, integration tests on PGlite and on a throw-away PostgreSQL 15, then browser journeys
// in headless Chromium. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hasPostgresBinaries, startPostgres } from './throwaway-postgres.mjs';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, '.tmp/test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function step(name, cmd, args, env = {}) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`━━ ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (result.status !== 0) failures.push(name);
  return result.status === 0;
}

function vitest(name, project, env = {}) {
  const file = join(reports, `${name.replace(/\W+/g, '-')}.json`);
  const ok = step(name, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], env);
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  } else if (!ok) {
    totals.failed += 1;
  }
}

step('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('OpenAPI document (Redocly lint, web client types up to date)', 'npm', ['run', '--silent', 'lint:openapi']);
vitest('unit', 'unit');
vitest('integration (PGlite)', 'int');

if (process.env.TEST_DATABASE_URL) {
  vitest('integration (PostgreSQL, TEST_DATABASE_URL)', 'int');
} else if (hasPostgresBinaries()) {
  const server = await startPostgres();
  try {
    vitest('integration (PostgreSQL 15)', 'int', { TEST_DATABASE_URL: server.url });
  } finally {
    server.stop();
  }
} else {
  console.log('\n!! PostgreSQL binaries not found: the integration suite did not run on PostgreSQL (.ci/run installs them).');
  failures.push('postgres missing');
}

if (step('build web app', 'npm', ['run', '--silent', 'build'])) vitest('browser (Chromium)', 'e2e');

console.log(`\n${failures.length ? `Failed steps: ${failures.join(', ')}` : 'All steps passed.'}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length || totals.failed ? 1 : 0);
