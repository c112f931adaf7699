import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CheckInInstrumentSchema,
  CheckInSchema,
  CreateCheckInBodySchema,
  CreatePulseBodySchema,
  CreateShareBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  InstrumentQuerySchema,
  LanguageSchema,
  MyWellbeingSchema,
  NudgeSchema,
  OwnListQuerySchema,
  PulseSchema,
  SharedTrendSchema,
  ShareSchema,
  SharesViewSchema,
  TeamWellbeingQuerySchema,
  TeamWellbeingSchema,
} from '@alongside/contracts';
import { requireActor } from '../../plugins/auth.ts';
import type { WellbeingService } from './wellbeing.service.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const tags = ['wellbeing'];

export const wellbeingRoutes: FastifyPluginAsyncZod<{ wellbeing: WellbeingService }> = async (app, { wellbeing }) => {
  app.post(
    '/api/wellbeing/pulses',
    { schema: { tags, summary: 'A quick pulse (peer staff; private to them)', body: CreatePulseBodySchema, response: { 201: PulseSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await wellbeing.createPulse(requireActor(request), request.body)),
  );
  app.get(
    '/api/wellbeing/pulses',
    { schema: { tags, summary: 'My own pulses', querystring: OwnListQuerySchema, response: { 200: z.array(PulseSchema), ...errors } } },
    async (request) => wellbeing.listPulses(requireActor(request), request.query.limit),
  );
  app.get(
    '/api/wellbeing/check-ins/instrument',
    { schema: { tags, summary: 'The check-in my organization uses, in my language', querystring: InstrumentQuerySchema, response: { 200: CheckInInstrumentSchema, ...errors } } },
    async (request) => wellbeing.getInstrument(requireActor(request), request.query),
  );
  app.post(
    '/api/wellbeing/check-ins',
    { schema: { tags, summary: 'A monthly check-in (peer staff; private to them)', body: CreateCheckInBodySchema, response: { 201: CheckInSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await wellbeing.createCheckIn(requireActor(request), request.body)),
  );
  app.get(
    '/api/wellbeing/check-ins',
    { schema: { tags, summary: 'My own check-ins', querystring: OwnListQuerySchema, response: { 200: z.array(CheckInSchema), ...errors } } },
    async (request) => wellbeing.listCheckIns(requireActor(request), request.query.limit),
  );
  app.get(
    '/api/wellbeing/me',
    { schema: { tags, summary: 'My trend by month, a reading of it, my nudges and resources', querystring: z.object({ language: LanguageSchema.optional() }), response: { 200: MyWellbeingSchema, ...errors } } },
    async (request) => wellbeing.me(requireActor(request), request.query.language),
  );
  app.post(
    '/api/wellbeing/nudges/:id/dismiss',
    { schema: { tags, summary: 'Dismiss one of my nudges', params: IdParamsSchema, response: { 200: NudgeSchema, ...errors } } },
    async (request) => wellbeing.dismissNudge(requireActor(request), request.params.id),
  );
  app.get(
    '/api/wellbeing/shares',
    { schema: { tags, summary: 'Who I share my trend with, and who I could', response: { 200: SharesViewSchema, ...errors } } },
    async (request) => wellbeing.listShares(requireActor(request)),
  );
  app.post(
    '/api/wellbeing/shares',
    { schema: { tags, summary: 'Share my trend with a peer supervisor of my team', body: CreateShareBodySchema, response: { 201: ShareSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await wellbeing.createShare(requireActor(request), request.body.supervisorId)),
  );
  app.delete(
    '/api/wellbeing/shares/:id',
    { schema: { tags, summary: 'Stop sharing my trend', params: IdParamsSchema, response: { 200: ShareSchema, ...errors } } },
    async (request) => wellbeing.revokeShare(requireActor(request), request.params.id),
  );
  app.get(
    '/api/wellbeing/shared-with-me',
    { schema: { tags, summary: 'Trends PSPs chose to share with me (peer supervisors)', response: { 200: z.array(SharedTrendSchema), ...errors } } },
    async (request) => wellbeing.sharedWithMe(requireActor(request)),
  );
  app.get(
    '/api/teams/:id/wellbeing',
    {
      schema: {
        tags,
        summary: 'A team’s wellbeing for one completed month: aggregates of at least k PSPs only',
        params: IdParamsSchema,
        querystring: TeamWellbeingQuerySchema,
        response: { 200: TeamWellbeingSchema, ...errors },
      },
    },
    async (request) => wellbeing.teamAggregate(requireActor(request), request.params.id, request.query.month),
  );
};
