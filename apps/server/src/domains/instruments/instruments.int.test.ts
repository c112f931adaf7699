import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@alongside/db';
import { createTestApp, createWorld, errorOf, signIn, type Session, type TestContext } from '../../test/harness.ts';

// The instrument library through the API: real-world-shaped files imported with what could not be mapped listed,
// bad files refused line by line with nothing stored, and every format exported and read back.

const FIXTURES = join(import.meta.dirname, 'formats', 'fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

let ctx: TestContext;
let researcher: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  const world = await createWorld(ctx.db, 'NO');
  researcher = await signIn(ctx.app, world.users.researcherA!.email);
});

const instrumentCount = async () => (await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM instrument_versions`))[0]!.n;
const importFile = (filename: string, content: Uint8Array, language?: string) =>
  researcher.request({ method: 'POST', url: '/api/instruments/import', payload: { filename, content: base64(content), ...(language ? { language } : {}) } });

describe('instrument import and export', () => {
  it.each([
    ['PeerSupportIntegration_DataDictionary_2025-03-14.csv', 'redcap'],
    ['peer-support-integration-check.questionnaire.json', 'fhir'],
    ['peer-support-kobo.xlsx', 'xlsform'],
    ['team-integration-pulse.alongside.json', 'json'],
  ])('imports %s as %s and lists what it could not map', async (name, format) => {
    const response = await importFile(name, fixture(name));
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<{ format: string; notices: { message: string }[]; instrument: { id: string; latestVersion: { number: number } } }>();
    expect(body.format).toBe(format);
    if (format === 'redcap') expect(body.notices.length).toBeGreaterThan(0);
    // The same file again is a new version of the same instrument.
    const again = await importFile(name, fixture(name));
    expect(again.json<{ instrument: { id: string; latestVersion: { number: number } } }>().instrument).toMatchObject({ id: body.instrument.id, latestVersion: { number: 2 } });

    for (const exportFormat of ['json', 'fhir', 'redcap', 'xlsform']) {
      const exported = await researcher.request({ method: 'GET', url: `/api/instruments/${body.instrument.id}/export?format=${exportFormat}&language=en` });
      expect(exported.statusCode, `${name} → ${exportFormat}: ${exported.body.slice(0, 300)}`).toBe(200);
      expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="/);
      const back = await importFile(`back.${exportFormat}`, exported.rawPayload);
      expect(back.statusCode, `${name} → ${exportFormat} → import: ${back.body.slice(0, 300)}`).toBe(201);
    }
  });

  it.each([
    ['redcap-duplicate-variables.csv'],
    ['redcap-records-export-not-a-dictionary.csv'],
    ['redcap-saved-as-windows-1252.csv'],
    ['broken-questionnaire.json'],
  ])('refuses %s with its problems line by line and stores nothing', async (name) => {
    const before = await instrumentCount();
    const response = await importFile(name, fixture(name));
    expect(response.statusCode).toBe(400);
    const error = errorOf(response);
    expect(error.code).toBe('validation_failed');
    expect(error.details!.length).toBeGreaterThan(0);
    expect(error.details![0]!.field).toMatch(/line \d+|row \d+|column|file/);
    expect(await instrumentCount()).toBe(before);
  });

  it('refuses 10 MB of random bytes clearly, and a truncated spreadsheet', async () => {
    const before = await instrumentCount();
    const junk = await importFile('junk.bin', randomBytes(10 * 1024 * 1024));
    expect(junk.statusCode).toBe(400);
    expect(errorOf(junk).message).toMatch(/large|MB/i);
    const truncated = await importFile('cut.xlsx', fixture('peer-support-kobo.xlsx').subarray(0, 2000));
    expect(truncated.statusCode).toBe(400);
    expect(await instrumentCount()).toBe(before);
  });
});
