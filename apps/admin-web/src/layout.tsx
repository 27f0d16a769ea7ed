import { AppShell, useSession, type NavItem } from '@arogyam/ui';
import { Outlet, useNavigate } from 'react-router-dom';

const SIGNED_IN_LINKS: NavItem[] = [
  { to: '/', label: 'Doctor verification', end: true },
  { to: '/users', label: 'Users' },
];

const VISITOR_LINKS: NavItem[] = [{ to: '/login', label: 'Log in' }];

export function Layout() {
  const { user, logout } = useSession();
  const navigate = useNavigate();

  const logOut = async () => {
    await logout();
    navigate('/login');
  };

  return (
    <AppShell
      appName="Arogyam Admin"
      links={user ? SIGNED_IN_LINKS : VISITOR_LINKS}
      user={user}
      onLogout={logOut}
    >
      <Outlet />
    </AppShell>
  );
}
