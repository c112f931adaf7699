import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { schema, type Db } from '@alongside/db';
import { effectiveK, suppressSmallCells } from '@alongside/stats';
import {
  InstrumentDefinitionSchema,
  LicenceSchema,
  licenceAllowsUse,
  type Campaign,
  type CampaignProgress,
  type CreateCampaignBodySchema,
  type CreateOpenLinkBodySchema,
  type CreateSurveyInvitationsBodySchema,
  type CreateWaveBodySchema,
  type Language,
  type PrivacyMode,
  type StakeholderGroup,
  type UpdateCampaignBodySchema,
} from '@alongside/contracts';
import { adminOrganizationIds, type Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, badRequest, conflict, forbidden, isUniqueViolation, notFound, versionConflict } from '../../lib/errors.ts';
import type { Mailer } from '../../lib/mailer.ts';
import { seal } from '../../lib/seal.ts';
import { invitationMail } from './campaign-mail.ts';
import * as policy from './campaigns.policy.ts';
import * as repo from './campaigns.repo.ts';

export interface CampaignsDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
  /** The server's secret: personal links are sealed under it so that reminders can carry them. */
  secret: string;
}

/** Tokens of personal links and continuation codes are kept only as hashes; a prefix keeps the two kinds apart. */
export const hashSecret = (kind: 'invitation' | 'draft', secret: string) => createHash('sha256').update(`${kind}:${secret}`).digest('hex');
const today = (now: Date) => now.toISOString().slice(0, 10);

/** Campaigns across programs and countries: set-up, participation, waves, invitations, open links, progress. */
export function createCampaignsService({ db, clock, mailer, publicUrl, secret }: CampaignsDeps) {
  async function load(id: string): Promise<Campaign> {
    const row = await repo.findCampaignRow(db, id);
    if (!row) throw notFound('Campaign');
    const [groups, programs, waves] = await Promise.all([repo.findGroups(db, id), repo.findPrograms(db, id), repo.findWaves(db, id)]);
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      ethicsApproval: row.ethicsApproval,
      dataController: row.dataController,
      privacyMode: row.privacyMode as PrivacyMode,
      k: row.k,
      languages: row.languages as Language[],
      retentionUntil: row.retentionUntil,
      information: row.information as Campaign['information'],
      groups: groups.map((g) => ({
        group: g.group as StakeholderGroup,
        instrumentVersionId: g.instrumentVersionId,
        instrumentId: g.instrumentId,
        instrumentName: g.instrumentName,
        versionNumber: g.versionNumber,
      })),
      programs: programs.map((p) => ({
        programId: p.programId,
        programName: p.programName,
        organizationId: p.organizationId,
        organizationName: p.organizationName,
        countryCode: p.countryCode as 'CA' | 'NO',
        status: p.status as 'invited' | 'joined' | 'declined',
        decidedAt: p.decidedAt?.toISOString() ?? null,
      })),
      waves: waves.map(toWave),
      ownerId: row.ownerId,
      createdAt: row.createdAt.toISOString(),
      version: row.version,
    };
  }

  /** The campaign, for its owner; 404 for anyone else (a campaign's existence is not everyone's business). */
  async function getRun(actor: Actor, id: string): Promise<Campaign> {
    const campaign = await load(id);
    if (!policy.canRunCampaign(actor, campaign)) throw notFound('Campaign');
    return campaign;
  }

  function requireJoined(campaign: Campaign, programId: string) {
    const program = campaign.programs.find((p) => p.programId === programId);
    if (!program) throw badRequest('programId', 'is not a program of this campaign');
    if (program.status !== 'joined') throw conflict('invalid_transition', 'This program has not joined the campaign: its organization decides.');
    return program;
  }

  function requireWave(campaign: Campaign, waveId: string) {
    const wave = campaign.waves.find((w) => w.id === waveId);
    if (!wave) throw badRequest('waveId', 'is not a wave of this campaign');
    return wave;
  }

  function requireGroup(campaign: Campaign, group: StakeholderGroup) {
    if (!campaign.groups.some((g) => g.group === group)) throw badRequest('group', 'is not surveyed in this campaign');
  }

  return {
    get: getRun,

    async list(actor: Actor) {
      const owned = policy.canCreateCampaign(actor) ? await repo.findCampaignIdsOwnedBy(db, actor.isPlatformAdmin ? undefined : actor.userId) : [];
      const inviting = await repo.findCampaignIdsInvitingOrganizations(db, adminOrganizationIds(actor));
      const ids = [...new Set([...owned, ...inviting])];
      const counts = await repo.countResponses(db, owned);
      const campaigns = await Promise.all(ids.map(load));
      return campaigns.map((c) => ({
        id: c.id,
        title: c.title,
        privacyMode: c.privacyMode,
        k: c.k,
        ownerId: c.ownerId,
        createdAt: c.createdAt,
        programCount: c.programs.length,
        countryCodes: [...new Set(c.programs.map((p) => p.countryCode))],
        waveCount: c.waves.length,
        // Administrators of a taking-part organization see the campaign and their programs, not its figures.
        responseCount: counts.get(c.id) ?? 0,
      }));
    },

    /** What an organization administrator sees of a campaign that invited their programs: its terms, and their programs. */
    async getForParticipant(actor: Actor, id: string) {
      const campaign = await load(id);
      if (policy.canRunCampaign(actor, campaign)) return campaign;
      const mine = campaign.programs.filter((p) => policy.canDecideParticipation(actor, p));
      if (mine.length === 0) throw notFound('Campaign');
      return { ...campaign, programs: mine };
    },

    async programDirectory(actor: Actor) {
      if (!policy.canCreateCampaign(actor)) throw forbidden('Only researchers can see the program directory.');
      return (await repo.findProgramDirectory(db)).map((p) => ({ ...p, countryCode: p.countryCode as 'CA' | 'NO' }));
    },

    async create(actor: Actor, body: z.infer<typeof CreateCampaignBodySchema>) {
      if (!policy.canCreateCampaign(actor)) throw forbidden('Only researchers can create campaigns.');
      const groups = new Set(body.groups.map((g) => g.group));
      if (groups.size !== body.groups.length) throw badRequest('groups', 'each stakeholder group once');
      if (body.retentionUntil <= today(clock.now())) throw badRequest('retentionUntil', 'must be a date after today');
      for (const language of body.languages) if (!body.information[language]) throw badRequest(`information.${language}`, 'the information for respondents is needed in every language of the campaign');
      const directory = new Map((await repo.findProgramDirectory(db)).map((p) => [p.programId, p]));
      body.programIds.forEach((id, index) => {
        if (!directory.has(id)) throw badRequest(`programIds.${index}`, 'is not a program');
      });
      const versions = await repo.findVersionLicences(db, body.groups.map((g) => g.instrumentVersionId));
      const licences = new Map(versions.map((v) => [v.id, LicenceSchema.parse(v.licence)]));
      const definitions = new Map(versions.map((v) => [v.id, InstrumentDefinitionSchema.parse(v.definition)]));
      body.groups.forEach((g, index) => {
        const licence = licences.get(g.instrumentVersionId);
        if (!licence) throw badRequest(`groups.${index}.instrumentVersionId`, 'is not an instrument version');
        // An anonymous campaign cannot ask for a name or an e-mail address.
        const identifying = definitions.get(g.instrumentVersionId)!.items.filter((i) => i.identifier).map((i) => i.name);
        if (body.privacyMode !== 'identified' && identifying.length > 0)
          throw badRequest(`groups.${index}.instrumentVersionId`, `asks for identifying items (${identifying.join(', ')}): only an identified campaign can use it`);
        if (!licenceAllowsUse(licence))
          throw new AppError(409, 'permission_required', 'This instrument needs a recorded permission from its owners before it can be used in a campaign.', [
            { field: `groups.${index}.instrumentVersionId`, message: `licence status ${licence.status}: record the permission first` },
          ]);
      });
      return db.transaction(async (tx) => {
        const row = await repo.insertCampaign(tx, {
          title: body.title,
          description: body.description,
          ownerId: actor.userId,
          ethicsApproval: body.ethicsApproval,
          dataController: body.dataController,
          privacyMode: body.privacyMode,
          k: effectiveK('research', body.k),
          languages: body.languages,
          information: body.information,
          retentionUntil: body.retentionUntil,
        });
        await tx.insert(schema.campaignGroups).values(body.groups.map((g) => ({ campaignId: row.id, group: g.group, instrumentVersionId: g.instrumentVersionId })));
        await tx.insert(schema.campaignPrograms).values([...new Set(body.programIds)].map((programId) => ({ campaignId: row.id, programId })));
        await writeAudit(tx, actor, { action: 'campaign.create', entityType: 'campaign', entityId: row.id, purpose: 'research_use', details: { programs: body.programIds.length } });
        return row.id;
      }).then(load);
    },

    async update(actor: Actor, id: string, body: z.infer<typeof UpdateCampaignBodySchema>) {
      await getRun(actor, id);
      const { version, k, ...patch } = body;
      if (patch.retentionUntil && patch.retentionUntil <= today(clock.now())) throw badRequest('retentionUntil', 'must be a date after today');
      await db.transaction(async (tx) => {
        const row = await repo.updateCampaign(tx, id, version, { ...patch, ...(k === undefined ? {} : { k: effectiveK('research', k) }) });
        if (!row) throw versionConflict();
        await writeAudit(tx, actor, { action: 'campaign.update', entityType: 'campaign', entityId: id, purpose: 'research_use', details: { fields: Object.keys(body).filter((f) => f !== 'version') } });
      });
      return load(id);
    },

    /** An organization administrator joins or declines for one of their programs. */
    async decide(actor: Actor, id: string, programId: string, status: 'joined' | 'declined') {
      const campaign = await load(id);
      const program = campaign.programs.find((p) => p.programId === programId);
      if (!program || !policy.canDecideParticipation(actor, program)) throw notFound('Campaign program');
      await db.transaction(async (tx) => {
        await repo.setParticipation(tx, id, programId, status, actor.userId, clock.now());
        await writeAudit(tx, actor, { action: 'campaign_program.decide', entityType: 'campaign', entityId: id, organizationId: program.organizationId, purpose: 'research_use', details: { programId, status } });
      });
      return (await load(id)).programs.find((p) => p.programId === programId)!;
    },

    async addWave(actor: Actor, id: string, body: z.infer<typeof CreateWaveBodySchema>) {
      await getRun(actor, id);
      if (body.closesOn < body.opensOn) throw badRequest('closesOn', 'must be on or after the opening day');
      const row = await db.transaction(async (tx) => {
        const [wave] = await tx.insert(schema.campaignWaves).values({ campaignId: id, ...body }).returning();
        await writeAudit(tx, actor, { action: 'campaign_wave.create', entityType: 'campaign', entityId: id, purpose: 'research_use', details: { waveId: wave!.id } });
        return wave!;
      });
      return toWave(row);
    },

    /** Personal one-time links, mailed in the invitation's language (SMTP, or the outbox). */
    async invite(actor: Actor, id: string, body: z.infer<typeof CreateSurveyInvitationsBodySchema>) {
      const campaign = await getRun(actor, id);
      if (!policy.allowsInvitations(campaign.privacyMode)) throw conflict('invalid_transition', 'A fully anonymous campaign has open links only: nobody is invited by name.');
      const wave = requireWave(campaign, body.waveId);
      const program = requireJoined(campaign, body.programId);
      requireGroup(campaign, body.group);
      if (!campaign.languages.includes(body.language)) throw badRequest('language', 'is not a language of this campaign');
      if (wave.closesOn < today(clock.now())) throw conflict('survey_closed', 'This wave has closed.');
      const emails = [...new Set(body.emails)];
      const now = clock.now();
      const mailIds = await db
        .transaction(async (tx) => {
          const ids: string[] = [];
          for (const email of emails) {
            const token = randomBytes(32).toString('base64url');
            await tx
              .insert(schema.surveyInvitations)
              .values({ campaignId: id, waveId: wave.id, programId: program.programId, group: body.group, language: body.language, email, tokenHash: hashSecret('invitation', token), tokenSealed: seal(secret, 'survey-link', token), sentAt: now });
            ids.push(await mailer.queue(tx, { organizationId: program.organizationId, to: email, ...invitationMail(body.language, campaign, wave, `${publicUrl}/s/${token}`, false) }));
          }
          await writeAudit(tx, actor, { action: 'survey_invitation.create', entityType: 'campaign', entityId: id, organizationId: program.organizationId, purpose: 'research_use', details: { waveId: wave.id, programId: program.programId, group: body.group, count: emails.length } });
          return ids;
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error, 'survey_invitations_wave_email')) throw conflict('already_exists', 'One of these addresses is already invited to this wave for this program and group.');
          throw error;
        });
      for (const mailId of mailIds) await mailer.deliver(mailId);
      return { created: emails.length };
    },

    async listInvitations(actor: Actor, id: string) {
      await getRun(actor, id);
      const rows = await repo.findInvitations(db, id);
      await writeAudit(db, actor, { action: 'survey_invitation.list', entityType: 'campaign', entityId: id, purpose: 'research_use', details: { count: rows.length } });
      return rows.map((r) => ({
        ...r,
        group: r.group as StakeholderGroup,
        language: r.language as Language,
        sentAt: r.sentAt?.toISOString() ?? null,
        respondedOn: r.respondedOn ? r.respondedOn.slice(0, 10) : null,
      }));
    },

    async createOpenLink(actor: Actor, id: string, body: z.infer<typeof CreateOpenLinkBodySchema>) {
      const campaign = await getRun(actor, id);
      if (!policy.allowsOpenLinks(campaign.privacyMode)) throw conflict('invalid_transition', 'An identified campaign uses personal links only.');
      requireWave(campaign, body.waveId);
      const program = requireJoined(campaign, body.programId);
      requireGroup(campaign, body.group);
      const code = randomBytes(12).toString('base64url');
      try {
        const row = await db.transaction(async (tx) => {
          const [link] = await tx.insert(schema.surveyOpenLinks).values({ campaignId: id, ...body, code }).returning();
          await writeAudit(tx, actor, { action: 'survey_open_link.create', entityType: 'campaign', entityId: id, organizationId: program.organizationId, purpose: 'research_use', details: { waveId: body.waveId, programId: body.programId, group: body.group } });
          return link!;
        });
        return toOpenLink(row);
      } catch (error) {
        if (isUniqueViolation(error, 'survey_open_links_target')) throw conflict('already_exists', 'This program and group already have an open link for this wave.');
        throw error;
      }
    },

    async listOpenLinks(actor: Actor, id: string) {
      await getRun(actor, id);
      return (await repo.findOpenLinks(db, id)).map(toOpenLink);
    },

    /** Response counts and rates per wave by program, country and group; counts about 1 … k−1 respondents withheld. */
    async progress(actor: Actor, id: string): Promise<CampaignProgress> {
      const campaign = await getRun(actor, id);
      const k = effectiveK('research', campaign.k);
      const [invited, responses] = await Promise.all([repo.invitationCounts(db, id), repo.responseCounts(db, id)]);
      const programs = new Map(campaign.programs.map((p) => [p.programId, p]));
      // One dimension (program, country or group) of each wave: secondary suppression among its cells, so that no
      // withheld count can be worked out from the wave's total and the others.
      const dimension = (keyOf: (row: { programId: string; group: string }) => string, labelOf: (key: string) => string, keys: string[]) =>
        campaign.waves.flatMap((wave) => {
          const total = <R extends { waveId: string; programId: string; group: string }>(rows: R[], key: string, value: (row: R) => number) =>
            rows.filter((r) => r.waveId === wave.id && keyOf(r) === key).reduce((sum, r) => sum + value(r), 0);
          const shown = suppressSmallCells(keys.map((key) => total(responses, key, (r) => r.n)), k);
          return keys.map((key, index) => {
            const n = shown[index] ?? null;
            const invitations = total(invited, key, (r) => r.invited);
            const answered = total(invited, key, (r) => r.responded);
            return {
              waveId: wave.id,
              key,
              label: labelOf(key),
              responses: n,
              invited: n === null ? null : invitations,
              rate: n !== null && invitations > 0 ? answered / invitations : null,
              suppressed: n === null,
            };
          });
        });
      const countries = [...new Set(campaign.programs.map((p) => p.countryCode))];
      const groups = campaign.groups.map((g) => g.group);
      await writeAudit(db, actor, { action: 'campaign.progress_read', entityType: 'campaign', entityId: id, purpose: 'research_use' });
      return {
        k,
        waves: campaign.waves.map((wave) => {
          const n = responses.filter((r) => r.waveId === wave.id).reduce((t, r) => t + r.n, 0);
          const shown = n === 0 || n >= k;
          return { waveId: wave.id, name: wave.name, responses: shown ? n : null, invited: shown ? invited.filter((r) => r.waveId === wave.id).reduce((t, r) => t + r.invited, 0) : null, suppressed: !shown };
        }),
        byProgram: dimension((r) => r.programId, (key) => programs.get(key)?.programName ?? key, campaign.programs.map((p) => p.programId)),
        byCountry: dimension((r) => programs.get(r.programId)?.countryCode ?? '', (key) => key, countries),
        byGroup: dimension((r) => r.group, (key) => key, groups),
      };
    },
  };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;

const toWave = (w: repo.WaveRow) => ({
  id: w.id,
  name: w.name,
  kind: w.kind as 'baseline' | 'follow_up',
  opensOn: w.opensOn,
  closesOn: w.closesOn,
  reminderDays: w.reminderDays,
});

const toOpenLink = (l: typeof schema.surveyOpenLinks.$inferSelect) => ({
  id: l.id,
  waveId: l.waveId,
  programId: l.programId,
  group: l.group as StakeholderGroup,
  code: l.code,
});
