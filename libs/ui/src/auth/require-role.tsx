import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import type { Role } from '../api/types';
import { useSession } from './session-context';

export interface RequireRoleProps {
  role: Role;
  /** Where visitors are sent; they come back to the page they asked for after logging in. */
  loginPath?: string;
  children?: ReactNode;
}

/** Route guard: renders its children (or nested routes) only for a signed-in user with this role. */
export function RequireRole({ role, loginPath = '/login', children }: RequireRoleProps) {
  const { user } = useSession();
  const location = useLocation();
  if (!user || user.role !== role) {
    return <Navigate to={loginPath} replace state={{ from: location.pathname + location.search }} />;
  }
  return children ?? <Outlet />;
}

/** The page a guard redirected from, so login can return there; otherwise the app's home. */
export function returnPathFrom(state: unknown, fallback = '/'): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    return state.from;
  }
  return fallback;
}
