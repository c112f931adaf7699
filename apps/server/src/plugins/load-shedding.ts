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

/** A request's turn: passed on once; `started` once its handler may run. */
interface Turn {
  release: () => void;
  started: boolean;
}

interface Waiter {
  since: number;
  admit: () => void;
  refuse: () => void;
}

/**
 * A first-come, first-served gate in front of the API: at most `concurrency` requests in progress; the next ones wait
 * in arrival order, and a request that would wait past `maxWaitMs` (or find `queue` others waiting) is answered
 * 503 `server_busy` with `Retry-After` instead of starving behind the rest. Health and readiness and everything outside
 * `/api/` (the web app's files) pass without waiting.
 *
 * Admitted requests start one per turn of the event loop, in order. On PGlite a request runs from its first byte to its
 * answer without giving the loop a turn (every query resolves without I/O), and the loop reads new connections only
 * between turns — one new connection per turn. Without the gate, under load some connections were served again and
 * again while others got nothing for 15 s; with a short turn per request, 50 new connections are all served within
 * about a second (bench:load).
 */
export function registerLoadShedding(app: FastifyInstance, options: LoadSheddingOptions) {
  let inProgress = 0;
  const waiting: Waiter[] = [];

  /** Admitted requests about to start, one per turn of the event loop. */
  const starting: (() => void)[] = [];
  const startNext = () => {
    starting.shift()?.();
    if (starting.length > 0) setImmediate(startNext);
  };
  const startOnALaterTurn = () =>
    new Promise<void>((resolve) => {
      starting.push(resolve);
      if (starting.length === 1) setImmediate(startNext);
    });

  /** Hands a freed turn to the longest-waiting request still within its deadline (it keeps `inProgress` as it is). */
  const passTurnOn = () => {
    for (let waiter = waiting.shift(); waiter; waiter = waiting.shift()) {
      // Its timer may not have fired yet if the loop was busy: the deadline holds all the same.
      if (performance.now() - waiter.since <= options.maxWaitMs) return waiter.admit();
      waiter.refuse();
    }
    inProgress--;
  };

  const turns = new WeakMap<FastifyRequest, Turn>();

  /**
   * Holds a turn for this request. It passes on once, in onSend: Fastify runs it for every answer, errors included,
   * when the handler's work is done — also for a client that has gone, whose 'close' comes earlier, while the database
   * may still be busy for it. A client that goes before its handler starts passes the turn on at once: its body may
   * never be read (Fastify waits for it forever), and its handler does not run (preHandler below).
   */
  const holdTurn = (request: FastifyRequest, reply: FastifyReply) => {
    let held = true;
    const turn: Turn = {
      started: false,
      release: () => {
        if (!held) return;
        held = false;
        passTurnOn();
      },
    };
    turns.set(request, turn);
    reply.raw.once('close', () => {
      if (reply.sent || !turn.started) turn.release();
    });
  };

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    if (inProgress < options.concurrency) {
      inProgress++;
      holdTurn(request, reply);
      return startOnALaterTurn();
    }
    if (waiting.length >= options.queue) throw busy();
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        since: performance.now(),
        admit: () => {
          settle();
          holdTurn(request, reply);
          void startOnALaterTurn().then(resolve);
        },
        refuse: () => {
          settle();
          const at = waiting.indexOf(waiter);
          if (at >= 0) waiting.splice(at, 1);
          reject(busy());
        },
      };
      const timer = setTimeout(waiter.refuse, options.maxWaitMs);
      // A client that gave up while waiting leaves the queue (an answer would go nowhere).
      const gone = () => waiter.refuse();
      const settle = () => {
        clearTimeout(timer);
        reply.raw.removeListener('close', gone);
      };
      reply.raw.once('close', gone);
      waiting.push(waiter);
    });
  });

  app.addHook('preHandler', async (request) => {
    const turn = turns.get(request);
    if (!turn) return;
    // Nobody is waiting for this answer any more: the database's time is for those who are.
    if (request.raw.socket.destroyed) throw busy();
    turn.started = true;
  });

  app.addHook('onSend', async (request, _reply, payload) => {
    turns.get(request)?.release();
    return payload;
  });
}
