import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { Actor } from '../lib/actor.ts';
import { AppError } from '../lib/errors.ts';
import type { AuthService } from '../domains/auth/auth.service.ts';

export const SESSION_COOKIE = 'alongside_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
    csrfToken: string | undefined;
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    /** The route works without a session (sign-in, invitation links, health). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Whether an Origin header names this site: our public URL, or the Host the request was sent to. `null` never does. */
function isOwnOrigin(origin: string, expectedOrigin: string, host: string | undefined): boolean {
  if (origin === expectedOrigin) return true;
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  return (url.protocol === 'http:' || url.protocol === 'https:') && host !== undefined && url.host === host;
}

export interface AuthPluginOptions {
  auth: AuthService;
  publicUrl: string;
}

/** The actor, or 401: for handlers of routes that require a session. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(401, 'unauthenticated', 'Please sign in.');
  return request.actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/**
 * Builds the Actor from the session cookie (onRequest), then, before validation, refuses
 * unauthenticated calls to non-public routes and state-changing calls without the CSRF token.
 */
export function registerAuth(app: FastifyInstance, options: AuthPluginOptions) {
  const expectedOrigin = new URL(options.publicUrl).origin;
  app.decorateRequest('actor', undefined);
  app.decorateRequest('csrfToken', undefined);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await options.auth.resolveSession(token);
    if (found.status === 'expired') request.sessionExpired = true;
    if (found.status !== 'ok') return;
    request.csrfToken = found.session.csrfToken;
    request.actor = {
      userId: found.user.id,
      name: found.user.name,
      email: found.user.email,
      isPlatformAdmin: found.user.isPlatformAdmin,
      memberships: found.memberships.map((m) => ({
        id: m.id,
        role: m.role,
        organizationId: m.organizationId,
        programId: m.programId,
        teamId: m.teamId,
      })),
      sessionId: found.session.id,
      ip: request.ip,
      requestId: request.id,
    };
  });

  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    // The API documentation is public, like the OpenAPI document it renders.
    const isPublic = request.routeOptions.config.public === true || request.url.startsWith('/api/docs');
    if (!SAFE_METHODS.has(request.method)) {
      // Browsers always send Origin on cross-site POSTs: refuse any that is not ours.
      const origin = request.headers.origin;
      if (origin !== undefined && !isOwnOrigin(origin, expectedOrigin, request.headers.host)) {
        throw new AppError(403, 'csrf_rejected', 'This request came from another site and was refused.');
      }
      // Public routes (sign-in, invitation links) carry no token yet; the Origin check covers them.
      if (request.actor && !isPublic) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !request.csrfToken || !sameToken(sent, request.csrfToken)) {
          throw new AppError(403, 'csrf_rejected', 'The security token is missing or out of date. Reload the page and try again.');
        }
      }
    }
    if (isPublic || request.actor) return;
    if (request.sessionExpired) {
      throw new AppError(401, 'session_expired', 'Your session ended after a period of inactivity. Please sign in again.');
    }
    throw new AppError(401, 'unauthenticated', 'Please sign in.');
  });
}
