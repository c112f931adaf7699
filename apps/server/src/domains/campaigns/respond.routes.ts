import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, LanguageSchema, OkSchema, RespondentSurveySchema, SaveDraftBodySchema } from '@alongside/contracts';
import type { RespondService } from './respond.service.ts';

const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const tags = ['respond'];
/** A personal link's token, or an open link's continuation code (typed back by the respondent). */
const TokenParams = z.object({ token: z.string().trim().min(12).max(200).regex(/^[A-Za-z0-9_-]+$/, 'is not a survey link') });
const CodeParams = z.object({ code: z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/, 'is not a survey link') });
// Public: a respondent has no account. The Origin check still applies to every write.
const config = { public: true };

export const respondRoutes: FastifyPluginAsyncZod<{ respond: RespondService }> = async (app, { respond }) => {
  app.get(
    '/api/respond/:token',
    { config, schema: { tags, summary: 'A survey to answer, with the answers saved so far', params: TokenParams, response: { 200: RespondentSurveySchema, ...errors } } },
    async (request) => respond.get(request.params.token),
  );
  app.put(
    '/api/respond/:token',
    { config, schema: { tags, summary: 'Save answers to resume later', params: TokenParams, body: SaveDraftBodySchema, response: { 200: OkSchema, ...errors } } },
    async (request) => respond.saveDraft(request.params.token, request.body),
  );
  app.post(
    '/api/respond/:token/submit',
    { config, schema: { tags, summary: 'Send the answers (once per invitation)', params: TokenParams, body: SaveDraftBodySchema, response: { 200: OkSchema, ...errors } } },
    async (request) => respond.submit(request.params.token, request.body),
  );
  app.get(
    '/api/respond-open/:code',
    { config, schema: { tags, summary: 'An open link: what the survey is, before anything is stored', params: CodeParams, response: { 200: RespondentSurveySchema, ...errors } } },
    async (request) => respond.openInfo(request.params.code),
  );
  app.post(
    '/api/respond-open/:code',
    {
      config,
      schema: {
        tags,
        summary: 'Start from an open link: returns the continuation code that resumes it (it carries no identity)',
        params: CodeParams,
        body: z.object({ language: LanguageSchema }),
        response: { 201: z.object({ continuationCode: z.string() }), ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await respond.openStart(request.params.code, request.body)),
  );
};
