import { Injectable } from '@nestjs/common';
import type { NextFreeSlotsMessage, NextFreeSlotsView } from '@arogyam/contracts';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { AvailabilityRepository } from '../availability/availability.repository';
import { ScheduleCache } from '../availability/schedule-cache';
import { heldIntervals, isFree } from './free-slots';
import { isoInstant } from './iso-instant';
import { slotStartsBetween } from './slot-calculator';

/** How far ahead "next available" looks: a search card says "none in two weeks" rather than search further. */
export const NEXT_FREE_LOOKAHEAD_DAYS = 14;

/**
 * Each doctor's first free slot in the next two weeks, for search cards and profiles, and for
 * doctor-service's copy (NextFreeAnnouncer). Per doctor: the schedule by `_id` and the held times
 * of those days (the `{doctorId, startDay}` index), as a slot listing reads them; the doctors of a
 * page side by side. Reads the schedule through the cache (a booking announces its doctor's next
 * free slot), not AvailabilityService, which announces through this.
 */
@Injectable()
export class NextFreeSlotsService {
  constructor(
    private readonly availabilities: AvailabilityRepository,
    private readonly schedules: ScheduleCache,
    private readonly appointments: AppointmentRepository,
  ) {}

  async find(message: NextFreeSlotsMessage): Promise<NextFreeSlotsView> {
    const now = new Date();
    const doctorIds = [...new Set(message.doctorIds)];
    const found = await Promise.all(doctorIds.map((doctorId) => this.firstFree(doctorId, now)));
    return {
      nextFree: Object.fromEntries(doctorIds.map((doctorId, i) => [doctorId, found[i]])),
      lookaheadDays: NEXT_FREE_LOOKAHEAD_DAYS,
    };
  }

  /** The start of the doctor's first free slot from `from` on within the lookahead, or null. */
  async firstFree(doctorId: string, from: Date): Promise<string | null> {
    const to = new Date(from.getTime() + NEXT_FREE_LOOKAHEAD_DAYS * 86_400_000);
    const [schedule, heldTimes] = await Promise.all([
      this.schedules.scheduleOf(doctorId, () => this.availabilities.findByDoctor(doctorId)),
      this.appointments.heldTimesOf(doctorId, from, to),
    ]);
    if (!schedule) return null;
    const held = heldIntervals(heldTimes);
    const lengthMs = schedule.slotMinutes * 60_000;
    const now = from.getTime();
    const start = slotStartsBetween(schedule, from, to).find((s) => isFree(s, s + lengthMs, held, now));
    return start === undefined ? null : isoInstant(start);
  }
}
