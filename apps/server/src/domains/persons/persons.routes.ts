import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConsentBodySchema,
  ConsentRecordSchema,
  CreatePersonBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  ListPersonsQuerySchema,
  PersonSchema,
  UpdatePersonBodySchema,
} from '@alongside/contracts';
import { requireActor } from '../../plugins/auth.ts';
import type { PersonsService } from './persons.service.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const tags = ['persons'];

export const personsRoutes: FastifyPluginAsyncZod<{ persons: PersonsService }> = async (app, { persons }) => {
  app.get(
    '/api/persons',
    { schema: { tags, summary: 'Persons I support or whose care team I am in', querystring: ListPersonsQuerySchema, response: { 200: z.array(PersonSchema), ...errors } } },
    async (request) => persons.list(requireActor(request), request.query),
  );
  app.post(
    '/api/persons',
    { schema: { tags, summary: 'Add a person to a caseload (peer staff)', body: CreatePersonBodySchema, response: { 201: PersonSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await persons.create(requireActor(request), request.body)),
  );
  app.get(
    '/api/persons/:id',
    { schema: { tags, summary: 'One person', params: IdParamsSchema, response: { 200: PersonSchema, ...errors } } },
    async (request) => persons.get(requireActor(request), request.params.id),
  );
  app.patch(
    '/api/persons/:id',
    { schema: { tags, summary: 'Change a person’s details or PSPs (peer staff)', params: IdParamsSchema, body: UpdatePersonBodySchema, response: { 200: PersonSchema, ...errors } } },
    async (request) => persons.update(requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/api/persons/:id/consents',
    { schema: { tags, summary: 'Consent history (peer staff)', params: IdParamsSchema, response: { 200: z.array(ConsentRecordSchema), ...errors } } },
    async (request) => persons.listConsents(requireActor(request), request.params.id),
  );
  app.post(
    '/api/persons/:id/consents',
    { schema: { tags, summary: 'Record a consent decision (peer staff)', params: IdParamsSchema, body: ConsentBodySchema, response: { 201: PersonSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await persons.recordConsent(requireActor(request), request.params.id, request.body)),
  );
};
