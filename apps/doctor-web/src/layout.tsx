import { AppLayout, type NavItem } from '@arogyam/ui';
import { api } from './session';

const SIGNED_IN_LINKS: NavItem[] = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/queue', label: "Today's queue" },
  { to: '/appointments', label: 'Appointments' },
  { to: '/messages', label: 'Messages' },
  { to: '/availability', label: 'Availability' },
  { to: '/earnings', label: 'Earnings' },
  { to: '/case-studies', label: 'Case studies' },
  { to: '/profile', label: 'My profile' },
  { to: '/notification-settings', label: 'Notification settings' },
];

const VISITOR_LINKS: NavItem[] = [
  { to: '/login', label: 'Log in' },
  { to: '/register', label: 'Register' },
];

export function Layout() {
  return (
    <AppLayout
      api={api}
      appName="Arogyam for Doctors"
      signedInLinks={SIGNED_IN_LINKS}
      visitorLinks={VISITOR_LINKS}
    />
  );
}
