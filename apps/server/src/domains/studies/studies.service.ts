import { and, eq, sql } from 'drizzle-orm';
import { schema, type Db } from '@alongside/db';
import type { ConsentScopeSchema, Informant, Study, StudyRole } from '@alongside/contracts';
import type { z } from 'zod';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { badRequest, conflict, forbidden, isUniqueViolation, notFound, versionConflict } from '../../lib/errors.ts';
import { canCreateStudy, canManageStudy, canReadStudy } from './studies.policy.ts';
import * as repo from './studies.repo.ts';

export interface StudiesDeps {
  db: Db;
}

type InformantRow = NonNullable<Awaited<ReturnType<typeof repo.findInformant>>>;
type ConsentScope = z.infer<typeof ConsentScopeSchema>;

/** A pseudonym already used in the study is the caller's 409 on that field; any other error is passed on. */
const pseudonymTaken = (error: unknown): unknown =>
  isUniqueViolation(error, 'study_informants_pseudonym')
    ? conflict('already_exists', 'Another informant of this study has this pseudonym.', [{ field: 'pseudonym', in: 'body', message: 'is taken in this study' }])
    : error;

const present = (row: InformantRow): Informant => ({
  id: row.id,
  studyId: row.studyId,
  pseudonym: row.pseudonym,
  group: row.group as Informant['group'],
  countryCode: row.countryCode as Informant['countryCode'],
  setting: row.setting as Informant['setting'],
  consentDate: row.consentDate,
  consentScope: row.consentScope as ConsentScope[],
  version: row.version,
  createdAt: row.createdAt.toISOString(),
});

/** Case studies (issue 11): studies, their members and informants, scoped by membership, every informant read audited. */
export function createStudiesService({ db }: StudiesDeps) {
  /** The actor's role in the study; a non-member gets 404, as if it did not exist. */
  async function roleIn(actor: Actor, studyId: string): Promise<StudyRole> {
    const role = await repo.findRole(db, studyId, actor.userId);
    if (!canReadStudy(role)) throw notFound('Study');
    return role;
  }

  /** The lead's own actions: other members are told they may not (they know the study), outsiders get 404. */
  async function asLead(actor: Actor, studyId: string): Promise<void> {
    if (!canManageStudy(await roleIn(actor, studyId))) throw forbidden('Only the study’s lead can do this.');
  }

  async function get(actor: Actor, studyId: string): Promise<Study> {
    const myRole = await roleIn(actor, studyId);
    const [study, members] = await Promise.all([repo.findStudy(db, studyId), repo.findMembers(db, studyId)]);
    if (!study) throw notFound('Study');
    return {
      id: study.id,
      title: study.title,
      description: study.description,
      myRole,
      createdAt: study.createdAt.toISOString(),
      version: study.version,
      members: members.map((m) => ({ userId: m.userId, name: m.name, role: m.role as StudyRole, addedAt: m.addedAt.toISOString() })),
    };
  }

  return {
    async list(actor: Actor) {
      const rows = await repo.findStudiesOf(db, actor.userId);
      return rows.map((r) => ({ id: r.id, title: r.title, description: r.description, myRole: r.role as StudyRole, createdAt: r.createdAt.toISOString() }));
    },

    get,

    /** A researcher starts a study and is its first lead. */
    async create(actor: Actor, body: { title: string; description: string }): Promise<Study> {
      if (!canCreateStudy(actor)) throw forbidden('Only researchers can start a study.');
      const id = await db.transaction(async (tx) => {
        const [study] = await tx.insert(schema.studies).values({ title: body.title, description: body.description, createdBy: actor.userId }).returning({ id: schema.studies.id });
        await tx.insert(schema.studyMembers).values({ studyId: study!.id, userId: actor.userId, role: 'lead' });
        await writeAudit(tx, actor, { action: 'study.create', entityType: 'study', entityId: study!.id, purpose: 'research_use' });
        return study!.id;
      });
      return get(actor, id);
    },

    async addMember(actor: Actor, studyId: string, body: { email: string; role: StudyRole }): Promise<Study> {
      await asLead(actor, studyId);
      const userId = await repo.findUserIdByEmail(db, body.email);
      if (!userId) throw badRequest('email', 'no account has this email address');
      try {
        await db.transaction(async (tx) => {
          await tx.insert(schema.studyMembers).values({ studyId, userId, role: body.role });
          await writeAudit(tx, actor, { action: 'study.member_add', entityType: 'study', entityId: studyId, purpose: 'research_use', details: { userId, role: body.role } });
        });
      } catch (error) {
        if (isUniqueViolation(error, 'study_members_study_id_user_id_pk')) throw conflict('already_exists', 'This person is already a member of the study.');
        throw error;
      }
      return get(actor, studyId);
    },

    /** A member leaves the study; the last lead cannot, so that someone can always manage it. */
    async removeMember(actor: Actor, studyId: string, userId: string): Promise<Study> {
      await asLead(actor, studyId);
      await db.transaction(async (tx) => {
        // Lock the study's members so that two leads cannot remove each other at once.
        await tx.execute(sql`SELECT 1 FROM study_members WHERE study_id = ${studyId} FOR UPDATE`);
        const members = await repo.findMembers(tx, studyId);
        const leaving = members.find((m) => m.userId === userId);
        if (!leaving) throw notFound('Member');
        if (leaving.role === 'lead' && members.filter((m) => m.role === 'lead').length === 1)
          throw conflict('invalid_transition', 'The study’s only lead cannot leave: make another member lead first.');
        await tx.delete(schema.studyMembers).where(and(eq(schema.studyMembers.studyId, studyId), eq(schema.studyMembers.userId, userId)));
        await writeAudit(tx, actor, { action: 'study.member_remove', entityType: 'study', entityId: studyId, purpose: 'research_use', details: { userId } });
      });
      return get(actor, studyId);
    },

    /** The study's informants, to every member (audited, with the ids read). */
    async informants(actor: Actor, studyId: string): Promise<Informant[]> {
      await roleIn(actor, studyId);
      const rows = await repo.findInformants(db, studyId);
      await writeAudit(db, actor, { action: 'study.informants_read', entityType: 'study', entityId: studyId, purpose: 'research_use', details: { count: rows.length, ids: rows.map((r) => r.id) } });
      return rows.map(present);
    },

    async createInformant(actor: Actor, studyId: string, body: Omit<Informant, 'id' | 'studyId' | 'version' | 'createdAt'>): Promise<Informant> {
      await asLead(actor, studyId);
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx.insert(schema.studyInformants).values({ studyId, ...body }).returning();
          await writeAudit(tx, actor, { action: 'study.informant_create', entityType: 'study_informant', entityId: row!.id, purpose: 'research_use', details: { studyId } });
          return present(row!);
        });
      } catch (error) {
        throw pseudonymTaken(error);
      }
    },

    /** Changes an informant; a stale version is a 409 and nothing is changed. */
    async updateInformant(actor: Actor, studyId: string, informantId: string, body: Partial<Omit<Informant, 'id' | 'studyId' | 'version' | 'createdAt'>> & { version: number }): Promise<Informant> {
      await asLead(actor, studyId);
      const { version, ...changes } = body;
      try {
        return await db.transaction(async (tx) => {
          if (!(await repo.findInformant(tx, studyId, informantId))) throw notFound('Informant');
          const [row] = await tx
            .update(schema.studyInformants)
            .set({ ...changes, version: sql`${schema.studyInformants.version} + 1` })
            .where(and(eq(schema.studyInformants.id, informantId), eq(schema.studyInformants.studyId, studyId), eq(schema.studyInformants.version, version)))
            .returning();
          if (!row) throw versionConflict();
          await writeAudit(tx, actor, { action: 'study.informant_update', entityType: 'study_informant', entityId: informantId, purpose: 'research_use', details: { studyId, fields: Object.keys(changes) } });
          return present(row);
        });
      } catch (error) {
        throw pseudonymTaken(error);
      }
    },
  };
}

export type StudiesService = ReturnType<typeof createStudiesService>;
