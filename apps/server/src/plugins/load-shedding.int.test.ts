import { connect, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { createTestApp, createWorld, signIn, type Session, type TestContext, type World } from '../test/harness.ts';
import { registerLoadShedding, type LoadSheddingOptions } from './load-shedding.ts';

// Shedding is provoked without timing: a request whose body the test holds back keeps the only turn (the gate admits
// in onRequest, before the body is read) until the test lets it finish.

/** Starts a request that holds its turn: resolves `holding` once Fastify reads its body, and finishes on `finish()`. */
function holdTurn(app: FastifyInstance) {
  let reading!: () => void;
  const holding = new Promise<void>((resolve) => (reading = resolve));
  let sent = false;
  const body = new Readable({
    read() {
      reading();
    },
  });
  const response = app.inject({ method: 'POST', url: '/api/contacts', headers: { 'content-type': 'application/json' }, payload: body });
  return {
    holding,
    response,
    finish() {
      if (sent) return;
      sent = true;
      body.push('{}');
      body.push(null);
    },
  };
}

function expectBusy(response: LightMyRequestResponse) {
  expect(response.statusCode, response.body).toBe(503);
  expect(response.headers['retry-after']).toBe('1');
  const { error } = response.json<{ error: { code: string; message: string; details: unknown[]; retryAfterSeconds: number } }>();
  expect(Object.keys(error).sort()).toEqual(['code', 'details', 'message', 'retryAfterSeconds']);
  expect(error.code).toBe('server_busy');
  expect(error.message).toMatch(/busy/);
  expect(error.details).toEqual([]);
  expect(error.retryAfterSeconds).toBe(1);
}

describe('load shedding', () => {
  let world: World;
  const apps: TestContext[] = [];
  let held: ReturnType<typeof holdTurn> | undefined;

  beforeAll(async () => {
    const ctx = await createTestApp();
    apps.push(ctx);
    world = await createWorld(ctx.db);
  });

  afterEach(async () => {
    held?.finish();
    await held?.response;
    held = undefined;
    for (const ctx of apps.splice(0)) await ctx.app.close();
  });

  /** An app with this gate, a signed-in PSP, and the one turn held by a request the test controls. */
  async function busyApp(gate: LoadSheddingOptions): Promise<{ app: FastifyInstance; psp: Session }> {
    const ctx = await createTestApp({ loadShedding: gate });
    apps.push(ctx);
    const psp = await signIn(ctx.app, world.users.peer_support_workerA!.email);
    held = holdTurn(ctx.app);
    await held.holding;
    return { app: ctx.app, psp };
  }

  it('answers 503 server_busy with Retry-After at once when the queue is full', async () => {
    const { psp } = await busyApp({ concurrency: 1, queue: 0, maxWaitMs: 600_000 });
    expectBusy(await psp.request({ method: 'GET', url: '/api/persons' }));
    expectBusy(await psp.request({ method: 'POST', url: '/api/persons', payload: { teamId: world.teamA, preferredName: 'Not added' } }));
  });

  it('answers 503 to a request that waited past the deadline for its turn', async () => {
    // The turn is held until the test ends, so the 1 ms deadline passes whatever the machine's speed.
    const { psp } = await busyApp({ concurrency: 1, queue: 10, maxWaitMs: 1 });
    expectBusy(await psp.request({ method: 'GET', url: '/api/persons' }));
  });

  it('serves waiting requests in their order of arrival once the turn is free', async () => {
    const { psp } = await busyApp({ concurrency: 1, queue: 3, maxWaitMs: 600_000 });
    const done: string[] = [];
    const waiting = ['/api/persons', '/api/me', '/api/persons?mine=true'].map((url) =>
      psp.request({ method: 'GET', url }).then((response) => {
        done.push(url);
        return response;
      }),
    );
    // The queue is full with those three: a fourth is refused, and none of them has run yet.
    expectBusy(await psp.request({ method: 'GET', url: '/api/persons' }));
    expect(done).toEqual([]);
    held!.finish();
    // The held request itself is an anonymous write: refused, and its turn passes on.
    expect((await held!.response).statusCode).toBe(401);
    const responses = await Promise.all(waiting);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(done).toEqual(['/api/persons', '/api/me', '/api/persons?mine=true']);
  });

  it('never sheds health and readiness', async () => {
    const { app, psp } = await busyApp({ concurrency: 1, queue: 0, maxWaitMs: 600_000 });
    expectBusy(await psp.request({ method: 'GET', url: '/api/persons' }));
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('gives a shed request a turn again after the load has passed', async () => {
    const { psp } = await busyApp({ concurrency: 1, queue: 0, maxWaitMs: 600_000 });
    expectBusy(await psp.request({ method: 'GET', url: '/api/persons' }));
    held!.finish();
    await held!.response;
    expect((await psp.request({ method: 'GET', url: '/api/persons' })).statusCode).toBe(200);
  });
});

describe('load shedding, when a client leaves', () => {
  /**
   * The gate alone, and after it a hook that holds an admitted request where the app's session lookup may wait; the
   * client leaves there. Returns how often a handler ran, and the answer to the next request.
   */
  async function leaveWhileAdmitted(request: string) {
    const app = Fastify();
    registerLoadShedding(app, { concurrency: 1, queue: 0, maxWaitMs: 600_000 });
    let reached!: () => void;
    const inTheGap = new Promise<void>((resolve) => (reached = resolve));
    let leave!: () => void;
    const left = new Promise<void>((resolve) => (leave = resolve));
    app.addHook('onRequest', async (req) => {
      if (req.headers['x-leaving'] === undefined) return;
      reached();
      await left;
    });
    let handled = 0;
    const handler = async () => {
      handled++;
      return { ok: true };
    };
    app.post('/api/things', handler);
    app.get('/api/things', handler);
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as { port: number };
      const serverSide = new Promise<Socket>((resolve) => app.server.once('connection', resolve));
      const client = connect(port, '127.0.0.1');
      client.write(request);
      await inTheGap;
      const meanwhile = (await app.inject({ method: 'GET', url: '/api/things' })).statusCode;
      const socket = await serverSide;
      const closed = new Promise((resolve) => socket.once('close', resolve));
      client.destroy();
      await closed;
      leave();
      // Every 'close' listener and the held request's next steps have run once the loop has turned twice.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      const handledBefore = handled;
      const after = (await app.inject({ method: 'GET', url: '/api/things' })).statusCode;
      return { meanwhile, handledBefore, after };
    } finally {
      await app.close();
    }
  }

  it('takes the turn back from a client that left before its body was read (Fastify then waits for that body forever)', async () => {
    const body = '{}';
    const result = await leaveWhileAdmitted(
      `POST /api/things HTTP/1.1\r\nHost: a\r\nX-Leaving: 1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    expect(result).toEqual({ meanwhile: 503, handledBefore: 0, after: 200 });
  });

  it('does not run the handler for a client that has left, and takes its turn back', async () => {
    const result = await leaveWhileAdmitted('GET /api/things HTTP/1.1\r\nHost: a\r\nX-Leaving: 1\r\n\r\n');
    expect(result).toEqual({ meanwhile: 503, handledBefore: 0, after: 200 });
  });
});
