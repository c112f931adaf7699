import { type AnyPgColumn, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema.ts';

// The case study (issue 11): studies, their members (the only people who can see anything of a study) and their
// informants (pseudonymous: the pseudonym, stakeholder group, country, setting and what their consent allows).

const ts = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => ts('created_at').notNull().defaultNow();

export const studies = pgTable('studies', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

export const studyMembers = pgTable(
  'study_members',
  {
    studyId: uuid('study_id')
      .notNull()
      .references(() => studies.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    addedAt: ts('added_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.studyId, t.userId] }), index('study_members_user_idx').on(t.userId)],
);

export const studyInformants = pgTable(
  'study_informants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => studies.id),
    pseudonym: text('pseudonym').notNull(),
    group: text('group').notNull(),
    countryCode: text('country_code').notNull(),
    setting: text('setting'),
    consentDate: date('consent_date').notNull(),
    consentScope: text('consent_scope').array().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('study_informants_pseudonym').on(t.studyId, t.pseudonym)],
);

/** A study's codebook: a tree of codes (the id is the code's REFI-QDA GUID); names unique among siblings. */
export const studyCodes = pgTable(
  'study_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => studies.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => studyCodes.id),
    name: text('name').notNull(),
    definition: text('definition').notNull().default(''),
    includeNote: text('include_note').notNull().default(''),
    excludeNote: text('exclude_note').notNull().default(''),
    example: text('example').notNull().default(''),
    color: text('color').notNull(),
    codable: boolean('codable').notNull().default(true),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [unique('study_codes_sibling_name').on(t.studyId, t.parentId, t.name).nullsNotDistinct(), index('study_codes_study_idx').on(t.studyId)],
);

/**
 * A study's text sources (transcripts): NFC text with offsets in code points. Until its uploader confirms the
 * redaction pass (status redaction) only they see it; the confirmed text replaces the original, which is not kept.
 */
export const studySources = pgTable(
  'study_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => studies.id),
    informantId: uuid('informant_id').references(() => studyInformants.id),
    name: text('name').notNull(),
    format: text('format').notNull(),
    language: text('language'),
    status: text('status').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    length: integer('length').notNull(),
    turns: jsonb('turns').notNull(),
    syncPoints: jsonb('sync_points').notNull(),
    candidates: jsonb('candidates').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('study_sources_study_idx').on(t.studyId)],
);
