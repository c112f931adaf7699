/** An error meant for the client: status, stable code, readable message. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);
export const forbidden = (message = 'You do not have permission to do this.') => new AppError(403, 'forbidden', message);
export const badRequest = (field: string, message: string) =>
  new AppError(400, 'validation_failed', `${field}: ${message}`, [{ field, message }]);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const versionConflict = () =>
  new AppError(409, 'version_conflict', 'Someone else changed this since you opened it. Reload and try again.');
