import {
  ACTIVE_APPOINTMENT_STATUSES,
  AppointmentEventTypes,
  type AppointmentEventType,
  type AppointmentStatus,
} from '@arogyam/contracts';

/**
 * booked → checked_in → in_consultation → completed; before the consultation starts an
 * appointment may instead end as no_show or cancelled. Completed, cancelled and no_show are final.
 */
const NEXT_STATUSES: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['checked_in', 'no_show', 'cancelled'],
  checked_in: ['in_consultation', 'no_show', 'cancelled'],
  in_consultation: ['completed'],
  completed: [],
  cancelled: [],
  no_show: [],
};

export const canMove = (from: AppointmentStatus, to: AppointmentStatus): boolean =>
  NEXT_STATUSES[from].includes(to);

export const isActive = (status: AppointmentStatus): boolean =>
  (ACTIVE_APPOINTMENT_STATUSES as readonly AppointmentStatus[]).includes(status);

/** The fact a move to `status` publishes. */
export const eventTypeFor = (status: AppointmentStatus): AppointmentEventType => {
  if (status === 'cancelled') return AppointmentEventTypes.cancelled;
  if (status === 'completed') return AppointmentEventTypes.completed;
  return AppointmentEventTypes.statusChanged;
};
