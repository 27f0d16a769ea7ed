import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AppointmentEventTypes,
  BookAppointmentDto,
  DomainError,
  requireRole,
  type Actor,
  type AppointmentView,
  isDuplicateKey,
} from '@arogyam/contracts';
import { createEvent, validateMessagePart } from '@arogyam/messaging';
import { AuditTrail, InjectOutboxRelay, OutboxRelay, toOutboxEntry } from '@arogyam/persistence';
import { PatientCalendar } from '../patient-days/patient-calendar';
import { DoctorSlotsNotice } from '../slots/doctor-slots-notice';
import { AppointmentLiveNotice } from './appointment-live-notice';
import { SlotsService } from '../slots/slots.service';
import { Appointment } from './appointment.schema';
import { AppointmentRepository, type NewAppointment } from './appointment.repository';
import { toAppointmentView } from './appointment-views';
import { ProfileDirectory } from './profile-directory';

export const SLOT_TAKEN = 'That slot is taken; please choose another.';

@Injectable()
export class BookingService {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly slots: SlotsService,
    private readonly profiles: ProfileDirectory,
    private readonly patientCalendar: PatientCalendar,
    private readonly slotsNotice: DoctorSlotsNotice,
    private readonly liveNotice: AppointmentLiveNotice,
    @InjectOutboxRelay(Appointment.name) private readonly relay: OutboxRelay<Appointment>,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Books a future slot of a listed doctor for the calling patient. The patient's time is held
   * first (patient-calendar.ts: 409 if they already have an appointment then); then the
   * appointment, its slot key and its `evt.appointment.booked` event are one insert, in which the
   * unique slot key decides between concurrent bookings of the slot. A refused insert gives the
   * patient's time back. The event reaches JetStream before the answer.
   */
  async book(actor: Actor, body: unknown): Promise<AppointmentView> {
    requireRole(actor, 'patient');
    const request = await validateMessagePart(BookAppointmentDto, body);
    const startAt = new Date(request.startAt);
    // Asked side by side; a refusal is answered in this order (who, then when, then the profile).
    const [doctor, { slot, taken }, patient] = await firstRefusalOf(
      this.profiles.bookableDoctor(request.doctorId),
      this.slots.slotToBook(request.doctorId, startAt),
      this.profiles.patient(actor.userId),
    );
    if (taken) throw DomainError.conflict(SLOT_TAKEN, 'slot_taken');

    const now = new Date();
    const appointment: NewAppointment = {
      _id: randomUUID(),
      doctorId: doctor.id,
      patientId: patient.id,
      doctor,
      patient,
      startAt,
      endAt: new Date(slot.endAt),
      mode: request.mode,
      ...(request.reason ? { reason: request.reason } : {}),
      status: 'booked',
      statusHistory: [{ status: 'booked', at: now, by: actor.userId, role: actor.role }],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const patientHolds = await this.patientCalendar.hold({
      appointmentId: appointment._id,
      patientId: patient.id,
      startAt,
      endAt: appointment.endAt,
    });
    const view = toAppointmentView(appointment);
    const reasonGiven = this.audit.eventsFor(
      ...(appointment.reason
        ? [
            {
              actor,
              patientId: patient.id,
              kind: 'appointment_reason' as const,
              resourceId: appointment._id,
              action: 'create' as const,
              outcome: 'allowed' as const,
            },
          ]
        : []),
    );
    const outbox = [createEvent(AppointmentEventTypes.booked, view), ...reasonGiven].map(toOutboxEntry);
    try {
      await this.appointments.book(appointment, outbox);
    } catch (error) {
      await this.patientCalendar.giveBack(patientHolds);
      // The only unique key a fresh appointment can meet is the doctor's slot.
      if (isDuplicateKey(error)) throw DomainError.conflict(SLOT_TAKEN, 'slot_taken');
      throw error;
    }
    // The events exactly as just inserted: published and cleared without reading them back.
    await this.relay.flushWritten(appointment._id, outbox);
    this.slotsNotice.changed(doctor.id, startAt);
    this.liveNotice.changed(view);
    return view;
  }
}

/** Waits for all; the first rejection in argument order (not in time) is the answer. */
async function firstRefusalOf<A, B, C>(a: Promise<A>, b: Promise<B>, c: Promise<C>): Promise<[A, B, C]> {
  const settled = await Promise.allSettled([a, b, c]);
  for (const result of settled) if (result.status === 'rejected') throw result.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as [A, B, C];
}
