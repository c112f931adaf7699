import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'drizzle-orm';
import { queryRows } from '@alongside/db';
import type { Analysis } from '@alongside/contracts';
import { seededUniform } from '@alongside/stats/program-level';
import { createTestApp, createWorld, errorOf, fieldsOf, manualClock, signIn, type Session, type TestContext, type World } from '../../test/harness.ts';
import { addInstrument, campaignBody } from '../../test/survey-world.ts';

// An analysis through the API: six programs in Canada and Norway, responses imported with teamwork driving success,
// the analysis run, saved and read back; kept to its researcher; bad specs and data that cannot be modelled refused
// with the reason.

const clock = manualClock(new Date('2026-03-02T09:00:00Z'));
let ctx: TestContext;
let worlds: World[];
let researcher: Session;
let campaignId: string;
let waveId: string;
let emptyWaveId: string;

type Fit = Analysis['result']['mixed'];
/** A mixed-model fit of a result (failing the test when it is unavailable). */
function fitOf(fit: Fit): Exclude<Fit, { unavailable: unknown }> {
  if ('unavailable' in fit) throw new Error(`no fit: ${fit.unavailable.message}`);
  return fit;
}

/** Answers on the 1–5 scale driven by a latent teamwork score; team_3 is reverse-keyed (stored as 6 − the score). */
function responsesCsv(programIds: string[]): string {
  const uniform = seededUniform(9);
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const answer = (x: number) => Math.min(5, Math.max(1, Math.round(x)));
  const lines = ['record_id,program,country,group,language,team_1,team_2,team_3,success_1,success_2,role'];
  programIds.forEach((programId, j) => {
    const shift = 0.6 * normal();
    for (let i = 0; i < 30; i++) {
      const teamwork = shift + normal();
      const success = 0.7 * teamwork + 0.4 * normal();
      const team = [1, 2, 3].map(() => answer(3 + teamwork + 0.5 * normal()));
      lines.push([`r${j}-${i}`, programId, j < 3 ? 'CA' : 'NO', 'psp', 'en', team[0], team[1], 6 - team[2]!, answer(3 + success + 0.4 * normal()), answer(3 + success + 0.4 * normal()), 'a'].join(','));
    }
  });
  return lines.join('\n');
}

beforeAll(async () => {
  ctx = await createTestApp({ clock });
  worlds = [];
  for (const country of ['CA', 'CA', 'CA', 'NO', 'NO', 'NO'] as const) worlds.push(await createWorld(ctx.db, country));
  researcher = await signIn(ctx.app, worlds[0]!.users.researcherA!.email);
  ({ campaignId, waveId, emptyWaveId } = await campaignOf(worlds, responsesCsv(worlds.map((w) => w.programId))));
});

/** A campaign of these worlds' programs, joined by their administrators, with a baseline of these responses and an empty follow-up. */
async function campaignOf(members: World[], csv: string) {
  const { versionId } = await addInstrument(researcher, `analysis-${randomUUID().slice(0, 8)}`);
  const created = await researcher.request({ method: 'POST', url: '/api/campaigns', payload: { ...campaignBody(versionId, members.map((w) => w.programId), 'anonymous'), k: 11 } });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: string }>().id;
  for (const world of members) {
    const admin = await signIn(ctx.app, world.users.orgAdmin!.email);
    expect((await admin.request({ method: 'PUT', url: `/api/campaigns/${id}/programs/${world.programId}`, payload: { status: 'joined' } })).statusCode).toBe(200);
  }
  const wave = async (name: string, kind: 'baseline' | 'follow_up') => {
    const response = await researcher.request({ method: 'POST', url: `/api/campaigns/${id}/waves`, payload: { name, kind, opensOn: '2026-03-01', closesOn: '2026-04-30', reminderDays: [] } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const baseline = await wave('Baseline', 'baseline');
  const followUp = await wave('Follow-up', 'follow_up');
  const imported = await researcher.request({ method: 'POST', url: `/api/campaigns/${id}/waves/${baseline}/responses/import`, payload: { content: Buffer.from(csv).toString('base64') } });
  expect(imported.statusCode, imported.body).toBe(201);
  return { campaignId: id, waveId: baseline, emptyWaveId: followUp };
}

describe('analyses', () => {
  it('lists the campaign’s scales, runs an analysis, saves it with its inputs and reads it back', async () => {
    const scales = await researcher.request({ method: 'GET', url: `/api/campaigns/${campaignId}/scales` });
    expect(scales.statusCode, scales.body).toBe(200);
    expect(scales.json<{ key: string; outcome: boolean }[]>().map((s) => [s.key, s.outcome])).toEqual([
      ['teamwork', false],
      ['success', true],
    ]);

    const spec = { campaignId, waveId, outcome: 'success', factors: ['teamwork'], options: { resamples: 50, centering: true } };
    const run = await researcher.request({ method: 'POST', url: '/api/analyses', payload: spec });
    expect(run.statusCode, run.body.slice(0, 300)).toBe(201);
    const analysis = run.json<Analysis>();
    expect(analysis.spec).toEqual({ ...spec, options: { k: 5, resamples: 50, seed: 1, centering: true } });
    expect(analysis.softwareVersion).toMatch(/^Alongside \d+\.\d+\.\d+$/);
    expect(analysis.dataAt).toBe('2026-03-02T09:00:00.000Z');
    expect(analysis.programs.map((p) => p.countryCode).sort()).toEqual(['CA', 'CA', 'CA', 'NO', 'NO', 'NO']);
    const { result } = analysis;
    const mixed = fitOf(result.mixed);
    const ml = fitOf(result.ml);
    expect(result.sample).toMatchObject({ n: 180, programs: 6, dropped: ['group'], terms: ['(Intercept)', 'teamwork', 'countryNO'] });
    const teamwork = mixed.fixed.find((f) => f.term === 'teamwork')!;
    expect(teamwork.estimate).toBeGreaterThan(0.2);
    expect(teamwork.p).toBeLessThan(0.001);
    expect(teamwork.df).toBeGreaterThan(1);
    expect(ml.reml).toBe(false);
    expect(ml.fixed[0]!.df).toBeNull();
    expect('unavailable' in result.programLevel).toBe(false);
    expect('unavailable' in result.countries).toBe(false);
    expect(result.centered && 'effects' in result.centered ? result.centered.effects.map((e) => e.factor) : []).toEqual(['teamwork']);
    expect(result.blups).toHaveLength(6);

    const read = await researcher.request({ method: 'GET', url: `/api/analyses/${analysis.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json<Analysis>()).toEqual(analysis);
    const listed = (await researcher.request({ method: 'GET', url: '/api/analyses' })).json<{ id: string; outcome: string }[]>();
    expect(listed[0]).toMatchObject({ id: analysis.id, outcome: 'success' });
    const audit = await queryRows<{ action: string }>(ctx.db, sql`SELECT action FROM audit_events WHERE entity_id = ${analysis.id} ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['analysis.run', 'analysis.read']);


    // The report: one self-contained HTML file in the language asked for.
    const report = await researcher.request({ method: 'GET', url: `/api/analyses/${analysis.id}/report.html?language=fr` });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(report.headers['content-disposition']).toMatch(/^attachment; filename="analysis-success-2026-03-02-fr\.html"/);
    const html = report.body;
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Rapport d’analyse');
    expect(html).toContain('Travail d’équipe');
    expect(html).toMatch(/<svg role="img"/);
    expect(html).toContain('id="level"');
    expect(html).toContain('Q–Q normal des résidus standardisés');
    expect(html).not.toMatch(/<script|\bsrc=|href="http/);
    expect((await researcher.request({ method: 'GET', url: `/api/analyses/${analysis.id}/report.html?language=de` })).statusCode).toBe(400);

    // Every table: a CSV each, the whole analysis as tables.json and a README naming each file, in one zip.
    const zip = await researcher.request({ method: 'GET', url: `/api/analyses/${analysis.id}/tables.zip` });
    expect(zip.statusCode, zip.body.slice(0, 300)).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.headers['content-disposition']).toMatch(/^attachment; filename="analysis-success-2026-03-02-tables\.zip"/);
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    const names = Object.keys(files);
    expect(names).toEqual(
      expect.arrayContaining([
        'README.txt', 'tables.json', 'fixed-effects-reml.csv', 'fixed-effects-ml.csv', 'fits.csv', 'blups.csv', 'program-level-programs.csv', 'program-level-ols.csv',
        'program-level-dominance.csv', 'program-level-bootstrap.csv', 'country-slopes.csv', 'likelihood-ratio.csv', 'country-fixed-effects.csv', 'centered-effects.csv',
        'diagnostics-residuals-by-fitted.csv', 'sample.csv', 'lost.csv', 'standardization.csv',
      ]),
    );
    const text = (name: string) => strFromU8(files[name]!);
    expect(JSON.parse(text('tables.json'))).toEqual(analysis);
    const readme = text('README.txt');
    for (const name of names.filter((n) => n !== 'README.txt')) expect(readme, name).toContain(`\r\n${name}\r\n`);
    const csvRows = (name: string) => text(name).split('\r\n').slice(0, -1).map((line) => line.split(','));
    const [header, ...fixed] = csvRows('fixed-effects-reml.csv');
    expect(header).toEqual(['term', 'estimate', 'se', 'df', 't', 'p', 'waldLow', 'waldHigh', 'tLow', 'tHigh']);
    // R's term names, and numbers that read back as exactly the JSON result's.
    expect(fixed.map(([term, ...cells]) => [term, ...cells.map((c) => (c === '' ? null : Number(c)))])).toEqual(
      mixed.fixed.map((f) => [f.term, f.estimate, f.se, f.df, f.t, f.p, f.waldLow, f.waldHigh, f.tLow, f.tHigh]),
    );
    expect(fixed.map(([term]) => term)).toEqual(['(Intercept)', 'teamwork', 'countryNO']);
    expect(csvRows('fixed-effects-ml.csv').slice(1).map((row) => row[3])).toEqual(['', '', '']);
    expect(csvRows('blups.csv').slice(1).map((row) => Number(row[2]))).toEqual(result.blups.map((b) => b.blup));
    const zipAudit = await queryRows<{ action: string }>(ctx.db, sql`SELECT action FROM audit_events WHERE entity_id = ${analysis.id} ORDER BY id`);
    expect(zipAudit.map((a) => a.action).at(-1)).toBe('analysis.read');
    expect(zipAudit).toHaveLength(audit.length + 2);

    // The same inputs give the same numbers.
    const again = (await researcher.request({ method: 'POST', url: '/api/analyses', payload: spec })).json<Analysis>();
    expect(again.result).toEqual(analysis.result);
  });

  it('keeps a campaign’s analyses to its researcher', async () => {
    const [mine] = (await researcher.request({ method: 'GET', url: '/api/analyses' })).json<{ id: string }[]>();
    const other = await signIn(ctx.app, worlds[3]!.users.researcherA!.email);
    expect((await other.request({ method: 'GET', url: `/api/analyses/${mine!.id}` })).statusCode).toBe(404);
    expect((await other.request({ method: 'GET', url: `/api/analyses/${mine!.id}/tables.zip` })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/analyses/${mine!.id}/tables.zip` })).statusCode).toBe(401);
    expect((await other.request({ method: 'GET', url: '/api/analyses' })).json()).toEqual([]);
    expect((await other.request({ method: 'POST', url: '/api/analyses', payload: { campaignId, waveId, outcome: 'success', factors: ['teamwork'] } })).statusCode).toBe(404);
    expect((await other.request({ method: 'GET', url: `/api/campaigns/${campaignId}/scales` })).statusCode).toBe(404);
    const peer = await signIn(ctx.app, worlds[0]!.users.peer_support_workerA!.email);
    expect((await peer.request({ method: 'GET', url: `/api/analyses/${mine!.id}` })).statusCode).toBe(404);
  });

  it('refuses a spec that names the outcome as a factor, an unknown scale or another campaign’s wave, and says why data cannot be modelled', async () => {
    const post = (payload: object) => researcher.request({ method: 'POST', url: '/api/analyses', payload: { campaignId, waveId, outcome: 'success', factors: ['teamwork'], ...payload } });
    const asFactor = await post({ factors: ['teamwork', 'success'] });
    expect(asFactor.statusCode).toBe(400);
    expect(fieldsOf(asFactor)).toEqual(['factors']);
    const unknown = await post({ factors: ['climate'] });
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown)).toEqual(['factors']);
    const otherWave = await post({ waveId: randomUUID() });
    expect(otherWave.statusCode).toBe(400);
    expect(fieldsOf(otherWave)).toEqual(['waveId']);
    const tooMany = await post({ options: { resamples: 100_000 } });
    expect(tooMany.statusCode).toBe(400);
    const empty = await post({ waveId: emptyWaveId });
    expect(empty.statusCode).toBe(422);
    expect(errorOf(empty).code).toBe('analysis_not_possible');
    expect(errorOf(empty).message).toMatch(/nothing is left to analyse/);
  });

  it('plans a campaign: the programs needed for an effect, given the ICC, with the reason when an input is out of range', async () => {
    const plan = await researcher.request({ method: 'GET', url: '/api/analyses/planning?icc=0.1&effect=0.3&perProgram=10' });
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json()).toEqual({ designEffect: 1.9, independent: 85, respondents: 170, programs: 17 });
    const refused = await researcher.request({ method: 'GET', url: '/api/analyses/planning?icc=1&effect=0.3&perProgram=10' });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual(['icc']);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/analyses/planning?icc=0.1&effect=0.3&perProgram=10' })).statusCode).toBe(401);
  });

  it('pools two installations: one exports its programs’ summaries, the other analyses its own wave with them — the pooled analysis’s numbers', async () => {
    const csv = responsesCsv(worlds.map((w) => w.programId));
    const [header, ...lines] = csv.split('\n');
    const of = (members: World[]) => [header, ...lines.filter((line) => members.some((w) => line.includes(w.programId)))].join('\n');
    const canada = await campaignOf(worlds.slice(0, 3), of(worlds.slice(0, 3)));
    const norway = await campaignOf(worlds.slice(3), of(worlds.slice(3)));
    const analysis = { outcome: 'success', factors: ['teamwork'], options: { resamples: 40, centering: true } };

    const exported = await researcher.request({ method: 'POST', url: '/api/analyses/summaries', payload: { campaignId: norway.campaignId, waveId: norway.waveId, ...analysis } });
    expect(exported.statusCode, exported.body.slice(0, 300)).toBe(200);
    const file = exported.json<{ format: string; columns: string[]; programs: { program: string; n: number }[] }>();
    expect(file.format).toBe('alongside-program-summaries');
    expect(file.programs.map((p) => p.n)).toEqual([30, 30, 30]);
    expect(exported.body).not.toMatch(/answers|team_1/);

    const pooled = await researcher.request({ method: 'POST', url: '/api/analyses', payload: { campaignId: canada.campaignId, waveId: canada.waveId, ...analysis, summaries: [file] } });
    expect(pooled.statusCode, pooled.body.slice(0, 300)).toBe(201);
    const together = await researcher.request({ method: 'POST', url: '/api/analyses', payload: { campaignId, waveId, ...analysis } });
    const a = pooled.json<Analysis>().result;
    const b = together.json<Analysis>().result;
    expect(pooled.json<Analysis>().programs.filter((p) => p.imported).map((p) => p.countryCode)).toEqual(['NO', 'NO', 'NO']);
    const close = (x: unknown, y: unknown, path: string): void => {
      if (typeof y === 'number') expect(Math.abs((x as number) - y), `${path}: ${String(x)} vs ${y}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(y)));
      else if (Array.isArray(y)) y.forEach((v, i) => close((x as unknown[])[i], v, `${path}[${i}]`));
      else if (y && typeof y === 'object') for (const key of Object.keys(y)) close((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key], `${path}.${key}`);
      else expect(x, path).toEqual(y);
    };
    // The same numbers, but for what needs respondent rows: the count missing per variable and the diagnostics.
    expect(a.diagnostics).toBeUndefined();
    close({ ...a, sample: { ...a.sample, lost: {} } }, { ...b, sample: { ...b.sample, lost: {} }, diagnostics: undefined }, 'result');

    // Summaries of another analysis, or twice the same programs, are refused with the reason.
    const other = await researcher.request({ method: 'POST', url: '/api/analyses', payload: { campaignId: canada.campaignId, waveId: canada.waveId, ...analysis, outcome: 'teamwork', factors: ['success'], summaries: [file] } });
    expect(other.statusCode).toBe(400);
    expect(fieldsOf(other)).toEqual(['summaries.0']);
    const twice = await researcher.request({ method: 'POST', url: '/api/analyses', payload: { campaignId, waveId, ...analysis, summaries: [file] } });
    expect(twice.statusCode).toBe(400);
    expect(errorOf(twice).message).toMatch(/is in two sets of summaries/);
  });
  it('computes only the models the spec names; the report and the tables say what was not asked for', async () => {
    const run = await researcher.request({ method: 'POST', url: '/api/analyses', payload: { campaignId, waveId, outcome: 'success', factors: ['teamwork'], models: ['ols', 'country', 'level_dominance'], options: { resamples: 20 } } });
    expect(run.statusCode, run.body.slice(0, 300)).toBe(201);
    const analysis = run.json<Analysis>();
    expect(analysis.spec.models).toEqual(['ols', 'country', 'level_dominance']);
    const levels = analysis.result.levelDominance;
    if (!levels || 'unavailable' in levels) throw new Error('no dominance on the mixed model');
    expect(levels.within.factors).toEqual(['teamwork']);
    expect(levels.within.general[0]).toBeCloseTo(levels.within.r2!, 12);
    expect('unavailable' in analysis.result.mixed && analysis.result.mixed.unavailable.code).toBe('not_requested');
    expect('unavailable' in analysis.result.programLevel || analysis.result.programLevel.bootstrap).toBeNull();
    expect('unavailable' in analysis.result.countries).toBe(false);
    const report = await researcher.request({ method: 'GET', url: `/api/analyses/${analysis.id}/report.html` });
    expect(report.body).toContain('The mixed model was not asked for in this analysis.');
    const zip = unzipSync(new Uint8Array((await researcher.request({ method: 'GET', url: `/api/analyses/${analysis.id}/tables.zip` })).rawPayload));
    expect(Object.keys(zip)).not.toContain('fixed-effects-reml.csv');
    expect(strFromU8(zip['unavailable.csv']!)).toContain('not_requested');
    expect(strFromU8(zip['level-dominance.csv']!).split('\r\n')[1]).toBe(`teamwork,${levels.within.general[0]},${levels.between.general[0]}`);
    expect(report.body).toContain('Relative importance in the mixed model');
    const twice = await researcher.request({ method: 'POST', url: '/api/analyses', payload: { campaignId, waveId, outcome: 'success', factors: ['teamwork'], models: ['ols', 'ols'] } });
    expect(twice.statusCode).toBe(400);
    expect(fieldsOf(twice)).toEqual(['models']);
  });

  it('joins program variables — the profile and the indicators of the months up to the wave’s close — as factors or as the outcome, and composites', async () => {
    // Profiles of the six programs; a huddle in January for five of them, attended by the PSP in every other one.
    const fte = [1, 1.5, 2, 2.5, 3, 3.5];
    for (const [j, world] of worlds.entries()) {
      await ctx.db.execute(sql`UPDATE programs SET psp_fte = ${fte[j]!}, champion_present = ${j % 3 === 0} WHERE id = ${world.programId}`);
      if (j === 5) continue;
      const [huddle] = await queryRows<{ id: string }>(
        ctx.db,
        sql`INSERT INTO huddles (organization_id, program_id, team_id, held_at, created_by)
            VALUES (${world.organizationId}, ${world.programId}, ${world.teamA}, '2026-01-14T15:00:00Z', ${world.users.nurseA!.id}) RETURNING id`,
      );
      if (j % 2 === 0) await ctx.db.execute(sql`INSERT INTO huddle_attendees (huddle_id, user_id, role) VALUES (${huddle!.id}, ${world.users.peer_support_workerA!.id}, 'peer_support_worker')`);
    }
    const post = (payload: object) => researcher.request({ method: 'POST', url: '/api/analyses', payload: { campaignId, waveId, options: { resamples: 20 }, ...payload } });

    const joined = await post({ outcome: 'success', factors: ['teamwork', 'profile_psp_fte', 'indicator_huddle_attendance'] });
    expect(joined.statusCode, joined.body.slice(0, 300)).toBe(201);
    const { sample, mixed } = joined.json<Analysis>().result;
    // The wave closes on 30 April; on 2 March the months that are over end with February.
    expect(sample.joined).toEqual({ variables: ['profile_psp_fte', 'indicator_huddle_attendance'], period: { from: '2025-12-01', to: '2026-02-28' } });
    expect(sample.lost).toMatchObject({ profile_psp_fte: 0, indicator_huddle_attendance: 30 });
    expect(sample).toMatchObject({ n: 150, programs: 5 });
    expect(fitOf(mixed).terms).toEqual(['(Intercept)', 'teamwork', 'profile_psp_fte', 'indicator_huddle_attendance', 'countryNO']);
    // Every respondent carries the program's value: z-scored over the 150 respondents of the five programs.
    const values = fte.slice(0, 5).flatMap((v) => Array<number>(30).fill(v));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    const standardized = sample.standardization.find((s) => s.factor === 'profile_psp_fte')!;
    expect(standardized.mean).toBeCloseTo(mean, 12);
    expect(standardized.sd).toBeCloseTo(sd, 12);
    const attendance = sample.standardization.find((s) => s.factor === 'indicator_huddle_attendance')!;
    expect(attendance.mean).toBeCloseTo((3 * 100) / 5, 12);
    const audit = await queryRows<{ details: { programVariables: string[] } }>(ctx.db, sql`SELECT details FROM audit_events WHERE entity_id = ${joined.json<Analysis>().id} AND action = 'analysis.run'`);
    expect(audit[0]!.details.programVariables).toEqual(['profile_psp_fte', 'indicator_huddle_attendance']);

    // An indicator as the outcome: one value per program, so the program level is the analysis.
    const programLevel = await post({ outcome: 'indicator_huddle_attendance', factors: ['teamwork', 'profile_psp_fte'] });
    expect(programLevel.statusCode, programLevel.body.slice(0, 300)).toBe(201);
    const result = programLevel.json<Analysis>().result;
    expect('unavailable' in result.mixed && result.mixed.unavailable.code).toBe('program_level_outcome');
    expect('unavailable' in result.countries && result.countries.unavailable.code).toBe('program_level_outcome');
    expect(result.blups).toEqual([]);
    if ('unavailable' in result.programLevel) throw new Error(result.programLevel.unavailable.message);
    expect(result.programLevel.programs.map((p) => p.outcomeMean).sort()).toEqual([0, 0, 100, 100, 100]);
    expect(result.programLevel.ols.terms.map((t) => t.term)).toEqual(['(Intercept)', 'teamwork', 'profile_psp_fte']);
    const report = await researcher.request({ method: 'GET', url: `/api/analyses/${programLevel.json<Analysis>().id}/report.html` });
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Peer support at huddles (%)');
    expect(report.body).toContain('nothing varies between the respondents of a program');

    // A composite the researcher defines, as the outcome.
    const composite = { key: 'success_index', label: 'Success index', parts: [{ variable: 'success', weight: 1 }, { variable: 'profile_champion', weight: 0.5 }] };
    const withComposite = await post({ outcome: 'success_index', factors: ['teamwork'], composites: [composite] });
    expect(withComposite.statusCode, withComposite.body.slice(0, 300)).toBe(201);
    const saved = withComposite.json<Analysis>();
    expect(saved.spec.composites).toEqual([{ ...composite, standardize: true }]);
    expect(saved.outcomeLabel).toBe('Success index');
    const listed = (await researcher.request({ method: 'GET', url: '/api/analyses' })).json<{ id: string; outcomeLabel?: string }[]>();
    expect(listed.find((a) => a.id === saved.id)?.outcomeLabel).toBe('Success index');
    expect(saved.result.sample).toMatchObject({ n: 180, joined: { variables: ['profile_champion'], period: null } });
    expect(fitOf(saved.result.mixed).fixed.find((f) => f.term === 'teamwork')!.estimate).toBeGreaterThan(0);
    const compositeReport = await researcher.request({ method: 'GET', url: `/api/analyses/${saved.id}/report.html` });
    expect(compositeReport.body).toContain('Success index');

    // Names that are not the campaign's, or that clash, are refused with the field.
    const clash = await post({ outcome: 'teamwork', factors: ['success'], composites: [{ ...composite, key: 'teamwork' }] });
    expect(clash.statusCode).toBe(400);
    expect(fieldsOf(clash)).toEqual(['composites.0.key']);
    const unknownPart = await post({ outcome: 'success_index', factors: ['teamwork'], composites: [{ ...composite, parts: [{ variable: 'climate', weight: 1 }, { variable: 'success', weight: 1 }] }] });
    expect(unknownPart.statusCode).toBe(400);
    expect(fieldsOf(unknownPart)).toEqual(['composites.0.parts.0.variable']);
    const nested = await post({ outcome: 'b', factors: ['teamwork'], composites: [composite, { key: 'b', parts: [{ variable: 'success_index', weight: 1 }, { variable: 'success', weight: 1 }] }] });
    expect(nested.statusCode).toBe(400);
    expect(fieldsOf(nested)).toEqual(['composites.1.parts.0.variable']);
    const unknownVariable = await post({ outcome: 'success', factors: ['profile_unknown'] });
    expect(unknownVariable.statusCode).toBe(400);
    expect(fieldsOf(unknownVariable)).toEqual(['factors']);
  });
});
