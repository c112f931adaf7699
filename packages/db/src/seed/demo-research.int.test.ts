import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import type { InstrumentDefinition } from '@alongside/contracts';
import { migrate, seedDemo, seedReferenceData, type Database } from '../index.ts';
import { emptyDatabase } from './test-database.ts';

let database: Database;
const now = new Date();
const today = now.toISOString().slice(0, 10);
const K = 11;

const rows = <T = Record<string, unknown>>(statement: SQL) => database.query<T>(statement);
const count = async (statement: SQL) => (await rows<{ n: number }>(sql`select count(*)::int as n from (${statement}) q`))[0]!.n;

interface Response {
  wave: string;
  program_id: string;
  program: string;
  country: 'CA' | 'NO';
  supervision_model: string;
  group: string;
  language: string;
  version_id: string;
  answers: Record<string, unknown>;
}
let responses: Response[];
let definitions: Map<string, InstrumentDefinition>;

beforeAll(async () => {
  database = await emptyDatabase();
  await migrate(database);
  await seedReferenceData(database);
  await seedDemo(database, undefined, { now });
  responses = await rows<Response>(sql`
    select w.kind as wave, r.program_id, p.name as program, o.country_code as country, p.supervision_model, r."group", r.language,
      r.instrument_version_id as version_id, r.answers
    from survey_responses r join campaign_waves w on w.id = r.wave_id join programs p on p.id = r.program_id join organizations o on o.id = p.organization_id`);
  const versions = await rows<{ id: string; definition: InstrumentDefinition }>(sql`select id, definition from instrument_versions`);
  definitions = new Map(versions.map((v) => [v.id, v.definition]));
});

afterAll(async () => {
  await database.close();
});

/** Scale means as the scoring conventions define them: reverse-keyed → 6 − x, mean of answered items, missing below half. */
function scaleMeans(response: Response): Record<string, number | undefined> {
  const definition = definitions.get(response.version_id)!;
  const out: Record<string, number | undefined> = {};
  for (const subscale of definition.subscales) {
    const values = subscale.items.flatMap((name) => {
      const value = response.answers[name];
      if (typeof value !== 'number') return [];
      return [definition.items.find((i) => i.name === name)!.reverse ? 6 - value : value];
    });
    out[subscale.id] = values.length * 2 >= subscale.items.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
  }
  return out;
}

function correlation(pairs: [number, number][]): number {
  const n = pairs.length;
  const mx = pairs.reduce((s, [x]) => s + x, 0) / n;
  const my = pairs.reduce((s, [, y]) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('demo research: the shipped survey and the campaign', () => {
  it('puts the five versions of the Peer Support Integration Survey in the library, locked by their answers', async () => {
    const instruments = await rows<{ key: string; status: string; format: string; number: number; locked: boolean }>(sql`
      select i.key, i.licence->>'status' as status, v.source_format as format, v.number, v.locked_at is not null as locked
      from instruments i join instrument_versions v on v.instrument_id = i.id order by i.key`);
    expect(instruments.map((i) => i.key)).toEqual(['psis-clinician', 'psis-manager', 'psis-person-supported', 'psis-policy-maker', 'psis-psp']);
    for (const i of instruments) expect(i).toMatchObject({ status: 'own_non_validated', format: 'json', number: 1, locked: true });
  });

  it('has one anonymous-but-tracked campaign across every program, joined by each organization’s administrator', async () => {
    const [campaign] = await rows<{ privacy_mode: string; k: number; languages: string[]; ethics_approval: string; data_controller: string; retention_until: string; owner: string; information: Record<string, string> }>(sql`
      select c.privacy_mode, c.k, c.languages, c.ethics_approval, c.data_controller, c.retention_until::text, u.email as owner, c.information
      from campaigns c join users u on u.id = c.owner_id`);
    expect(await count(sql`select 1 from campaigns`)).toBe(1);
    expect(campaign).toMatchObject({ privacy_mode: 'anonymous_tracked', k: K, languages: ['en', 'fr', 'nb'], owner: 'researcher@alongside.example' });
    expect(campaign!.ethics_approval).toMatch(/REB .*REK /);
    expect(campaign!.data_controller.length).toBeGreaterThan(10);
    expect(campaign!.retention_until > `${now.getUTCFullYear() + 2}-12-31`).toBe(true);
    expect(Object.keys(campaign!.information).sort()).toEqual(['en', 'fr', 'nb']);
    expect(await count(sql`select 1 from campaign_groups g join instrument_versions v on v.id = g.instrument_version_id join instruments i on i.id = v.instrument_id
      where i.key = 'psis-' || replace(g."group", '_', '-')`)).toBe(5);
    const programs = await count(sql`select 1 from programs`);
    expect(programs).toBe(11);
    expect(await count(sql`select 1 from campaign_programs cp join programs p on p.id = cp.program_id
      where cp.status = 'joined' and cp.decided_at is not null
        and exists (select 1 from memberships m where m.user_id = cp.decided_by and m.organization_id = p.organization_id and m.role = 'org_admin')`)).toBe(programs);
  });

  it('has a closed baseline a few months back and a follow-up open now, closing in a few weeks', async () => {
    const waves = await rows<{ kind: string; opens_on: string; closes_on: string }>(sql`select kind, opens_on::text, closes_on::text from campaign_waves order by opens_on`);
    expect(waves.map((w) => w.kind)).toEqual(['baseline', 'follow_up']);
    const [baseline, followUp] = waves;
    const daysFromNow = (date: string) => (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
    expect(daysFromNow(baseline!.closes_on)).toBeLessThan(-30);
    expect(daysFromNow(baseline!.opens_on)).toBeGreaterThan(-200);
    expect(followUp!.opens_on <= today && today < followUp!.closes_on).toBe(true);
    expect(daysFromNow(followUp!.closes_on)).toBeLessThan(60);
    // Every response falls within its wave, and nothing is in the future.
    expect(await count(sql`select 1 from survey_responses r join campaign_waves w on w.id = r.wave_id
      where r.submitted_on < w.opens_on or r.submitted_on > least(w.closes_on, ${today}::date)`)).toBe(0);
    expect(await count(sql`select 1 from survey_completions where completed_on > ${today}::date`)).toBe(0);
    expect(await count(sql`select 1 from survey_invitations where greatest(created_at, sent_at, last_reminded_at) > ${now.toISOString()}::timestamptz`)).toBe(0);
  });

  it('has several hundred baseline responses from every group, language and country, and a follow-up under way', () => {
    const baseline = responses.filter((r) => r.wave === 'baseline');
    expect(baseline.length).toBeGreaterThanOrEqual(500);
    expect(baseline.length).toBeLessThanOrEqual(800);
    expect(new Set(baseline.map((r) => r.group))).toEqual(new Set(['psp', 'clinician', 'manager', 'person_supported', 'policy_maker']));
    const share = (country: string, language: string) => {
      const inCountry = baseline.filter((r) => r.country === country);
      return inCountry.filter((r) => r.language === language).length / inCountry.length;
    };
    expect(share('CA', 'en')).toBeGreaterThan(0.5);
    expect(share('CA', 'fr')).toBeGreaterThan(0.15);
    expect(share('NO', 'nb')).toBeGreaterThan(0.7);
    expect(share('NO', 'en')).toBeGreaterThan(0.05);
    expect(share('CA', 'nb') + share('NO', 'fr')).toBe(0);
    const followUp = responses.filter((r) => r.wave === 'follow_up');
    expect(followUp.length).toBeGreaterThan(50);
    expect(followUp.length).toBeLessThan(baseline.length);
  });

  it('stores only answers that are valid for the response’s instrument version and group', async () => {
    const groupVersion = new Map((await rows<{ group: string; id: string }>(sql`select "group", instrument_version_id as id from campaign_groups`)).map((g) => [g.group, g.id]));
    let answered = 0;
    let possible = 0;
    const invalid: string[] = [];
    for (const r of responses) {
      if (r.version_id !== groupVersion.get(r.group)) invalid.push(`${r.group}: version ${r.version_id}`);
      const definition = definitions.get(r.version_id)!;
      const items = new Map(definition.items.map((i) => [i.name, i]));
      for (const [name, value] of Object.entries(r.answers)) {
        const item = items.get(name);
        const points = definition.scales.find((s) => s.id === item?.scale)?.points.map((p) => p.value) ?? [];
        if (!item || !points.includes(value as number)) invalid.push(`${r.group} ${name} = ${JSON.stringify(value)}`);
      }
      answered += Object.keys(r.answers).length;
      possible += definition.items.length;
    }
    expect(invalid).toEqual([]);
    // A few percent missing at random, not more.
    expect(1 - answered / possible).toBeGreaterThan(0.01);
    expect(1 - answered / possible).toBeLessThan(0.06);
  });

  it('keeps anonymous responses apart from invitations: no invitation id, no moment, completions by the day only', async () => {
    expect(await count(sql`select 1 from survey_responses where invitation_id is not null or submitted_at is not null or external_id is not null`)).toBe(0);
    expect(await count(sql`select 1 from survey_invitations where wave_id not in (select id from campaign_waves where kind = 'follow_up')`)).toBe(0);
    expect(await count(sql`select 1 from survey_invitations where token_hash !~ '^[0-9a-f]{64}$'`)).toBe(0);
    const invitations = await count(sql`select 1 from survey_invitations`);
    const completions = await count(sql`select 1 from survey_completions`);
    expect(completions).toBeGreaterThan(0);
    expect(completions).toBeLessThan(invitations);
    // Non-responders past the first reminder day got one reminder; responders none after responding.
    expect(await count(sql`select 1 from survey_invitations i where i.reminders_sent > 0`)).toBeGreaterThan(0);
    expect(await count(sql`select 1 from survey_invitations i join survey_completions c on c.invitation_id = i.id where i.reminders_sent > 0`)).toBe(0);
    // As many invited follow-up responses per program and group as completions: counts agree, rows do not join.
    const mismatched = await rows(sql`
      select coalesce(r.program_id, c.program_id), coalesce(r."group", c."group") from
        (select program_id, "group", count(*) as n from survey_responses where wave_id in (select id from campaign_waves where kind = 'follow_up')
          and "group" <> 'person_supported' group by 1, 2) r
        full join (select i.program_id, i."group", count(*) as n from survey_completions c join survey_invitations i on i.id = c.invitation_id group by 1, 2) c
          on c.program_id = r.program_id and c."group" = r."group"
      where r.n is distinct from c.n`);
    expect(mismatched).toEqual([]);
    // People supported answer through one open link per program.
    expect(await count(sql`select 1 from survey_open_links where "group" = 'person_supported'`)).toBe(await count(sql`select 1 from programs`));
    expect(await count(sql`select 1 from survey_invitations where "group" = 'person_supported'`)).toBe(0);
  });

  it('has program × group cells below k and most program totals above, so suppression shows', () => {
    const baseline = responses.filter((r) => r.wave === 'baseline');
    const cells = new Map<string, number>();
    const totals = new Map<string, number>();
    for (const r of baseline) {
      cells.set(`${r.program} ${r.group}`, (cells.get(`${r.program} ${r.group}`) ?? 0) + 1);
      totals.set(r.program, (totals.get(r.program) ?? 0) + 1);
    }
    expect([...cells.values()].filter((n) => n < K).length).toBeGreaterThan(5);
    expect([...cells.values()].filter((n) => n >= K).length).toBeGreaterThan(5);
    expect([...totals.values()].filter((n) => n < K).length).toBeGreaterThanOrEqual(1);
    expect([...totals.values()].filter((n) => n >= K).length).toBeGreaterThanOrEqual(totals.size - 2);
  });

  it('shows the stated structure: drivers go with integration success, recovery orientation does not, supervision matters more in Norway', () => {
    const scored = responses.filter((r) => r.wave === 'baseline').map((r) => ({ r, s: scaleMeans(r) }));
    const r = (scale: string, country?: string) =>
      correlation(scored.filter(({ r: x, s }) => (!country || x.country === country) && s[scale] !== undefined && s.integration_success !== undefined).map(({ s }) => [s[scale]!, s.integration_success!]));
    for (const driver of ['collab_culture', 'role_clarity', 'mgmt_support', 'supervision_support']) expect(r(driver), driver).toBeGreaterThan(0.3);
    expect(Math.abs(r('recovery'))).toBeLessThan(0.15);
    expect(r('supervision_support', 'NO') - r('supervision_support', 'CA')).toBeGreaterThan(0.15);
    // Program differences follow the profile: supervision support is rated higher where PSPs have peer and clinical supervision.
    const mean = (model: string) => {
      const values = scored.filter(({ r: x, s }) => x.supervision_model === model && s.supervision_support !== undefined).map(({ s }) => s.supervision_support!);
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
    expect(mean('both') - mean('clinical')).toBeGreaterThan(0.3);
  });
});
