import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { programs, users } from './schema.ts';

// The research half: instruments (a shared library), campaigns across programs, invitations, responses.
// Anonymity is held by the shape of these tables: in the anonymous modes a response row has no invitation id and
// only the day it came in, and the record that an invitee responded (survey_completions) shares no id with it.

const ts = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => ts('created_at').notNull().defaultNow();

/** An instrument in the shared library; its wording lives in versions. */
export const instruments = pgTable(
  'instruments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    url: text('url'),
    /** LicenceSchema (contracts): status, attribution, whether wording may be edited, the recorded permission. */
    licence: jsonb('licence').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('instruments_key').on(t.key)],
);

/** One version of an instrument's definition; locked (a trigger refuses edits) once a response points at it. */
export const instrumentVersions = pgTable(
  'instrument_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instruments.id),
    number: integer('number').notNull(),
    definition: jsonb('definition').notNull(),
    sourceFormat: text('source_format').notNull(),
    /** What the import could not carry over (ImportNoticeSchema[]). */
    notices: jsonb('notices').notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    lockedAt: ts('locked_at'),
  },
  (t) => [uniqueIndex('instrument_versions_number').on(t.instrumentId, t.number)],
);

export const campaigns = pgTable('campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  ownerId: uuid('owner_id')
    .notNull()
    .references(() => users.id),
  ethicsApproval: text('ethics_approval').notNull(),
  dataController: text('data_controller').notNull(),
  privacyMode: text('privacy_mode').notNull(),
  k: integer('k').notNull().default(11),
  languages: text('languages').array().notNull(),
  information: jsonb('information').notNull(),
  retentionUntil: date('retention_until').notNull(),
  /** Set when the retention job has deleted the responses. */
  purgedAt: ts('purged_at'),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

/** The stakeholder groups a campaign surveys, each with its instrument version. */
export const campaignGroups = pgTable(
  'campaign_groups',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    group: text('group').notNull(),
    instrumentVersionId: uuid('instrument_version_id')
      .notNull()
      .references(() => instrumentVersions.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.group] })],
);

/** Programs asked to take part; their organization's administrator joins or declines. */
export const campaignPrograms = pgTable(
  'campaign_programs',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    status: text('status').notNull().default('invited'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.programId] }), index('campaign_programs_program_idx').on(t.programId)],
);

export const campaignWaves = pgTable(
  'campaign_waves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    reminderDays: integer('reminder_days').array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('campaign_waves_campaign_idx').on(t.campaignId)],
);

/**
 * A personal one-time link. The token is found by its hash; it is also kept sealed (AES-GCM under a key derived
 * from the server's secret) so that a reminder can carry the same link.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => campaignWaves.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    group: text('group').notNull(),
    language: text('language').notNull(),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull(),
    tokenSealed: text('token_sealed').notNull(),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
    remindersSent: integer('reminders_sent').notNull().default(0),
    lastRemindedAt: ts('last_reminded_at'),
  },
  (t) => [
    uniqueIndex('survey_invitations_token').on(t.tokenHash),
    uniqueIndex('survey_invitations_wave_email').on(t.waveId, t.programId, t.group, t.email),
    index('survey_invitations_campaign_idx').on(t.campaignId, t.waveId),
  ],
);

/**
 * That an invitee responded, in the anonymous-but-tracked mode: the invitation and the day, nothing else.
 * It shares no id with the response (which has no invitation id), so reminders stop without the database
 * being able to say which response was theirs. One per invitation (the primary key).
 */
export const surveyCompletions = pgTable('survey_completions', {
  invitationId: uuid('invitation_id')
    .primaryKey()
    .references(() => surveyInvitations.id, { onDelete: 'cascade' }),
  completedOn: date('completed_on').notNull(),
});

/**
 * Completions of the day, not yet moved to survey_completions. A completion written in the same transaction as its
 * response would share the response's transaction id (the `xmin` system column) and follow it in the table's
 * physical order: a join from the database alone. So the submit writes here, and once the day is over a job moves
 * the day's completions to survey_completions together, in a shuffled order, and vacuums this table.
 */
export const surveyCompletionQueue = pgTable('survey_completion_queue', {
  invitationId: uuid('invitation_id')
    .primaryKey()
    .references(() => surveyInvitations.id, { onDelete: 'cascade' }),
  completedOn: date('completed_on').notNull(),
});

/** An anonymous link for one program and stakeholder group of a wave. */
export const surveyOpenLinks = pgTable(
  'survey_open_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => campaignWaves.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    group: text('group').notNull(),
    code: text('code').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('survey_open_links_code').on(t.code), uniqueIndex('survey_open_links_target').on(t.waveId, t.programId, t.group)],
);

/**
 * Answers saved to resume later. Keyed by a hash of the personal token or of the continuation code shown to an
 * open-link respondent (a different hash from the invitation's, so no column joins a draft to an invitation).
 * Deleted on submit.
 */
export const surveyDrafts = pgTable(
  'survey_drafts',
  {
    keyHash: text('key_hash').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => campaignWaves.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    group: text('group').notNull(),
    language: text('language').notNull(),
    answers: jsonb('answers').notNull(),
    savedOn: date('saved_on').notNull(),
  },
  (t) => [index('survey_drafts_campaign_idx').on(t.campaignId)],
);

/**
 * A submitted response. `invitation_id` and the exact `submitted_at` are kept in the identified mode only; the
 * anonymous modes keep the day. Ids are random (no order to match against anything else).
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => campaignWaves.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    group: text('group').notNull(),
    language: text('language').notNull(),
    instrumentVersionId: uuid('instrument_version_id')
      .notNull()
      .references(() => instrumentVersions.id),
    invitationId: uuid('invitation_id').references(() => surveyInvitations.id),
    submittedOn: date('submitted_on').notNull(),
    submittedAt: ts('submitted_at'),
    /** 'web' | 'import' */
    source: text('source').notNull(),
    /** The respondent id in a file imported from another tool (unique per wave: a duplicate is refused). */
    externalId: text('external_id'),
    answers: jsonb('answers').notNull(),
  },
  (t) => [
    uniqueIndex('survey_responses_invitation').on(t.invitationId),
    uniqueIndex('survey_responses_external').on(t.waveId, t.externalId),
    index('survey_responses_campaign_idx').on(t.campaignId, t.waveId),
  ],
);

/**
 * Background work (reminders, retention deletes): a small scheduler over this table. A worker claims a due job
 * with FOR UPDATE SKIP LOCKED, so several server processes on PostgreSQL never run one twice; PGlite has one.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    /** One job per key at a time (e.g. `reminders:<wave>:<n>`). */
    key: text('key').notNull(),
    payload: jsonb('payload').notNull().default({}),
    runAt: ts('run_at').notNull(),
    state: text('state').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: ts('locked_until'),
    finishedAt: ts('finished_at'),
    /** An error code of the last failed attempt (never a message: it may hold data). */
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('jobs_key').on(t.key), index('jobs_due_idx').on(t.runAt).where(sql`state = 'queued'`)],
);

/**
 * A saved analysis of a campaign wave (issue 10): the exact spec, when its data were read, the software version
 * that computed it, and the result (aggregates and per-program figures with the programs under k withheld — no
 * respondent rows).
 */
export const analyses = pgTable(
  'analyses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => campaignWaves.id),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    spec: jsonb('spec').notNull(),
    /** The campaign's programs as they were (id, name, country), for the per-program figures. */
    programs: jsonb('programs').notNull(),
    result: jsonb('result').notNull(),
    dataAt: ts('data_at').notNull(),
    softwareVersion: text('software_version').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('analyses_owner_idx').on(t.ownerId, t.createdAt)],
);
