import { and, asc, eq, sql } from 'drizzle-orm';
import { schema, type Db } from '@alongside/db';
import type { StudyRole } from '@alongside/contracts';

type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

/** The actor's role in a study, or undefined: outside it, the study does not exist for them. */
export async function findRole(db: Executor, studyId: string, userId: string): Promise<StudyRole | undefined> {
  const [row] = await db
    .select({ role: schema.studyMembers.role })
    .from(schema.studyMembers)
    .where(and(eq(schema.studyMembers.studyId, studyId), eq(schema.studyMembers.userId, userId)));
  return row?.role as StudyRole | undefined;
}

/** The studies a user is a member of, with their role, newest first. */
export async function findStudiesOf(db: Executor, userId: string) {
  return db
    .select({ id: schema.studies.id, title: schema.studies.title, description: schema.studies.description, createdAt: schema.studies.createdAt, role: schema.studyMembers.role })
    .from(schema.studies)
    .innerJoin(schema.studyMembers, eq(schema.studyMembers.studyId, schema.studies.id))
    .where(eq(schema.studyMembers.userId, userId))
    .orderBy(sql`${schema.studies.createdAt} desc`);
}

export async function findStudy(db: Executor, studyId: string) {
  const [study] = await db.select().from(schema.studies).where(eq(schema.studies.id, studyId));
  return study;
}

export async function findMembers(db: Executor, studyId: string) {
  return db
    .select({ userId: schema.studyMembers.userId, name: schema.users.name, role: schema.studyMembers.role, addedAt: schema.studyMembers.addedAt })
    .from(schema.studyMembers)
    .innerJoin(schema.users, eq(schema.users.id, schema.studyMembers.userId))
    .where(eq(schema.studyMembers.studyId, studyId))
    .orderBy(asc(schema.studyMembers.addedAt), asc(schema.users.name));
}

export async function findUserIdByEmail(db: Executor, email: string): Promise<string | undefined> {
  const [row] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email));
  return row?.id;
}

export async function findInformants(db: Executor, studyId: string) {
  return db.select().from(schema.studyInformants).where(eq(schema.studyInformants.studyId, studyId)).orderBy(asc(schema.studyInformants.pseudonym));
}

export async function findInformant(db: Executor, studyId: string, informantId: string) {
  const [row] = await db
    .select()
    .from(schema.studyInformants)
    .where(and(eq(schema.studyInformants.studyId, studyId), eq(schema.studyInformants.id, informantId)));
  return row;
}

export async function findCodes(db: Executor, studyId: string) {
  return db.select().from(schema.studyCodes).where(eq(schema.studyCodes.studyId, studyId)).orderBy(asc(schema.studyCodes.position), asc(schema.studyCodes.name));
}
