import { Injectable } from '@nestjs/common';
import { DomainError, type SlotListMessage, type SlotListView } from '@arogyam/contracts';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { AvailabilityService } from '../availability/availability.service';
import { AppointmentServiceConfig } from '../config/appointment-service.config';
import { LONGEST_SLOT_MS } from '../availability/schedule-rules';
import { heldIntervals, isFree } from './free-slots';
import { isoInstant } from './iso-instant';
import { slotStartingAt, slotStartsBetween, type CalculatedSlot } from './slot-calculator';

/** The longest range one slot listing covers: a month view. */
const MAX_RANGE_DAYS = 31;

/**
 * A doctor's slots, laid out from the stored schedule (by `_id`, kept until the doctor changes it:
 * availability/schedule-cache.ts) and marked taken from the active appointments that overlap them
 * (read by the doctor's UTC days from the database on every listing and booking, so every instance
 * sees every booking at once).
 */
@Injectable()
export class SlotsService {
  constructor(
    private readonly availability: AvailabilityService,
    private readonly appointments: AppointmentRepository,
    private readonly config: AppointmentServiceConfig,
  ) {}

  /** A doctor without a schedule simply has no slots. */
  async list(message: SlotListMessage): Promise<SlotListView> {
    const from = new Date(message.from);
    const to = new Date(message.to);
    if (to <= from)
      throw DomainError.badRequest('The range is empty.', [{ field: 'to', problem: 'must be after from' }]);
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
      throw DomainError.badRequest('The range is too long.', [
        { field: 'to', problem: `must be at most ${MAX_RANGE_DAYS} days after from` },
      ]);
    }
    const [schedule, heldTimes] = await Promise.all([
      this.availability.find(message.doctorId),
      this.appointments.heldTimesOf(message.doctorId, from, to),
    ]);
    if (!schedule) return { slots: [] };
    const held = heldIntervals(heldTimes);
    const lengthMs = schedule.slotMinutes * 60_000;
    const now = Date.now();
    return {
      slots: slotStartsBetween(schedule, from, to).map((start) => {
        const end = start + lengthMs;
        return {
          startAt: isoInstant(start),
          endAt: isoInstant(end),
          available: isFree(start, end, held, now),
        };
      }),
    };
  }

  /**
   * The slot of the doctor's schedule that starts at `startAt` if it can still be booked (422 when
   * it has started or is no slot of the schedule), and whether an active appointment other than
   * `exceptId` overlaps it. The unique slot key already refuses a second appointment at the same
   * start; `taken` also catches one at another start, left from before the doctor changed their
   * slot length. Schedule and appointments are read side by side: no slot is longer than
   * LONGEST_SLOT_MS, so whatever overlaps the slot overlaps that much time from its start.
   */
  async slotToBook(
    doctorId: string,
    startAt: Date,
    exceptId?: string,
  ): Promise<{ slot: CalculatedSlot; taken: boolean }> {
    const [slot, nearby] = await Promise.all([
      this.bookableSlot(doctorId, startAt),
      this.appointments.heldTimesOf(doctorId, startAt, new Date(startAt.getTime() + LONGEST_SLOT_MS)),
    ]);
    const [slotStart, slotEnd] = [Date.parse(slot.startAt), Date.parse(slot.endAt)];
    const taken = nearby.some(
      (time) =>
        time.appointmentId !== exceptId &&
        time.startAt.getTime() < slotEnd &&
        slotStart < time.endAt.getTime(),
    );
    return { slot, taken };
  }

  private async bookableSlot(doctorId: string, startAt: Date): Promise<CalculatedSlot> {
    if (startAt.getTime() <= Date.now()) {
      throw DomainError.unprocessable('That time has already passed; choose a future slot.');
    }
    const horizonDays = this.config.BOOKING_HORIZON_DAYS;
    if (startAt.getTime() > Date.now() + horizonDays * 86_400_000) {
      throw DomainError.unprocessable(`Slots can be booked at most ${horizonDays} days ahead.`);
    }
    const schedule = await this.availability.find(doctorId);
    const slot = schedule ? slotStartingAt(schedule, startAt) : undefined;
    if (!slot) throw DomainError.unprocessable("That is not a bookable slot of this doctor's schedule.");
    return slot;
  }
}
