import { AppointmentsPage } from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { api } from '../session';

export function MyAppointmentsPage() {
  return (
    <AppointmentsPage
      api={api}
      viewer="doctor"
      appName="Arogyam for Doctors"
      upcomingHint={
        <p>
          Patients book the times you <Link to="/availability">publish</Link>.
        </p>
      }
    />
  );
}
