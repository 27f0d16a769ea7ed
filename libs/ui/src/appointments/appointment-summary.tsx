import type { Appointment } from '../api/types';
import { formatDateTimeRange } from '../format/format-time';
import { modeLabel } from './appointment-labels';
import { StatusBadge } from './status-badge';
import { useT } from '../i18n/use-t';

export interface AppointmentSummaryProps {
  appointment: Appointment;
  /** Who is looking: a patient sees the doctor, a doctor sees the patient. */
  viewer: 'patient' | 'doctor';
}

/** The facts of one appointment, with its times in the viewer's zone. */
export function AppointmentSummary({ appointment, viewer }: AppointmentSummaryProps) {
  const t = useT();
  const { doctor, patient } = appointment;
  return (
    <dl className="details-list">
      {viewer === 'patient' ? (
        <>
          <dt>{t('Doctor')}</dt>
          <dd>
            {doctor.fullName}
            {doctor.specialization && <span className="muted"> · {doctor.specialization}</span>}
          </dd>
        </>
      ) : (
        <>
          <dt>{t('Patient')}</dt>
          <dd>{patient.fullName}</dd>
        </>
      )}
      <dt>{t('When')}</dt>
      <dd>{formatDateTimeRange(appointment.startAt, appointment.endAt)}</dd>
      <dt>{t('Mode')}</dt>
      <dd>{modeLabel(appointment.mode)}</dd>
      <dt>{t('Status')}</dt>
      <dd>
        <StatusBadge status={appointment.status} />
        {appointment.status === 'cancelled' && appointment.cancelledLate && (
          <span className="muted"> {t('· cancelled late')}</span>
        )}
      </dd>
      {appointment.reason && (
        <>
          <dt>{t('Reason for the visit')}</dt>
          <dd>{appointment.reason}</dd>
        </>
      )}
      {appointment.cancellationReason && (
        <>
          <dt>{t('Cancellation reason')}</dt>
          <dd>{appointment.cancellationReason}</dd>
        </>
      )}
    </dl>
  );
}
