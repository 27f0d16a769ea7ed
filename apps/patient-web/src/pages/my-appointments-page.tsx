import { AppointmentsPage } from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { api } from '../session';

export function MyAppointmentsPage() {
  return (
    <AppointmentsPage
      api={api}
      viewer="patient"
      appName="Arogyam"
      upcomingHint={
        <p>
          <Link to="/">Find a doctor</Link> to book a consultation.
        </p>
      }
    />
  );
}
