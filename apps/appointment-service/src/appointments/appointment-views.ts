import type { AppointmentView } from '@arogyam/contracts';
import type { Appointment } from './appointment.schema';

export type StoredAppointment = Omit<Appointment, 'outbox'>;

const iso = (value: Date | string): string => new Date(value).toISOString();

/** API.md's appointment; also the payload of every `evt.appointment.*` event. */
export const toAppointmentView = (appointment: StoredAppointment): AppointmentView => ({
  id: appointment._id,
  doctorId: appointment.doctorId,
  patientId: appointment.patientId,
  doctor: {
    id: appointment.doctor.id,
    fullName: appointment.doctor.fullName,
    specialization: appointment.doctor.specialization,
  },
  patient: { id: appointment.patient.id, fullName: appointment.patient.fullName },
  startAt: iso(appointment.startAt),
  endAt: iso(appointment.endAt),
  mode: appointment.mode,
  ...(appointment.reason ? { reason: appointment.reason } : {}),
  status: appointment.status,
  createdAt: iso(appointment.createdAt),
  ...(appointment.status === 'cancelled' ? { cancelledLate: appointment.cancelledLate === true } : {}),
  ...(appointment.cancelledBy ? { cancelledBy: appointment.cancelledBy } : {}),
  ...(appointment.cancellationReason ? { cancellationReason: appointment.cancellationReason } : {}),
  ...(appointment.call
    ? {
        call: {
          startedAt: iso(appointment.call.startedAt),
          endedAt: iso(appointment.call.endedAt),
          durationSeconds: appointment.call.durationSeconds,
        },
      }
    : {}),
});

/** Leaves out what no answer shows, the 48 patient-time keys above all. */
export const APPOINTMENT_VIEW_FIELDS = { outbox: 0, patientBusy: 0, statusHistory: 0 } as const;
