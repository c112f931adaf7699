import { z } from 'zod';

/**
 * Every error code the API sends, in one list. The server's `AppError` takes only these, and the web app's
 * translation map is keyed by them exhaustively: a new code without a sentence in every language fails the typecheck.
 */
export const ERROR_CODES = [
  // request shape
  'validation_failed',
  'invalid_body',
  'unsupported_media_type',
  'payload_too_large',
  'uri_too_long',
  'headers_too_large',
  'request_timeout',
  'bad_request',
  'invalid_reference',
  // who may do it
  'unauthenticated',
  'session_expired',
  'invalid_credentials',
  'too_many_attempts',
  'csrf_rejected',
  'forbidden',
  'not_found',
  // the state of things
  'already_exists',
  'account_exists',
  'version_conflict',
  'invitation_expired',
  'invalid_transition',
  'sharing_blocked',
  'edit_window_closed',
  'already_away',
  'already_returned',
  'already_shared',
  'instrument_changed',
  'instrument_locked',
  'wording_locked',
  'permission_required',
  'survey_closed',
  'already_submitted',
  'analysis_not_possible',
  // the server
  'server_busy',
  'internal_error',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** One problem with one field: where it was (body, query, params, headers) and what is wrong. */
export const FieldProblemSchema = z.object({
  field: z.string(),
  in: z.string().optional(),
  message: z.string(),
});
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

/** The one error shape every route returns; `details` is always an array (empty when there is nothing to add). */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: z.array(FieldProblemSchema),
    /** Seconds to wait before trying again (429, 503). */
    retryAfterSeconds: z.number().int().min(0).optional(),
  }),
})
  // One named component in the OpenAPI document, referenced by every error response (not ~400 copies).
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
