import { Injectable } from '@nestjs/common';
import {
  DomainError,
  requireRole,
  SetAvailabilityDto,
  type Actor,
  type AvailabilityView,
} from '@arogyam/contracts';
import { validateMessagePart } from '@arogyam/messaging';
import { InjectOutboxRelay, OutboxRelay } from '@arogyam/persistence';
import { DoctorSlotsNotice } from '../slots/doctor-slots-notice';
import { Availability } from './availability.schema';
import { AvailabilityRepository } from './availability.repository';
import { ScheduleCache } from './schedule-cache';
import { schedulePublished } from './schedule-published';
import { scheduleProblems } from './schedule-rules';

const toAvailabilityView = (availability: Availability): AvailabilityView => ({
  doctorId: availability._id,
  timezone: availability.timezone,
  slotMinutes: availability.slotMinutes,
  weekly: availability.weekly.map(({ weekday, start, end }) => ({ weekday, start, end })),
  exceptions: (availability.exceptions ?? []).map(({ date }) => ({ date, unavailable: true as const })),
});

@Injectable()
export class AvailabilityService {
  constructor(
    private readonly availabilities: AvailabilityRepository,
    private readonly slotsNotice: DoctorSlotsNotice,
    private readonly schedules: ScheduleCache,
    @InjectOutboxRelay(Availability.name) private readonly relay: OutboxRelay<Availability>,
  ) {}

  /**
   * Replaces the doctor's whole schedule in one write. Booked appointments keep their times: a
   * new schedule changes which slots are offered from now on, not what was agreed.
   */
  async set(actor: Actor, body: unknown): Promise<AvailabilityView> {
    requireRole(actor, 'doctor');
    const schedule = await validateMessagePart(SetAvailabilityDto, body);
    const problems = scheduleProblems(schedule);
    if (problems.length > 0) throw DomainError.badRequest('The schedule does not fit together.', problems);
    const { timezone, slotMinutes, weekly, exceptions = [] } = schedule;
    const replacement = { timezone, slotMinutes, weekly, exceptions };
    // The published hours, for analytics' utilisation (booked against published time).
    const stored = await this.availabilities.replace(
      actor.userId,
      replacement,
      schedulePublished(actor.userId, replacement),
    );
    void this.relay.flush(actor.userId);
    this.schedules.changed(actor.userId);
    this.slotsNotice.changed(actor.userId);
    return toAvailabilityView(stored);
  }

  async get(doctorId: string): Promise<AvailabilityView> {
    return toAvailabilityView(await this.require(doctorId));
  }

  /** The stored schedule (kept a while: schedule-cache.ts), or null if the doctor has published none. */
  find(doctorId: string): Promise<Availability | null> {
    return this.schedules.scheduleOf(doctorId, () => this.availabilities.findByDoctor(doctorId));
  }

  async require(doctorId: string): Promise<Availability> {
    const availability = await this.find(doctorId);
    if (!availability) throw DomainError.notFound('This doctor has not published their availability yet.');
    return availability;
  }
}
