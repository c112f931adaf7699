import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AddHuddleItemBodySchema, CreateHuddleBodySchema, ErrorBodySchema, HuddleItemSchema, HuddleSchema, IdParamsSchema, IdSchema, TeamBoardSchema } from '@alongside/contracts';
import { requireActor } from '../../plugins/auth.ts';
import type { HuddlesService } from './huddles.service.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const tags = ['huddles'];

export const huddlesRoutes: FastifyPluginAsyncZod<{ huddles: HuddlesService }> = async (app, { huddles }) => {
  app.get(
    '/api/huddles',
    { schema: { tags, summary: 'A team’s huddles, newest first', querystring: z.object({ teamId: IdSchema }), response: { 200: z.array(HuddleSchema), ...errors } } },
    async (request) => huddles.list(requireActor(request), request.query.teamId),
  );
  app.post(
    '/api/huddles',
    { schema: { tags, summary: 'Record a huddle: attendees, items discussed, decisions', body: CreateHuddleBodySchema, response: { 201: HuddleSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await huddles.create(requireActor(request), request.body)),
  );
  app.post(
    '/api/huddles/items',
    { schema: { tags, summary: 'Add an item to the next huddle', body: AddHuddleItemBodySchema, response: { 201: HuddleItemSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await huddles.addItem(requireActor(request), request.body)),
  );
  app.get(
    '/api/teams/:id/board',
    { schema: { tags: ['team board'], summary: 'What waits for the team (care team only)', params: IdParamsSchema, response: { 200: TeamBoardSchema, ...errors } } },
    async (request) => huddles.board(requireActor(request), request.params.id),
  );
};
