import type { TFunction } from 'i18next';
import { useCallback, useState } from 'react';
import { ApiError, isApiError } from '../api/client.ts';
import i18n from '../i18n/index.ts';

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

/** Error codes with a sentence of their own in every language. */
const CODE_KEYS = {
  network_error: 'errors.network',
  validation_failed: 'errors.validation',
  invalid_credentials: 'errors.invalidCredentials',
  forbidden: 'errors.forbidden',
  not_found: 'errors.notFound',
  version_conflict: 'errors.versionConflict',
  too_many_attempts: 'errors.tooManyAttempts',
  csrf_failed: 'errors.csrf',
  invalid_csrf_token: 'errors.csrf',
  session_expired: 'errors.sessionExpired',
  unauthenticated: 'errors.unauthenticated',
} as const;

/** One sentence saying what went wrong and what to do, for any thrown value. */
export function describeError(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unexpected');
  // The rate limiter's own message says how long to wait; keep it when the interface is English.
  if (error.code === 'too_many_attempts' && i18n.language === 'en' && error.message) return error.message;
  const key = (CODE_KEYS as Record<string, (typeof CODE_KEYS)[keyof typeof CODE_KEYS]>)[error.code];
  if (key) {
    if (error.code === 'too_many_attempts' && error.retryAfterSeconds) {
      return t('errors.tooManyAttemptsWait', {
        count: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)),
      });
    }
    return t(key);
  }
  if (error.status >= 500) return t('errors.server');
  return i18n.language === 'en' && error.message ? error.message : t('errors.unexpected');
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
