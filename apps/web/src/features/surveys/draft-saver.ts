import type { SaveDraftBody } from './respond-api.ts';

// Save and resume: the respondent's answers go to the server a moment after they stop changing them, at once when
// they turn a page or press "Save and continue later", and one last time (keepalive) when the page is hidden.
// One save at a time, the latest answers last; a failed save keeps them for the next try.

export type DraftStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'failed'; error: unknown };

export interface DraftSaverOptions {
  save: (body: SaveDraftBody, options: { keepalive: boolean }) => Promise<void>;
  /** How long the answers must stay unchanged before they are saved. */
  delayMs: number;
  onStatus: (status: DraftStatus) => void;
  /** After a failed save that may succeed later (network, busy server), try again after this long. */
  retryMs?: number;
  shouldRetry?: (error: unknown) => boolean;
}

export interface DraftSaver {
  /** The answers changed: save them after the delay. */
  update: (body: SaveDraftBody) => void;
  /** Save now what is not saved yet (waiting for a save in flight first); true when everything is saved. */
  flush: (options?: { keepalive?: boolean }) => Promise<boolean>;
  /** Whether there are answers not saved yet. */
  hasUnsaved: () => boolean;
  /** Stops the timer (the page is going away or the response was sent). */
  dispose: () => void;
}

/** A debounced, one-at-a-time saver of the respondent's draft. */
export function createDraftSaver({ save, delayMs, onStatus, retryMs, shouldRetry }: DraftSaverOptions): DraftSaver {
  let latest: SaveDraftBody | undefined;
  // Each change has a number; the answers are saved when the last saved number is the last change's.
  let changed = 0;
  let savedUpTo = 0;
  let inFlight: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const hasUnsaved = () => changed !== savedUpTo;

  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const flush = async ({ keepalive = false } = {}): Promise<boolean> => {
    stopTimer();
    for (;;) {
      while (inFlight) await inFlight.catch(() => undefined);
      if (!hasUnsaved() || !latest) return !hasUnsaved();
      const body = latest;
      const upTo = changed;
      onStatus({ state: 'saving' });
      inFlight = save(body, { keepalive });
      try {
        await inFlight;
        savedUpTo = upTo;
        if (!hasUnsaved()) onStatus({ state: 'saved' });
      } catch (error) {
        // The answers stay unsaved for the retry, the next change or the next press of the button.
        onStatus({ state: 'failed', error });
        if (retryMs !== undefined && !disposed && shouldRetry?.(error)) {
          stopTimer();
          timer = setTimeout(() => void flush(), retryMs);
        }
        return false;
      } finally {
        inFlight = undefined;
      }
    }
  };

  return {
    update(body) {
      if (disposed) return;
      latest = body;
      changed += 1;
      onStatus({ state: 'pending' });
      stopTimer();
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
    hasUnsaved: () => hasUnsaved() || inFlight !== undefined,
    dispose() {
      disposed = true;
      stopTimer();
    },
  };
}
