import { Injectable } from '@nestjs/common';
import type { NextFreeSlotsMessage, NextFreeSlotsView } from '@arogyam/contracts';
import { AppointmentRepository, type HeldTime } from '../appointments/appointment.repository';
import { AvailabilityRepository } from '../availability/availability.repository';
import type { Availability } from '../availability/availability.schema';
import { ScheduleCache } from '../availability/schedule-cache';
import { heldIntervals, isFree } from './free-slots';
import { isoInstant } from './iso-instant';
import { slotStartsBetween } from './slot-calculator';

/** How far ahead "next available" looks: a search card says "none in two weeks" rather than search further. */
export const NEXT_FREE_LOOKAHEAD_DAYS = 14;

/**
 * Each doctor's first free slot in the next two weeks, for search cards and profiles, and for
 * doctor-service's copy (NextFreeAnnouncer). The schedules (those not cached, by `_id $in`) and the
 * held times of those days as a slot listing reads them (the `{doctorId, startDay}` index), each
 * for all the doctors asked in one query: a search page's 12 cost two statements, not 24. Reads
 * the schedule through the cache (a booking announces its doctor's next free slot), not
 * AvailabilityService, which announces through this.
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
    const [schedules, held] = await Promise.all([
      this.schedules.schedulesOf(doctorIds, (missing) => this.availabilities.findByDoctors(missing)),
      this.appointments.heldTimesOfDoctors(doctorIds, now, lookaheadEnd(now)),
    ]);
    return {
      nextFree: Object.fromEntries(
        doctorIds.map((doctorId, i) => [doctorId, firstFreeIn(schedules[i], held.get(doctorId) ?? [], now)]),
      ),
      lookaheadDays: NEXT_FREE_LOOKAHEAD_DAYS,
    };
  }

  /** The start of the doctor's first free slot from `from` on within the lookahead, or null. */
  async firstFree(doctorId: string, from: Date): Promise<string | null> {
    const [schedule, heldTimes] = await Promise.all([
      this.scheduleOf(doctorId),
      this.appointments.heldTimesOf(doctorId, from, lookaheadEnd(from)),
    ]);
    return firstFreeIn(schedule, heldTimes, from);
  }

  private scheduleOf(doctorId: string): Promise<Availability | null> {
    return this.schedules.scheduleOf(doctorId, () => this.availabilities.findByDoctor(doctorId));
  }
}

const lookaheadEnd = (from: Date): Date => new Date(from.getTime() + NEXT_FREE_LOOKAHEAD_DAYS * 86_400_000);

/** The first slot of the schedule from `from` on within the lookahead that no held time takes, or null. */
function firstFreeIn(schedule: Availability | null, heldTimes: HeldTime[], from: Date): string | null {
  if (!schedule) return null;
  const held = heldIntervals(heldTimes);
  const lengthMs = schedule.slotMinutes * 60_000;
  const now = from.getTime();
  const start = slotStartsBetween(schedule, from, lookaheadEnd(from)).find((s) =>
    isFree(s, s + lengthMs, held, now),
  );
  return start === undefined ? null : isoInstant(start);
}
