/**
 * Plain NATS (no queue group, at most once): "this doctor replaced their weekly schedule",
 * published by the appointment-service instance that stored it, before it answers. Every
 * appointment-service instance drops its cached copy of that schedule (availability/schedule-cache.ts).
 */
export const DOCTOR_SCHEDULE_CHANGED = 'appointment.schedule.changed';

export interface DoctorScheduleChange {
  doctorId: string;
}
