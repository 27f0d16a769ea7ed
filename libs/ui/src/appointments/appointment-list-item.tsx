import { Link } from 'react-router-dom';
import type { Appointment } from '../api/types';
import { formatDateTime } from '../format/format-time';
import { modeLabel } from './appointment-labels';
import { StatusBadge } from './status-badge';

/** One appointment of a list, naming the other side, rendered inside the list, so it is an <li>. */
export function AppointmentListItem({
  appointment,
  viewer,
}: {
  appointment: Appointment;
  viewer: 'patient' | 'doctor';
}) {
  const { doctor, patient } = appointment;
  return (
    <li className="card appointment-item">
      <div>
        <p className="appointment-when">
          <Link to={`/appointments/${encodeURIComponent(appointment.id)}`}>
            {formatDateTime(appointment.startAt)}
          </Link>
        </p>
        <p>
          {viewer === 'patient' ? (
            <>
              {doctor.fullName}
              {doctor.specialization && <span className="muted"> · {doctor.specialization}</span>}
            </>
          ) : (
            patient.fullName
          )}
        </p>
      </div>
      <p className="appointment-meta">
        <span>{modeLabel(appointment.mode)}</span> <StatusBadge status={appointment.status} />
      </p>
    </li>
  );
}
