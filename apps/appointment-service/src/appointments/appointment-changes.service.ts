import { Injectable } from '@nestjs/common';
import {
  AppointmentEventTypes,
  CancelAppointmentBody,
  DomainError,
  RescheduleAppointmentBody,
  SetAppointmentStatusBody,
  type Actor,
  type AppointmentEventType,
  type AppointmentStatus,
  type AppointmentView,
  isDuplicateKey,
} from '@arogyam/contracts';
import { createEvent, validateMessagePart } from '@arogyam/messaging';
import { InjectOutboxRelay, OutboxRelay, toOutboxEntry } from '@arogyam/persistence';
import { AppointmentServiceConfig } from '../config/appointment-service.config';
import type { PatientTime } from '../patient-days/day-holds';
import { PatientCalendar, type WrittenHolds } from '../patient-days/patient-calendar';
import { DoctorSlotsNotice } from '../slots/doctor-slots-notice';
import { AppointmentLiveNotice } from './appointment-live-notice';
import { SlotsService } from '../slots/slots.service';
import { Appointment, type StatusChange } from './appointment.schema';
import { AppointmentRepository, type AppointmentChange } from './appointment.repository';
import { requireCareParty } from './appointment-access';
import { AppointmentQueries } from './appointment-queries.service';
import { toAppointmentView, type StoredAppointment } from './appointment-views';
import { SLOT_TAKEN } from './booking.service';
import { canMove, eventTypeFor, isActive } from './status-machine';

/** One change of an appointment, decided from the version it was read at. */
interface PlannedChange {
  set: AppointmentChange['set'];
  /** A reschedule's new time. */
  moveTo?: { startAt: Date; endAt: Date };
  /** The appointment stops being active: its slot and its patient's time are freed. */
  freesTime: boolean;
  event: AppointmentEventType;
}

const CHANGED_AT_THE_SAME_MOMENT = 'The appointment was changed at the same moment; reload it and try again.';

@Injectable()
export class AppointmentChangesService {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly queries: AppointmentQueries,
    private readonly slots: SlotsService,
    private readonly patientCalendar: PatientCalendar,
    private readonly slotsNotice: DoctorSlotsNotice,
    private readonly liveNotice: AppointmentLiveNotice,
    private readonly config: AppointmentServiceConfig,
    @InjectOutboxRelay(Appointment.name) private readonly relay: OutboxRelay<Appointment>,
  ) {}

  /**
   * Moves a booked appointment to another free slot of the same doctor in ONE update of its
   * start, end and slot key: the unique index takes the new slot and frees the old one at the
   * same instant, or refuses the whole update (409), so it never holds both or neither. The
   * patient's new time is held before (409 if they have another appointment then), the old one
   * released after.
   */
  async reschedule(actor: Actor, body: unknown): Promise<AppointmentView> {
    const request = await validateMessagePart(RescheduleAppointmentBody, body);
    const startAt = new Date(request.startAt);
    return this.change(actor, request.appointmentId, async (current) => {
      if (current.status !== 'booked') {
        throw DomainError.conflict(`Only a booked appointment can be moved; this one is ${current.status}.`);
      }
      if (startAt.getTime() === current.startAt.getTime()) return undefined;
      const { slot, taken } = await this.slots.slotToBook(current.doctorId, startAt, current._id);
      if (taken) throw DomainError.conflict(SLOT_TAKEN, 'slot_taken');
      return {
        set: {},
        moveTo: { startAt, endAt: new Date(slot.endAt) },
        freesTime: false,
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
      return { set: { status }, freesTime: !isActive(status), event: eventTypeFor(status) };
    });
  }

  private cancellation(current: StoredAppointment, actor: Actor, reason?: string): PlannedChange {
    refuseIllegalMove(current.status, 'cancelled');
    const lateFrom = current.startAt.getTime() - this.config.LATE_CANCELLATION_HOURS * 3_600_000;
    return {
      set: {
        status: 'cancelled',
        cancelledLate: Date.now() > lateFrom,
        cancelledBy: actor.role,
        ...(reason ? { cancellationReason: reason } : {}),
      },
      freesTime: true,
      event: AppointmentEventTypes.cancelled,
    };
  }

  /**
   * Reads the appointment as the actor may see it (404 otherwise), plans the change from that
   * version, and writes the change, its history entry and its event in one update filtered on the
   * version: of concurrent changes from one version one matches, the others answer 409. Then the
   * patient's time it no longer needs is released, its event published (before the answer) and
   * the gateways told. `undefined` from the plan means there is nothing to change.
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
    const view = toAppointmentView({ ...current, ...change.set, ...change.moveTo });
    const newTime = change.moveTo
      ? await this.patientCalendar.hold({ ...patientTimeOf(current), ...change.moveTo })
      : undefined;
    await this.write(current, change, view, actor, newTime);
    if (change.moveTo || change.freesTime) await this.patientCalendar.release(patientTimeOf(current));
    // Reads the outbox, so that an event parked by an earlier failed publish goes out first.
    await this.relay.flush(appointmentId);
    this.slotsNotice.changed(current.doctorId);
    this.liveNotice.changed(view);
    return view;
  }

  /** The version-filtered update; when it does not happen, the new time's holds are given back. */
  private async write(
    current: StoredAppointment,
    change: PlannedChange,
    view: AppointmentView,
    actor: Actor,
    newTime: WrittenHolds | undefined,
  ): Promise<void> {
    const history: StatusChange | undefined = change.set.status
      ? { status: change.set.status, at: new Date(), by: actor.userId, role: actor.role }
      : undefined;
    let written: boolean;
    try {
      written = await this.appointments.applyChange(current, {
        set: change.set,
        moveTo: change.moveTo,
        freesSlot: change.freesTime,
        history,
        outbox: [toOutboxEntry(createEvent(change.event, view))],
      });
    } catch (error) {
      if (newTime) await this.patientCalendar.giveBack(newTime);
      if (isDuplicateKey(error)) throw DomainError.conflict(SLOT_TAKEN, 'slot_taken');
      throw error;
    }
    if (!written) {
      if (newTime) await this.patientCalendar.giveBack(newTime);
      throw DomainError.conflict(CHANGED_AT_THE_SAME_MOMENT, 'changed_concurrently');
    }
  }
}

/** The time the appointment holds on its patient's calendar. */
const patientTimeOf = (appointment: StoredAppointment): PatientTime => ({
  appointmentId: appointment._id,
  patientId: appointment.patientId,
  startAt: appointment.startAt,
  endAt: appointment.endAt,
});

function refuseIllegalMove(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!canMove(from, to)) {
    throw DomainError.conflict(
      `An appointment that is ${from.replace('_', ' ')} cannot become ${to.replace('_', ' ')}.`,
    );
  }
}
