import type { AppointmentStatus } from '../api/types';
import { statusLabel } from './appointment-labels';

/** An appointment's status as a coloured badge; the words carry the meaning. */
export function StatusBadge({ status }: { status: AppointmentStatus }) {
  return <span className={`badge badge-status badge-${status}`}>{statusLabel(status)}</span>;
}
