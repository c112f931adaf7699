import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePasswordBodySchema,
  DemoLoginSchema,
  ErrorBodySchema,
  LoginBodySchema,
  MeSchema,
  OkSchema,
  UpdateMeBodySchema,
} from '@alongside/contracts';
import { clearSessionCookie, requireActor, setSessionCookie } from '../../plugins/auth.ts';
import type { AuthService } from './auth.service.ts';
import { AppError } from '../../lib/errors.ts';

export interface AuthRoutesOptions {
  auth: AuthService;
  secureCookies: boolean;
  findDemoLogins: () => Promise<z.infer<typeof DemoLoginSchema>[] | undefined>;
}

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 429: ErrorBodySchema };

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { auth, secureCookies, findDemoLogins }) => {
  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Sign in with email and password', body: LoginBodySchema, response: { 200: MeSchema, ...errors } },
    },
    async (request, reply) => {
      const { token, me } = await auth.login(
        { ip: request.ip, requestId: request.id, userAgent: request.headers['user-agent'] },
        request.body,
      );
      setSessionCookie(reply, token, secureCookies || request.protocol === 'https');
      return me;
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out', response: { 200: OkSchema, ...errors } } },
    async (request, reply) => {
      await auth.logout(requireActor(request));
      clearSessionCookie(reply, secureCookies || request.protocol === 'https');
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], summary: 'Change my password', body: ChangePasswordBodySchema, response: { 200: OkSchema, ...errors } } },
    async (request) => {
      await auth.changePassword(requireActor(request), request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'Who I am: user, memberships, language', response: { 200: MeSchema, ...errors } } },
    async (request) => auth.me(requireActor(request), request.csrfToken ?? ''),
  );

  app.patch(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'Change my name or language', body: UpdateMeBodySchema, response: { 200: MeSchema, ...errors } } },
    async (request) => auth.updateProfile(requireActor(request), request.body, request.csrfToken ?? ''),
  );

  app.get(
    '/api/demo-logins',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Demo accounts (only on a demo installation)', response: { 200: z.array(DemoLoginSchema), 404: ErrorBodySchema } },
    },
    async () => {
      const logins = await findDemoLogins();
      if (!logins) throw new AppError(404, 'not_found', 'This installation has no demo accounts.');
      return logins;
    },
  );
};
