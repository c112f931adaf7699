import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddStudyMemberBodySchema,
  CreateInformantBodySchema,
  CreateStudyBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  InformantParamsSchema,
  InformantSchema,
  StudyMemberParamsSchema,
  StudySchema,
  StudySummarySchema,
  UpdateInformantBodySchema,
} from '@alongside/contracts';
import { requireActor } from '../../plugins/auth.ts';
import type { StudiesService } from './studies.service.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const tags = ['studies'];

export const studiesRoutes: FastifyPluginAsyncZod<{ studies: StudiesService }> = async (app, { studies }) => {
  app.get('/api/studies', { schema: { tags, summary: 'The case studies I am a member of, with my role', response: { 200: z.array(StudySummarySchema), ...errors } } }, async (request) =>
    studies.list(requireActor(request)),
  );
  app.post(
    '/api/studies',
    { schema: { tags, summary: 'Start a case study (researchers; I become its lead)', body: CreateStudyBodySchema, response: { 201: StudySchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await studies.create(requireActor(request), request.body)),
  );
  app.get(
    '/api/studies/:id',
    { schema: { tags, summary: 'A study with its members (members only; others get 404)', params: IdParamsSchema, response: { 200: StudySchema, ...errors } } },
    async (request) => studies.get(requireActor(request), request.params.id),
  );
  app.post(
    '/api/studies/:id/members',
    { schema: { tags, summary: 'Add a member by their account’s email, as lead, coder or reader (the lead)', params: IdParamsSchema, body: AddStudyMemberBodySchema, response: { 201: StudySchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await studies.addMember(requireActor(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/studies/:id/members/:userId',
    { schema: { tags, summary: 'Remove a member (the lead; the only lead cannot leave)', params: StudyMemberParamsSchema, response: { 200: StudySchema, ...errors } } },
    async (request) => studies.removeMember(requireActor(request), request.params.id, request.params.userId),
  );
  app.get(
    '/api/studies/:id/informants',
    { schema: { tags, summary: 'The study’s informants: pseudonym, group, country, setting, consent (members; audited)', params: IdParamsSchema, response: { 200: z.array(InformantSchema), ...errors } } },
    async (request) => studies.informants(requireActor(request), request.params.id),
  );
  app.post(
    '/api/studies/:id/informants',
    { schema: { tags, summary: 'Add an informant (the lead)', params: IdParamsSchema, body: CreateInformantBodySchema, response: { 201: InformantSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await studies.createInformant(requireActor(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/studies/:id/informants/:informantId',
    { schema: { tags, summary: 'Change an informant, with the version read (stale: 409)', params: InformantParamsSchema, body: UpdateInformantBodySchema, response: { 200: InformantSchema, ...errors } } },
    async (request) => studies.updateInformant(requireActor(request), request.params.id, request.params.informantId, request.body),
  );
};
