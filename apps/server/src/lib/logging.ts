import type { FastifyRequest } from 'fastify';
import { pgError } from './errors.ts';

/** Built-in errors whose messages are made from the code, not from data: safe to log. */
const SAFE_MESSAGE_TYPES = new Set(['TypeError', 'ReferenceError', 'RangeError']);

/**
 * What a log line may say about an error: its type, codes (Fastify's, PostgreSQL's SQLSTATE and constraint) and stack
 * frames. Never its message (a failed query's message carries the statement's parameters: notes, names, answers).
 */
export function serializeError(error: unknown): { type: string; message: string; stack: string; [key: string]: unknown } {
  if (!error || typeof error !== 'object') return { type: typeof error, message: '(withheld)', stack: '' };
  const e = error as Error & { code?: unknown; statusCode?: unknown };
  const pg = pgError(error);
  const frames = (e.stack ?? '').split('\n').filter((line) => line.startsWith('    at '));
  return {
    type: e.constructor.name,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    ...(pg ? { sqlState: pg.code, constraint: pg.constraint } : {}),
    message: SAFE_MESSAGE_TYPES.has(e.constructor.name) ? e.message : '(withheld)',
    stack: frames.join('\n'),
  };
}

/**
 * A request in a log line: its method and route pattern (`/api/persons/:id`), never the URL itself — a path can hold
 * an invitation token and a query string names or words.
 */
export function serializeRequest(request: FastifyRequest) {
  let route: string | undefined;
  try {
    route = request.routeOptions.url;
  } catch {
    // Requests refused before routing (a malformed URL) have no route.
  }
  // A survey respondent's address next to the moment they answered would undo an anonymous campaign's anonymity.
  if (route?.startsWith(RESPONDENT_ROUTES)) return { method: request.method, route };
  return { method: request.method, route: route ?? '(unrouted)', remoteAddress: request.ip };
}

/** The respondent pages' API (`/api/respond/…`, `/api/respond-open/…`): anonymous by design, so no address is logged. */
export const RESPONDENT_ROUTES = '/api/respond';

/** pino options for the server: the serializers above, and no credentials even if a header is ever logged. */
export function loggerOptions(level: string) {
  return {
    level,
    serializers: { err: serializeError, error: serializeError, req: serializeRequest },
    redact: {
      paths: ['req.headers', 'req.query', 'req.body', 'body', 'params', 'query', 'res.headers["set-cookie"]', '*.password', '*.note', '*.text'],
      remove: true,
    },
  };
}
