import {
  useT,
  EmptyState,
  PagedView,
  StatusBadge,
  callRecordsSummary,
  formatDate,
  formatTimeRange,
  modeLabel,
  useAsync,
  type Appointment,
  type Page,
  TableRegion,
} from '@arogyam/ui';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../session';

/** One day's appointments across all doctors, a page at a time. Keyed by date, so a new day starts at page 1. */
export function DayAppointments({ date }: { date: string }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const appointments = useAsync(
    (signal) => api.get<Page<Appointment>>('/admin/appointments', { query: { date, page }, signal }),
    [date, page],
  );

  return (
    <PagedView
      state={appointments}
      loadingLabel={t('Loading appointments…')}
      errorTitle={t('We could not load appointments')}
      empty={<EmptyState title={t('No appointments on this day.')} />}
      onPageChange={setPage}
    >
      {(items, found) => (
        <TableRegion label={t('Appointments of the day')}>
          <table aria-busy={appointments.loading || undefined}>
            <caption className="visually-hidden">
              Appointments on {formatDate(date)}, {found.total} in total
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('Time')}</th>
                <th scope="col">{t('Doctor')}</th>
                <th scope="col">{t('Patient')}</th>
                <th scope="col">{t('Mode')}</th>
                <th scope="col">{t('Status')}</th>
                <th scope="col">{t('Video calls')}</th>
                <th scope="col">{t('Payment')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((appointment) => (
                <tr key={appointment.id}>
                  <th scope="row" className="appointment-when">
                    {formatTimeRange(appointment.startAt, appointment.endAt)}
                  </th>
                  <td>
                    {appointment.doctor.fullName}
                    <br />
                    <span className="muted">{appointment.doctor.specialization}</span>
                  </td>
                  <td>{appointment.patient.fullName}</td>
                  <td>{modeLabel(appointment.mode)}</td>
                  <td>
                    <StatusBadge status={appointment.status} />
                  </td>
                  <td>{callRecordsSummary(appointment.calls)}</td>
                  <td>
                    <Link to={`/payments?appointmentId=${encodeURIComponent(appointment.id)}`}>
                      {t('Payments')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </PagedView>
  );
}
