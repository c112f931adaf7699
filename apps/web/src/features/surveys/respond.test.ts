import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { createDraftSaver, type DraftStatus } from './draft-saver.ts';
import { fetchSurvey, saveDraft, startOpenSurvey, submitAnswers, type SaveDraftBody } from './respond-api.ts';

// The respondent page's calls and its save-and-resume timing, with a fake server at the network boundary (fetch).

interface Sent {
  url: string;
  method: string;
  body: unknown;
  keepalive: boolean | undefined;
}

/** A stand-in for the server: records each request and answers from a queue (or the default). */
function fakeServer(answer: (sent: Sent) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetchFake = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request: Sent = {
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      method: init?.method ?? 'GET',
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      keepalive: init?.keepalive,
    };
    sent.push(request);
    return Promise.resolve(answer(request));
  };
  vi.stubGlobal('fetch', fetchFake);
  return sent;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const errorBody = (code: string, message: string) => ({ error: { code, message, details: [] } });

const survey = {
  campaignTitle: 'Integration survey 2026',
  privacyMode: 'anonymous',
  information: { en: 'Why we ask.' },
  dataController: 'A university',
  ethicsApproval: 'REB 2026-001',
  languages: ['en', 'fr'],
  language: 'fr',
  group: 'psp',
  waveClosesOn: '2026-12-31',
  instrumentVersionId: '0195d2b4-5c6e-7a8b-9c0d-1e2f3a4b5c6d',
  definition: { title: { en: 'T' }, sourceLanguage: 'en', languages: [{ code: 'en' }], items: [{ name: 'q1', type: 'text', text: { en: 'Q' } }] },
  attribution: '',
  answers: { q1: 'so far' },
  consented: true,
  submitted: false,
  continuationCode: 'K7Q2-9XWD',
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('respondent calls', () => {
  it('reads the survey by token, URL-encoded, with the contract’s defaults filled in', async () => {
    const sent = fakeServer(() => json(200, survey));
    const result = await fetchSurvey('a/b c');
    expect(sent.map((s) => [s.method, s.url])).toEqual([['GET', '/api/respond/a%2Fb%20c']]);
    expect(result.answers).toEqual({ q1: 'so far' });
    expect(result.definition.items[0]?.required).toBe(false);
    expect(result.continuationCode).toBe('K7Q2-9XWD');
  });

  it('turns an error answer into an ApiError with its status and code', async () => {
    fakeServer(() => json(404, errorBody('not_found', 'No such link.')));
    await expect(fetchSurvey('nope')).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });

  it('refuses an answer that does not match the contract instead of showing half a survey', async () => {
    fakeServer(() => json(200, { ...survey, definition: { title: {} } }));
    const error: unknown = await fetchSurvey('t').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'internal_error' });
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(saveDraft('t', { language: 'en', answers: {}, consented: true })).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('starts an open link with the chosen language and returns the continuation code', async () => {
    const sent = fakeServer(() => json(201, { continuationCode: 'K7Q2-9XWD' }));
    await expect(startOpenSurvey('open-code', 'nb')).resolves.toBe('K7Q2-9XWD');
    expect(sent).toEqual([{ url: '/api/respond-open/open-code', method: 'POST', body: { language: 'nb' }, keepalive: undefined }]);
  });

  it('submits to /submit and reports a second submission as already_submitted', async () => {
    const sent = fakeServer(() => json(409, errorBody('already_submitted', 'Already answered.')));
    await expect(submitAnswers('t', { language: 'fr', answers: { q1: 'x' }, consented: true })).rejects.toMatchObject({ status: 409, code: 'already_submitted' });
    expect(sent[0]).toMatchObject({ url: '/api/respond/t/submit', method: 'POST', body: { language: 'fr', answers: { q1: 'x' }, consented: true } });
  });
});

describe('draft saver', () => {
  const body = (answers: SaveDraftBody['answers']): SaveDraftBody => ({ language: 'en', answers, consented: true });

  beforeEach(() => {
    vi.useFakeTimers();
  });

  function saverWith(answer: (sent: Sent) => Response | Promise<Response>) {
    const sent = fakeServer(answer);
    const statuses: DraftStatus['state'][] = [];
    const saver = createDraftSaver({
      save: (b, options) => saveDraft('tok', b, options),
      delayMs: 1000,
      onStatus: (s) => statuses.push(s.state),
    });
    return { sent, statuses, saver };
  }

  it('waits until the answers stop changing, then saves only the latest', async () => {
    const { sent, statuses, saver } = saverWith(() => json(200, { ok: true }));
    saver.update(body({ q1: 'a' }));
    await vi.advanceTimersByTimeAsync(600);
    saver.update(body({ q1: 'ab' }));
    await vi.advanceTimersByTimeAsync(600);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(sent.map((s) => [s.method, s.url, s.body])).toEqual([['PUT', '/api/respond/tok', body({ q1: 'ab' })]]);
    expect(statuses.at(-1)).toBe('saved');
    expect(saver.hasUnsaved()).toBe(false);
  });

  it('saves at once on flush, and sends what changed during a save right after it', async () => {
    let release: (() => void) | undefined;
    const { sent, saver } = saverWith(() => new Promise((resolve) => (release = () => resolve(json(200, { ok: true })))));
    saver.update(body({ q1: 'first' }));
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    saver.update(body({ q1: 'second' }));
    const second = saver.flush();
    release?.();
    await vi.advanceTimersByTimeAsync(0);
    release?.();
    await expect(flushed).resolves.toBe(true);
    await expect(second).resolves.toBe(true);
    expect(sent.map((s) => s.body)).toEqual([body({ q1: 'first' }), body({ q1: 'second' })]);
  });

  it('keeps the answers after a failed save and sends them on the next try, with keepalive when asked', async () => {
    let fail = true;
    const { sent, statuses, saver } = saverWith(() => (fail ? json(503, errorBody('server_busy', 'Busy.')) : json(200, { ok: true })));
    saver.update(body({ q1: 'kept' }));
    await expect(saver.flush()).resolves.toBe(false);
    expect(statuses.at(-1)).toBe('failed');
    expect(saver.hasUnsaved()).toBe(true);
    fail = false;
    await expect(saver.flush({ keepalive: true })).resolves.toBe(true);
    expect(sent.map((s) => [s.body, s.keepalive])).toEqual([
      [body({ q1: 'kept' }), false],
      [body({ q1: 'kept' }), true],
    ]);
  });

  it('tries again by itself after a failure that may pass, and not after one that will not', async () => {
    const answers = [json(503, errorBody('server_busy', 'Busy.')), json(200, { ok: true }), json(404, errorBody('not_found', 'Gone.'))];
    const sent = fakeServer(() => answers.shift() ?? json(200, { ok: true }));
    const saver = createDraftSaver({
      save: (b, options) => saveDraft('tok', b, options),
      delayMs: 1000,
      retryMs: 10_000,
      shouldRetry: (e) => e instanceof ApiError && e.status >= 500,
      onStatus: () => undefined,
    });
    saver.update(body({ q1: 'a' }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toHaveLength(2);
    expect(saver.hasUnsaved()).toBe(false);
    saver.update(body({ q1: 'b' }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(3);
    expect(saver.hasUnsaved()).toBe(true);
  });

  it('sends nothing when nothing changed, and nothing after it is disposed', async () => {
    const { sent, saver } = saverWith(() => json(200, { ok: true }));
    await expect(saver.flush()).resolves.toBe(true);
    saver.update(body({ q1: 'x' }));
    saver.dispose();
    saver.update(body({ q1: 'y' }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toHaveLength(0);
  });
});
