import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const countries = pgTable('countries', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  countryCode: text('country_code')
    .notNull()
    .references(() => countries.code),
  name: text('name').notNull(),
  privacyThresholdK: integer('privacy_threshold_k').notNull().default(5),
  /**
   * The check-in instrument PSPs answer (null: Alongside's own). No foreign key: instruments belong to
   * organizations, and a cycle of keys would make backups order-dependent; the service checks it.
   */
  wellbeingInstrumentId: uuid('wellbeing_instrument_id'),
  /** Workload thresholds shown to a PSP and their supervisor (never as a ranking). */
  caseloadThreshold: integer('caseload_threshold').notNull().default(15),
  weeklyContactHoursThreshold: integer('weekly_contact_hours_threshold').notNull().default(25),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    setting: text('setting').notNull(),
    pspFte: real('psp_fte'),
    employerType: text('employer_type'),
    supervisionModel: text('supervision_model'),
    championPresent: boolean('champion_present'),
    rolloutPhase: text('rollout_phase'),
    strategicPlanPriority: boolean('strategic_plan_priority'),
    jobDescriptionAgreed: boolean('job_description_agreed'),
    clinicianOrientationDone: boolean('clinician_orientation_done'),
    peerNetworkAccess: boolean('peer_network_access'),
    improvementCycle: boolean('improvement_cycle'),
    /** Days the team has to answer a voice item (program setting). */
    voiceAnswerTargetDays: integer('voice_answer_target_days').notNull().default(7),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('programs_organization_idx').on(t.organizationId)],
);

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('teams_program_idx').on(t.programId), index('teams_organization_idx').on(t.organizationId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    language: text('language').notNull().default('en'),
    isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: ts('locked_until'),
    passwordChangedAt: ts('password_changed_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

/** A role held by a user: in one team, or (org_admin) for a whole organization. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    teamId: uuid('team_id').references(() => teams.id),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('memberships_unique').on(t.userId, t.organizationId, sql`coalesce(${t.teamId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.role),
    index('memberships_team_idx').on(t.teamId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a database leak does not leak usable sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    teamId: uuid('team_id').references(() => teams.id),
    role: text('role').notNull(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    acceptedUserId: uuid('accepted_user_id').references(() => users.id),
  },
  (t) => [uniqueIndex('invitations_token_unique').on(t.tokenHash), index('invitations_org_idx').on(t.organizationId)],
);

/** Every mail the app sends; kept so nothing is silently lost when SMTP is absent or fails. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
    error: text('error'),
  },
  (t) => [index('mail_outbox_org_idx').on(t.organizationId)],
);

/** Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    at: ts('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    organizationId: uuid('organization_id'),
    ip: text('ip'),
    requestId: text('request_id'),
    purpose: text('purpose'),
    details: jsonb('details'),
  },
  (t) => [
    index('audit_events_org_at_idx').on(t.organizationId, t.at),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_actor_idx').on(t.actorUserId),
  ],
);

/** Small key/value settings of this installation (e.g. whether it holds demo data). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

export * from './practice-schema.ts';

export * from './wellbeing-schema.ts';

export * from './research-schema.ts';
export * from './qualitative-schema.ts';
