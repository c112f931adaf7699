import type { Me } from '@alongside/contracts';
import { createContext, useContext, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { peekSignOutReason, useMe } from './session.ts';

const MeContext = createContext<Me | null>(null);

/** The signed-in user; only inside <RequireAuth>. */
export function useSignedInMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useSignedInMe() used outside <RequireAuth>');
  return me;
}

/** Renders its children for a signed-in user; otherwise sends them to the sign-in page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <FullPageError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const params = new URLSearchParams();
    if (peekSignOutReason() === 'session_expired') params.set('reason', 'session_expired');
    const next = location.pathname + location.search;
    if (next !== '/') params.set('next', next);
    const qs = params.toString();
    return <Navigate to={`/sign-in${qs ? `?${qs}` : ''}`} replace />;
  }
  return <MeContext.Provider value={me.data}>{children}</MeContext.Provider>;
}
