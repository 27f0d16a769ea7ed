import { StatusBadge, formatDateTime, modeLabel, type Appointment } from '@arogyam/ui';
import { Link } from 'react-router-dom';

/** One of the patient's appointments, rendered inside the list, so it is an <li>. */
export function AppointmentListItem({ appointment }: { appointment: Appointment }) {
  const { doctor } = appointment;
  return (
    <li className="card appointment-item">
      <div>
        <p className="appointment-when">
          <Link to={`/appointments/${encodeURIComponent(appointment.id)}`}>
            {formatDateTime(appointment.startAt)}
          </Link>
        </p>
        <p>
          {doctor.fullName}
          {doctor.specialization && <span className="muted"> · {doctor.specialization}</span>}
        </p>
      </div>
      <p className="appointment-meta">
        <span>{modeLabel(appointment.mode)}</span> <StatusBadge status={appointment.status} />
      </p>
    </li>
  );
}
