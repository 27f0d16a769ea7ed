import { AppShell, useSession, type NavItem } from '@arogyam/ui';
import { Outlet, useNavigate } from 'react-router-dom';

export function Layout() {
  const { user, logout } = useSession();
  const navigate = useNavigate();

  const links: NavItem[] = [
    { to: '/', label: 'Find a doctor', end: true },
    { to: '/profile', label: 'My profile' },
    ...(user
      ? []
      : [
          { to: '/login', label: 'Log in' },
          { to: '/register', label: 'Register' },
        ]),
  ];

  const logOut = async () => {
    await logout();
    navigate('/login');
  };

  return (
    <AppShell appName="Arogyam" links={links} user={user} onLogout={logOut}>
      <Outlet />
    </AppShell>
  );
}
