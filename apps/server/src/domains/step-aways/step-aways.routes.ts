import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateStepAwayBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  ListStepAwaysQuerySchema,
  ReturnStepAwayBodySchema,
  StepAwaySchema,
} from '@alongside/contracts';
import { requireActor } from '../../plugins/auth.ts';
import type { StepAwaysService } from './step-aways.service.ts';

const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
};
const tags = ['step-aways'];

export const stepAwaysRoutes: FastifyPluginAsyncZod<{ stepAways: StepAwaysService }> = async (app, { stepAways }) => {
  app.get(
    '/api/step-aways',
    {
      schema: {
        tags,
        summary: 'My step-aways, and who is away in the teams where I am peer staff',
        querystring: ListStepAwaysQuerySchema,
        response: { 200: z.array(StepAwaySchema), ...errors },
      },
    },
    async (request) => stepAways.list(requireActor(request), request.query),
  );
  app.post(
    '/api/step-aways',
    {
      schema: {
        tags,
        summary: 'Step away (no reason asked) and choose who covers each person',
        body: CreateStepAwayBodySchema,
        response: { 201: StepAwaySchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await stepAways.create(requireActor(request), request.body)),
  );
  app.get(
    '/api/step-aways/:id',
    {
      schema: { tags, summary: 'One step-away', params: IdParamsSchema, response: { 200: StepAwaySchema, ...errors } },
    },
    async (request) => stepAways.get(requireActor(request), request.params.id),
  );
  app.post(
    '/api/step-aways/:id/return',
    {
      schema: {
        tags,
        summary: 'Return: a gradual return plan, persons handed back, coverage closed',
        params: IdParamsSchema,
        body: ReturnStepAwayBodySchema,
        response: { 200: StepAwaySchema, ...errors },
      },
    },
    async (request) => stepAways.recordReturn(requireActor(request), request.params.id, request.body),
  );
};
