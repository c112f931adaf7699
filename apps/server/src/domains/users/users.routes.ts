import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptInvitationBodySchema,
  CreateInvitationBodySchema,
  CreateUserBodySchema,
  ErrorBodySchema,
  IdSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  MeSchema,
  OutboxMessageSchema,
  TokenParamsSchema,
  UserSchema,
} from '@alongside/contracts';
import { requireActor, setSessionCookie } from '../../plugins/auth.ts';
import type { UsersService } from './users.service.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema, 410: ErrorBodySchema };
const OrgQuerySchema = z.object({ organizationId: IdSchema.optional() });

export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService; secureCookies: boolean }> = async (app, { users, secureCookies }) => {
  app.get(
    '/api/users',
    { schema: { tags: ['users'], summary: 'People in the organizations I administer', querystring: OrgQuerySchema, response: { 200: z.array(UserSchema), ...errors } } },
    async (request) => users.listUsers(requireActor(request), request.query),
  );
  app.post(
    '/api/users',
    { schema: { tags: ['users'], summary: 'Create an account (platform admin)', body: CreateUserBodySchema, response: { 201: UserSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await users.createUser(requireActor(request), request.body)),
  );

  app.get(
    '/api/invitations',
    { schema: { tags: ['users'], summary: 'Invitations of the organizations I administer', querystring: OrgQuerySchema, response: { 200: z.array(InvitationSchema), ...errors } } },
    async (request) => users.listInvitations(requireActor(request), request.query),
  );
  app.post(
    '/api/invitations',
    {
      schema: {
        tags: ['users'],
        summary: 'Invite someone to a role; mailed, or kept in the outbox',
        body: CreateInvitationBodySchema,
        response: {
          201: z.object({ invitation: InvitationSchema, acceptUrl: z.string(), delivery: z.enum(['smtp', 'outbox']) }),
          ...errors,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await users.createInvitation(requireActor(request), request.body)),
  );
  app.get(
    '/api/invitations/by-token/:token',
    {
      config: { public: true },
      schema: { tags: ['users'], operationId: 'getInvitationByToken', summary: 'What an invitation link offers', params: TokenParamsSchema, response: { 200: InvitationPreviewSchema, ...errors } },
    },
    async (request) => users.previewInvitation(request.params.token),
  );
  app.post(
    '/api/invitations/by-token/:token/accept',
    {
      config: { public: true },
      schema: {
        tags: ['users'],
        operationId: 'acceptInvitation',
        summary: 'Accept an invitation and sign in',
        params: TokenParamsSchema,
        body: AcceptInvitationBodySchema,
        response: { 200: MeSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { token, me } = await users.acceptInvitation(
        { ip: request.ip, requestId: request.id, userAgent: request.headers['user-agent'] },
        request.params.token,
        request.body,
        request.actor,
      );
      setSessionCookie(reply, token, secureCookies || request.protocol === 'https');
      return me;
    },
  );

  app.get(
    '/api/outbox',
    { schema: { tags: ['users'], summary: 'Mail the app has sent or could not send', querystring: OrgQuerySchema, response: { 200: z.array(OutboxMessageSchema), ...errors } } },
    async (request) => users.listOutbox(requireActor(request), request.query),
  );
};
