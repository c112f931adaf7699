import { isApiError } from '../../api/client.ts';

/** Why adding a member failed, when it is about the email address typed: no such account, or already in. */
export function addMemberProblem(error: unknown): 'noAccount' | 'alreadyMember' | undefined {
  if (!isApiError(error)) return undefined;
  if (error.status === 400 && error.fieldProblems.some((p) => p.field === 'email')) {
    // The server names the field; only "no account has this email address" is about an address that is well formed.
    return error.fieldProblems.some((p) => p.field === 'email' && /no account/i.test(p.message))
      ? 'noAccount'
      : undefined;
  }
  if (error.status === 409 && error.code === 'already_exists') return 'alreadyMember';
  return undefined;
}

/** Whether a removal was refused because the member is the study's only lead. */
export const isOnlyLead = (error: unknown): boolean =>
  isApiError(error) && error.status === 409 && error.code === 'invalid_transition';
