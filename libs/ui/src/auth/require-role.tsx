import type { ReactNode } from 'react';
import { Navigate, Outlet } from 'react-router-dom';
import type { Role } from '../api/types';
import { useSession } from './session-context';

export interface RequireRoleProps {
  role: Role;
  /** Where visitors (and users whose session ended) are sent. */
  loginPath?: string;
  children?: ReactNode;
}

/** Route guard: renders its children (or nested routes) only for a signed-in user with this role. */
export function RequireRole({ role, loginPath = '/login', children }: RequireRoleProps) {
  const { user } = useSession();
  if (!user || user.role !== role) return <Navigate to={loginPath} replace />;
  return children ?? <Outlet />;
}
