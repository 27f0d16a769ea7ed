import { AppLayout, type NavItem } from '@arogyam/ui';
import { api } from './session';

// Finding a doctor is public, so visitors see the same links plus the way in.
const SIGNED_IN_LINKS: NavItem[] = [
  { to: '/', label: 'Find a doctor', end: true },
  { to: '/case-studies', label: 'Case studies' },
  { to: '/appointments', label: 'My appointments' },
  { to: '/messages', label: 'Messages' },
  { to: '/health-records', label: 'Health records' },
  { to: '/medical-profile', label: 'Medical profile' },
  { to: '/who-viewed', label: 'Who viewed my records' },
  { to: '/profile', label: 'My profile' },
  { to: '/notification-settings', label: 'Notification settings' },
  { to: '/your-data', label: 'Your data' },
];

const VISITOR_LINKS: NavItem[] = [
  ...SIGNED_IN_LINKS,
  { to: '/login', label: 'Log in' },
  { to: '/register', label: 'Register' },
];

export function Layout() {
  return (
    <AppLayout api={api} appName="Arogyam" signedInLinks={SIGNED_IN_LINKS} visitorLinks={VISITOR_LINKS} />
  );
}
