import type { AppointmentView, CallRecordView } from '@arogyam/contracts';
import type { Appointment, CallRecord } from './appointment.schema';

export type StoredAppointment = Omit<Appointment, 'outbox'>;

/** What a view is made of: no keys needed, so a booking is shown before its keys are added. */
type ShownAppointment = Omit<
  StoredAppointment,
  'startDay' | 'doctorSlotKey' | 'waitingChangedAt' | 'callCount'
>;

const iso = (value: Date | string): string => new Date(value).toISOString();

export const toCallRecordView = (call: CallRecord): CallRecordView => ({
  id: call.id,
  outcome: call.outcome,
  ringingAt: iso(call.ringingAt),
  ...(call.startedAt ? { startedAt: iso(call.startedAt) } : {}),
  endedAt: iso(call.endedAt),
  durationSeconds: call.durationSeconds,
  joined: [...call.joined],
});

/** API.md's appointment; also the payload of every `evt.appointment.*` event. */
export const toAppointmentView = (appointment: ShownAppointment): AppointmentView => ({
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
  // Oldest first, whatever order their events were handled in (each outcome has its own consumer).
  ...(appointment.calls?.length
    ? {
        calls: [...appointment.calls]
          .sort((a, b) => a.ringingAt.getTime() - b.ringingAt.getTime())
          .map(toCallRecordView),
      }
    : {}),
  ...(appointment.waitingSince ? { waitingSince: iso(appointment.waitingSince) } : {}),
});
