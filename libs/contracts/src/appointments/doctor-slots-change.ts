/**
 * Plain NATS (no queue group, at most once): "this doctor's slot listing changed" (a booking,
 * reschedule, cancellation or status change held or freed a time, or the schedule was replaced),
 * published by the appointment-service instance that made the change once it answers with the
 * new state. Gateways drop that doctor's cached slot listings.
 */
export const DOCTOR_SLOTS_CHANGED = 'appointment.slots.changed';

export interface DoctorSlotsChange {
  doctorId: string;
}
