import { useSignedInMe } from '../session/RequireAuth.tsx';
import { roleView } from '../session/session.ts';

/** Whether the signed-in user may start a study: researchers may (the server answers anyone else 403). */
export function useCanStartStudy(): boolean {
  return roleView(useSignedInMe()).hasRole('researcher');
}
