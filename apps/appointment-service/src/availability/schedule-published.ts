import { ScheduleEventTypes, type SchedulePublishedEvent } from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import type { Schedule } from './availability.repository';

/** `evt.appointment.schedule_published`: the doctor's hours as they stand from now on (for analytics). */
export const schedulePublished = (doctorId: string, schedule: Schedule): SchedulePublishedEvent =>
  createEvent(ScheduleEventTypes.published, {
    doctorId,
    timezone: schedule.timezone,
    slotMinutes: schedule.slotMinutes,
    weekly: schedule.weekly.map(({ weekday, start, end }) => ({ weekday, start, end })),
    unavailableDates: (schedule.exceptions ?? []).map(({ date }) => date),
  });
