import { randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, schema, type Db } from '@alongside/db';
import {
  InstrumentDefinitionSchema,
  LicenceSchema,
  type Answers,
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

/** Where a link leads: a personal invitation, or an open link's continuation code (a draft). */
interface Target {
  campaign: typeof schema.campaigns.$inferSelect;
  wave: typeof schema.campaignWaves.$inferSelect;
  programId: string;
  group: StakeholderGroup;
  language: Language;
  invitationId?: string;
  draftKey: string;
}

const today = (now: Date) => now.toISOString().slice(0, 10);
/** Whether a tracked invitation has a completion, moved or still waiting for its day to end. */
const completedSql = (invitationId: string) =>
  sql`SELECT 1 FROM survey_completions WHERE invitation_id = ${invitationId} UNION ALL SELECT 1 FROM survey_completion_queue WHERE invitation_id = ${invitationId}`;

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
  async function campaignAndWave(campaignId: string, waveId: string) {
    const [row] = await db
      .select({ campaign: schema.campaigns, wave: schema.campaignWaves })
      .from(schema.campaignWaves)
      .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.campaignWaves.campaignId))
      .where(and(eq(schema.campaignWaves.id, waveId), eq(schema.campaigns.id, campaignId)));
    if (!row || row.campaign.purgedAt) throw notKnown();
    return row;
  }

  async function resolve(token: string): Promise<Target> {
    const [invitation] = await db.select().from(schema.surveyInvitations).where(eq(schema.surveyInvitations.tokenHash, hashSecret('invitation', token)));
    const draftKey = hashSecret('draft', isContinuationCode(token) ? normalizeCode(token) : token);
    if (invitation) {
      const { campaign, wave } = await campaignAndWave(invitation.campaignId, invitation.waveId);
      return { campaign, wave, programId: invitation.programId, group: invitation.group as StakeholderGroup, language: invitation.language as Language, invitationId: invitation.id, draftKey };
    }
    // An open link's continuation code names only its draft.
    const [draft] = await db.select().from(schema.surveyDrafts).where(eq(schema.surveyDrafts.keyHash, draftKey));
    if (!draft) throw notKnown();
    const { campaign, wave } = await campaignAndWave(draft.campaignId, draft.waveId);
    return { campaign, wave, programId: draft.programId, group: draft.group as StakeholderGroup, language: draft.language as Language, draftKey };
  }

  async function instrumentFor(campaignId: string, group: string) {
    const [row] = await db
      .select({ version: schema.instrumentVersions, licence: schema.instruments.licence })
      .from(schema.campaignGroups)
      .innerJoin(schema.instrumentVersions, eq(schema.instrumentVersions.id, schema.campaignGroups.instrumentVersionId))
      .innerJoin(schema.instruments, eq(schema.instruments.id, schema.instrumentVersions.instrumentId))
      .where(and(eq(schema.campaignGroups.campaignId, campaignId), eq(schema.campaignGroups.group, group)));
    if (!row) throw notKnown();
    return { id: row.version.id, definition: InstrumentDefinitionSchema.parse(row.version.definition), attribution: LicenceSchema.parse(row.licence).attribution };
  }

  async function isSubmitted(target: Target): Promise<boolean> {
    if (!target.invitationId) return false;
    const mode = target.campaign.privacyMode as PrivacyMode;
    const [row] =
      mode === 'identified'
        ? await db.select({ id: schema.surveyResponses.id }).from(schema.surveyResponses).where(eq(schema.surveyResponses.invitationId, target.invitationId))
        : await queryRows(db, completedSql(target.invitationId));
    return Boolean(row);
  }

  function requireOpen(wave: Target['wave']) {
    const day = today(clock.now());
    if (day < wave.opensOn || day > wave.closesOn) throw conflict('survey_closed', `This survey is open from ${wave.opensOn} to ${wave.closesOn}.`);
  }

  async function view(target: Target, extra: { continuationCode?: string } = {}) {
    const instrument = await instrumentFor(target.campaign.id, target.group);
    const [draft] = await db.select().from(schema.surveyDrafts).where(eq(schema.surveyDrafts.keyHash, target.draftKey));
    const languages = target.campaign.languages as Language[];
    return {
      campaignTitle: target.campaign.title,
      privacyMode: target.campaign.privacyMode as PrivacyMode,
      information: target.campaign.information as Record<string, string>,
      dataController: target.campaign.dataController,
      ethicsApproval: target.campaign.ethicsApproval,
      languages,
      language: (draft?.language as Language | undefined) ?? target.language,
      group: target.group,
      waveClosesOn: target.wave.closesOn,
      instrumentVersionId: instrument.id,
      definition: instrument.definition,
      attribution: instrument.attribution,
      answers: (draft?.answers as Answers | undefined) ?? {},
      consented: Boolean(draft),
      submitted: await isSubmitted(target),
      ...extra,
    };
  }

  function checkAnswers(definition: Parameters<typeof answerProblems>[0], answers: Answers, complete: boolean) {
    const problems = answerProblems(definition, answers, { complete });
    if (problems.length > 0)
      throw new AppError(400, 'validation_failed', `${problems[0]!.field}: ${problems[0]!.message}`, problems.map((p) => ({ field: `answers.${p.field}`, in: 'body', message: p.message })));
  }

  function checkLanguage(target: Target, language: Language) {
    if (!(target.campaign.languages as Language[]).includes(language))
      throw new AppError(400, 'validation_failed', 'language: is not a language of this survey', [{ field: 'language', in: 'body', message: 'is not a language of this survey' }]);
  }

  return {
    async get(token: string) {
      const target = await resolve(token);
      requireOpen(target.wave);
      return view(target);
    },

    /** Saves answers to resume later (the draft is keyed by a hash the invitation does not hold). */
    async saveDraft(token: string, body: { language: Language; answers: Answers }) {
      const target = await resolve(token);
      requireOpen(target.wave);
      checkLanguage(target, body.language);
      if (await isSubmitted(target)) throw conflict('already_submitted', 'These answers were already sent.');
      const instrument = await instrumentFor(target.campaign.id, target.group);
      const answers = compactAnswers(body.answers);
      checkAnswers(instrument.definition, answers, false);
      await upsertDraft(db, target, body.language, answers, today(clock.now()));
      return { ok: true as const };
    },

    /**
     * Submits: one response per invitation (the database refuses a second). In the anonymous modes the response
     * has no invitation id and only the day; the tracked mode records, apart, only that the invitee responded.
     */
    async submit(token: string, body: { language: Language; answers: Answers }) {
      const target = await resolve(token);
      requireOpen(target.wave);
      checkLanguage(target, body.language);
      const instrument = await instrumentFor(target.campaign.id, target.group);
      const answers = compactAnswers(body.answers);
      checkAnswers(instrument.definition, answers, true);
      const now = clock.now();
      const mode = target.campaign.privacyMode as PrivacyMode;
      const identified = mode === 'identified';
      try {
        await db.transaction(async (tx) => {
          if (target.invitationId && !identified) {
            // One response per invitation: submissions of one invitation wait for each other here, then look for its
            // completion (moved or still queued) in one snapshot.
            await tx.execute(sql`SELECT 1 FROM survey_invitations WHERE id = ${target.invitationId} FOR UPDATE`);
            if ((await queryRows(tx, completedSql(target.invitationId))).length > 0) throw conflict('already_submitted', 'These answers were already sent.');
            await tx.insert(schema.surveyCompletionQueue).values({ invitationId: target.invitationId, completedOn: today(now) });
          }
          const [response] = await tx
            .insert(schema.surveyResponses)
            .values({
              campaignId: target.campaign.id,
              waveId: target.wave.id,
              programId: target.programId,
              group: target.group,
              language: body.language,
              instrumentVersionId: instrument.id,
              invitationId: identified ? (target.invitationId ?? null) : null,
              submittedOn: today(now),
              submittedAt: identified ? now : null,
              source: 'web',
              answers,
            })
            .returning({ id: schema.surveyResponses.id });
          await tx.delete(schema.surveyDrafts).where(eq(schema.surveyDrafts.keyHash, target.draftKey));
          // Identified responses are person-level research data: audited. An anonymous response gets no entry — an
          // entry's moment and address would tie it to the respondent.
          if (identified)
            await writeAudit(tx, { ip: 'respondent', requestId: 'respondent' }, { action: 'survey_response.submit', entityType: 'survey_response', entityId: response!.id, purpose: 'research_use', details: { campaignId: target.campaign.id, invitationId: target.invitationId } });
        });
      } catch (error) {
        if (isUniqueViolation(error, 'survey_completion_queue_pkey') || isUniqueViolation(error, 'survey_responses_invitation'))
          throw conflict('already_submitted', 'These answers were already sent.');
        throw error;
      }
      return { ok: true as const };
    },

    /** An open link's landing: what the survey is, before anything is stored. */
    async openInfo(code: string) {
      const link = await findOpenLink(code);
      requireOpen(link.target.wave);
      return view(link.target);
    },

    /** Starts from an open link: a continuation code, shown to the respondent, becomes the key of their draft. */
    async openStart(code: string, body: { language: Language }) {
      const link = await findOpenLink(code);
      requireOpen(link.target.wave);
      checkLanguage(link.target, body.language);
      const continuationCode = newContinuationCode();
      await upsertDraft(db, { ...link.target, draftKey: hashSecret('draft', normalizeCode(continuationCode)) }, body.language, {}, today(clock.now()));
      return { continuationCode };
    },
  };

  async function findOpenLink(code: string) {
    const [link] = await db.select().from(schema.surveyOpenLinks).where(eq(schema.surveyOpenLinks.code, code));
    if (!link) throw notKnown();
    const { campaign, wave } = await campaignAndWave(link.campaignId, link.waveId);
    const target: Target = { campaign, wave, programId: link.programId, group: link.group as StakeholderGroup, language: (campaign.languages as Language[])[0]!, draftKey: '' };
    return { target };
  }
}

async function upsertDraft(db: Db, target: Target, language: Language, answers: Answers, savedOn: string) {
  await db
    .insert(schema.surveyDrafts)
    .values({ keyHash: target.draftKey, campaignId: target.campaign.id, waveId: target.wave.id, programId: target.programId, group: target.group, language, answers, savedOn })
    .onConflictDoUpdate({ target: schema.surveyDrafts.keyHash, set: { language, answers, savedOn: sql`excluded.saved_on` } });
}

export type RespondService = ReturnType<typeof createRespondService>;
