import { Outlet, useNavigate } from 'react-router-dom';
import { useSession } from '../auth/session-context';
import { AppShell, type NavItem } from '../components/app-shell';

export interface AppLayoutProps {
  appName: string;
  /** The main navigation for a signed-in user. */
  signedInLinks: readonly NavItem[];
  /** The main navigation for a visitor. */
  visitorLinks: readonly NavItem[];
  /** Where "Log out" leads. */
  loginPath?: string;
}

/** The route element around an app's pages: the shell, wired to the session, with the page inside. */
export function AppLayout({ appName, signedInLinks, visitorLinks, loginPath = '/login' }: AppLayoutProps) {
  const { user, logout } = useSession();
  const navigate = useNavigate();

  const logOut = async () => {
    await logout();
    navigate(loginPath);
  };

  return (
    <AppShell appName={appName} links={user ? signedInLinks : visitorLinks} user={user} onLogout={logOut}>
      <Outlet />
    </AppShell>
  );
}
