import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.ts';

/** How many API requests run at once, how many may wait for a turn, and for how long. */
export interface LoadSheddingOptions {
  /** API requests in progress at once (the handler and its database work). */
  concurrency: number;
  /** Requests that may wait for a turn; one more is answered 503 at once. */
  queue: number;
  /** The longest a request waits for its turn before it is answered 503. */
  maxWaitMs: number;
}

/** The defaults: the embedded database is one connection in this process, so few requests at once serve it best. */
export const DEFAULT_LOAD_SHEDDING = {
  pglite: { concurrency: 4, queue: 200, maxWaitMs: 1000 },
  postgres: { concurrency: 16, queue: 200, maxWaitMs: 1000 },
} satisfies Record<string, LoadSheddingOptions>;

const RETRY_AFTER_SECONDS = 1;

const busy = () =>
  new AppError(503, 'server_busy', 'The server is busy right now. Please try again in a moment.', [], RETRY_AFTER_SECONDS);

interface Waiter {
  admit: () => void;
  refuse: () => void;
}

/**
 * A first-come, first-served gate in front of the API: at most `concurrency` requests in progress; the next ones wait
 * in arrival order, and a request that would wait past `maxWaitMs` (or find `queue` others waiting) is answered
 * 503 `server_busy` with `Retry-After` instead of starving behind the rest. Health and readiness and everything outside
 * `/api/` (the web app's files) pass without waiting.
 */
export function registerLoadShedding(app: FastifyInstance, options: LoadSheddingOptions) {
  let inProgress = 0;
  const waiting: Waiter[] = [];

  const next = () => {
    const waiter = waiting.shift();
    if (waiter) waiter.admit();
    else inProgress--;
  };

  /**
   * Takes a turn for this request. The turn passes on once, in onSend: Fastify runs it for every answer, errors
   * included, when the handler's work is done — even for a client that has gone (whose 'close' comes earlier, while
   * the database is still busy for it). A sent response that skipped onSend passes the turn on when it closes.
   */
  const holdTurn = (reply: FastifyReply) => {
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      next();
    };
    reply.raw.once('close', () => {
      if (reply.sent) release();
    });
    return release;
  };

  const releases = new WeakMap<FastifyRequest, () => void>();

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    if (inProgress < options.concurrency) {
      inProgress++;
      releases.set(request, holdTurn(reply));
      return;
    }
    if (waiting.length >= options.queue) throw busy();
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        // The turn is handed over without `inProgress` going down and up again, so nobody jumps the queue.
        admit: () => {
          clearTimeout(timer);
          reply.raw.removeListener('close', gone);
          releases.set(request, holdTurn(reply));
          resolve();
        },
        refuse: () => {
          clearTimeout(timer);
          reply.raw.removeListener('close', gone);
          const at = waiting.indexOf(waiter);
          if (at >= 0) waiting.splice(at, 1);
          reject(busy());
        },
      };
      const timer = setTimeout(waiter.refuse, options.maxWaitMs);
      // A client that gave up while waiting leaves the queue (its answer goes nowhere).
      const gone = () => waiter.refuse();
      reply.raw.once('close', gone);
      waiting.push(waiter);
    });
  });

  app.addHook('onSend', async (request, _reply, payload) => {
    releases.get(request)?.();
    releases.delete(request);
    return payload;
  });
}
