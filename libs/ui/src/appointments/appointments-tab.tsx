import type { ReactNode } from 'react';
import type { ApiClient } from '../api/api-client';
import type { Appointment, Page } from '../api/types';
import { EmptyState } from '../components/empty-state';
import { PagedView } from '../components/paged-view';
import { useAsync } from '../hooks/use-async';
import { AppointmentListItem } from './appointment-list-item';
import { useAppointmentPushes } from './use-live-appointment';
import { useT } from '../i18n/use-t';

export type AppointmentsView = 'upcoming' | 'past';

interface AppointmentsTabProps {
  api: ApiClient;
  viewer: 'patient' | 'doctor';
  view: AppointmentsView;
  /** "Upcoming" or "Past", for the list's name. */
  label: string;
  page: number;
  onPageChange(page: number): void;
  /** Under "No upcoming appointments.": what to do about it. */
  upcomingHint?: ReactNode;
}

/**
 * One tab's appointments, a page at a time, split by the server by time and status (a cancelled
 * or completed visit is past however soon it was due). Any pushed change of the viewer's
 * appointments reloads the page, so a visit moves tabs as it happens. Keyed by view, so another
 * tab never shows this one's rows.
 */
export function AppointmentsTab({
  api,
  viewer,
  view,
  label,
  page,
  onPageChange,
  upcomingHint,
}: AppointmentsTabProps) {
  const t = useT();
  const appointments = useAsync(
    (signal) => api.get<Page<Appointment>>('/appointments', { query: { when: view, page }, signal }),
    [view, page],
  );
  useAppointmentPushes(appointments.reload, appointments.reload);

  return (
    <PagedView
      state={appointments}
      loadingLabel={t('Loading your appointments…')}
      errorTitle={t('We could not load your appointments')}
      empty={
        <EmptyState title={view === 'past' ? 'No past appointments.' : 'No upcoming appointments.'}>
          {view === 'upcoming' && upcomingHint}
        </EmptyState>
      }
      onPageChange={onPageChange}
    >
      {(items) => (
        <ul
          className="review-list"
          aria-label={t(`${label} appointments`)}
          aria-busy={appointments.loading || undefined}
        >
          {items.map((appointment) => (
            <AppointmentListItem key={appointment.id} appointment={appointment} viewer={viewer} />
          ))}
        </ul>
      )}
    </PagedView>
  );
}
