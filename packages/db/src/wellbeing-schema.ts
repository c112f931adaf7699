import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { persons } from './practice-schema.ts';
import { organizations, teams, users } from './schema.ts';

// Supporting the supporters: a PSP's wellbeing data belong to that PSP. Nothing here is ever read per person by
// anyone else except a peer supervisor the PSP chose to share their trend with (wellbeing_shares).

const ts = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => ts('created_at').notNull().defaultNow();

/**
 * A questionnaire definition for check-ins: the built-in Alongside instrument (organization_id null) or one an
 * organization imported under its licence. `definition` holds the scoring rules, item wording per language and
 * the nudge threshold.
 */
export const wellbeingInstruments = pgTable(
  'wellbeing_instruments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    key: text('key').notNull(),
    version: integer('version').notNull().default(1),
    name: text('name').notNull(),
    /** 'own_non_validated' | 'free' | 'conditional' | 'permission_recorded'. */
    licenceStatus: text('licence_status').notNull(),
    attribution: text('attribution'),
    definition: jsonb('definition').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('wellbeing_instruments_key').on(sql`coalesce(${t.organizationId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.key, t.version)],
);

/** A quick pulse: energy and how heavy the work felt (1–5), and an optional private note. */
export const wellbeingPulses = pgTable(
  'wellbeing_pulses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    /** The teams the PSP worked in when they answered: aggregates follow the time of the answer, not later moves. */
    teamIds: uuid('team_ids').array().notNull(),
    energy: integer('energy').notNull(),
    load: integer('load').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('wellbeing_pulses_user_idx').on(t.userId, t.createdAt), index('wellbeing_pulses_org_idx').on(t.organizationId, t.createdAt)],
);

/** A monthly check-in: the answers and the scale scores computed by the scoring engine. */
export const wellbeingCheckIns = pgTable(
  'wellbeing_check_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    teamIds: uuid('team_ids').array().notNull(),
    instrumentId: uuid('instrument_id').notNull().references(() => wellbeingInstruments.id),
    answers: jsonb('answers').notNull(),
    /** { [scaleId]: number | null } */
    scores: jsonb('scores').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('wellbeing_check_ins_user_idx').on(t.userId, t.createdAt), index('wellbeing_check_ins_org_idx').on(t.organizationId, t.createdAt)],
);

/** A private nudge to the PSP (threshold crossed, or three rises in a row). Sent to nobody else. */
export const wellbeingNudges = pgTable(
  'wellbeing_nudges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    checkInId: uuid('check_in_id').references(() => wellbeingCheckIns.id),
    /** 'threshold' | 'rising' */
    reason: text('reason').notNull(),
    createdAt: createdAt(),
    dismissedAt: ts('dismissed_at'),
  },
  (t) => [index('wellbeing_nudges_user_idx').on(t.userId, t.createdAt)],
);

/** A PSP's choice to let one peer supervisor see their trend; revocable at any time. */
export const wellbeingShares = pgTable(
  'wellbeing_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    supervisorId: uuid('supervisor_id').notNull().references(() => users.id),
    createdAt: createdAt(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('wellbeing_shares_active').on(t.userId, t.supervisorId).where(sql`${t.revokedAt} IS NULL`)],
);

/** Time away, without a reason. Started by the PSP, or by their supervisor with the PSP's recorded agreement. */
export const stepAways = pgTable(
  'step_aways',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    teamId: uuid('team_id').notNull().references(() => teams.id),
    startsOn: date('starts_on').notNull(),
    /** Null: open-ended. */
    endsOn: date('ends_on'),
    startedBy: uuid('started_by').notNull().references(() => users.id),
    /** How the PSP agreed, when a supervisor started it for them ('in_person' | 'written' | 'verbal'). */
    agreementMethod: text('agreement_method'),
    /** Steps of a gradual return, e.g. [{ from: '2026-12-01', caseloadPercent: 50 }]. */
    returnPlan: jsonb('return_plan'),
    returnedAt: ts('returned_at'),
    createdAt: createdAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('step_aways_team_idx').on(t.teamId),
    index('step_aways_user_idx').on(t.userId),
    // A PSP is away at most once at a time in a team: two step-aways started at the same moment cannot both land.
    uniqueIndex('step_aways_open').on(t.userId, t.teamId).where(sql`${t.returnedAt} IS NULL`),
  ],
);

/** Who covers each person on the caseload during a step-away, with a peer-tier hand-over note. */
export const stepAwayCoverage = pgTable(
  'step_away_coverage',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stepAwayId: uuid('step_away_id').notNull().references(() => stepAways.id),
    personId: uuid('person_id').notNull().references(() => persons.id),
    coveringUserId: uuid('covering_user_id').notNull().references(() => users.id),
    handoverNote: text('handover_note').notNull().default(''),
    createdAt: createdAt(),
    handedBackAt: ts('handed_back_at'),
    handBackNote: text('hand_back_note'),
  },
  (t) => [
    index('step_away_coverage_step_idx').on(t.stepAwayId),
    index('step_away_coverage_covering_idx').on(t.coveringUserId),
    // Who covers these persons now (persons lists, "my people"): only open rows, however long the history (0006).
    index('step_away_coverage_person_open_idx').on(t.personId).where(sql`${t.handedBackAt} IS NULL`),
  ],
);

/** Supervision: notes visible to the PSP and that supervisor only. */
export const supervisionSessions = pgTable(
  'supervision_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    pspId: uuid('psp_id').notNull().references(() => users.id),
    supervisorId: uuid('supervisor_id').notNull().references(() => users.id),
    heldAt: ts('held_at').notNull(),
    /** 'peer' | 'clinical' | 'group' */
    kind: text('kind').notNull(),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('supervision_sessions_psp_idx').on(t.pspId, t.heldAt), index('supervision_sessions_org_idx').on(t.organizationId, t.heldAt)],
);
