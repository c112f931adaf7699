import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdParamsSchema, IndicatorsQuerySchema, IndicatorsSchema } from '@alongside/contracts';
import { requireActor } from '../../plugins/auth.ts';
import { indicatorsCsv, type IndicatorsService } from './indicators.service.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const tags = ['indicators'];

export const indicatorsRoutes: FastifyPluginAsyncZod<{ indicators: IndicatorsService }> = async (
  app,
  { indicators },
) => {
  app.get(
    '/api/programs/:id/indicators',
    {
      schema: {
        tags,
        summary:
          'Integration indicators for a period (dates included), with the previous period; small cells suppressed',
        params: IdParamsSchema,
        querystring: IndicatorsQuerySchema,
        response: { 200: IndicatorsSchema, ...errors },
      },
    },
    async (request) => indicators.get(requireActor(request), request.params.id, request.query),
  );
  app.get(
    '/api/programs/:id/indicators.csv',
    {
      schema: {
        tags,
        summary: 'The same indicators as CSV',
        params: IdParamsSchema,
        querystring: IndicatorsQuerySchema,
        response: { 200: { description: 'CSV, one row per figure', content: { 'text/csv': { schema: z.string() } } }, ...errors },
      },
    },
    async (request, reply) => {
      const data = await indicators.get(requireActor(request), request.params.id, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="indicators-${data.period.from}-${data.period.to}.csv"`)
        .send(indicatorsCsv(data));
    },
  );
};
