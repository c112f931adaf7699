import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, IdParamsSchema, IndicatorsQuerySchema, SustainabilitySchema } from '@alongside/contracts';
import { requireActor } from '../../plugins/auth.ts';
import type { SustainabilityService } from './sustainability.service.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };

export const sustainabilityRoutes: FastifyPluginAsyncZod<{ sustainability: SustainabilityService }> = async (
  app,
  { sustainability },
) => {
  app.get(
    '/api/programs/:id/sustainability',
    {
      schema: {
        tags: ['indicators'],
        summary:
          'Team sustainability: PSP headcount and FTE, lone-PSP teams, retention, supervision coverage, step-away days (aggregates, k rule)',
        params: IdParamsSchema,
        querystring: IndicatorsQuerySchema,
        response: { 200: SustainabilitySchema, ...errors },
      },
    },
    async (request) => sustainability.get(requireActor(request), request.params.id, request.query),
  );
};
