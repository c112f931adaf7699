/**
 * The one way the web app talks to the API: same-origin cookies, JSON in and out,
 * the CSRF token on every state-changing request, and one error shape.
 */

/** A field-level problem from a 400 `validation_failed` response. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An error response from the API (or a network failure, with status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds, from a Retry-After header, when the server sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field problems from `details`, when the server named fields. */
  get fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.flatMap((d: unknown) => {
      if (d && typeof d === 'object' && 'message' in d && typeof d.message === 'string') {
        const field = 'field' in d && typeof d.field === 'string' ? d.field : '';
        return [{ field, message: d.message }];
      }
      return [];
    });
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** Codes that mean "nobody is signed in (any more)". */
export type AuthFailureCode = 'unauthenticated' | 'session_expired';
const isAuthFailureCode = (code: string): code is AuthFailureCode =>
  code === 'unauthenticated' || code === 'session_expired';

let csrfToken: string | undefined;
let authFailureHandler: ((code: AuthFailureCode) => void) | undefined;

/** Remember the CSRF token from the latest `Me` (GET /api/me, sign-in, accepted invitation). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when any request (except those that opt out) finds the session gone. */
export function setAuthFailureHandler(handler: ((code: AuthFailureCode) => void) | undefined): void {
  authFailureHandler = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=2` from an object, leaving out empty values; '' when nothing is left. */
export function toQueryString(params: Record<string, QueryValue> | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Set false where a 401 is an expected answer (the session probe, sign-in itself). */
  handleAuthFailure?: boolean;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** Sends one request and returns the parsed JSON body (undefined for an empty body). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path + toQueryString(options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', 'The server could not be reached.');
  }

  const text = await response.text();
  let json: unknown;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }

  if (!response.ok) {
    const err =
      json && typeof json === 'object' && 'error' in json && json.error && typeof json.error === 'object'
        ? (json.error as {
            code?: unknown;
            message?: unknown;
            details?: unknown;
          })
        : undefined;
    const code = typeof err?.code === 'string' ? err.code : `http_${response.status}`;
    const message = typeof err?.message === 'string' ? err.message : response.statusText || 'Request failed';
    const error = new ApiError(
      response.status,
      code,
      message,
      err?.details,
      parseRetryAfter(response.headers.get('retry-after')),
    );
    if (response.status === 401 && isAuthFailureCode(code) && options.handleAuthFailure !== false) {
      authFailureHandler?.(code);
    }
    throw error;
  }
  return json as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, options?: Omit<RequestOptions, 'method' | 'query'>) =>
    apiRequest<T>(path, { ...options, method: 'GET', query }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method'>) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};
