import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { queryRows, schema, type Db } from '@alongside/db';
import {
  InstrumentDefinitionSchema,
  LicenceSchema,
  type Answers,
  type InstrumentDefinition,
  type Language,
  type PrivacyMode,
  type StakeholderGroup,
} from '@alongside/contracts';
import { writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, conflict, isUniqueViolation, notFound } from '../../lib/errors.ts';
import { hashSecret } from './campaigns.service.ts';
import { answerProblems, compactAnswers } from './survey-answers.ts';

export interface RespondDeps {
  db: Db;
  clock: Clock;
}

/** Where a link leads: a personal invitation, an open link, or an open link's continuation code (a draft). */
interface Target {
  campaignId: string;
  privacyMode: PrivacyMode;
  languages: Language[];
  waveId: string;
  opensOn: string;
  closesOn: string;
  programId: string;
  group: StakeholderGroup;
  language: Language;
  instrumentVersionId: string;
  instrumentLocked: boolean;
  invitationId?: string;
  draftKey: string;
}

/** A row of `survey_link_target` (migration 0008): what a link leads to. */
type TargetRow = Omit<Target, 'draftKey' | 'invitationId'> & { invitationId: string | null };
const toTarget = ({ invitationId, ...row }: TargetRow, draftKey: string): Target => ({ ...row, ...(invitationId ? { invitationId } : {}), draftKey });

const today = (now: Date) => now.toISOString().slice(0, 10);
/** Whether a tracked invitation has a completion, moved or still waiting for its day to end. */
const completedSql = (invitationId: string) =>
  sql`SELECT 1 FROM survey_completions WHERE invitation_id = ${invitationId} UNION ALL SELECT 1 FROM survey_completion_queue WHERE invitation_id = ${invitationId}`;
/** Parsed definitions of locked instrument versions, which never change (a trigger refuses it); the oldest go first. */
const DEFINITIONS_KEPT = 64;

// A continuation code is read off a screen and typed back, maybe on another device: 12 characters from an alphabet
// without look-alikes (no 0/O, 1/I/L), in groups of four (about 59 bits).
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
function newContinuationCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}
const normalizeCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
const isContinuationCode = (token: string) => /^[2-9A-Za-z]{4}-?[2-9A-Za-z]{4}-?[2-9A-Za-z]{4}$/.test(token.trim());
const notKnown = () => notFound('Survey link');

/** The respondent pages: no sign-in; a personal token or an open link's continuation code is the key. */
export function createRespondService({ db, clock }: RespondDeps) {
  const definitions = new Map<string, InstrumentDefinition>();

  async function resolve(token: string): Promise<Target> {
    const draftKey = hashSecret('draft', isContinuationCode(token) ? normalizeCode(token) : token);
    // A personal token names its invitation; an open link's continuation code names only its draft.
    const [row] = await queryRows<TargetRow>(db, sql`SELECT * FROM survey_link_target(${hashSecret('invitation', token)}, ${draftKey}, NULL)`);
    if (!row) throw notKnown();
    return toTarget(row, draftKey);
  }

  async function definitionOf(target: Target): Promise<InstrumentDefinition> {
    const kept = definitions.get(target.instrumentVersionId);
    if (kept) return kept;
    const [row] = await db.select({ definition: schema.instrumentVersions.definition }).from(schema.instrumentVersions).where(eq(schema.instrumentVersions.id, target.instrumentVersionId));
    if (!row) throw notKnown();
    const definition = InstrumentDefinitionSchema.parse(row.definition);
    if (target.instrumentLocked) {
      if (definitions.size >= DEFINITIONS_KEPT) definitions.delete(definitions.keys().next().value!);
      definitions.set(target.instrumentVersionId, definition);
    }
    return definition;
  }

  async function isSubmitted(target: Target): Promise<boolean> {
    if (!target.invitationId) return false;
    const [row] =
      target.privacyMode === 'identified'
        ? await db.select({ id: schema.surveyResponses.id }).from(schema.surveyResponses).where(eq(schema.surveyResponses.invitationId, target.invitationId))
        : await queryRows(db, completedSql(target.invitationId));
    return Boolean(row);
  }

  function requireOpen(target: Target) {
    const day = today(clock.now());
    if (day < target.opensOn || day > target.closesOn) throw conflict('survey_closed', `This survey is open from ${target.opensOn} to ${target.closesOn}.`);
  }

  async function view(target: Target, extra: { continuationCode?: string } = {}) {
    const [[about], definition, [draft], submitted] = await Promise.all([
      db
        .select({ campaign: schema.campaigns, licence: schema.instruments.licence })
        .from(schema.campaigns)
        .innerJoin(schema.instrumentVersions, eq(schema.instrumentVersions.id, target.instrumentVersionId))
        .innerJoin(schema.instruments, eq(schema.instruments.id, schema.instrumentVersions.instrumentId))
        .where(eq(schema.campaigns.id, target.campaignId)),
      definitionOf(target),
      db.select().from(schema.surveyDrafts).where(eq(schema.surveyDrafts.keyHash, target.draftKey)),
      isSubmitted(target),
    ]);
    if (!about) throw notKnown();
    return {
      campaignTitle: about.campaign.title,
      privacyMode: target.privacyMode,
      information: about.campaign.information as Record<string, string>,
      dataController: about.campaign.dataController,
      ethicsApproval: about.campaign.ethicsApproval,
      languages: target.languages,
      language: (draft?.language as Language | undefined) ?? target.language,
      group: target.group,
      waveClosesOn: target.closesOn,
      instrumentVersionId: target.instrumentVersionId,
      definition,
      attribution: LicenceSchema.parse(about.licence).attribution,
      answers: (draft?.answers as Answers | undefined) ?? {},
      consented: Boolean(draft),
      submitted,
      ...extra,
    };
  }

  function checkAnswers(definition: InstrumentDefinition, answers: Answers, complete: boolean) {
    const problems = answerProblems(definition, answers, { complete });
    if (problems.length > 0)
      throw new AppError(400, 'validation_failed', `${problems[0]!.field}: ${problems[0]!.message}`, problems.map((p) => ({ field: `answers.${p.field}`, in: 'body', message: p.message })));
  }

  function checkLanguage(target: Target, language: Language) {
    if (!target.languages.includes(language))
      throw new AppError(400, 'validation_failed', 'language: is not a language of this survey', [{ field: 'language', in: 'body', message: 'is not a language of this survey' }]);
  }

  return {
    async get(token: string) {
      const target = await resolve(token);
      requireOpen(target);
      return view(target);
    },

    /** Saves answers to resume later (the draft is keyed by a hash the invitation does not hold). */
    async saveDraft(token: string, body: { language: Language; answers: Answers }) {
      const target = await resolve(token);
      requireOpen(target);
      checkLanguage(target, body.language);
      if (await isSubmitted(target)) throw conflict('already_submitted', 'These answers were already sent.');
      const answers = compactAnswers(body.answers);
      checkAnswers(await definitionOf(target), answers, false);
      await upsertDraft(db, target, body.language, answers, today(clock.now()));
      return { ok: true as const };
    },

    /**
     * Submits: one response per invitation (the database refuses a second). In the anonymous modes the response
     * has no invitation id and only the day; the tracked mode records, apart, only that the invitee responded.
     */
    async submit(token: string, body: { language: Language; answers: Answers }) {
      const target = await resolve(token);
      requireOpen(target);
      checkLanguage(target, body.language);
      const answers = compactAnswers(body.answers);
      checkAnswers(await definitionOf(target), answers, true);
      const now = clock.now();
      const identified = target.privacyMode === 'identified';
      const invitationId = target.invitationId;
      // survey_store_response (migration 0008) keeps one response per link: identified, by naming the invitation;
      // tracked-anonymous, by the invitation's completion, which names no response; an open link, by its draft.
      const store = sql`SELECT survey_store_response(${target.campaignId}::uuid, ${target.waveId}::uuid, ${target.programId}::uuid, ${target.group}, ${body.language},
        ${target.instrumentVersionId}::uuid, ${identified ? (invitationId ?? null) : null}::uuid, ${identified ? null : (invitationId ?? null)}::uuid,
        ${target.draftKey}, ${!invitationId}, ${today(now)}::date, ${identified ? now.toISOString() : null}::timestamptz, ${JSON.stringify(answers)}::jsonb) AS id`;
      const stored = async (executor: Pick<Db, 'execute'>) => {
        const [response] = await queryRows<{ id: string | null }>(executor, store);
        if (!response?.id) throw conflict('already_submitted', 'These answers were already sent.');
        return response.id;
      };
      try {
        // Identified responses are person-level research data: audited, in the same transaction. An anonymous
        // response gets no entry — an entry's moment and address would tie it to the respondent.
        if (identified)
          await db.transaction(async (tx) => {
            const responseId = await stored(tx);
            await writeAudit(tx, { ip: 'respondent', requestId: 'respondent' }, { action: 'survey_response.submit', entityType: 'survey_response', entityId: responseId, purpose: 'research_use', details: { campaignId: target.campaignId, invitationId } });
          });
        else await stored(db);
      } catch (error) {
        if (isUniqueViolation(error, 'survey_completion_queue_pkey') || isUniqueViolation(error, 'survey_responses_invitation'))
          throw conflict('already_submitted', 'These answers were already sent.');
        throw error;
      }
      return { ok: true as const };
    },

    /** An open link's landing: what the survey is, before anything is stored. */
    async openInfo(code: string) {
      const target = await findOpenLink(code);
      requireOpen(target);
      return view(target);
    },

    /** Starts from an open link: a continuation code, shown to the respondent, becomes the key of their draft. */
    async openStart(code: string, body: { language: Language }) {
      const target = await findOpenLink(code);
      requireOpen(target);
      checkLanguage(target, body.language);
      const continuationCode = newContinuationCode();
      await upsertDraft(db, { ...target, draftKey: hashSecret('draft', normalizeCode(continuationCode)) }, body.language, {}, today(clock.now()));
      return { continuationCode };
    },
  };

  async function findOpenLink(code: string): Promise<Target> {
    const [link] = await queryRows<TargetRow>(db, sql`SELECT * FROM survey_link_target(NULL, NULL, ${code})`);
    if (!link) throw notKnown();
    return toTarget(link, '');
  }
}

async function upsertDraft(db: Db, target: Target, language: Language, answers: Answers, savedOn: string) {
  await db
    .insert(schema.surveyDrafts)
    .values({ keyHash: target.draftKey, campaignId: target.campaignId, waveId: target.waveId, programId: target.programId, group: target.group, language, answers, savedOn })
    .onConflictDoUpdate({ target: schema.surveyDrafts.keyHash, set: { language, answers, savedOn: sql`excluded.saved_on` } });
}

export type RespondService = ReturnType<typeof createRespondService>;
