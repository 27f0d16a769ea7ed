import { EmptyState, PagedView, useAsync, type Appointment, type Page } from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { api } from '../session';
import { AppointmentListItem } from './appointment-list-item';

export type AppointmentsView = 'upcoming' | 'past';

interface AppointmentsTabProps {
  view: AppointmentsView;
  /** "Upcoming" or "Past", for the list's name. */
  label: string;
  page: number;
  onPageChange(page: number): void;
}

/** One tab's appointments, a page at a time. Keyed by view, so another tab never shows this one's rows. */
export function AppointmentsTab({ view, label, page, onPageChange }: AppointmentsTabProps) {
  const appointments = useAsync(
    (signal) => {
      // Upcoming: starting from now on; past: started before now.
      const now = new Date().toISOString();
      const range = view === 'past' ? { to: now } : { from: now };
      return api.get<Page<Appointment>>('/appointments', { query: { ...range, page }, signal });
    },
    [view, page],
  );

  return (
    <PagedView
      state={appointments}
      loadingLabel="Loading your appointments…"
      errorTitle="We could not load your appointments"
      empty={
        <EmptyState title={view === 'past' ? 'No past appointments.' : 'No upcoming appointments.'}>
          {view === 'upcoming' && (
            <p>
              <Link to="/">Find a doctor</Link> to book a consultation.
            </p>
          )}
        </EmptyState>
      }
      onPageChange={onPageChange}
    >
      {(items) => (
        <ul
          className="review-list"
          aria-label={`${label} appointments`}
          aria-busy={appointments.loading || undefined}
        >
          {items.map((appointment) => (
            <AppointmentListItem key={appointment.id} appointment={appointment} />
          ))}
        </ul>
      )}
    </PagedView>
  );
}
