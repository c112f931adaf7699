import type { ErrorCode, FieldProblem } from '@alongside/contracts';

/** An error meant for the client: status, a code from the contracts' vocabulary, a readable message, field problems. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: FieldProblem[] = [],
    /** Seconds the client should wait before trying again (sent as `Retry-After` too). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);
export const forbidden = (message = 'You do not have permission to do this.') => new AppError(403, 'forbidden', message);
export const badRequest = (field: string, message: string) =>
  new AppError(400, 'validation_failed', `${field}: ${message}`, [{ field, message }]);
export const conflict = (code: ErrorCode, message: string, details: FieldProblem[] = []) => new AppError(409, code, message, details);
export const versionConflict = () =>
  new AppError(409, 'version_conflict', 'Someone else changed this since you opened it. Reload and try again.');

/** The PostgreSQL error behind a failed query (Drizzle wraps it as `cause`): its SQLSTATE and constraint, if any. */
export function pgError(error: unknown): { code: string; constraint: string | undefined } | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return { code, constraint: typeof constraint === 'string' ? constraint : undefined };
    }
  }
  return undefined;
}

/** Whether a query failed on the unique index (or constraint) `name`: SQLSTATE 23505. */
export function isUniqueViolation(error: unknown, name: string): boolean {
  const pg = pgError(error);
  return pg?.code === '23505' && pg.constraint === name;
}
