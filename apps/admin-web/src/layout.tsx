import { AppLayout, type NavItem } from '@arogyam/ui';
import { api } from './session';

const SIGNED_IN_LINKS: NavItem[] = [
  { to: '/', label: 'Doctor verification', end: true },
  { to: '/case-studies', label: 'Case studies' },
  { to: '/users', label: 'Users' },
  { to: '/appointments', label: 'Appointments' },
  { to: '/payments', label: 'Payments' },
  { to: '/failed-events', label: 'Failed events' },
  { to: '/audit', label: 'Audit trail' },
  { to: '/analytics', label: 'Analytics' },
];

const VISITOR_LINKS: NavItem[] = [{ to: '/login', label: 'Log in' }];

export function Layout() {
  return (
    <AppLayout
      api={api}
      appName="Arogyam Admin"
      signedInLinks={SIGNED_IN_LINKS}
      visitorLinks={VISITOR_LINKS}
    />
  );
}
