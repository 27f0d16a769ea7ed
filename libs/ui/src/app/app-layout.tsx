import { Outlet, useNavigate } from 'react-router-dom';
import type { ApiClient } from '../api/api-client';
import { useSession } from '../auth/session-context';
import { AppShell, type NavItem } from '../components/app-shell';
import { NotificationBell } from '../notifications/notification-bell';

export interface AppLayoutProps {
  api: ApiClient;
  appName: string;
  /** The main navigation for a signed-in user. */
  signedInLinks: readonly NavItem[];
  /** The main navigation for a visitor. */
  visitorLinks: readonly NavItem[];
  /** Where "Log out" leads. */
  loginPath?: string;
}

/**
 * The route element around an app's pages: the shell, wired to the session (with the notification bell
 * for a signed-in user), with the page inside.
 */
export function AppLayout({
  api,
  appName,
  signedInLinks,
  visitorLinks,
  loginPath = '/login',
}: AppLayoutProps) {
  const { user, logout } = useSession();
  const navigate = useNavigate();

  const logOut = async () => {
    await logout();
    navigate(loginPath);
  };

  return (
    <AppShell
      appName={appName}
      links={user ? signedInLinks : visitorLinks}
      user={user}
      sessionActions={user && <NotificationBell key={user.id} api={api} />}
      onLogout={logOut}
    >
      <Outlet />
    </AppShell>
  );
}
