import { randomInt } from 'node:crypto';
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { queryRows, schema, type Database, type Db } from '@alongside/db';
import type { Language } from '@alongside/contracts';
import { writeAudit } from '../../lib/audit.ts';
import type { JobHandler } from '../../lib/jobs.ts';
import type { Mailer } from '../../lib/mailer.ts';
import { unseal } from '../../lib/seal.ts';
import { invitationMail } from './campaign-mail.ts';

/** The token of a personal link, or undefined when it was sealed under another secret. */
function openToken(secret: string, sealed: string): string | undefined {
  try {
    return unseal(secret, 'survey-link', sealed);
  } catch {
    return undefined;
  }
}

const SYSTEM = { ip: 'system', requestId: 'job', role: 'system' };
const HOUR = 60 * 60_000;
const day = (now: Date) => now.toISOString().slice(0, 10);

/**
 * Reminders to invitees who have not responded: the n-th reminder goes `reminderDays[n]` days after the invitation,
 * while the wave is open. Whether someone responded comes from the response (identified) or the completion record
 * (anonymous but tracked) — never from anything that could say which response was theirs.
 */
export function reminderJob(deps: { db: Db; mailer: Mailer; publicUrl: string; secret: string }): JobHandler {
  return {
    next: (now) => new Date(now.getTime() + HOUR),
    async run(now) {
      const due = await queryRows<{
        id: string;
        campaign_id: string;
        program_id: string;
        email: string;
        language: string;
        token_sealed: string;
        title: string;
        data_controller: string;
        closes_on: string;
        organization_id: string;
      }>(
        deps.db,
        sql`SELECT i.id, i.campaign_id, i.program_id, i.email, i.language, i.token_sealed, c.title, c.data_controller, w.closes_on::text, p.organization_id
            FROM survey_invitations i
            JOIN campaign_waves w ON w.id = i.wave_id
            JOIN campaigns c ON c.id = i.campaign_id
            JOIN programs p ON p.id = i.program_id
            WHERE c.purged_at IS NULL
              AND w.opens_on <= ${day(now)}::date AND w.closes_on >= ${day(now)}::date
              AND i.sent_at IS NOT NULL
              AND i.reminders_sent < coalesce(array_length(w.reminder_days, 1), 0)
              AND i.sent_at + make_interval(days => w.reminder_days[i.reminders_sent + 1]) <= ${now.toISOString()}::timestamptz
              AND NOT EXISTS (SELECT 1 FROM survey_completions sc WHERE sc.invitation_id = i.id)
              AND NOT EXISTS (SELECT 1 FROM survey_completion_queue q WHERE q.invitation_id = i.id)
              AND NOT EXISTS (SELECT 1 FROM survey_responses r WHERE r.invitation_id = i.id)
            ORDER BY i.campaign_id
            LIMIT 500`,
      );
      const byCampaign = new Map<string, typeof due>();
      for (const row of due) byCampaign.set(row.campaign_id, [...(byCampaign.get(row.campaign_id) ?? []), row]);
      for (const [campaignId, rows] of byCampaign) {
        const mailIds = await deps.db.transaction(async (tx) => {
          const ids: string[] = [];
          let unopened = 0;
          for (const row of rows) {
            const token = openToken(deps.secret, row.token_sealed);
            // Sealed under another secret (rotated, or demo data): the link cannot be sent again.
            if (token === undefined) {
              unopened++;
              continue;
            }
            const link = `${deps.publicUrl}/s/${token}`;
            const mail = invitationMail(row.language as Language, { title: row.title, dataController: row.data_controller }, { closesOn: row.closes_on }, link, true);
            ids.push(await deps.mailer.queue(tx, { organizationId: row.organization_id, to: row.email, ...mail }));
          }
          await tx
            .update(schema.surveyInvitations)
            .set({ remindersSent: sql`${schema.surveyInvitations.remindersSent} + 1`, lastRemindedAt: now })
            .where(inArray(schema.surveyInvitations.id, rows.map((r) => r.id)));
          await writeAudit(tx, SYSTEM, {
            action: 'survey_invitation.remind',
            entityType: 'campaign',
            entityId: campaignId,
            purpose: 'research_use',
            details: { count: rows.length - unopened, unopened, ids: rows.map((r) => r.id) },
          });
          return ids;
        });
        for (const id of mailIds) await deps.mailer.deliver(id);
      }
    },
  };
}

/**
 * Deletes a campaign's responses, drafts and invitations (with their e-mail addresses) once its retention date has
 * passed, and records that it did. The campaign's terms and its audit trail stay.
 */
export function retentionJob(deps: { db: Db }): JobHandler {
  return {
    next: (now) => new Date(now.getTime() + HOUR),
    async run(now) {
      const expired = await deps.db
        .select({ id: schema.campaigns.id })
        .from(schema.campaigns)
        .where(and(isNull(schema.campaigns.purgedAt), lt(schema.campaigns.retentionUntil, day(now))));
      for (const { id } of expired) {
        await deps.db.transaction(async (tx) => {
          const responses = await tx.delete(schema.surveyResponses).where(eq(schema.surveyResponses.campaignId, id)).returning({ id: schema.surveyResponses.id });
          const drafts = await tx.delete(schema.surveyDrafts).where(eq(schema.surveyDrafts.campaignId, id)).returning({ key: schema.surveyDrafts.keyHash });
          const invitations = await tx.delete(schema.surveyInvitations).where(eq(schema.surveyInvitations.campaignId, id)).returning({ id: schema.surveyInvitations.id });
          await tx.delete(schema.surveyOpenLinks).where(eq(schema.surveyOpenLinks.campaignId, id));
          await tx.update(schema.campaigns).set({ purgedAt: now }).where(eq(schema.campaigns.id, id));
          await writeAudit(tx, SYSTEM, {
            action: 'campaign.purge',
            entityType: 'campaign',
            entityId: id,
            purpose: 'research_use',
            details: { responses: responses.length, drafts: drafts.length, invitations: invitations.length },
          });
        });
      }
    },
  };
}

/**
 * Moves the completions of days that are over from the queue to survey_completions, all of them in one statement in
 * a shuffled order, then vacuums the queue: the completion no longer shares a transaction id or a place in the
 * table's order with its response (see survey_completion_queue).
 */
export function completionFlushJob({ database }: { database: Database }): JobHandler {
  return {
    next: (now) => new Date(now.getTime() + HOUR),
    async run(now) {
      const moved = await database.db.transaction(async (tx) => {
        const due = await queryRows<{ invitation_id: string; completed_on: string }>(
          tx,
          sql`SELECT invitation_id, completed_on::text FROM survey_completion_queue WHERE completed_on < ${day(now)}::date FOR UPDATE`,
        );
        if (due.length === 0) return 0;
        const shuffled = shuffle(due);
        await tx.insert(schema.surveyCompletions).values(shuffled.map((r) => ({ invitationId: r.invitation_id, completedOn: r.completed_on })));
        await tx.delete(schema.surveyCompletionQueue).where(inArray(schema.surveyCompletionQueue.invitationId, due.map((r) => r.invitation_id)));
        return due.length;
      });
      // Outside the transaction (VACUUM cannot run in one): the queued rows' dead versions go.
      if (moved > 0) await database.query(sql`VACUUM survey_completion_queue`);
    },
  };
}

/** A uniformly shuffled copy (Fisher–Yates with a cryptographic source). */
function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
