import { and, eq, sql } from 'drizzle-orm';
import { schema, type Db } from '@alongside/db';
import type { Language, StudyCode } from '@alongside/contracts';
import type { Actor } from '../../lib/actor.ts';
import { badRequest, conflict, forbidden, isUniqueViolation, notFound, versionConflict } from '../../lib/errors.ts';
import type { DownloadFile } from '../../lib/files.ts';
import { codebookXml, type QdaCode } from './refi-qda/codebook.ts';
import { STARTER_CODEBOOK, type StarterCode } from './starter-codebook.ts';
import { canEditCodebook, canManageStudy, canReadStudy } from './studies.policy.ts';
import * as repo from './studies.repo.ts';

// A study's codebook (issue 11): a tree of codes with definitions, when to use them and not, an example and a colour;
// the lead and the coders shape it (a stale edit is 409), every member reads it; it starts empty or from the starter
// codebook, and leaves as a REFI-QDA codebook (.qdc). A code's id is its GUID in every export.

type CodeRow = Awaited<ReturnType<typeof repo.findCodes>>[number];
type CodeFields = { name: string; definition: string; include: string; exclude: string; example: string; color: string; codable: boolean; parentId: string | null };

/** The rows as a tree, siblings in their order. */
function treeOf(rows: CodeRow[]): StudyCode[] {
  const node = (row: CodeRow): StudyCode => ({
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    definition: row.definition,
    include: row.includeNote,
    exclude: row.excludeNote,
    example: row.example,
    color: row.color,
    codable: row.codable,
    version: row.version,
    children: rows.filter((r) => r.parentId === row.id).map(node),
  });
  return rows.filter((r) => r.parentId === null).map(node);
}

const nameTaken = (error: unknown): unknown =>
  isUniqueViolation(error, 'study_codes_sibling_name') ? conflict('already_exists', 'A code beside it already has this name.', [{ field: 'name', in: 'body', message: 'is taken beside it' }]) : error;

const columns = (fields: Partial<CodeFields>) => ({
  ...(fields.name !== undefined ? { name: fields.name } : {}),
  ...(fields.definition !== undefined ? { definition: fields.definition } : {}),
  ...(fields.include !== undefined ? { includeNote: fields.include } : {}),
  ...(fields.exclude !== undefined ? { excludeNote: fields.exclude } : {}),
  ...(fields.example !== undefined ? { example: fields.example } : {}),
  ...(fields.color !== undefined ? { color: fields.color } : {}),
  ...(fields.codable !== undefined ? { codable: fields.codable } : {}),
  ...(fields.parentId !== undefined ? { parentId: fields.parentId } : {}),
});

export function createStudyCodes({ db }: { db: Db }) {
  async function roleOf(actor: Actor, studyId: string) {
    const role = await repo.findRole(db, studyId, actor.userId);
    if (!canReadStudy(role)) throw notFound('Study');
    return role;
  }
  async function asEditor(actor: Actor, studyId: string) {
    if (!canEditCodebook(await roleOf(actor, studyId))) throw forbidden('Only the study’s lead and coders can change its codebook.');
  }
  const codes = async (actor: Actor, studyId: string) => {
    await roleOf(actor, studyId);
    return treeOf(await repo.findCodes(db, studyId));
  };

  return {
    codes,

    async create(actor: Actor, studyId: string, body: CodeFields): Promise<StudyCode[]> {
      await asEditor(actor, studyId);
      const rows = await repo.findCodes(db, studyId);
      if (body.parentId && !rows.some((r) => r.id === body.parentId)) throw badRequest('parentId', 'is not a code of this study');
      const position = Math.max(-1, ...rows.filter((r) => r.parentId === body.parentId).map((r) => r.position)) + 1;
      try {
        await db.insert(schema.studyCodes).values({ studyId, position, ...columns(body), name: body.name, color: body.color });
      } catch (error) {
        throw nameTaken(error);
      }
      return codes(actor, studyId);
    },

    /** Changes or moves a code; it cannot move inside itself, and a stale version changes nothing (409). */
    async update(actor: Actor, studyId: string, codeId: string, body: Partial<CodeFields> & { version: number }): Promise<StudyCode[]> {
      await asEditor(actor, studyId);
      const rows = await repo.findCodes(db, studyId);
      if (!rows.some((r) => r.id === codeId)) throw notFound('Code');
      const { version, ...fields } = body;
      if (fields.parentId) {
        if (!rows.some((r) => r.id === fields.parentId)) throw badRequest('parentId', 'is not a code of this study');
        for (let at: string | null = fields.parentId; at; at = rows.find((r) => r.id === at)?.parentId ?? null)
          if (at === codeId) throw badRequest('parentId', 'would put the code inside itself');
      }
      let updated: { id: string }[];
      try {
        updated = await db
          .update(schema.studyCodes)
          .set({ ...columns(fields), version: sql`${schema.studyCodes.version} + 1` })
          .where(and(eq(schema.studyCodes.id, codeId), eq(schema.studyCodes.studyId, studyId), eq(schema.studyCodes.version, version)))
          .returning({ id: schema.studyCodes.id });
      } catch (error) {
        throw nameTaken(error);
      }
      if (updated.length === 0) throw versionConflict();
      return codes(actor, studyId);
    },

    /** Starts an empty codebook from the starter codebook, in one language (the lead). */
    async addStarter(actor: Actor, studyId: string, language: Language): Promise<StudyCode[]> {
      if (!canManageStudy(await roleOf(actor, studyId))) throw forbidden('Only the study’s lead can start its codebook.');
      await db.transaction(async (tx) => {
        // Lock the study so that two starts cannot both find the codebook empty.
        await tx.execute(sql`SELECT 1 FROM studies WHERE id = ${studyId} FOR UPDATE`);
        if ((await repo.findCodes(tx, studyId)).length > 0) throw conflict('invalid_transition', 'The study already has codes: the starter codebook only fills an empty one.');
        const insert = async (code: StarterCode, parentId: string | null, position: number): Promise<void> => {
          const [row] = await tx
            .insert(schema.studyCodes)
            .values({
              studyId,
              parentId,
              position,
              name: code.name[language],
              definition: code.definition[language],
              includeNote: code.include?.[language] ?? '',
              excludeNote: code.exclude?.[language] ?? '',
              example: code.example?.[language] ?? '',
              color: code.color,
              codable: code.children === undefined,
            })
            .returning({ id: schema.studyCodes.id });
          for (const [i, child] of (code.children ?? []).entries()) await insert(child, row!.id, i);
        };
        for (const [i, code] of STARTER_CODEBOOK.entries()) await insert(code, null, i);
      });
      return codes(actor, studyId);
    },

    /** The codebook as a REFI-QDA .qdc file (definition, then when to use it and not, in each description). */
    async exportQdc(actor: Actor, studyId: string): Promise<DownloadFile> {
      const tree = await codes(actor, studyId);
      const title = (await repo.findStudy(db, studyId))?.title ?? 'study';
      const convert = (code: StudyCode): QdaCode => {
        const description = [code.definition, code.include && `Use when: ${code.include}`, code.exclude && `Not for: ${code.exclude}`, code.example && `Example: ${code.example}`].filter(Boolean).join('\n');
        return { guid: code.id, name: code.name, codable: code.codable, color: code.color, ...(description ? { description } : {}), children: code.children.map(convert) };
      };
      const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'study';
      return { filename: `${slug}-codebook.qdc`, contentType: 'application/xml; charset=utf-8', body: new TextEncoder().encode(codebookXml(tree.map(convert), 'Alongside')) };
    },
  };
}

export type StudyCodes = ReturnType<typeof createStudyCodes>;
