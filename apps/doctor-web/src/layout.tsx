import { AppShell, useSession, type NavItem } from '@arogyam/ui';
import { Outlet, useNavigate } from 'react-router-dom';

const SIGNED_IN_LINKS: NavItem[] = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/profile', label: 'My profile' },
];

const VISITOR_LINKS: NavItem[] = [
  { to: '/login', label: 'Log in' },
  { to: '/register', label: 'Register' },
];

export function Layout() {
  const { user, logout } = useSession();
  const navigate = useNavigate();

  const logOut = async () => {
    await logout();
    navigate('/login');
  };

  return (
    <AppShell
      appName="Arogyam for Doctors"
      links={user ? SIGNED_IN_LINKS : VISITOR_LINKS}
      user={user}
      onLogout={logOut}
    >
      <Outlet />
    </AppShell>
  );
}
