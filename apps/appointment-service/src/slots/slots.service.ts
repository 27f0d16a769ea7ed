import { Injectable } from '@nestjs/common';
import { DomainError, type SlotListMessage, type SlotListView } from '@arogyam/contracts';
import { AvailabilityService } from '../availability/availability.service';
import { DoctorHeldTimes, type HeldTime } from './doctor-held-times';
import { slotsBetween, slotStartingAt, type CalculatedSlot } from './slot-calculator';

/** The longest range one slot listing covers: a month view. */
const MAX_RANGE_DAYS = 31;

@Injectable()
export class SlotsService {
  constructor(
    private readonly availability: AvailabilityService,
    private readonly heldTimes: DoctorHeldTimes,
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
    const schedule = await this.availability.find(message.doctorId);
    if (!schedule) return { slots: [] };
    const held = this.heldTimes.between(message.doctorId, from, to);
    const now = Date.now();
    return {
      slots: slotsBetween(schedule, from, to).map((slot) => ({
        ...slot,
        available: new Date(slot.startAt).getTime() > now && !held.some((time) => overlaps(slot, time)),
      })),
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

const overlaps = (slot: CalculatedSlot, time: HeldTime): boolean =>
  new Date(slot.startAt) < time.endAt && time.startAt < new Date(slot.endAt);
