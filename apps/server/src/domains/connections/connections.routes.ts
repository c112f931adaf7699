import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConnectionSchema,
  CreateConnectionBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  ListConnectionsQuerySchema,
  UpdateConnectionBodySchema,
} from '@alongside/contracts';
import { requireActor } from '../../plugins/auth.ts';
import type { ConnectionsService } from './connections.service.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const tags = ['connections'];

export const connectionsRoutes: FastifyPluginAsyncZod<{ connections: ConnectionsService }> = async (app, { connections }) => {
  app.get(
    '/api/connections',
    { schema: { tags, summary: 'Connections and referrals', querystring: ListConnectionsQuerySchema, response: { 200: z.array(ConnectionSchema), ...errors } } },
    async (request) => connections.list(requireActor(request), request.query),
  );
  app.post(
    '/api/connections',
    { schema: { tags, summary: 'Connect a person onward (peer staff) or refer to peer support (clinicians)', body: CreateConnectionBodySchema, response: { 201: ConnectionSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await connections.create(requireActor(request), request.body)),
  );
  app.get(
    '/api/connections/:id',
    { schema: { tags, summary: 'One connection', params: IdParamsSchema, response: { 200: ConnectionSchema, ...errors } } },
    async (request) => connections.get(requireActor(request), request.params.id),
  );
  app.patch(
    '/api/connections/:id',
    { schema: { tags, summary: 'Move a connection to its next status', params: IdParamsSchema, body: UpdateConnectionBodySchema, response: { 200: ConnectionSchema, ...errors } } },
    async (request) => connections.update(requireActor(request), request.params.id, request.body),
  );
};
