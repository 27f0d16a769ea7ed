import { Injectable } from '@nestjs/common';
import { DomainError, type SlotListMessage, type SlotListView } from '@arogyam/contracts';
import { AvailabilityService } from '../availability/availability.service';
import { DoctorSchedules } from '../availability/doctor-schedules';
import { DoctorHeldTimes } from './doctor-held-times';
import { isoInstant } from './iso-instant';
import { slotStartingAt, slotStartsBetween, type CalculatedSlot } from './slot-calculator';

/** The longest range one slot listing covers: a month view. */
const MAX_RANGE_DAYS = 31;

@Injectable()
export class SlotsService {
  constructor(
    private readonly availability: AvailabilityService,
    private readonly schedules: DoctorSchedules,
    private readonly heldTimes: DoctorHeldTimes,
  ) {}

  /** A doctor without a schedule simply has no slots. */
  list(message: SlotListMessage): SlotListView {
    const from = new Date(message.from);
    const to = new Date(message.to);
    if (to <= from)
      throw DomainError.badRequest('The range is empty.', [{ field: 'to', problem: 'must be after from' }]);
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
      throw DomainError.badRequest('The range is too long.', [
        { field: 'to', problem: `must be at most ${MAX_RANGE_DAYS} days after from` },
      ]);
    }
    // What is shown comes from the in-memory schedule; booking checks the stored one.
    const schedule = this.schedules.of(message.doctorId);
    if (!schedule) return { slots: [] };
    const held = this.heldTimes
      .between(message.doctorId, from, to)
      .map((time) => [time.startAt.getTime(), time.endAt.getTime()] as const);
    const lengthMs = schedule.slotMinutes * 60_000;
    const now = Date.now();
    return {
      slots: slotStartsBetween(schedule, from, to).map((start) => {
        const end = start + lengthMs;
        return {
          startAt: isoInstant(start),
          endAt: isoInstant(end),
          available: start > now && !held.some(([heldFrom, heldTo]) => start < heldTo && heldFrom < end),
        };
      }),
    };
  }

  /**
   * The slot of the doctor's schedule that starts at `startAt`, if it can still be booked:
   * 422 when it has started or is no slot of the schedule.
   */
  async bookableSlot(doctorId: string, startAt: Date): Promise<CalculatedSlot> {
    if (startAt.getTime() <= Date.now()) {
      throw DomainError.unprocessable('That time has already passed; choose a future slot.');
    }
    const schedule = await this.availability.find(doctorId);
    const slot = schedule ? slotStartingAt(schedule, startAt) : undefined;
    if (!slot) throw DomainError.unprocessable("That is not a bookable slot of this doctor's schedule.");
    return slot;
  }

  /**
   * Whether an active appointment of the doctor other than `exceptId` overlaps the slot. The
   * unique slot key already refuses a second appointment at the same start; this catches one at
   * another start, left from before the doctor changed their slot length.
   */
  isHeld(doctorId: string, slot: CalculatedSlot, exceptId?: string): boolean {
    const held = this.heldTimes.between(doctorId, new Date(slot.startAt), new Date(slot.endAt));
    return held.some((time) => time.appointmentId !== exceptId);
  }
}
