import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AnswerVoiceItemBodySchema,
  CreateVoiceItemBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  ListVoiceItemsQuerySchema,
  ReturnVoiceItemBodySchema,
  VersionBodySchema,
  VoiceItemSchema,
} from '@alongside/contracts';
import { requireActor } from '../../plugins/auth.ts';
import type { VoiceItemsService } from './voice-items.service.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const tags = ['voice items'];

export const voiceItemsRoutes: FastifyPluginAsyncZod<{ voiceItems: VoiceItemsService }> = async (app, { voiceItems }) => {
  app.get(
    '/api/voice-items',
    { schema: { tags, summary: 'Voice items (clinicians see only items shared with them)', querystring: ListVoiceItemsQuerySchema, response: { 200: z.array(VoiceItemSchema), ...errors } } },
    async (request) => voiceItems.list(requireActor(request), request.query),
  );
  app.post(
    '/api/voice-items',
    { schema: { tags, summary: 'Record the person’s words (peer staff)', body: CreateVoiceItemBodySchema, response: { 201: VoiceItemSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await voiceItems.create(requireActor(request), request.body)),
  );
  app.get(
    '/api/voice-items/:id',
    { schema: { tags, summary: 'One voice item', params: IdParamsSchema, response: { 200: VoiceItemSchema, ...errors } } },
    async (request) => voiceItems.get(requireActor(request), request.params.id),
  );
  app.post(
    '/api/voice-items/:id/share',
    { schema: { tags, summary: 'Share with the care team: the person agreed (peer staff)', params: IdParamsSchema, body: VersionBodySchema, response: { 200: VoiceItemSchema, ...errors } } },
    async (request) => voiceItems.share(requireActor(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/voice-items/:id/acknowledge',
    { schema: { tags, summary: 'The team saw it (clinicians)', params: IdParamsSchema, body: VersionBodySchema, response: { 200: VoiceItemSchema, ...errors } } },
    async (request) => voiceItems.acknowledge(requireActor(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/voice-items/:id/answer',
    { schema: { tags, summary: 'The team’s answer, in words (clinicians)', params: IdParamsSchema, body: AnswerVoiceItemBodySchema, response: { 200: VoiceItemSchema, ...errors } } },
    async (request) => voiceItems.answer(requireActor(request), request.params.id, request.body.version, request.body.answer),
  );
  app.post(
    '/api/voice-items/:id/return',
    { schema: { tags, summary: 'The answer was taken back to the person (peer staff)', params: IdParamsSchema, body: ReturnVoiceItemBodySchema, response: { 200: VoiceItemSchema, ...errors } } },
    async (request) => voiceItems.returnToPerson(requireActor(request), request.params.id, request.body.version, request.body.reaction),
  );
  app.post(
    '/api/voice-items/:id/withdraw',
    { schema: { tags, summary: 'The person withdrew the item (peer staff)', params: IdParamsSchema, body: VersionBodySchema, response: { 200: VoiceItemSchema, ...errors } } },
    async (request) => voiceItems.withdraw(requireActor(request), request.params.id, request.body.version),
  );
};
