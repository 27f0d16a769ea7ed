import { useT, AppointmentsPage } from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { api } from '../session';

export function MyAppointmentsPage() {
  const t = useT();
  return (
    <AppointmentsPage
      api={api}
      viewer="doctor"
      appName="Arogyam for Doctors"
      upcomingHint={
        <p>
          {t('Patients book the times you')} <Link to="/availability">{t('publish')}</Link>.
        </p>
      }
    />
  );
}
