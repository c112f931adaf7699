import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, programs, teams, users } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => ts('created_at').notNull().defaultNow();

/**
 * A person supported: pseudonymous by default (preferred name, optional external id), no diagnosis.
 * The current consent state is kept here for enforcement; consent_records keeps the full history.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    programId: uuid('program_id').notNull().references(() => programs.id),
    teamId: uuid('team_id').notNull().references(() => teams.id),
    preferredName: text('preferred_name').notNull(),
    pronouns: text('pronouns'),
    externalId: text('external_id'),
    language: text('language').notNull().default('en'),
    /** A ceiling: 'per_item' (default: each item the person agreed to share goes through) or 'none'. */
    shareWithCareTeam: text('share_with_care_team').notNull().default('per_item'),
    researchUse: boolean('research_use').notNull().default(false),
    /** Blocks every kind of sharing with clinicians (PHIPA lockbox). */
    lockbox: boolean('lockbox').notNull().default(false),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: createdAt(),
    archivedAt: ts('archived_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('persons_team_idx').on(t.teamId)],
);

/** The PSPs who walk alongside a person: one primary, any number of secondary. */
export const personPsps = pgTable(
  'person_psps',
  {
    personId: uuid('person_id').notNull().references(() => persons.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    isPrimary: boolean('is_primary').notNull().default(false),
    since: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.userId] }),
    uniqueIndex('person_psps_one_primary').on(t.personId).where(sql`${t.isPrimary}`),
    index('person_psps_user_idx').on(t.userId),
  ],
);

/** Every consent decision ever recorded (never updated): purpose, decision, how, by whom, when. */
export const consentRecords = pgTable(
  'consent_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => persons.id),
    purpose: text('purpose').notNull(),
    decision: text('decision').notNull(),
    method: text('method').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').notNull().references(() => users.id),
    recordedAt: createdAt(),
  },
  (t) => [index('consent_records_person_idx').on(t.personId, t.recordedAt)],
);

/** One peer support contact. `note` is peer-tier; `teamSummary` reaches clinicians only with consent. */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    programId: uuid('program_id').notNull().references(() => programs.id),
    teamId: uuid('team_id').notNull().references(() => teams.id),
    personId: uuid('person_id').notNull().references(() => persons.id),
    authorId: uuid('author_id').notNull().references(() => users.id),
    occurredAt: ts('occurred_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    mode: text('mode').notNull(),
    location: text('location').notNull(),
    activities: text('activities').array().notNull(),
    note: text('note').notNull().default(''),
    teamSummary: text('team_summary'),
    /** The person agreed to share this summary (needed when their consent is per item). */
    summaryAgreed: boolean('summary_agreed').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: ts('updated_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('contacts_program_time_idx').on(t.programId, t.occurredAt),
    index('contacts_team_time_idx').on(t.teamId, t.occurredAt),
    index('contacts_person_time_idx').on(t.personId, t.occurredAt),
  ],
);

/** After the 24-hour edit window, contacts are corrected by appending, never overwritten. */
export const contactCorrections = pgTable(
  'contact_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contactId: uuid('contact_id').notNull().references(() => contacts.id),
    authorId: uuid('author_id').notNull().references(() => users.id),
    note: text('note').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('contact_corrections_contact_idx').on(t.contactId)],
);

/** The person's own words for the team, and the closed loop that answers them. */
export const voiceItems = pgTable(
  'voice_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    programId: uuid('program_id').notNull().references(() => programs.id),
    teamId: uuid('team_id').notNull().references(() => teams.id),
    personId: uuid('person_id').notNull().references(() => persons.id),
    kind: text('kind').notNull(),
    words: text('words').notNull(),
    context: text('context'),
    writtenTogether: boolean('written_together').notNull().default(false),
    /** The person agreed to share this very item with the care team. */
    shareAgreed: boolean('share_agreed').notNull().default(false),
    /** open → acknowledged → answered → returned, or withdrawn by the person. */
    status: text('status').notNull().default('open'),
    /** Set when the item is shared: the program's target time to answer from then. */
    dueAt: ts('due_at'),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: createdAt(),
    sharedAt: ts('shared_at'),
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    answeredAt: ts('answered_at'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answer: text('answer'),
    returnedAt: ts('returned_at'),
    returnedBy: uuid('returned_by').references(() => users.id),
    reaction: text('reaction'),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('voice_items_team_status_idx').on(t.teamId, t.status),
    index('voice_items_program_time_idx').on(t.programId, t.createdAt),
    index('voice_items_person_idx').on(t.personId),
  ],
);

/** A hand-off: from peer support to a clinician or service, or a referral to peer support. */
export const connections = pgTable(
  'connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    programId: uuid('program_id').notNull().references(() => programs.id),
    teamId: uuid('team_id').notNull().references(() => teams.id),
    personId: uuid('person_id').notNull().references(() => persons.id),
    /** 'from_peer_support' (PSP connects the person onward) or 'to_peer_support' (a clinician refers). */
    direction: text('direction').notNull(),
    targetUserId: uuid('target_user_id').references(() => users.id),
    service: text('service'),
    warmHandoff: boolean('warm_handoff').notNull().default(false),
    reason: text('reason'),
    /** The referring clinician's profession, for the "referrals by profession" indicator. */
    referrerRole: text('referrer_role'),
    /** proposed → accepted → met → completed, or declined / did_not_attend. */
    status: text('status').notNull().default('proposed'),
    personFeedback: text('person_feedback'),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: createdAt(),
    acceptedAt: ts('accepted_at'),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    firstMeetingAt: ts('first_meeting_at'),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('connections_team_status_idx').on(t.teamId, t.status),
    index('connections_program_time_idx').on(t.programId, t.createdAt),
    index('connections_person_idx').on(t.personId),
  ],
);

/** Every status change of a connection: who and when. */
export const connectionEvents = pgTable(
  'connection_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    connectionId: uuid('connection_id').notNull().references(() => connections.id),
    status: text('status').notNull(),
    byUserId: uuid('by_user_id').notNull().references(() => users.id),
    at: createdAt(),
    note: text('note'),
  },
  (t) => [index('connection_events_connection_idx').on(t.connectionId)],
);

export const huddles = pgTable(
  'huddles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    programId: uuid('program_id').notNull().references(() => programs.id),
    teamId: uuid('team_id').notNull().references(() => teams.id),
    heldAt: ts('held_at').notNull(),
    decisions: text('decisions').notNull().default(''),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('huddles_team_time_idx').on(t.teamId, t.heldAt), index('huddles_program_time_idx').on(t.programId, t.heldAt)],
);

export const huddleAttendees = pgTable(
  'huddle_attendees',
  {
    huddleId: uuid('huddle_id').notNull().references(() => huddles.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.huddleId, t.userId] })],
);

/** Agenda items: added by anyone in the team (PSPs included) for the next huddle, then discussed in one. */
export const huddleItems = pgTable(
  'huddle_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id').notNull().references(() => teams.id),
    huddleId: uuid('huddle_id').references(() => huddles.id),
    voiceItemId: uuid('voice_item_id').references(() => voiceItems.id),
    connectionId: uuid('connection_id').references(() => connections.id),
    topic: text('topic'),
    addedBy: uuid('added_by').notNull().references(() => users.id),
    addedAt: createdAt(),
  },
  (t) => [index('huddle_items_team_idx').on(t.teamId, t.huddleId)],
);
