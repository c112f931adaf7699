import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AnalysisSchema, AnalysisSpecSchema, AnalysisSummarySchema, CampaignScaleSchema, ErrorBodySchema, IdParamsSchema, LanguageSchema, PlanningQuerySchema, PlanSchema, SummariesFileSchema } from '@alongside/contracts';
import { planCampaign } from '@alongside/stats/planning';
import { sendFile } from '../../lib/files.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { AnalysesService } from './analyses.service.ts';
import { analysisTablesZip } from './analysis-tables.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const tags = ['analyses'];

export const analysesRoutes: FastifyPluginAsyncZod<{ analyses: AnalysesService }> = async (app, { analyses }) => {
  app.get(
    '/api/campaigns/:id/scales',
    { schema: { tags, summary: 'The scales of a campaign an analysis can use as its outcome or factors', params: IdParamsSchema, response: { 200: z.array(CampaignScaleSchema), ...errors } } },
    async (request) => analyses.scales(requireActor(request), request.params.id),
  );
  app.post(
    '/api/analyses',
    {
      // Other installations' summaries may come along: a thousand programs of 12 factors is about 6 MB of JSON.
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Run an analysis of a campaign wave (mixed model, program level and importance, countries) and save it',
        body: AnalysisSpecSchema,
        response: { 201: AnalysisSchema, 422: ErrorBodySchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await analyses.run(requireActor(request), request.body)),
  );
  app.get(
    '/api/analyses',
    { schema: { tags, summary: 'The analyses I ran, newest first', response: { 200: z.array(AnalysisSummarySchema), ...errors } } },
    async (request) => analyses.list(requireActor(request)),
  );
  app.post(
    '/api/analyses/summaries',
    {
      schema: {
        tags,
        summary: 'Export a wave’s per-program summaries for a pooled analysis in another installation (sums only, no respondent rows; programs under k left out)',
        body: AnalysisSpecSchema,
        response: { 200: SummariesFileSchema, ...errors },
      },
    },
    async (request) => ({ format: 'alongside-program-summaries' as const, version: 1 as const, ...(await analyses.exportSummaries(requireActor(request), request.body)) }),
  );
  app.get(
    '/api/analyses/planning',
    {
      schema: {
        tags,
        summary: 'Plan a campaign: how many programs find an effect of a given size (a correlation), given the ICC and respondents per program',
        querystring: PlanningQuerySchema,
        response: { 200: PlanSchema, ...errors },
      },
    },
    (request) => {
      requireActor(request);
      return planCampaign(request.query);
    },
  );
  app.get(
    '/api/analyses/:id',
    { schema: { tags, summary: 'A saved analysis: its exact inputs, when its data were read, and its result', params: IdParamsSchema, response: { 200: AnalysisSchema, ...errors } } },
    async (request) => analyses.get(requireActor(request), request.params.id),
  );
  app.get(
    '/api/analyses/:id/report.html',
    {
      schema: {
        tags,
        summary: 'The analysis as one self-contained HTML report (charts inline, the LEVEL reporting items answered), in one language',
        params: IdParamsSchema,
        querystring: z.object({ language: LanguageSchema.default('en') }),
        response: { 200: { description: 'An HTML file', content: { 'text/html': { schema: z.string() } } }, ...errors },
      },
    },
    async (request, reply) => sendFile(reply, await analyses.report(requireActor(request), request.params.id, request.query.language)),
  );
  app.get(
    '/api/analyses/:id/tables.zip',
    {
      schema: {
        tags,
        summary: 'Every table of the analysis as CSV (fixed effects, fits, BLUPs, program level, importance, countries, diagnostics, sample), the whole analysis as tables.json and a README naming each file and its columns, in one zip',
        params: IdParamsSchema,
        response: { 200: { description: 'A zip archive', content: { 'application/zip': { schema: z.string() } } }, ...errors },
      },
    },
    // Read as GET /api/analyses/:id reads it (its researcher only, audited); the tables are built from what it gives.
    async (request, reply) => sendFile(reply, analysisTablesZip(await analyses.get(requireActor(request), request.params.id))),
  );
};
