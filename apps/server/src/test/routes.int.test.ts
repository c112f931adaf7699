import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from './database.ts';
import { createPlatformAdmin, createTestApp, errorOf, signIn, type Session, type TestContext } from './harness.ts';

interface Operation {
  method: string;
  path: string;
  isPublic: boolean;
  /** The security schemes the document says the operation needs (all of them). */
  security: string[] | undefined;
  operationId: string | undefined;
  requiredBody: string[];
  pathParams: string[];
}

let ctx: TestContext;
let operations: Operation[];
let platform: Session;

const PUBLIC = new Set([
  'POST /api/auth/login',
  'GET /api/demo-logins',
  'GET /api/invitations/by-token/{token}',
  'POST /api/invitations/by-token/{token}/accept',
  // A survey respondent has no account: the link is the key.
  'GET /api/respond/{token}',
  'PUT /api/respond/{token}',
  'POST /api/respond/{token}/submit',
  'GET /api/respond-open/{code}',
  'POST /api/respond-open/{code}',
]);

beforeAll(async () => {
  ctx = await createTestApp();
  platform = await signIn(ctx.app, (await createPlatformAdmin(ctx.db)).email);
  const spec = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<
      string,
      Record<
        string,
        {
          operationId?: string;
          security?: Record<string, string[]>[];
          requestBody?: { content: Record<string, { schema: { required?: string[] } }> };
          parameters?: { in: string; name: string }[];
        }
      >
    >;
  }>();
  operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      isPublic: PUBLIC.has(`${method.toUpperCase()} ${path}`),
      security: op.security?.flatMap((requirement) => Object.keys(requirement)),
      operationId: op.operationId,
      requiredBody: op.requestBody?.content['application/json']?.schema.required ?? [],
      pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
    })),
  );
});

const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, value);
const SOME_ID = '00000000-0000-4000-8000-000000000000';

describe('every route', () => {
  it('is described in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(expect.arrayContaining(['POST /api/auth/login', 'GET /api/audit-events', 'POST /api/invitations']));
  });

  it('has a unique operationId and states the security the server enforces', () => {
    const ids = operations.map((o) => o.operationId);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(operations.length);
    for (const op of operations) {
      const expected = op.isPublic ? [] : op.method === 'GET' ? ['session'] : ['session', 'csrf'];
      expect(op.security, `${op.method} ${op.path}`).toEqual(expected);
    }
  });

  it('refuses signed-in state-changing requests without the CSRF token (403), changing nothing', async () => {
    const before = await fingerprint(ctx.database);
    const withCsrf = operations.filter((o) => o.security?.includes('csrf'));
    expect(withCsrf.length).toBeGreaterThan(20);
    for (const op of withCsrf) {
      const response = await ctx.app.inject({ method: op.method as 'POST', url: fill(op.path, SOME_ID), payload: {}, headers: { cookie: platform.cookie } });
      expect(response.statusCode, `${op.method} ${op.path}`).toBe(403);
      expect(errorOf(response).code).toBe('csrf_rejected');
    }
    expect(await fingerprint(ctx.database)).toEqual(before);
  });

  it('refuses callers without a session (401), changing nothing, unless it is public', async () => {
    const before = await fingerprint(ctx.database);
    for (const op of operations.filter((o) => !o.isPublic)) {
      const response = await ctx.app.inject({ method: op.method as 'GET', url: fill(op.path, SOME_ID), payload: op.method === 'GET' || op.method === 'DELETE' ? undefined : {} });
      expect(response.statusCode, `${op.method} ${op.path}`).toBe(401);
      expect(errorOf(response).code).toBe('unauthenticated');
    }
    expect(await fingerprint(ctx.database)).toEqual(before);
  });

  it('names the bad field with 400 for a malformed path parameter or a missing body field', async () => {
    const before = await fingerprint(ctx.database);
    for (const op of operations) {
      if (op.pathParams.length > 0) {
        const response = await platform.request({ method: op.method, url: fill(op.path, 'x'), payload: op.method === 'GET' || op.method === 'DELETE' ? undefined : {} });
        expect(response.statusCode, `${op.method} ${op.path}`).toBe(400);
        expect(op.pathParams).toContain(errorOf(response).details?.[0]?.field);
      }
      if (op.requiredBody.length > 0) {
        const url = fill(op.path.replace('{number}', '1'), op.path.includes('{token}') || op.path.includes('{code}') ? 'x'.repeat(43) : SOME_ID);
        const response = await platform.request({ method: op.method, url, payload: {} });
        expect(response.statusCode, `${op.method} ${op.path}`).toBe(400);
        expect(op.requiredBody).toContain(errorOf(response).details?.[0]?.field);
      }
    }
    expect(await fingerprint(ctx.database)).toEqual(before);
  });

  it('answers malformed JSON and wrong content types with a 4xx in the error shape', async () => {
    const broken = await platform.request({ method: 'POST', url: '/api/teams', payload: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(broken.statusCode).toBe(400);
    expect(errorOf(broken).code).toBe('invalid_body');
    const form = await platform.request({ method: 'POST', url: '/api/teams', payload: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(415);
    expect(errorOf(form).code).toBe('unsupported_media_type');
  });

  it('serves health, readiness, the OpenAPI document and its browser', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await ctx.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ready' });
    const docs = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
    const response = await ctx.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-abc-123' } });
    expect(response.headers['x-request-id']).toBe('trace-abc-123');
  });
});
