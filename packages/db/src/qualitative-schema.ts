import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
