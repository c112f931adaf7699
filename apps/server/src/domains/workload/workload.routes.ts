import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBodySchema,
  IdParamsSchema,
  TeamWorkloadSchema,
  WorkloadQuerySchema,
  WorkloadSchema,
} from '@alongside/contracts';
import { requireActor } from '../../plugins/auth.ts';
import type { WorkloadService } from './workload.service.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const tags = ['workload'];

export const workloadRoutes: FastifyPluginAsyncZod<{ workload: WorkloadService }> = async (app, { workload }) => {
  app.get(
    '/api/workload/me',
    {
      schema: {
        tags,
        summary: 'My workload: caseload, contacts and hours per week, crisis contacts, share of peer work, flags',
        querystring: WorkloadQuerySchema,
        response: { 200: WorkloadSchema, ...errors },
      },
    },
    async (request) => workload.me(requireActor(request), request.query),
  );
  app.get(
    '/api/workload/supervised',
    {
      schema: {
        tags,
        summary: 'A peer supervisor: the workload of the PSPs they supervise, in name order',
        querystring: WorkloadQuerySchema,
        response: { 200: z.array(WorkloadSchema), ...errors },
      },
    },
    async (request) => workload.supervised(requireActor(request), request.query),
  );
  app.get(
    '/api/teams/:id/workload',
    {
      schema: {
        tags,
        summary: 'Managers: the team’s workload as distributions over its PSPs (suppressed below k PSPs)',
        params: IdParamsSchema,
        querystring: WorkloadQuerySchema,
        response: { 200: TeamWorkloadSchema, ...errors },
      },
    },
    async (request) => workload.team(requireActor(request), request.params.id, request.query),
  );
};
