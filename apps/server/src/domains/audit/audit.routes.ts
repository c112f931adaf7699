import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditEventSchema, AuditQuerySchema, ErrorBodySchema } from '@alongside/contracts';
import { requireActor } from '../../plugins/auth.ts';
import type { AuditService } from './audit.service.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    '/api/audit-events',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log (organization administrators); filters entity, actor, action, from, to',
        querystring: AuditQuerySchema,
        response: { 200: z.array(AuditEventSchema), ...errors },
      },
    },
    async (request) => audit.list(requireActor(request), request.query),
  );
  app.get(
    '/api/audit-events.csv',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log as CSV, same filters',
        querystring: AuditQuerySchema,
        response: { 200: { description: 'CSV, one row per event', content: { 'text/csv': { schema: z.string() } } }, ...errors },
      },
    },
    async (request, reply) => {
      const csv = await audit.exportCsv(requireActor(request), request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`)
        .send(csv);
    },
  );
};
