import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { InstrumentDefinitionSchema, type InstrumentDefinition, type StakeholderGroup } from '@alongside/contracts';
import { queryRows, type Db } from '../client.ts';
import { insertRows } from './bulk.ts';
import { col, seededRandom, tools } from './demo-activity.ts';
import { INTEGRATION_SURVEY, PSIS_OUTCOME } from './integration-survey.ts';

// The research half of the demo: the Peer Support Integration Survey in the shared library, and one campaign across
// every demo program in Canada and Norway (anonymous but tracked, k = 11) with a finished baseline wave and a
// follow-up in progress. Rows are what the campaign services would have written; the answers come from a stated
// latent structure, so that results, reliability and the coming multilevel analysis find something real.
//
// The latent structure (every score on the 1–5 answer scale; N(0, s) a normal draw with standard deviation s):
//
//   factor f of respondent i in program j, group g:  x_f = m_f(j) + shift_f(g) + d_f
//     m_f(j)   the program's mean, set by its profile (PROGRAM_MEANS): e.g. role clarity +0.6 with an agreed job
//              description, supervision support +0.7 with peer and clinical supervision, management support +0.45
//              when peer support is in the strategic plan. Programs differ for real, for reasons a researcher can see.
//     shift    how a stakeholder group sees a factor (GROUP_SHIFTS): PSPs feel less included, managers see more
//              management support, …
//     d_f      the respondent's own view: for the four drivers 0.35·c + N(0, 0.45), c ~ N(0, 1) shared by the
//              drivers (a person who finds the team collaborative tends to find roles clear: r ≈ 0.4 between
//              drivers); for the other factors N(0, 0.57), independent of everything else.
//
//   perceived integration success:  y = 3.45 + Σ_f b_f(country) · (x_f − 3.2) + u_j + N(0, 0.4),  u_j ~ N(0, 0.15)
//     drivers   collab_culture 0.40, role_clarity 0.30, mgmt_support 0.25,
//               supervision_support 0.10 in Canada and 0.45 in Norway — the Canada–Norway difference;
//     weak      inclusion 0.10, clin_confidence 0.08;
//     none      openness, complementary, training, recovery (0). Recovery orientation's program means depend only on
//               the setting and barely vary, so it is the clean non-driver (r with the outcome ≈ 0); training and
//               complementarity take their program means from clinician orientation, which drives nothing strongly,
//               but programs are few, so they may show a small correlation through the program level.
//   In the seeded baseline (scale means of answered items, as scored): r with the outcome 0.38–0.45 for the four
//   drivers, supervision support 0.26 in Canada and 0.58 in Norway, recovery orientation −0.01, training 0.13.
//
//   item answer:  round(x_scale + item offset + N(0, 0.65)), clamped to 1–5; a reverse-keyed item stores 6 − that;
//                 each answer is missing (left out) with probability 0.03. The follow-up draws new respondents from
//                 the same structure, with drivers up by 0.1 in programs that run an improvement cycle.
//
// Respondents per program and group come from the program's size (teams, PSP FTE) and roll-out phase: the program
// still planning its roll-out has fewer than k = 11 respondents in all, most programs have well over, and the small
// groups (PSPs, managers, policy makers) stay below k in each program, so suppression shows in results.
// Languages: Canadian programs mostly English with about a quarter French; Norwegian mostly Bokmål, some English.
// Everything is seeded (the same on every install) except the invitation tokens and open-link codes, which are real
// random secrets: the demo must not ship a link anyone could guess.

type Tx = Pick<Db, 'execute'>;

export interface ResearchOptions {
  now: Date;
  /** researcher@: owns the campaign. */
  researcherId: string;
  onTable?: (table: string) => void;
}

/** How many bulk steps seedDemoResearch reports (for progress totals). */
export const RESEARCH_TABLES = 10;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const K = 11;
const CENTRE = 3.2;
const MISSING = 0.03;

/** Standard normal draws (Box–Muller) from a uniform generator. */
const gaussian = (random: () => number) => () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayStart = (ms: number) => Math.floor(ms / DAY) * DAY;
const json = (v: unknown) => JSON.stringify(v);

type Factor =
  | 'collab_culture'
  | 'openness'
  | 'role_clarity'
  | 'complementary'
  | 'clin_confidence'
  | 'mgmt_support'
  | 'inclusion'
  | 'supervision_support'
  | 'training'
  | 'recovery';
type Country = 'CA' | 'NO';

const FACTORS: readonly Factor[] = ['collab_culture', 'openness', 'role_clarity', 'complementary', 'clin_confidence', 'mgmt_support', 'inclusion', 'supervision_support', 'training', 'recovery'];
const DRIVERS = new Set<Factor>(['collab_culture', 'role_clarity', 'mgmt_support', 'supervision_support']);

/** b_f: how much each factor moves perceived integration success, per country. */
export const LATENT_EFFECTS: Record<Factor, Record<Country, number>> = {
  collab_culture: { CA: 0.4, NO: 0.4 },
  role_clarity: { CA: 0.3, NO: 0.3 },
  mgmt_support: { CA: 0.25, NO: 0.25 },
  supervision_support: { CA: 0.1, NO: 0.45 },
  inclusion: { CA: 0.1, NO: 0.1 },
  clin_confidence: { CA: 0.08, NO: 0.08 },
  openness: { CA: 0, NO: 0 },
  complementary: { CA: 0, NO: 0 },
  training: { CA: 0, NO: 0 },
  recovery: { CA: 0, NO: 0 },
};

interface ProgramRow {
  id: string;
  name: string;
  organization_id: string;
  country_code: Country;
  setting: string;
  psp_fte: number | null;
  supervision_model: string | null;
  champion_present: boolean | null;
  rollout_phase: string | null;
  strategic_plan_priority: boolean | null;
  job_description_agreed: boolean | null;
  clinician_orientation_done: boolean | null;
  peer_network_access: boolean | null;
  improvement_cycle: boolean | null;
  teams: number;
  org_admin_id: string;
}

const on = (flag: boolean | null) => (flag ? 1 : 0);
const RECOVERY_BY_SETTING: Record<string, number> = { addictions: 0.1, assertive_community_treatment: 0.1, community_team: 0.05, youth: 0.05, inpatient: -0.1, emergency: -0.1 };

/** m_f(j): a program's mean on each factor, from its profile. */
function programMeans(p: ProgramRow): Record<Factor, number> {
  const full = p.rollout_phase === 'full' ? 1 : 0;
  const underway = p.rollout_phase === 'full' || p.rollout_phase === 'partial' ? 1 : 0;
  const supervision = { both: 0.7, peer: 0.45, clinical: 0.15 }[p.supervision_model ?? ''] ?? 0;
  return {
    collab_culture: 3.0 + 0.35 * on(p.champion_present) + 0.25 * on(p.improvement_cycle) + 0.1 * full,
    openness: 3.1 + 0.3 * underway + 0.2 * on(p.strategic_plan_priority),
    role_clarity: 2.8 + 0.6 * on(p.job_description_agreed) + 0.15 * full,
    complementary: 3.3 + 0.25 * on(p.clinician_orientation_done),
    clin_confidence: 3.0 + 0.35 * on(p.clinician_orientation_done),
    mgmt_support: 2.9 + 0.45 * on(p.strategic_plan_priority) + 0.25 * on(p.champion_present),
    inclusion: 2.9 + 0.3 * on(p.improvement_cycle) + 0.1 * Math.min(p.psp_fte ?? 0, 3),
    supervision_support: 2.7 + supervision + 0.25 * on(p.peer_network_access),
    training: 2.9 + 0.5 * on(p.clinician_orientation_done),
    recovery: 3.5 + (RECOVERY_BY_SETTING[p.setting] ?? 0),
  };
}

const GROUP_SHIFTS: Record<StakeholderGroup, Partial<Record<Factor, number>>> = {
  psp: { inclusion: -0.3, clin_confidence: -0.2 },
  clinician: { clin_confidence: 0.2, complementary: -0.15 },
  manager: { mgmt_support: 0.25, role_clarity: 0.2 },
  person_supported: { complementary: 0.2 },
  policy_maker: { openness: 0.2, training: -0.2 },
};

/** Baseline respondents of one group in one program, before the roll-out phase's response rate. */
function plannedCount(p: ProgramRow, group: StakeholderGroup, between: (lo: number, hi: number) => number): number {
  const rate = { planning: 0.15, pilot: 0.85, partial: 0.95, full: 1 }[p.rollout_phase ?? ''] ?? 0.9;
  const base = {
    psp: 2 + 2.5 * (p.psp_fte ?? 1),
    clinician: p.teams * between(11, 17),
    person_supported: p.teams * between(24, 36),
    manager: between(2, 5),
    policy_maker: between(1, 4),
  }[group];
  return Math.max(group === 'policy_maker' ? 0 : 1, Math.floor(base * rate));
}

/**
 * The latent structure stated at the top of this file: for a respondent of a group in a program, their answers to
 * that group's version of the survey. `lift` raises the drivers (the follow-up in programs with an improvement cycle).
 */
function latentModel(programs: ProgramRow[], definitions: ReadonlyMap<StakeholderGroup, InstrumentDefinition>, random: () => number) {
  const { between, chance } = tools(random);
  const normal = gaussian(random);
  const itemScale = new Map<string, { scale: string; reverse: boolean }>();
  for (const definition of definitions.values()) {
    for (const subscale of definition.subscales) {
      for (const name of subscale.items) itemScale.set(name, { scale: subscale.id, reverse: definition.items.find((i) => i.name === name)!.reverse });
    }
  }
  // Items differ a little in how easily people agree with them, the same in every group.
  const offsets = new Map([...itemScale.keys()].sort().map((name) => [name, between(-0.25, 0.25)]));
  const means = new Map(programs.map((p) => [p.id, programMeans(p)]));
  const programEffect = new Map(programs.map((p) => [p.id, 0.15 * normal()]));
  return (p: ProgramRow, group: StakeholderGroup, lift: number): Record<string, number> => {
    const common = normal();
    const latent: Record<string, number> = {};
    let outcome = 3.45 + programEffect.get(p.id)!;
    for (const f of FACTORS) {
      const own = DRIVERS.has(f) ? 0.35 * common + 0.45 * normal() : 0.57 * normal();
      const x = means.get(p.id)![f] + (GROUP_SHIFTS[group][f] ?? 0) + own + (DRIVERS.has(f) ? lift : 0);
      latent[f] = x;
      outcome += LATENT_EFFECTS[f][p.country_code] * (x - CENTRE);
    }
    latent[PSIS_OUTCOME] = outcome + 0.4 * normal();
    const answers: Record<string, number> = {};
    for (const item of definitions.get(group)!.items) {
      const { scale, reverse } = itemScale.get(item.name)!;
      const value = Math.min(5, Math.max(1, Math.round(latent[scale]! + offsets.get(item.name)! + 0.65 * normal())));
      // Drawn even when left out, so that one missing answer does not shift every later draw.
      if (!chance(MISSING)) answers[item.name] = reverse ? 6 - value : value;
    }
    return answers;
  };
}

interface ResponseRow { waveId: string; programId: string; group: StakeholderGroup; language: string; versionId: string; submittedOn: string; answers: Record<string, number> }
interface InvitationRow { id: string; waveId: string; programId: string; group: StakeholderGroup; language: string; email: string; tokenHash: string; createdAt: Date; sentAt: Date; remindersSent: number; lastRemindedAt: Date | null }
interface CompletionRow { invitationId: string; completedOn: string }
interface OpenLinkRow { id: string; waveId: string; programId: string; group: StakeholderGroup; code: string; createdAt: Date }

/**
 * The shipped Peer Support Integration Survey in the instrument library (version 1 of each group's instrument),
 * added when missing; returns their ids. Part of every installation's reference data.
 */
export async function ensureShippedInstruments(tx: Tx): Promise<{ id: string; versionId: string; group: StakeholderGroup }[]> {
  const out: { id: string; versionId: string; group: StakeholderGroup }[] = [];
  for (const shipped of INTEGRATION_SURVEY) {
    await tx.execute(sql`INSERT INTO instruments (key, name, licence) VALUES (${shipped.key}, ${shipped.name}, ${JSON.stringify(shipped.licence)}::jsonb) ON CONFLICT (key) DO NOTHING`);
    const [instrument] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM instruments WHERE key = ${shipped.key}`);
    const definition = JSON.stringify(InstrumentDefinitionSchema.parse(shipped.definition));
    await tx.execute(sql`INSERT INTO instrument_versions (instrument_id, number, definition, source_format) VALUES (${instrument!.id}, 1, ${definition}::jsonb, 'json') ON CONFLICT (instrument_id, number) DO NOTHING`);
    const [version] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM instrument_versions WHERE instrument_id = ${instrument!.id} AND number = 1`);
    out.push({ id: instrument!.id, versionId: version!.id, group: shipped.group });
  }
  return out;
}

/**
 * Seeds the shipped Peer Support Integration Survey and the demo campaign (instruments, campaign, waves, responses,
 * follow-up invitations and open links), inside the caller's transaction, after the demo programs exist.
 */
export async function seedDemoResearch(tx: Tx, options: ResearchOptions): Promise<Record<string, number>> {
  const random = seededRandom(0x9515);
  const { between, chance, pick, uuid, shuffled } = tools(random);
  const normal = gaussian(random);
  const nowMs = options.now.getTime();
  const today = dayStart(nowMs);
  const step = (table: string) => options.onTable?.(table);

  // ── The instrument library: the five versions of the shipped survey, locked by the baseline's first answers ──
  const baselineOpens = today - 130 * DAY;
  const definitions = new Map<StakeholderGroup, InstrumentDefinition>(INTEGRATION_SURVEY.map((i) => [i.group, InstrumentDefinitionSchema.parse(i.definition)]));
  // The library itself is reference data (every installation has it); the demo dates it and locks its versions.
  const instruments = await ensureShippedInstruments(tx);
  type InstrumentRow = (typeof instruments)[number];
  const libraryAt = new Date(baselineOpens - 40 * DAY);
  for (const instrument of instruments) {
    await tx.execute(sql`UPDATE instruments SET created_at = ${libraryAt.toISOString()}::timestamptz WHERE id = ${instrument.id}`);
    // The first baseline response locked each version (the trigger would otherwise stamp the seed's own clock).
    await tx.execute(sql`UPDATE instrument_versions SET created_at = ${libraryAt.toISOString()}::timestamptz, locked_at = ${new Date(baselineOpens + 9 * HOUR).toISOString()}::timestamptz WHERE id = ${instrument.versionId}`);
  }
  step('instruments');
  step('instrument_versions');
  const versionOf = new Map(instruments.map((i) => [i.group, i.versionId]));

  // ── The programs, in a stable order (ids are random per install), with their organization's administrator ──
  const programs = await queryRows<ProgramRow>(tx, sql`
    select p.id, p.name, p.organization_id, o.country_code, p.setting, p.psp_fte, p.supervision_model, p.champion_present, p.rollout_phase,
      p.strategic_plan_priority, p.job_description_agreed, p.clinician_orientation_done, p.peer_network_access, p.improvement_cycle,
      (select count(*)::int from teams t where t.program_id = p.id) as teams,
      (select m.user_id from memberships m join users u on u.id = m.user_id
        where m.organization_id = p.organization_id and m.team_id is null and m.role = 'org_admin' order by u.email limit 1) as org_admin_id
    from programs p join organizations o on o.id = p.organization_id order by o.name, p.name`);
  if (programs.length === 0) throw new Error('seedDemoResearch needs the demo programs');

  // ── The campaign, its groups, programs and waves ──
  const campaignId = uuid();
  const createdAt = new Date(baselineOpens - 21 * DAY + 10 * HOUR);
  const year = createdAt.getUTCFullYear();
  const retentionUntil = `${options.now.getUTCFullYear() + 4}-12-31`;
  const campaign = {
    id: campaignId,
    title: 'Peer support integration in Canada and Norway',
    description: 'Which factors make the integration of peer support workers into clinical teams succeed, across programs, settings and two countries. A baseline survey of peer support workers, clinical staff, managers, people supported and policy makers, and a follow-up four months later.',
    ethicsApproval: `REB ${year}-117 (Lakeshore Regional Health Research Ethics Board); REK ${year}/738214 (REK sør-øst)`,
    dataController: 'Lakeshore Regional Health, Research Institute (Canada); Helse Nordfjell HF (Norway)',
  };
  type CampaignRow = typeof campaign;
  await insertRows(tx, 'campaigns', [
    col<CampaignRow>('id', 'uuid', (r) => r.id), col<CampaignRow>('title', 'text', (r) => r.title),
    col<CampaignRow>('description', 'text', (r) => r.description), col<CampaignRow>('owner_id', 'uuid', () => options.researcherId),
    col<CampaignRow>('ethics_approval', 'text', (r) => r.ethicsApproval), col<CampaignRow>('data_controller', 'text', (r) => r.dataController),
    col<CampaignRow>('privacy_mode', 'text', () => 'anonymous_tracked'), col<CampaignRow>('k', 'int', () => K),
    col<CampaignRow>('languages', 'text[]', () => ['en', 'fr', 'nb']), col<CampaignRow>('information', 'jsonb', () => json(information(retentionUntil))),
    col<CampaignRow>('retention_until', 'date', () => retentionUntil), col<CampaignRow>('created_at', 'timestamptz', () => createdAt),
  ], [campaign]);
  step('campaigns');
  await insertRows(tx, 'campaign_groups', [
    col<InstrumentRow>('campaign_id', 'uuid', () => campaignId), col<InstrumentRow>('group', 'text', (r) => r.group),
    col<InstrumentRow>('instrument_version_id', 'uuid', (r) => r.versionId),
  ], instruments);
  step('campaign_groups');
  await insertRows(tx, 'campaign_programs', [
    col<ProgramRow>('campaign_id', 'uuid', () => campaignId), col<ProgramRow>('program_id', 'uuid', (r) => r.id),
    col<ProgramRow>('status', 'text', () => 'joined'), col<ProgramRow>('decided_by', 'uuid', (r) => r.org_admin_id),
    col<ProgramRow>('decided_at', 'timestamptz', () => new Date(createdAt.getTime() + between(1, 12) * DAY)),
  ], programs);
  step('campaign_programs');
  const baseline = { id: uuid(), name: 'Baseline', kind: 'baseline', opens: baselineOpens, closes: baselineOpens + 35 * DAY };
  const followUp = { id: uuid(), name: 'Follow-up at four months', kind: 'follow_up', opens: today - 10 * DAY, closes: today + 25 * DAY };
  await insertRows(tx, 'campaign_waves', [
    col<typeof baseline>('id', 'uuid', (r) => r.id), col<typeof baseline>('campaign_id', 'uuid', () => campaignId),
    col<typeof baseline>('name', 'text', (r) => r.name), col<typeof baseline>('kind', 'text', (r) => r.kind),
    col<typeof baseline>('opens_on', 'date', (r) => dateOf(r.opens)), col<typeof baseline>('closes_on', 'date', (r) => dateOf(r.closes)),
    col<typeof baseline>('reminder_days', 'int[]', () => [7, 14]), col<typeof baseline>('created_at', 'timestamptz', () => createdAt),
  ], [baseline, followUp]);
  step('campaign_waves');

  // ── Answers from the latent structure ──
  const respond = latentModel(programs, definitions, random);
  const languageFor = (country: Country) => (country === 'NO' ? (chance(0.85) ? 'nb' : 'en') : chance(0.27) ? 'fr' : 'en');
  // Most answer in the first days after the invitation and after each reminder.
  const dayIn = (wave: { opens: number; closes: number }, last = wave.closes) => {
    const span = Math.round((last - wave.opens) / DAY);
    const peaks = [0, 7, 14].filter((d) => d <= span);
    const day = Math.min(span, pick(peaks) + Math.floor(Math.abs(normal()) * 3) + (chance(0.2) ? Math.floor(between(0, span)) : 0));
    return dateOf(wave.opens + day * DAY);
  };

  const responses: ResponseRow[] = [];
  const groups = [...definitions.keys()];
  for (const p of programs) {
    for (const group of groups) {
      const n = plannedCount(p, group, between);
      for (let i = 0; i < n; i++) {
        responses.push({ waveId: baseline.id, programId: p.id, group, language: languageFor(p.country_code), versionId: versionOf.get(group)!, submittedOn: dayIn(baseline), answers: respond(p, group, 0) });
      }
    }
  }

  // ── The follow-up, ten days in: personal links to staff and policy makers, an open link for people supported ──
  const staff = await queryRows<{ program_id: string; group: StakeholderGroup; email: string; language: string }>(tx, sql`
    select distinct t.program_id, case when m.role in ('peer_support_worker', 'peer_supervisor') then 'psp'
        when m.role = 'manager' then 'manager' else 'clinician' end as "group", u.email, u.language
    from memberships m join teams t on t.id = m.team_id join users u on u.id = m.user_id
    where m.role in ('peer_support_worker', 'peer_supervisor', 'manager', 'nurse', 'psychiatrist', 'psychologist', 'occupational_therapist', 'social_worker')
    order by t.program_id, "group", u.email`);
  const invitees = [...staff];
  for (const [index, p] of programs.entries()) {
    for (let n = 1; n <= 2; n++) {
      const norwegian = p.country_code === 'NO';
      invitees.push({ program_id: p.id, group: 'policy_maker', email: `planning${index + 1}.${n}@${norwegian ? 'helseregion.example' : 'healthauthority.example'}`, language: norwegian ? 'nb' : n === 2 && index % 3 === 0 ? 'fr' : 'en' });
    }
  }
  const byProgram = new Map(programs.map((p) => [p.id, p]));
  invitees.sort((a, b) => byProgram.get(a.program_id)!.name.localeCompare(byProgram.get(b.program_id)!.name) || a.group.localeCompare(b.group) || a.email.localeCompare(b.email));
  const invitations: InvitationRow[] = [];
  const completions: CompletionRow[] = [];
  for (const invitee of invitees) {
    const p = byProgram.get(invitee.program_id)!;
    const sentAt = new Date(followUp.opens + (p.country_code === 'NO' ? 7 : 14) * HOUR + between(0, 30) * 60_000);
    const invitation: InvitationRow = {
      id: uuid(), waveId: followUp.id, programId: p.id, group: invitee.group, language: invitee.language === 'fr' || invitee.language === 'nb' ? invitee.language : 'en',
      email: invitee.email, tokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
      createdAt: new Date(sentAt.getTime() - between(1, 20) * 60_000), sentAt, remindersSent: 0, lastRemindedAt: null,
    };
    invitations.push(invitation);
    if (chance(0.5)) {
      // Responded: the invitation records the day only; the response is stored apart, with nothing to join them.
      const completedOn = dayIn(followUp, today);
      completions.push({ invitationId: invitation.id, completedOn });
      const language = chance(0.9) ? invitation.language : p.country_code === 'NO' ? 'en' : invitation.language === 'fr' ? 'en' : 'fr';
      responses.push({ waveId: followUp.id, programId: p.id, group: invitee.group, language, versionId: versionOf.get(invitee.group)!, submittedOn: completedOn, answers: respond(p, invitee.group, p.improvement_cycle ? 0.1 : 0) });
    } else if (sentAt.getTime() + 7 * DAY <= nowMs) {
      invitation.remindersSent = 1;
      invitation.lastRemindedAt = new Date(sentAt.getTime() + 7 * DAY);
    }
  }
  const openLinks: OpenLinkRow[] = programs.map((p) => ({ id: uuid(), waveId: followUp.id, programId: p.id, group: 'person_supported', code: randomBytes(12).toString('base64url'), createdAt: new Date(followUp.opens + 6 * HOUR) }));
  for (const p of programs) {
    const baselineCount = responses.filter((r) => r.waveId === baseline.id && r.programId === p.id && r.group === 'person_supported').length;
    for (let i = 0; i < Math.round(baselineCount * between(0.25, 0.45)); i++) {
      responses.push({ waveId: followUp.id, programId: p.id, group: 'person_supported', language: languageFor(p.country_code), versionId: versionOf.get('person_supported')!, submittedOn: dayIn(followUp, today), answers: respond(p, 'person_supported', p.improvement_cycle ? 0.1 : 0) });
    }
  }

  // Stored in no particular order: the order rows are written in must not line responses up with invitations.
  await insertSurveyRows(tx, campaignId, { openLinks, invitations, completions: shuffled(completions), responses: shuffled(responses) }, step);

  return {
    instruments: instruments.length,
    programs: programs.length,
    baselineResponses: responses.filter((r) => r.waveId === baseline.id).length,
    followUpResponses: responses.filter((r) => r.waveId === followUp.id).length,
    invitations: invitations.length,
    completions: completions.length,
  };
}

async function insertSurveyRows(
  tx: Tx, campaignId: string,
  rows: { openLinks: OpenLinkRow[]; invitations: InvitationRow[]; completions: CompletionRow[]; responses: ResponseRow[] },
  step: (table: string) => void,
): Promise<void> {
  await insertRows(tx, 'survey_open_links', [
    col<OpenLinkRow>('id', 'uuid', (r) => r.id), col<OpenLinkRow>('campaign_id', 'uuid', () => campaignId), col<OpenLinkRow>('wave_id', 'uuid', (r) => r.waveId),
    col<OpenLinkRow>('program_id', 'uuid', (r) => r.programId), col<OpenLinkRow>('group', 'text', (r) => r.group), col<OpenLinkRow>('code', 'text', (r) => r.code),
    col<OpenLinkRow>('created_at', 'timestamptz', (r) => r.createdAt),
  ], rows.openLinks);
  step('survey_open_links');
  await insertRows(tx, 'survey_invitations', [
    col<InvitationRow>('id', 'uuid', (r) => r.id), col<InvitationRow>('campaign_id', 'uuid', () => campaignId), col<InvitationRow>('wave_id', 'uuid', (r) => r.waveId),
    col<InvitationRow>('program_id', 'uuid', (r) => r.programId), col<InvitationRow>('group', 'text', (r) => r.group), col<InvitationRow>('language', 'text', (r) => r.language),
    col<InvitationRow>('email', 'text', (r) => r.email), col<InvitationRow>('token_hash', 'text', (r) => r.tokenHash),
    // The demo's links are nobody's: nothing is sealed that a reminder could open (the reminder job skips them).
    col<InvitationRow>('token_sealed', 'text', () => 'demo'),
    col<InvitationRow>('created_at', 'timestamptz', (r) => r.createdAt), col<InvitationRow>('sent_at', 'timestamptz', (r) => r.sentAt),
    col<InvitationRow>('reminders_sent', 'int', (r) => r.remindersSent), col<InvitationRow>('last_reminded_at', 'timestamptz', (r) => r.lastRemindedAt),
  ], rows.invitations);
  step('survey_invitations');
  await insertRows(tx, 'survey_completions', [
    col<CompletionRow>('invitation_id', 'uuid', (r) => r.invitationId), col<CompletionRow>('completed_on', 'date', (r) => r.completedOn),
  ], rows.completions);
  step('survey_completions');
  // No ids, invitations or moments: the database draws a random id, and the anonymous mode keeps only the day.
  await insertRows(tx, 'survey_responses', [
    col<ResponseRow>('campaign_id', 'uuid', () => campaignId), col<ResponseRow>('wave_id', 'uuid', (r) => r.waveId),
    col<ResponseRow>('program_id', 'uuid', (r) => r.programId), col<ResponseRow>('group', 'text', (r) => r.group),
    col<ResponseRow>('language', 'text', (r) => r.language), col<ResponseRow>('instrument_version_id', 'uuid', (r) => r.versionId),
    col<ResponseRow>('submitted_on', 'date', (r) => r.submittedOn), col<ResponseRow>('source', 'text', () => 'web'),
    col<ResponseRow>('answers', 'jsonb', (r) => json(r.answers)),
  ], rows.responses);
  step('survey_responses');
}

/** What respondents read before they start (the consent text), per language. */
function information(retentionUntil: string): Record<'en' | 'fr' | 'nb', string> {
  return {
    en: `This survey is part of a study of how peer support workers are brought into mental health teams in Canada and Norway. It takes about ten minutes. Taking part is voluntary, and you can stop at any time. Your answers are anonymous: we keep only the fact that you responded, so that you get no more reminders, and nothing that links your answers to you. Results are only shown for groups of at least ${K} people. All answers are deleted on ${retentionUntil}.`,
    fr: `Ce questionnaire fait partie d’une étude sur l’intégration des pairs aidants dans les équipes de santé mentale au Canada et en Norvège. Il prend une dizaine de minutes. Votre participation est volontaire et vous pouvez arrêter à tout moment. Vos réponses sont anonymes : nous gardons seulement le fait que vous avez répondu, pour ne plus vous envoyer de rappels, et rien qui relie vos réponses à vous. Les résultats ne sont présentés que pour des groupes d’au moins ${K} personnes. Toutes les réponses seront supprimées le ${retentionUntil}.`,
    nb: `Denne undersøkelsen er en del av en studie av hvordan erfaringskonsulenter tas inn i team i psykisk helsevern i Canada og Norge. Den tar omtrent ti minutter. Det er frivillig å delta, og du kan avbryte når du vil. Svarene dine er anonyme: vi lagrer bare at du har svart, slik at du ikke får flere påminnelser, og ingenting som knytter svarene til deg. Resultater vises bare for grupper på minst ${K} personer. Alle svar slettes ${retentionUntil}.`,
  };
}
