import { useT, AppointmentsPage } from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { api } from '../session';

export function MyAppointmentsPage() {
  const t = useT();
  return (
    <AppointmentsPage
      api={api}
      viewer="patient"
      appName="Arogyam"
      upcomingHint={
        <p>
          <Link to="/">{t('Find a doctor')}</Link> {t('to book a consultation.')}
        </p>
      }
    />
  );
}
