import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { schema, type Db } from '@alongside/db';

const { campaigns, campaignGroups, campaignPrograms, campaignWaves, instruments, instrumentVersions, organizations, programs, surveyInvitations, surveyCompletions, surveyCompletionQueue, surveyOpenLinks, surveyResponses } =
  schema;

export type CampaignRow = typeof campaigns.$inferSelect;
export type WaveRow = typeof campaignWaves.$inferSelect;

export async function insertCampaign(db: Db, values: typeof campaigns.$inferInsert): Promise<CampaignRow> {
  const [row] = await db.insert(campaigns).values(values).returning();
  return row!;
}

export async function findCampaignRow(db: Db, id: string): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  return row;
}

export const findGroups = (db: Db, campaignId: string) =>
  db
    .select({
      group: campaignGroups.group,
      instrumentVersionId: campaignGroups.instrumentVersionId,
      instrumentId: instruments.id,
      instrumentName: instruments.name,
      versionNumber: instrumentVersions.number,
      definition: instrumentVersions.definition,
      licence: instruments.licence,
    })
    .from(campaignGroups)
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, campaignGroups.instrumentVersionId))
    .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
    .where(eq(campaignGroups.campaignId, campaignId))
    .orderBy(asc(campaignGroups.group));

export const findPrograms = (db: Db, campaignId: string) =>
  db
    .select({
      programId: programs.id,
      programName: programs.name,
      setting: programs.setting,
      organizationId: organizations.id,
      organizationName: organizations.name,
      countryCode: organizations.countryCode,
      status: campaignPrograms.status,
      decidedAt: campaignPrograms.decidedAt,
    })
    .from(campaignPrograms)
    .innerJoin(programs, eq(programs.id, campaignPrograms.programId))
    .innerJoin(organizations, eq(organizations.id, programs.organizationId))
    .where(eq(campaignPrograms.campaignId, campaignId))
    .orderBy(asc(organizations.countryCode), asc(organizations.name), asc(programs.name));

export const findWaves = (db: Db, campaignId: string) =>
  db.select().from(campaignWaves).where(eq(campaignWaves.campaignId, campaignId)).orderBy(asc(campaignWaves.opensOn), asc(campaignWaves.createdAt));

/** Campaigns run by this researcher (all of them for `undefined`: platform administrators). */
export const findCampaignIdsOwnedBy = async (db: Db, ownerId: string | undefined) =>
  (await db.select({ id: campaigns.id }).from(campaigns).where(ownerId ? eq(campaigns.ownerId, ownerId) : undefined).orderBy(asc(campaigns.createdAt))).map((r) => r.id);

/** Campaigns that asked a program of these organizations to take part. */
export const findCampaignIdsInvitingOrganizations = async (db: Db, organizationIds: string[]) =>
  organizationIds.length === 0
    ? []
    : (
        await db
          .selectDistinct({ id: campaignPrograms.campaignId })
          .from(campaignPrograms)
          .innerJoin(programs, eq(programs.id, campaignPrograms.programId))
          .where(inArray(programs.organizationId, organizationIds))
      ).map((r) => r.id);

export async function countResponses(db: Db, campaignIds: string[]): Promise<Map<string, number>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await db
    .select({ campaignId: surveyResponses.campaignId, n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(inArray(surveyResponses.campaignId, campaignIds))
    .groupBy(surveyResponses.campaignId);
  return new Map(rows.map((r) => [r.campaignId, r.n]));
}

export async function updateCampaign(db: Db, id: string, version: number, patch: Partial<typeof campaigns.$inferInsert>) {
  const [row] = await db
    .update(campaigns)
    .set({ ...patch, version: sql`${campaigns.version} + 1` })
    .where(and(eq(campaigns.id, id), eq(campaigns.version, version)))
    .returning();
  return row;
}

/** Every program in the installation, for a researcher choosing whom to invite (names only, no person data). */
export const findProgramDirectory = (db: Db) =>
  db
    .select({
      programId: programs.id,
      programName: programs.name,
      setting: programs.setting,
      organizationId: organizations.id,
      organizationName: organizations.name,
      countryCode: organizations.countryCode,
    })
    .from(programs)
    .innerJoin(organizations, eq(organizations.id, programs.organizationId))
    .orderBy(asc(organizations.countryCode), asc(organizations.name), asc(programs.name));

export async function setParticipation(db: Db, campaignId: string, programId: string, status: string, userId: string, at: Date) {
  const [row] = await db
    .update(campaignPrograms)
    .set({ status, decidedBy: userId, decidedAt: at })
    .where(and(eq(campaignPrograms.campaignId, campaignId), eq(campaignPrograms.programId, programId)))
    .returning();
  return row;
}

export async function findWave(db: Db, campaignId: string, waveId: string): Promise<WaveRow | undefined> {
  const [row] = await db
    .select()
    .from(campaignWaves)
    .where(and(eq(campaignWaves.id, waveId), eq(campaignWaves.campaignId, campaignId)));
  return row;
}

/** Invitations with whether (and on which day) their invitee responded: from the response in the identified mode,
 * from the separate completion record in the tracked mode. */
export const findInvitations = (db: Db, campaignId: string) =>
  db
    .select({
      id: surveyInvitations.id,
      waveId: surveyInvitations.waveId,
      programId: surveyInvitations.programId,
      group: surveyInvitations.group,
      language: surveyInvitations.language,
      email: surveyInvitations.email,
      sentAt: surveyInvitations.sentAt,
      remindersSent: surveyInvitations.remindersSent,
      respondedOn: sql<string | null>`coalesce(${surveyCompletions.completedOn}::text, ${surveyCompletionQueue.completedOn}::text, (${surveyResponses.submittedOn})::text)`,
    })
    .from(surveyInvitations)
    .leftJoin(surveyCompletions, eq(surveyCompletions.invitationId, surveyInvitations.id))
    .leftJoin(surveyCompletionQueue, eq(surveyCompletionQueue.invitationId, surveyInvitations.id))
    .leftJoin(surveyResponses, eq(surveyResponses.invitationId, surveyInvitations.id))
    .where(eq(surveyInvitations.campaignId, campaignId))
    .orderBy(asc(surveyInvitations.createdAt), asc(surveyInvitations.email));

export const findOpenLinks = (db: Db, campaignId: string) =>
  db.select().from(surveyOpenLinks).where(eq(surveyOpenLinks.campaignId, campaignId)).orderBy(asc(surveyOpenLinks.createdAt));

/** Invited and responded per wave, program and group (response rates; the caller applies k). */
export async function invitationCounts(db: Db, campaignId: string) {
  return db
    .select({
      waveId: surveyInvitations.waveId,
      programId: surveyInvitations.programId,
      group: surveyInvitations.group,
      invited: sql<number>`count(*)::int`,
      responded: sql<number>`count(${surveyCompletions.invitationId})::int + count(${surveyCompletionQueue.invitationId})::int + count(${surveyResponses.id})::int`,
    })
    .from(surveyInvitations)
    .leftJoin(surveyCompletions, eq(surveyCompletions.invitationId, surveyInvitations.id))
    .leftJoin(surveyCompletionQueue, eq(surveyCompletionQueue.invitationId, surveyInvitations.id))
    .leftJoin(surveyResponses, eq(surveyResponses.invitationId, surveyInvitations.id))
    .where(eq(surveyInvitations.campaignId, campaignId))
    .groupBy(surveyInvitations.waveId, surveyInvitations.programId, surveyInvitations.group);
}

/** Responses per wave, program and group (open links and imports included). */
export const responseCounts = (db: Db, campaignId: string) =>
  db
    .select({ waveId: surveyResponses.waveId, programId: surveyResponses.programId, group: surveyResponses.group, n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(eq(surveyResponses.campaignId, campaignId))
    .groupBy(surveyResponses.waveId, surveyResponses.programId, surveyResponses.group);

/** Every response of a campaign with what results need (no ids of invitations, no moments). */
/** A campaign's responses, or one wave's. */
export const findResponses = (db: Db, campaignId: string, waveId?: string) =>
  db
    .select({
      id: surveyResponses.id,
      waveId: surveyResponses.waveId,
      programId: surveyResponses.programId,
      group: surveyResponses.group,
      language: surveyResponses.language,
      instrumentVersionId: surveyResponses.instrumentVersionId,
      submittedOn: surveyResponses.submittedOn,
      answers: surveyResponses.answers,
    })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.campaignId, campaignId), waveId ? eq(surveyResponses.waveId, waveId) : undefined));

/** The licence and definition of each of these instrument versions. */
export const findVersionLicences = (db: Db, versionIds: string[]) =>
  db
    .select({ id: instrumentVersions.id, licence: instruments.licence, definition: instrumentVersions.definition })
    .from(instrumentVersions)
    .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
    .where(inArray(instrumentVersions.id, versionIds));
