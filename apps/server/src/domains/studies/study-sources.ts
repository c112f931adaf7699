import { and, asc, eq, or, sql } from 'drizzle-orm';
import { schema, type Db } from '@alongside/db';
import type { Language, Source } from '@alongside/contracts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { AppError, badRequest, conflict, forbidden, notFound, versionConflict } from '../../lib/errors.ts';
import { canEditCodebook, canReadStudy } from './studies.policy.ts';
import * as repo from './studies.repo.ts';
import { applyRedactions, redactionCandidates, spansProblem, type Span } from './transcripts/redaction.ts';
import { codePointLength, readTranscript, TranscriptFileError, type SpeakerTurn, type SyncPoint } from './transcripts/transcript-file.ts';

// A study's transcripts (issue 11). A transcript is person-level data: only members read it, every read is audited,
// and until its uploader has confirmed the redaction pass nobody else sees it at all (404) — the names and places
// they confirm are replaced in the stored text, and the original is not kept.

type SourceRow = typeof schema.studySources.$inferSelect;

const summary = (row: SourceRow) => ({
  id: row.id,
  name: row.name,
  format: row.format as Source['format'],
  informantId: row.informantId,
  language: row.language as Language | null,
  status: row.status as Source['status'],
  uploadedBy: row.uploadedBy,
  length: row.length,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
});

export function createStudySources({ db }: { db: Db }) {
  async function roleOf(actor: Actor, studyId: string) {
    const role = await repo.findRole(db, studyId, actor.userId);
    if (!canReadStudy(role)) throw notFound('Study');
    return role;
  }

  /** A source as this member may see it: one still in redaction exists only for its uploader. */
  async function visible(actor: Actor, studyId: string, sourceId: string): Promise<SourceRow> {
    await roleOf(actor, studyId);
    const [row] = await db.select().from(schema.studySources).where(and(eq(schema.studySources.studyId, studyId), eq(schema.studySources.id, sourceId)));
    if (!row || (row.status === 'redaction' && row.uploadedBy !== actor.userId)) throw notFound('Source');
    return row;
  }

  /** A source with its text (audited). */
  async function get(actor: Actor, studyId: string, sourceId: string): Promise<Source> {
    const row = await visible(actor, studyId, sourceId);
    await writeAudit(db, actor, { action: 'study.source_read', entityType: 'study_source', entityId: row.id, purpose: 'research_use', details: { studyId } });
    return {
      ...summary(row),
      text: row.text,
      turns: row.turns as SpeakerTurn[],
      syncPoints: row.syncPoints as SyncPoint[],
      candidates: row.status === 'redaction' ? (row.candidates as Span[]) : [],
    };
  }

  return {
    /** Uploads a transcript (the lead and coders): read, its names and places flagged, kept for its uploader to redact. */
    async upload(actor: Actor, studyId: string, body: { filename: string; content: Buffer; name?: string | undefined; informantId: string | null; language: Language | null }) {
      if (!canEditCodebook(await roleOf(actor, studyId))) throw forbidden('Only the study’s lead and coders can add transcripts.');
      if (body.informantId && !(await repo.findInformant(db, studyId, body.informantId))) throw badRequest('informantId', 'is not an informant of this study');
      let transcript: Awaited<ReturnType<typeof readTranscript>>;
      try {
        transcript = await readTranscript({ filename: body.filename, content: body.content });
      } catch (error) {
        if (!(error instanceof TranscriptFileError)) throw error;
        const shown = error.problems.slice(0, 200);
        throw new AppError(
          400,
          'validation_failed',
          `The transcript has ${error.problems.length} problem(s); nothing was stored. First: line ${shown[0]!.line}: ${shown[0]!.message}.`,
          shown.map((p) => ({ field: `line ${p.line}`, in: 'file', message: p.message })),
        );
      }
      const candidates = redactionCandidates(transcript.text, transcript.turns);
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(schema.studySources)
          .values({
            studyId,
            informantId: body.informantId,
            name: body.name ?? body.filename,
            format: transcript.format,
            language: body.language,
            status: 'redaction',
            uploadedBy: actor.userId,
            text: transcript.text,
            length: codePointLength(transcript.text),
            turns: transcript.turns,
            syncPoints: transcript.syncPoints,
            candidates,
          })
          .returning();
        await writeAudit(tx, actor, { action: 'study.source_upload', entityType: 'study_source', entityId: row!.id, purpose: 'research_use', details: { studyId, format: transcript.format, candidates: candidates.length } });
        return { ...summary(row!), text: row!.text, turns: transcript.turns, syncPoints: transcript.syncPoints, candidates };
      });
    },

    /** The study's sources without their text: the ready ones, and the member's own still in redaction. */
    async list(actor: Actor, studyId: string) {
      await roleOf(actor, studyId);
      const rows = await db
        .select()
        .from(schema.studySources)
        .where(and(eq(schema.studySources.studyId, studyId), or(eq(schema.studySources.status, 'ready'), eq(schema.studySources.uploadedBy, actor.userId))))
        .orderBy(asc(schema.studySources.createdAt));
      return rows.map(summary);
    },

    get,

    /** The uploader confirms what to redact: those spans are replaced, offsets move, and the source is ready. */
    async confirmRedaction(actor: Actor, studyId: string, sourceId: string, body: { redact: Span[]; version: number }): Promise<Source> {
      const row = await visible(actor, studyId, sourceId);
      if (row.status !== 'redaction') throw conflict('invalid_transition', 'This transcript’s redaction was already confirmed.');
      const problem = spansProblem(body.redact, row.length);
      if (problem) throw badRequest('redact', problem);
      const { text, move } = applyRedactions(row.text, body.redact);
      const turns = (row.turns as SpeakerTurn[]).map((t) => ({ ...t, start: move(t.start), end: move(t.end) }));
      const syncPoints = (row.syncPoints as SyncPoint[]).map((p) => ({ ...p, offset: move(p.offset) }));
      await db.transaction(async (tx) => {
        const updated = await tx
          .update(schema.studySources)
          .set({ text, length: codePointLength(text), turns, syncPoints, candidates: [], status: 'ready', version: sql`${schema.studySources.version} + 1` })
          .where(and(eq(schema.studySources.id, sourceId), eq(schema.studySources.version, body.version), eq(schema.studySources.status, 'redaction')))
          .returning({ id: schema.studySources.id });
        if (updated.length === 0) throw versionConflict();
        await writeAudit(tx, actor, { action: 'study.source_redact', entityType: 'study_source', entityId: sourceId, purpose: 'research_use', details: { studyId, redacted: body.redact.length } });
      });
      return get(actor, studyId, sourceId);
    },
  };
}

export type StudySources = ReturnType<typeof createStudySources>;
