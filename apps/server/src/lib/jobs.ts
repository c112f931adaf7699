import { sql } from 'drizzle-orm';
import { queryRows, schema, type Db } from '@alongside/db';
import type { Clock } from './clock.ts';
import { pgError } from './errors.ts';

// Background work on the database itself: a jobs table and a poller that claims a due job with
// `FOR UPDATE SKIP LOCKED`. Chosen over pg-boss and graphile-worker (ARCHITECTURE.md): both need a node-postgres
// pool with LISTEN/NOTIFY and their own schema migrations, which PGlite (one in-process connection) cannot serve
// alike; this runs unchanged on both, and several server processes on PostgreSQL never run one job twice.

/** A recurring job: what it does, and when it should next run after a run at `now`. */
export interface JobHandler {
  run(now: Date): Promise<void>;
  next(now: Date): Date;
}

export interface JobRunner {
  /** Makes sure each recurring job is queued (idempotent). */
  ensureScheduled(): Promise<void>;
  /** Runs every job that is due now; returns how many ran. */
  runDue(): Promise<number>;
  /** Polls every `intervalMs` until stopped. */
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

const LEASE_MS = 10 * 60_000;
const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/** A small scheduler over the `jobs` table for the given recurring handlers, keyed by name. */
export function createJobRunner(deps: { db: Db; clock: Clock; handlers: Record<string, JobHandler>; onError?: (kind: string, code: string) => void }): JobRunner {
  const { db, clock, handlers } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function claim(now: Date) {
    return db.transaction(async (tx) => {
      const [job] = await queryRows<{ id: string; kind: string }>(
        tx,
        sql`SELECT id, kind FROM ${schema.jobs}
            WHERE state = 'queued' AND run_at <= ${at(now)} AND (locked_until IS NULL OR locked_until < ${at(now)})
            ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!job) return undefined;
      await tx.execute(sql`UPDATE ${schema.jobs} SET locked_until = ${at(new Date(now.getTime() + LEASE_MS))}, attempts = attempts + 1 WHERE id = ${job.id}`);
      return job;
    });
  }

  async function runOne(): Promise<boolean> {
    const now = clock.now();
    const job = await claim(now);
    if (!job) return false;
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error('unknown job kind');
      await handler.run(now);
      await db.execute(sql`UPDATE ${schema.jobs} SET run_at = ${at(handler.next(now))}, locked_until = NULL, attempts = 0, last_error = NULL, finished_at = ${at(clock.now())} WHERE id = ${job.id}`);
    } catch (error) {
      // Only a code is kept: an error's message may hold data.
      const code = pgError(error)?.code ?? (error instanceof Error ? error.name : 'error');
      await db.execute(sql`UPDATE ${schema.jobs} SET locked_until = ${at(new Date(now.getTime() + 60_000))}, last_error = ${code} WHERE id = ${job.id}`);
      deps.onError?.(job.kind, code);
    }
    return true;
  }

  return {
    async ensureScheduled() {
      const now = clock.now();
      for (const kind of Object.keys(handlers)) {
        await db.insert(schema.jobs).values({ kind, key: kind, runAt: now }).onConflictDoNothing({ target: schema.jobs.key });
      }
    },
    async runDue() {
      let ran = 0;
      while (await runOne()) ran++;
      return ran;
    },
    start(intervalMs) {
      const tick = () => {
        running = this.runDue().catch(() => undefined);
        timer = setTimeout(() => void running.then(tick), intervalMs);
        timer.unref();
      };
      tick();
    },
    async stop() {
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
