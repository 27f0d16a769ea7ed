import { StatusBadge, formatTimeRange, modeLabel, type Appointment, type QueueEntry } from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { PaymentBadge } from './payment-badge';
import { StartVideoCall } from './start-video-call';
import { StatusActions } from './status-actions';

interface QueueItemProps {
  entry: QueueEntry;
  onChanged(updated?: Appointment): void;
}

/** One patient in the day's queue: time, name, status and the next steps. Rendered inside the list. */
export function QueueItem({ entry, onChanged }: QueueItemProps) {
  return (
    <li className="card queue-item">
      <p className="appointment-when">{formatTimeRange(entry.startAt, entry.endAt)}</p>
      <div className="queue-patient">
        <p>
          <Link to={`/appointments/${encodeURIComponent(entry.id)}`}>{entry.patient.fullName}</Link>
        </p>
        <p className="muted">
          {modeLabel(entry.mode)}
          {entry.reason && <> · {entry.reason}</>}
        </p>
      </div>
      <p className="queue-badges">
        <StatusBadge status={entry.status} /> <PaymentBadge status={entry.paymentStatus} />
      </p>
      <StatusActions appointment={entry} onChanged={onChanged} />
      <StartVideoCall appointment={entry} />
    </li>
  );
}
