/**
 * The time as the service sees it. Everything that decides by the time (reminders falling due,
 * claim times, notification times) asks this provider, so tests can move time forward instead of
 * waiting a day.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
