import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, UpdateQuery } from 'mongoose';
import {
  AppointmentEventTypes,
  CancelAppointmentBody,
  DomainError,
  RescheduleAppointmentBody,
  SetAppointmentStatusBody,
  type RecordCallMessage,
  type Actor,
  type AppointmentEventType,
  type AppointmentStatus,
  type AppointmentView,
  isDuplicateKey,
} from '@arogyam/contracts';
import { createEvent, validateMessagePart } from '@arogyam/messaging';
import { toOutboxEntry } from '@arogyam/persistence';
import { AppointmentServiceConfig } from '../config/appointment-service.config';
import { DoctorHeldTimes } from '../slots/doctor-held-times';
import { DoctorSlotsNotice } from '../slots/doctor-slots-notice';
import { SlotsService } from '../slots/slots.service';
import { Appointment, type StatusChange } from './appointment.schema';
import { requireCareParty } from './appointment-access';
import { AppointmentOutbox } from './appointment-outbox';
import { AppointmentQueries } from './appointment-queries.service';
import { toAppointmentView, type StoredAppointment } from './appointment-views';
import { BookingService, SLOT_TAKEN } from './booking.service';
import { ChangeClaims } from './change-claims';
import { canMove, eventTypeFor, isActive } from './status-machine';
import { RELEASED_TIME, timeHeldBy } from './time-keys';

/** One change of an appointment, decided from the version it was read at. */
interface PlannedChange {
  /** Recorded on the change claim: `reschedule` or the new status. */
  name: string;
  set: Partial<Appointment>;
  /** The appointment stops being active: its slot and its patient's time are freed. */
  releasesTime: boolean;
  event: AppointmentEventType;
}

@Injectable()
export class AppointmentChangesService {
  constructor(
    @InjectModel(Appointment.name) private readonly appointments: Model<Appointment>,
    private readonly queries: AppointmentQueries,
    private readonly claims: ChangeClaims,
    private readonly slots: SlotsService,
    private readonly booking: BookingService,
    private readonly outbox: AppointmentOutbox,
    private readonly heldTimes: DoctorHeldTimes,
    private readonly slotsNotice: DoctorSlotsNotice,
    private readonly config: AppointmentServiceConfig,
  ) {}

  /**
   * Moves a booked appointment to another free slot of the same doctor in ONE update of its
   * start, end and time keys: the unique indexes take the new slot and free the old one at the
   * same instant, or refuse the whole update (409), so it never holds both or neither.
   */
  async reschedule(actor: Actor, body: unknown): Promise<AppointmentView> {
    const request = await validateMessagePart(RescheduleAppointmentBody, body);
    const startAt = new Date(request.startAt);
    return this.change(actor, request.appointmentId, async (current) => {
      if (current.status !== 'booked') {
        throw DomainError.conflict(`Only a booked appointment can be moved; this one is ${current.status}.`);
      }
      if (startAt.getTime() === current.startAt.getTime()) return undefined;
      const slot = await this.slots.bookableSlot(current.doctorId, startAt);
      if (this.slots.isHeld(current.doctorId, slot, current._id)) throw DomainError.conflict(SLOT_TAKEN);
      const moved = { startAt, endAt: new Date(slot.endAt) };
      return {
        name: 'reschedule',
        set: { ...moved, ...timeHeldBy({ ...current, ...moved }) },
        releasesTime: false,
        event: AppointmentEventTypes.rescheduled,
      };
    });
  }

  /** Frees the slot at once; inside LATE_CANCELLATION_HOURS of the start it is marked late. */
  async cancel(actor: Actor, body: unknown): Promise<AppointmentView> {
    const request = await validateMessagePart(CancelAppointmentBody, body);
    return this.change(actor, request.appointmentId, (current) =>
      this.cancellation(current, actor, request.reason),
    );
  }

  /** The status machine (status-machine.ts); a patient may only check in. Anything else is 409 and changes nothing. */
  async setStatus(actor: Actor, body: unknown): Promise<AppointmentView> {
    const { appointmentId, status } = await validateMessagePart(SetAppointmentStatusBody, body);
    return this.change(actor, appointmentId, (current) => {
      if (actor.role === 'patient' && status !== 'checked_in') {
        throw DomainError.forbidden(
          'A patient may only check in; the doctor moves the appointment on from there.',
        );
      }
      if (status === 'cancelled') return this.cancellation(current, actor);
      refuseIllegalMove(current.status, status);
      return { name: status, set: { status }, releasesTime: !isActive(status), event: eventTypeFor(status) };
    });
  }

  /**
   * Stores a finished video call (video-service, service to service). Only a video appointment
   * has one; the last call wins. Not a change of the appointment's state: no version, no event
   * (video-service publishes `evt.video.call_ended` itself).
   */
  async recordCall(call: RecordCallMessage): Promise<AppointmentView> {
    const current = await this.queries.get(call.appointmentId);
    if (current.mode !== 'video') {
      throw DomainError.unprocessable(
        `Only a video appointment records a call; this one is ${current.mode}.`,
      );
    }
    const recorded = {
      startedAt: new Date(call.startedAt),
      endedAt: new Date(call.endedAt),
      durationSeconds: call.durationSeconds,
    };
    await this.appointments.updateOne({ _id: call.appointmentId }, { $set: { call: recorded } }).exec();
    return {
      ...current,
      call: {
        startedAt: recorded.startedAt.toISOString(),
        endedAt: recorded.endedAt.toISOString(),
        durationSeconds: call.durationSeconds,
      },
    };
  }

  private cancellation(current: StoredAppointment, actor: Actor, reason?: string): PlannedChange {
    refuseIllegalMove(current.status, 'cancelled');
    const lateFrom = current.startAt.getTime() - this.config.LATE_CANCELLATION_HOURS * 3_600_000;
    return {
      name: 'cancelled',
      set: {
        status: 'cancelled',
        cancelledLate: Date.now() > lateFrom,
        cancelledBy: actor.role,
        ...(reason ? { cancellationReason: reason } : {}),
      },
      releasesTime: true,
      event: AppointmentEventTypes.cancelled,
    };
  }

  /**
   * Reads the appointment as the actor may see it (404 otherwise), plans the change from that
   * version, claims the version (409 if another change got it first), and writes the change,
   * its history entry and its event in one update filtered on the version. `undefined` from the
   * plan means there is nothing to change.
   */
  private async change(
    actor: Actor,
    appointmentId: string,
    plan: (current: StoredAppointment) => PlannedChange | undefined | Promise<PlannedChange | undefined>,
  ): Promise<AppointmentView> {
    requireCareParty(actor);
    const current = await this.queries.findVisible(actor, appointmentId);
    const change = await plan(current);
    if (!change) return toAppointmentView(current);
    const claim = await this.claims.claim(current, change.name, actor);
    const view = toAppointmentView({ ...current, ...change.set });
    try {
      await this.outbox.drain(appointmentId);
      const written = await this.appointments
        .updateOne(
          { _id: appointmentId, version: current.version },
          this.update(current, change, view, actor),
        )
        .exec();
      if (written.matchedCount === 0)
        throw DomainError.conflict('The appointment was changed meanwhile; reload it and try again.');
    } catch (error) {
      await this.claims.release(claim);
      if (isDuplicateKey(error))
        throw await this.booking.whyTaken({ doctorId: current.doctorId, startAt: new Date(view.startAt) });
      throw error;
    }
    await Promise.all([this.outbox.drain(appointmentId), this.heldTimes.changed(appointmentId)]);
    this.slotsNotice.changed(current.doctorId);
    return view;
  }

  private update(
    current: StoredAppointment,
    change: PlannedChange,
    view: AppointmentView,
    actor: Actor,
  ): UpdateQuery<Appointment> {
    const history: StatusChange | undefined = change.set.status
      ? { status: change.set.status, at: new Date(), by: actor.userId, role: actor.role }
      : undefined;
    return {
      $set: { ...change.set, version: current.version + 1 },
      ...(change.releasesTime ? { $unset: RELEASED_TIME } : {}),
      $push: {
        outbox: { $each: [toOutboxEntry(createEvent(change.event, view))] },
        ...(history ? { statusHistory: history } : {}),
      },
    };
  }
}

function refuseIllegalMove(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!canMove(from, to)) {
    throw DomainError.conflict(
      `An appointment that is ${from.replace('_', ' ')} cannot become ${to.replace('_', ' ')}.`,
    );
  }
}
