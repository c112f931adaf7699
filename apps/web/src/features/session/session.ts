import type { Me, Membership } from '@alongside/contracts';
import { QueryClient, useQuery } from '@tanstack/react-query';
import { api, ApiError, setAuthFailureHandler, setCsrfToken, type AuthFailureCode } from '../../api/client.ts';
import { applyLanguage } from '../../i18n/index.ts';

export const meQueryKey = ['me'] as const;

/** Why the last session ended, kept until someone signs in again. */
let pendingSignOutReason: AuthFailureCode | undefined;

export const peekSignOutReason = (): AuthFailureCode | undefined => pendingSignOutReason;

/** Who is signed in, or null when nobody is. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get('/api/me', { handleAuthFailure: false });
    setCsrfToken(me.csrfToken);
    applyLanguage(me.language);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      if (e.code === 'session_expired') pendingSignOutReason = 'session_expired';
      setCsrfToken(undefined);
      return null;
    }
    throw e;
  }
}

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: fetchMe,
    staleTime: 60_000,
    retry: false,
  });
}

/** Use when a response carries a fresh `Me` (sign-in, accepted invitation, profile change). */
export function rememberMe(queryClient: QueryClient, me: Me): void {
  pendingSignOutReason = undefined;
  setCsrfToken(me.csrfToken);
  applyLanguage(me.language);
  queryClient.setQueryData(meQueryKey, me);
}

/** Forget everything cached for the previous user. */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(undefined);
  queryClient.removeQueries({
    predicate: (q) => q.queryKey[0] !== meQueryKey[0],
  });
  queryClient.setQueryData(meQueryKey, null);
}

/** Wire the API client's 401 handling to the query cache: the router then sends the user to sign in. */
export function installAuthFailureHandler(queryClient: QueryClient): void {
  setAuthFailureHandler((code) => {
    pendingSignOutReason = code;
    forgetSession(queryClient);
  });
}

export async function signOut(queryClient: QueryClient): Promise<void> {
  pendingSignOutReason = undefined;
  try {
    await api.post('/api/auth/logout', { handleAuthFailure: false });
  } finally {
    forgetSession(queryClient);
  }
}

/** The signed-in user's roles, as the navigation and pages need them. */
export interface RoleView {
  isPlatformAdmin: boolean;
  /** Organizations where this user is an org_admin. */
  adminOrganizationIds: string[];
  /** True when the user may open the administration pages. */
  canAdminister: boolean;
  teamMemberships: Membership[];
  hasRole: (...roles: Membership['role'][]) => boolean;
}

export function roleView(me: Me): RoleView {
  const adminOrganizationIds = [
    ...new Set(me.memberships.filter((m) => m.role === 'org_admin').map((m) => m.organizationId)),
  ];
  return {
    isPlatformAdmin: me.user.isPlatformAdmin,
    adminOrganizationIds,
    canAdminister: me.user.isPlatformAdmin || adminOrganizationIds.length > 0,
    teamMemberships: me.memberships.filter((m) => m.teamId !== null),
    hasRole: (...roles) => me.memberships.some((m) => roles.includes(m.role)),
  };
}
