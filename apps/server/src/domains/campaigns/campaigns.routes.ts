import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CampaignProgramParamsSchema,
  CampaignProgramSchema,
  CampaignExportQuerySchema,
  CampaignProgressSchema,
  CampaignResultsQuerySchema,
  CampaignResultsSchema,
  CampaignWaveParamsSchema,
  ImportResponsesBodySchema,
  ImportResponsesResultSchema,
  CampaignSchema,
  CampaignSummarySchema,
  CreateCampaignBodySchema,
  CreateOpenLinkBodySchema,
  CreateSurveyInvitationsBodySchema,
  CreateWaveBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  OpenLinkSchema,
  ParticipationDecisionBodySchema,
  ProgramDirectoryEntrySchema,
  SurveyInvitationSchema,
  UpdateCampaignBodySchema,
  WaveSchema,
} from '@alongside/contracts';
import { sendFile } from '../../lib/files.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { CampaignsService } from './campaigns.service.ts';
import type { CampaignDataService } from './campaign-data.service.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const tags = ['campaigns'];

export const campaignsRoutes: FastifyPluginAsyncZod<{ campaigns: CampaignsService; data: CampaignDataService }> = async (app, { campaigns, data }) => {
  app.get(
    '/api/campaigns',
    { schema: { tags, summary: 'Campaigns I run, and those that invited my organization’s programs', response: { 200: z.array(CampaignSummarySchema), ...errors } } },
    async (request) => campaigns.list(requireActor(request)),
  );
  app.post(
    '/api/campaigns',
    { schema: { tags, summary: 'Create a campaign across programs (their administrators decide whether to join)', body: CreateCampaignBodySchema, response: { 201: CampaignSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await campaigns.create(requireActor(request), request.body)),
  );
  app.get(
    '/api/campaigns/programs',
    { schema: { tags, summary: 'Programs a campaign can invite (names and countries only)', response: { 200: z.array(ProgramDirectoryEntrySchema), ...errors } } },
    async (request) => campaigns.programDirectory(requireActor(request)),
  );
  app.get(
    '/api/campaigns/:id',
    { schema: { tags, summary: 'One campaign (an organization administrator sees their own programs of it)', params: IdParamsSchema, response: { 200: CampaignSchema, ...errors } } },
    async (request) => campaigns.getForParticipant(requireActor(request), request.params.id),
  );
  app.patch(
    '/api/campaigns/:id',
    { schema: { tags, summary: 'Change a campaign’s terms', params: IdParamsSchema, body: UpdateCampaignBodySchema, response: { 200: CampaignSchema, ...errors } } },
    async (request) => campaigns.update(requireActor(request), request.params.id, request.body),
  );
  app.put(
    '/api/campaigns/:id/programs/:programId',
    {
      schema: {
        tags,
        summary: 'Join or decline for one of my organization’s programs',
        params: CampaignProgramParamsSchema,
        body: ParticipationDecisionBodySchema,
        response: { 200: CampaignProgramSchema, ...errors },
      },
    },
    async (request) => campaigns.decide(requireActor(request), request.params.id, request.params.programId, request.body.status),
  );
  app.post(
    '/api/campaigns/:id/waves',
    { schema: { tags, summary: 'Add a wave (baseline or follow-up)', params: IdParamsSchema, body: CreateWaveBodySchema, response: { 201: WaveSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await campaigns.addWave(requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/api/campaigns/:id/invitations',
    { schema: { tags, summary: 'Personal invitations and whether they were answered', params: IdParamsSchema, response: { 200: z.array(SurveyInvitationSchema), ...errors } } },
    async (request) => campaigns.listInvitations(requireActor(request), request.params.id),
  );
  app.post(
    '/api/campaigns/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite people by e-mail: one-time personal links in their language',
        params: IdParamsSchema,
        body: CreateSurveyInvitationsBodySchema,
        response: { 201: z.object({ created: z.number().int() }), ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await campaigns.invite(requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/api/campaigns/:id/open-links',
    { schema: { tags, summary: 'Anonymous links per program and group', params: IdParamsSchema, response: { 200: z.array(OpenLinkSchema), ...errors } } },
    async (request) => campaigns.listOpenLinks(requireActor(request), request.params.id),
  );
  app.post(
    '/api/campaigns/:id/open-links',
    { schema: { tags, summary: 'Make an anonymous link for one program and group', params: IdParamsSchema, body: CreateOpenLinkBodySchema, response: { 201: OpenLinkSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await campaigns.createOpenLink(requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/api/campaigns/:id/progress',
    { schema: { tags, summary: 'Responses and response rates by program, country and group per wave (below k withheld)', params: IdParamsSchema, response: { 200: CampaignProgressSchema, ...errors } } },
    async (request) => campaigns.progress(requireActor(request), request.params.id),
  );
  app.get(
    '/api/campaigns/:id/results',
    {
      schema: {
        tags,
        summary: 'Scale results by country, group, program, setting, wave and language, with alpha, rwg(j) and ICC (below k withheld)',
        params: IdParamsSchema,
        querystring: CampaignResultsQuerySchema,
        response: { 200: CampaignResultsSchema, ...errors },
      },
    },
    async (request) => data.results(requireActor(request), request.params.id, request.query),
  );
  app.post(
    '/api/campaigns/:id/waves/:waveId/responses/import',
    {
      bodyLimit: 128 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import responses collected elsewhere (CSV): checked line by line, nothing stored on any problem',
        params: CampaignWaveParamsSchema,
        body: ImportResponsesBodySchema,
        response: { 201: ImportResponsesResultSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await data.importResponses(requireActor(request), request.params.id, request.params.waveId, { content: Buffer.from(request.body.content, 'base64') })),
  );
  app.get(
    '/api/campaigns/:id/export',
    {
      schema: {
        tags,
        summary: 'Analyst export (zip): wide or long CSV with codebook, REDCap data and dictionary, or SPSS, Stata or R syntax over the CSV, labelled in one language; small cells merged or withheld',
        params: IdParamsSchema,
        querystring: CampaignExportQuerySchema,
        response: { 200: { description: 'A zip archive', content: { 'application/zip': { schema: z.string() } } }, ...errors },
      },
    },
    async (request, reply) => sendFile(reply, await data.exportFile(requireActor(request), request.params.id, request.query)),
  );
};
