import type { ParseKeys, TFunction } from 'i18next';
import type { ErrorCode } from '@alongside/contracts';
import { useCallback, useState } from 'react';
import { ApiError, isApiError } from '../api/client.ts';

/** Zod messages the server sends often; shown translated when we know them. */
const SERVER_MESSAGE_KEYS = {
  'is required': 'serverMessages.required',
  'must not be empty': 'serverMessages.notEmpty',
  'must be a valid email address': 'serverMessages.email',
  'must be at least 10 characters': 'serverMessages.passwordMin',
  'must be at most 256 characters': 'serverMessages.passwordMax',
  'is required for a team role': 'serverMessages.teamRequired',
  'must be empty for org_admin': 'serverMessages.teamNotForOrgAdmin',
  'is not right': 'serverMessages.notRight',
} as const;

/** A server field message in the interface language when we know it, else as sent. */
export function translateServerMessage(message: string, t: TFunction): string {
  const key = (SERVER_MESSAGE_KEYS as Record<string, (typeof SERVER_MESSAGE_KEYS)[keyof typeof SERVER_MESSAGE_KEYS]>)[
    message
  ];
  return key ? t(key) : message;
}

/**
 * A sentence in every language for every code the server can send (and the client's own `network_error`).
 * Keyed exhaustively by the contracts' `ErrorCode`: a new code without a sentence fails the typecheck.
 */
const CODE_KEYS = {
  network_error: 'errors.network',
  validation_failed: 'errors.validation',
  invalid_body: 'errors.invalidBody',
  unsupported_media_type: 'errors.unsupportedMediaType',
  payload_too_large: 'errors.payloadTooLarge',
  uri_too_long: 'errors.uriTooLong',
  headers_too_large: 'errors.headersTooLarge',
  request_timeout: 'errors.requestTimeout',
  bad_request: 'errors.badRequest',
  invalid_reference: 'errors.invalidReference',
  unauthenticated: 'errors.unauthenticated',
  session_expired: 'errors.sessionExpired',
  invalid_credentials: 'errors.invalidCredentials',
  too_many_attempts: 'errors.tooManyAttempts',
  csrf_rejected: 'errors.csrf',
  forbidden: 'errors.forbidden',
  not_found: 'errors.notFound',
  already_exists: 'errors.alreadyExists',
  account_exists: 'errors.accountExists',
  version_conflict: 'errors.versionConflict',
  invitation_expired: 'errors.invitationExpired',
  invalid_transition: 'errors.invalidTransition',
  sharing_blocked: 'errors.sharingBlocked',
  edit_window_closed: 'errors.editWindowClosed',
  already_away: 'errors.alreadyAway',
  already_returned: 'errors.alreadyReturned',
  already_shared: 'errors.alreadyShared',
  instrument_changed: 'errors.instrumentChanged',
  instrument_locked: 'errors.instrumentLocked',
  wording_locked: 'errors.wordingLocked',
  permission_required: 'errors.permissionRequired',
  survey_closed: 'errors.surveyClosed',
  already_submitted: 'errors.alreadySubmitted',
  analysis_not_possible: 'errors.analysisNotPossible',
  server_busy: 'errors.serverBusy',
  internal_error: 'errors.server',
} as const satisfies Record<ErrorCode | 'network_error', ParseKeys>;

/** The catalog key for a code, if it is one the server or the client sends. */
export const errorKeyFor = (code: string): (typeof CODE_KEYS)[keyof typeof CODE_KEYS] | undefined =>
  Object.hasOwn(CODE_KEYS, code) ? CODE_KEYS[code as keyof typeof CODE_KEYS] : undefined;

/** One sentence saying what went wrong and what to do, for any thrown value. */
export function describeError(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unexpected');
  if (error.code === 'too_many_attempts' && error.retryAfterSeconds) {
    return t('errors.tooManyAttemptsWait', { count: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) });
  }
  const key = errorKeyFor(error.code);
  if (key) return t(key);
  return error.status >= 500 ? t('errors.server') : t('errors.unexpected');
}

export interface FormErrors {
  /** Message beside each field, keyed by the field's path in the request body. */
  fields: Record<string, string>;
  /** A summary for the top of the form (announced by the live region). */
  summary: string | undefined;
}

/** Field messages and a summary from any thrown value; `known` are the fields the form shows. */
export function formErrorsFrom(error: unknown, t: TFunction, known: readonly string[]): FormErrors {
  const fields: Record<string, string> = {};
  const stray: string[] = [];
  if (error instanceof ApiError && error.status === 400) {
    for (const p of error.fieldProblems) {
      const msg = translateServerMessage(p.message, t);
      if (known.includes(p.field) && !fields[p.field]) fields[p.field] = msg;
      else stray.push(p.field ? `${p.field}: ${msg}` : msg);
    }
  }
  const base = describeError(error, t);
  return {
    fields,
    summary: stray.length ? `${base} ${stray.join('; ')}` : base,
  };
}

export const NO_FORM_ERRORS: FormErrors = { fields: {}, summary: undefined };

/**
 * Keeps a form's server errors: field messages from a 400 `validation_failed`, and
 * a summary line. `known` lists the fields the form shows; problems on other fields
 * go into the summary so nothing is lost.
 */
export function useFormErrors(t: TFunction, known: readonly string[]) {
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);

  // `known` is a literal list at every call site, so only `t` can change.
  const fromError = useCallback((error: unknown) => setErrors(formErrorsFrom(error, t, known)), [t]);

  const clear = useCallback(() => setErrors(NO_FORM_ERRORS), []);
  const setSummary = useCallback((summary: string | undefined) => setErrors({ fields: {}, summary }), []);
  const clearField = useCallback(
    (field: string) =>
      setErrors((prev) => {
        if (!prev.fields[field]) return prev;
        const fields = Object.fromEntries(Object.entries(prev.fields).filter(([name]) => name !== field));
        return { ...prev, fields };
      }),
    [],
  );

  return { errors, fromError, clear, clearField, setSummary };
}
