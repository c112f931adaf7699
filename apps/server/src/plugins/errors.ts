import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import type { ErrorBody, ErrorCode, FieldProblem } from '@alongside/contracts';
import { AppError, pgError } from '../lib/errors.ts';

/** Postgres error codes that mean the request, not the server, was wrong. */
const PG_CLIENT_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  '23505': { status: 409, code: 'already_exists', message: 'Something with these details already exists.' },
  '23503': { status: 400, code: 'invalid_reference', message: 'A referenced record does not exist.' },
  '22P02': { status: 400, code: 'validation_failed', message: 'A value has the wrong format.' },
};

/** Codes for Fastify's own client errors (bad JSON, wrong content type, body or URL too long…), by status. */
const FRAMEWORK_CODES: Record<number, { code: ErrorCode; message: string }> = {
  404: { code: 'not_found', message: 'There is nothing at this address.' },
  408: { code: 'request_timeout', message: 'The request took too long to arrive.' },
  413: { code: 'payload_too_large', message: 'The request body is too large.' },
  414: { code: 'uri_too_long', message: 'The address is too long.' },
  415: { code: 'unsupported_media_type', message: 'Send the body as application/json.' },
  431: { code: 'headers_too_large', message: 'The request headers are too large.' },
};

export const errorBody = (code: ErrorCode, message: string, details: FieldProblem[] = [], retryAfterSeconds?: number): ErrorBody => ({
  error: { code, message, details, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) },
});

function validationProblems(validation: FastifySchemaValidationError[], where: string): FieldProblem[] {
  return validation.map((v) => ({
    field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(root)',
    in: where,
    message: v.message ?? 'is invalid',
  }));
}

/** The status, code and message for a client error raised by Fastify itself (never its own `{ error, code, message }`). */
function frameworkError(error: FastifyError): { status: number; code: ErrorCode; message: string } {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const known = FRAMEWORK_CODES[status];
  if (known) return { status, ...known };
  if (error.code.startsWith('FST_ERR_CTP')) return { status, code: 'invalid_body', message: 'The request body could not be read as JSON.' };
  return { status, code: 'bad_request', message: 'The request could not be understood.' };
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: FastifyError) {
  if (error.validation) {
    const details = validationProblems(error.validation, error.validationContext ?? 'body');
    const message = details.map((d) => `${d.field}: ${d.message}`).join('; ');
    return reply.status(400).send(errorBody('validation_failed', message, details));
  }
  if (error instanceof AppError) {
    if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
    return reply.status(error.statusCode).send(errorBody(error.code, error.message, error.details, error.retryAfterSeconds));
  }
  const pg = PG_CLIENT_ERRORS[pgError(error)?.code ?? ''];
  if (pg) return reply.status(pg.status).send(errorBody(pg.code, pg.message));
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const { status, code, message } = frameworkError(error);
    return reply.status(status).send(errorBody(code, message));
  }
  // The error serializer (lib/logging.ts) keeps codes and stack frames only: never query parameters or messages with data.
  request.log.error({ err: error }, 'unhandled error');
  return reply
    .status(500)
    .send(errorBody('internal_error', `Something went wrong on our side. Quote request ${request.id} if you report it.`));
}

/** Fastify's handler for errors raised before routing (over-long parameters, bad URLs): the same shape as the rest. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void sendError(request, reply, error);
}

/** Malformed HTTP that never becomes a request (bad headers, header overflow): answered on the socket, same shape. */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const known = FRAMEWORK_CODES[status] ?? { code: 'bad_request' as const, message: 'The request could not be understood.' };
  const body = JSON.stringify(errorBody(known.code, known.message));
  socket.end(
    `HTTP/1.1 ${status} ${status === 400 ? 'Bad Request' : status === 408 ? 'Request Timeout' : 'Request Header Fields Too Large'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** One error shape for every failure: { error: { code, message, details: [] } }; no stack traces leave. */
export function registerErrorHandling(app: FastifyInstance, options: { serveWebApp: boolean }) {
  app.setErrorHandler((error: FastifyError, request, reply) => sendError(request, reply, error));

  // The web app routes in the browser: when it is served, any other GET outside the API gets index.html.
  app.setNotFoundHandler((request, reply) => {
    if (options.serveWebApp && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(errorBody('not_found', 'There is nothing at this address.'));
  });
}
