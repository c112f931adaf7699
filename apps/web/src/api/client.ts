/**
 * The one way the web app talks to the API: same-origin cookies, JSON in and out,
 * the CSRF token on every state-changing request, and one error shape. Every call is typed by
 * path and method from `schema.d.ts`, generated from the server's OpenAPI document
 * (`npm run openapi`), so a changed contract fails the web typecheck.
 */
import type { paths } from './schema.d.ts';

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

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
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
async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
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

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The API's paths that answer a method, as the OpenAPI document writes them (`/api/teams/{id}`). */
export type ApiPath<M extends Method> = {
  [P in keyof paths]: paths[P] extends Record<M, object> ? P : never;
}[keyof paths];

type Operation<M extends Method, P> = P extends keyof paths ? (paths[P] extends Record<M, infer O> ? O : never) : never;

/** What a call sends: `path` and `query` parameters and the JSON `body`, each required when the route requires it. */
type Input<O> = (O extends { parameters: infer Parameters } ? Omit<Parameters, 'header' | 'cookie'> : object) &
  (O extends { requestBody: { content: { 'application/json': infer Body } } } ? { body: Body } : { body?: never });

type SuccessStatus = 200 | 201 | 204;
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : undefined;

/** The query parameters of a route. */
export type ApiQuery<P extends ApiPath<M>, M extends Method = 'get'> =
  Input<Operation<M, P>> extends { query?: infer Query } ? NonNullable<Query> : never;
/** The JSON body a route takes. */
export type ApiBody<P extends ApiPath<M>, M extends Method> =
  Input<Operation<M, P>> extends { body: infer Body } ? Body : never;
/** The JSON a route answers with when it succeeds. */
export type ApiResponse<P extends ApiPath<M>, M extends Method = 'get'> =
  Operation<M, P> extends { responses: infer R } ? Json<R[keyof R & SuccessStatus]> : never;

type CallOptions = Pick<RequestOptions, 'signal' | 'handleAuthFailure'>;

/** The options argument, which may be left out when the route needs no parameters and no body. */
type Args<O> =
  Partial<Input<O>> extends Input<O> ? [options?: Input<O> & CallOptions] : [options: Input<O> & CallOptions];

/** What every call's options look like once the types have done their work. */
interface SentOptions extends CallOptions {
  path?: Record<string, string | number>;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

/** `/api/teams/{id}` with `{ id }` filled in, each value URL-encoded. */
function fillPath(path: string, params: SentOptions['path']): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${path} needs the path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

function endpoint<M extends Method>(method: M) {
  return <P extends ApiPath<M>>(path: P, ...[options]: Args<Operation<M, P>>): Promise<ApiResponse<P, M>> => {
    const { path: params, query, body, ...rest } = (options ?? {}) as SentOptions;
    return apiRequest(fillPath(path, params), {
      ...rest,
      method: method.toUpperCase() as Uppercase<M>,
      query,
      body,
    });
  };
}

/** Typed calls: `api.get('/api/teams/{id}/board', { path: { id } })`, `api.post('/api/huddles', { body })`, `api.put(…)`. */
export const api = {
  get: endpoint('get'),
  post: endpoint('post'),
  put: endpoint('put'),
  patch: endpoint('patch'),
  delete: endpoint('delete'),
};

/** The URL of a GET route with its parameters, for links the browser follows itself (CSV downloads). */
export function apiHref<P extends ApiPath<'get'>>(path: P, ...[options]: Args<Operation<'get', P>>): string {
  const { path: params, query } = (options ?? {}) as SentOptions;
  return fillPath(path, params) + toQueryString(query);
}
