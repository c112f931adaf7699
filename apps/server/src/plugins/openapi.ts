import type { FastifyDynamicSwaggerOptions, SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from './auth.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A stable camelCase operationId from the method and the route, for routes that name none:
 * `GET /api/teams/:id/members` → `getTeamsByIdMembers`, `GET /api/audit-events.csv` → `getAuditEventsCsv`.
 * Client generators name their functions after it, so it changes only when the route does.
 */
export function operationIdFor(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '')
    .split('/')
    .flatMap((segment) => (segment.startsWith(':') ? ['by', segment.slice(1)] : segment.split(/[.-]/)))
    .filter(Boolean);
  const capitalized = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return [method.toLowerCase(), ...capitalized].join('');
}

/**
 * What a route requires, as the auth plugin enforces it: public routes nothing; others the
 * session cookie, and state-changing ones the CSRF header as well.
 */
export function securityFor(method: string, isPublic: boolean): Record<string, string[]>[] {
  if (isPublic) return [];
  return STATE_CHANGING.has(method) ? [{ session: [], csrf: [] }] : [{ session: [] }];
}

/** The zod schemas as JSON Schema, plus an operationId and the security each route really has. */
const transform: SwaggerTransform = (input) => {
  const { schema, url } = jsonSchemaTransform(input);
  const { route } = input;
  if (schema.hide) return { schema, url };
  if (typeof route.method !== 'string') throw new Error(`One method per documented route: ${route.url}`);
  const isPublic = route.config?.public === true;
  return {
    url,
    schema: {
      ...schema,
      operationId: schema.operationId ?? operationIdFor(route.method, url),
      security: schema.security ?? securityFor(route.method, isPublic),
    },
  };
};

/**
 * The contracts' named schemas (`.meta({ id })`) as components. The library emits an input and an
 * output twin of each (`ErrorBodyInput`, `ErrorBody`); keep only those something refers to.
 */
const transformObject: SwaggerTransformObject = (input) => {
  const document = jsonSchemaTransformObject(input);
  if (!('components' in document) || !document.components?.schemas) return document;
  const all = document.components.schemas;
  const isReferenced = (name: string) => {
    const ref = `"#/components/schemas/${name}"`;
    const elsewhere = Object.entries(all).filter(([other]) => other !== name);
    return JSON.stringify(document.paths).includes(ref) || JSON.stringify(elsewhere).includes(ref);
  };
  document.components.schemas = Object.fromEntries(Object.entries(all).filter(([name]) => isReferenced(name)));
  return document;
};

/** The options for `@fastify/swagger`: the document served at /api/openapi.json. */
export function swaggerOptions(): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      info: {
        title: 'Alongside API',
        version: '0.1.0',
        description: 'Peer support providers alongside clinical teams.',
        license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
      },
      // Relative: the server that serves this document, wherever it is deployed.
      servers: [{ url: '/', description: 'The server that serves this document' }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'Set by POST /api/auth/login (and by accepting an invitation).',
          },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description: 'The `csrfToken` of GET /api/me, required on every state-changing request with a session.',
          },
        },
      },
    },
    transform,
    transformObject,
  };
}
