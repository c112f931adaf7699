import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddTeamMemberBodySchema,
  CountrySchema,
  CreateOrganizationBodySchema,
  CreateProgramBodySchema,
  CreateTeamBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  IdSchema,
  OkSchema,
  OrganizationSchema,
  ProgramSchema,
  TeamMemberSchema,
  TeamSchema,
  UpdateProgramBodySchema,
} from '@alongside/contracts';
import { requireActor } from '../../plugins/auth.ts';
import type { StructureService } from './structure.service.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

export const structureRoutes: FastifyPluginAsyncZod<{ structure: StructureService }> = async (app, { structure }) => {
  app.get('/api/countries', { schema: { tags: ['structure'], summary: 'Countries', response: { 200: z.array(CountrySchema), ...errors } } }, async () =>
    structure.listCountries(),
  );

  app.get(
    '/api/organizations',
    { schema: { tags: ['structure'], summary: 'Organizations I can see', response: { 200: z.array(OrganizationSchema), ...errors } } },
    async (request) => structure.listOrganizations(requireActor(request)),
  );
  app.post(
    '/api/organizations',
    { schema: { tags: ['structure'], summary: 'Add an organization (platform admin)', body: CreateOrganizationBodySchema, response: { 201: OrganizationSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await structure.createOrganization(requireActor(request), request.body)),
  );
  app.get(
    '/api/organizations/:id',
    { schema: { tags: ['structure'], summary: 'One organization', params: IdParamsSchema, response: { 200: OrganizationSchema, ...errors } } },
    async (request) => structure.getOrganization(requireActor(request), request.params.id),
  );

  app.get(
    '/api/programs',
    {
      schema: {
        tags: ['structure'],
        summary: 'Programs I can see',
        querystring: z.object({ organizationId: IdSchema.optional() }),
        response: { 200: z.array(ProgramSchema), ...errors },
      },
    },
    async (request) => structure.listPrograms(requireActor(request), request.query),
  );
  app.post(
    '/api/programs',
    { schema: { tags: ['structure'], summary: 'Add a program with its profile', body: CreateProgramBodySchema, response: { 201: ProgramSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await structure.createProgram(requireActor(request), request.body)),
  );
  app.get(
    '/api/programs/:id',
    { schema: { tags: ['structure'], summary: 'One program', params: IdParamsSchema, response: { 200: ProgramSchema, ...errors } } },
    async (request) => structure.getProgram(requireActor(request), request.params.id),
  );
  app.patch(
    '/api/programs/:id',
    {
      schema: {
        tags: ['structure'],
        summary: 'Change a program (send the version you read; 409 if it changed)',
        params: IdParamsSchema,
        body: UpdateProgramBodySchema,
        response: { 200: ProgramSchema, ...errors },
      },
    },
    async (request) => structure.updateProgram(requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/api/teams',
    {
      schema: {
        tags: ['structure'],
        summary: 'Teams I can see',
        querystring: z.object({ programId: IdSchema.optional(), organizationId: IdSchema.optional() }),
        response: { 200: z.array(TeamSchema), ...errors },
      },
    },
    async (request) => structure.listTeams(requireActor(request), request.query),
  );
  app.post(
    '/api/teams',
    { schema: { tags: ['structure'], summary: 'Add a team to a program', body: CreateTeamBodySchema, response: { 201: TeamSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await structure.createTeam(requireActor(request), request.body)),
  );
  app.get(
    '/api/teams/:id',
    { schema: { tags: ['structure'], summary: 'One team', params: IdParamsSchema, response: { 200: TeamSchema, ...errors } } },
    async (request) => structure.getTeam(requireActor(request), request.params.id),
  );
  app.get(
    '/api/teams/:id/members',
    { schema: { tags: ['structure'], summary: 'Members of a team', params: IdParamsSchema, response: { 200: z.array(TeamMemberSchema), ...errors } } },
    async (request) => structure.listTeamMembers(requireActor(request), request.params.id),
  );
  app.post(
    '/api/teams/:id/members',
    {
      schema: {
        tags: ['structure'],
        summary: 'Give a user a role in a team',
        params: IdParamsSchema,
        body: AddTeamMemberBodySchema,
        response: { 201: TeamMemberSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await structure.addTeamMember(requireActor(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/teams/:id/members/:membershipId',
    {
      schema: {
        tags: ['structure'],
        summary: 'Remove a role from a team member',
        params: z.object({ id: IdSchema, membershipId: IdSchema }),
        response: { 200: OkSchema, ...errors },
      },
    },
    async (request) => {
      await structure.removeTeamMember(requireActor(request), request.params.id, request.params.membershipId);
      return { ok: true as const };
    },
  );
};
