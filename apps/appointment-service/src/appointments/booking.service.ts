import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
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
import { toOutboxEntry } from '@arogyam/persistence';
import { DoctorHeldTimes } from '../slots/doctor-held-times';
import { DoctorSlotsNotice } from '../slots/doctor-slots-notice';
import { SlotsService } from '../slots/slots.service';
import { Appointment } from './appointment.schema';
import { AppointmentOutbox } from './appointment-outbox';
import { toAppointmentView, type StoredAppointment } from './appointment-views';
import { ProfileDirectory } from './profile-directory';
import { doctorSlotKey, timeHeldBy } from './time-keys';

export const SLOT_TAKEN = 'That slot is taken; please choose another.';
export const PATIENT_BUSY = 'You already have an appointment at that time.';

@Injectable()
export class BookingService {
  constructor(
    @InjectModel(Appointment.name) private readonly appointments: Model<Appointment>,
    private readonly slots: SlotsService,
    private readonly profiles: ProfileDirectory,
    private readonly outbox: AppointmentOutbox,
    private readonly heldTimes: DoctorHeldTimes,
    private readonly slotsNotice: DoctorSlotsNotice,
  ) {}

  /**
   * Books a future slot of a listed doctor for the calling patient. The appointment, the keys
   * that hold its time and its `evt.appointment.booked` event are one insert: the unique indexes
   * decide between concurrent bookings, and a refused insert leaves nothing behind.
   */
  async book(actor: Actor, body: unknown): Promise<AppointmentView> {
    requireRole(actor, 'patient');
    const request = await validateMessagePart(BookAppointmentDto, body);
    const startAt = new Date(request.startAt);
    const doctor = await this.profiles.bookableDoctor(request.doctorId);
    const slot = await this.slots.bookableSlot(doctor.id, startAt);
    const patient = await this.profiles.patient(actor.userId);
    if (this.slots.isHeld(doctor.id, slot)) throw DomainError.conflict(SLOT_TAKEN);

    const now = new Date();
    const appointment: StoredAppointment = {
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
    const view = toAppointmentView(appointment);
    const event = createEvent(AppointmentEventTypes.booked, view);
    try {
      await this.appointments.create({
        ...appointment,
        ...timeHeldBy(appointment),
        outbox: [toOutboxEntry(event)],
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw await this.whyTaken(appointment);
      throw error;
    }
    await Promise.all([this.outbox.drain(appointment._id), this.heldTimes.changed(appointment._id)]);
    this.slotsNotice.changed(doctor.id);
    return view;
  }

  /**
   * Which invariant refused the booking, for the message only (FerretDB does not name the index
   * on an insert). The refusal itself was the index's.
   */
  async whyTaken(appointment: Pick<Appointment, 'doctorId' | 'startAt'>): Promise<DomainError> {
    const slotHolder = await this.appointments
      .exists({ doctorSlotKey: doctorSlotKey(appointment.doctorId, appointment.startAt) })
      .exec();
    return DomainError.conflict(slotHolder ? SLOT_TAKEN : PATIENT_BUSY);
  }
}
