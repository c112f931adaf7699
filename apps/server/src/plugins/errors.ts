import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, pgError } from '../lib/errors.ts';

interface FieldError {
  field: string;
  in: string;
  message: string;
}

/** Postgres error codes that mean the request, not the server, was wrong. */
const PG_CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  '23505': { status: 409, code: 'already_exists', message: 'Something with these details already exists.' },
  '23503': { status: 400, code: 'invalid_reference', message: 'A referenced record does not exist.' },
  '22P02': { status: 400, code: 'validation_failed', message: 'A value has the wrong format.' },
};

/** One error shape for every failure: { error: { code, message, details } }; no stack traces leave. */
export function registerErrorHandling(app: FastifyInstance, options: { serveWebApp: boolean }) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const details: FieldError[] = error.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(root)',
        in: where,
        message: v.message ?? 'is invalid',
      }));
      const message = details.map((d) => `${d.field}: ${d.message}`).join('; ');
      return reply.status(400).send({ error: { code: 'validation_failed', message, details } });
    }
    if (error instanceof AppError) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } });
    }
    const pg = PG_CLIENT_ERRORS[pgError(error)?.code ?? ''];
    if (pg) return reply.status(pg.status).send({ error: { code: pg.code, message: pg.message } });
    // Fastify's own client errors: malformed JSON, wrong content type, body too large…
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code =
        error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'unsupported_media_type'
          : error.code.startsWith('FST_ERR_CTP')
            ? 'invalid_body'
            : 'bad_request';
      return reply.status(error.statusCode).send({ error: { code, message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'internal_error', message: `Something went wrong on our side. Quote request ${request.id} if you report it.` } });
  });

  // The web app routes in the browser: when it is served, any other GET outside the API gets index.html.
  app.setNotFoundHandler((request, reply) => {
    if (options.serveWebApp && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
  });
}
