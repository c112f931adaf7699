import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateSupervisionSessionBodySchema,
  ErrorBodySchema,
  ListSupervisionSessionsQuerySchema,
  SupervisionSessionSchema,
} from '@alongside/contracts';
import { requireActor } from '../../plugins/auth.ts';
import type { SupervisionService } from './supervision.service.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const tags = ['supervision'];

export const supervisionRoutes: FastifyPluginAsyncZod<{ supervision: SupervisionService }> = async (
  app,
  { supervision },
) => {
  app.get(
    '/api/supervision-sessions',
    {
      schema: {
        tags,
        summary: 'Supervision sessions I took part in (as the PSP or the supervisor)',
        querystring: ListSupervisionSessionsQuerySchema,
        response: { 200: z.array(SupervisionSessionSchema), ...errors },
      },
    },
    async (request) => supervision.list(requireActor(request), request.query),
  );
  app.post(
    '/api/supervision-sessions',
    {
      schema: {
        tags,
        summary: 'Record a supervision session (the PSP or the supervisor); notes stay between the two',
        body: CreateSupervisionSessionBodySchema,
        response: { 201: SupervisionSessionSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await supervision.create(requireActor(request), request.body)),
  );
};
