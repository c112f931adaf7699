import { RespondentSurveySchema, type SaveDraftBodySchema } from '@alongside/contracts/campaigns';
import { ErrorBodySchema } from '@alongside/contracts/errors';
import type { Language } from '@alongside/contracts/vocabulary';
import { ApiError } from '../../api/client.ts';

// The respondent page's calls: public (no session, no CSRF token: the server checks the Origin), each answer
// parsed with the contract's own schema. The one place besides `api/client.ts` that calls fetch: the last save when
// the respondent leaves the page must be sent with `keepalive`, which the typed client does not offer, and these
// routes never carry a session or a CSRF token.

export type RespondentSurvey = ReturnType<typeof RespondentSurveySchema.parse>;
export type SaveDraftBody = ReturnType<typeof SaveDraftBodySchema.parse>;

/** An answer that is not what the contract promises: reported like any other failed request. */
const offContract = () => new ApiError(502, 'internal_error', 'The server’s answer was not understood.');

interface SendOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  /** Lets the request finish after the page is closed (the last save when the respondent leaves). */
  keepalive?: boolean;
  signal?: AbortSignal;
}

async function send(path: string, options: SendOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      keepalive: options.keepalive,
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', 'The server could not be reached.');
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const error = ErrorBodySchema.safeParse(json);
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    throw new ApiError(
      response.status,
      error.success ? error.data.error.code : `http_${response.status}`,
      error.success ? error.data.error.message : response.statusText || 'Request failed',
      error.success ? error.data.error.details : undefined,
      Number.isFinite(retryAfter) ? retryAfter : undefined,
    );
  }
  return json;
}

/** The query key of a survey by token or continuation code (shared by the open-link page and the survey page). */
export const respondQueryKey = (token: string) => ['respond', token] as const;

const tokenPath = (token: string) => `/api/respond/${encodeURIComponent(token)}`;
const openPath = (code: string) => `/api/respond-open/${encodeURIComponent(code)}`;

async function survey(path: string, signal?: AbortSignal): Promise<RespondentSurvey> {
  const parsed = RespondentSurveySchema.safeParse(await send(path, { signal }));
  if (!parsed.success) throw offContract();
  return parsed.data;
}

async function expectOk(path: string, options: SendOptions): Promise<void> {
  const json = await send(path, options);
  if (!(json && typeof json === 'object' && 'ok' in json && json.ok === true)) throw offContract();
}

/** The survey behind a personal invitation token or an open-link continuation code, with the answers so far. */
export function fetchSurvey(token: string, signal?: AbortSignal): Promise<RespondentSurvey> {
  return survey(tokenPath(token), signal);
}

/** What an open link's consent screen shows (no answers yet, no continuation code). */
export function fetchOpenSurvey(code: string, signal?: AbortSignal): Promise<RespondentSurvey> {
  return survey(openPath(code), signal);
}

/** Starts an answer on an open link; the continuation code it returns is how the respondent comes back. */
export async function startOpenSurvey(code: string, language: Language): Promise<string> {
  const json = await send(openPath(code), { method: 'POST', body: { language } });
  if (json && typeof json === 'object' && 'continuationCode' in json && typeof json.continuationCode === 'string' && json.continuationCode) {
    return json.continuationCode;
  }
  throw offContract();
}

/** Saves the answers so far (save and resume). */
export function saveDraft(token: string, body: SaveDraftBody, options: { keepalive?: boolean } = {}): Promise<void> {
  return expectOk(tokenPath(token), { method: 'PUT', body, keepalive: options.keepalive });
}

/** Sends the answers as the response; a 409 `already_submitted` means it was already sent. */
export function submitAnswers(token: string, body: SaveDraftBody): Promise<void> {
  return expectOk(`${tokenPath(token)}/submit`, { method: 'POST', body });
}
