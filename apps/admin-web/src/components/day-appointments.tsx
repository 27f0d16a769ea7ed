import {
  useT,
  EmptyState,
  StatusBadge,
  callRecordsSummary,
  formatDate,
  formatTimeRange,
  modeLabel,
  useAsync,
  type Appointment,
  type Page,
} from '@arogyam/ui';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../session';
import { PagedTable } from './paged-table';

/** One day's appointments across all doctors, a page at a time. Keyed by date, so a new day starts at page 1. */
export function DayAppointments({ date }: { date: string }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const appointments = useAsync(
    (signal) => api.get<Page<Appointment>>('/admin/appointments', { query: { date, page }, signal }),
    [date, page],
  );

  return (
    <PagedTable
      state={appointments}
      loadingLabel={t('Loading appointments…')}
      errorTitle={t('We could not load appointments')}
      empty={<EmptyState title={t('No appointments on this day.')} />}
      onPageChange={setPage}
      label={t('Appointments of the day')}
      caption={`Appointments on ${formatDate(date)}`}
      headings={[
        t('Time'),
        t('Doctor'),
        t('Patient'),
        t('Mode'),
        t('Status'),
        t('Video calls'),
        t('Payment'),
      ]}
    >
      {(items) =>
        items.map((appointment) => (
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
        ))
      }
    </PagedTable>
  );
}
