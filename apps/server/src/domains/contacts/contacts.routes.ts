import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ContactSchema,
  CreateContactBodySchema,
  CreateCorrectionBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  ListContactsQuerySchema,
  UpdateContactBodySchema,
} from '@alongside/contracts';
import { requireActor } from '../../plugins/auth.ts';
import type { ContactsService } from './contacts.service.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const tags = ['contacts'];

export const contactsRoutes: FastifyPluginAsyncZod<{ contacts: ContactsService }> = async (app, { contacts }) => {
  app.get(
    '/api/contacts',
    { schema: { tags, summary: 'Peer support contacts (notes for peer staff only)', querystring: ListContactsQuerySchema, response: { 200: z.array(ContactSchema), ...errors } } },
    async (request) => contacts.list(requireActor(request), request.query),
  );
  app.post(
    '/api/contacts',
    { schema: { tags, summary: 'Log a contact (peer staff)', body: CreateContactBodySchema, response: { 201: ContactSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await contacts.create(requireActor(request), request.body)),
  );
  app.get(
    '/api/contacts/:id',
    { schema: { tags, summary: 'One contact', params: IdParamsSchema, response: { 200: ContactSchema, ...errors } } },
    async (request) => contacts.get(requireActor(request), request.params.id),
  );
  app.patch(
    '/api/contacts/:id',
    { schema: { tags, summary: 'Edit a contact (author, within 24 hours)', params: IdParamsSchema, body: UpdateContactBodySchema, response: { 200: ContactSchema, ...errors } } },
    async (request) => contacts.update(requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/contacts/:id/corrections',
    { schema: { tags, summary: 'Append a correction (peer staff)', params: IdParamsSchema, body: CreateCorrectionBodySchema, response: { 201: ContactSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await contacts.correct(requireActor(request), request.params.id, request.body)),
  );
};
