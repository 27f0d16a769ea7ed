import { browserTimeZone, type Availability, type AvailabilityChanges, type Weekday } from '@arogyam/ui';

/** One working window of a weekday, 'HH:mm' in the availability's zone; `key` only tells rows apart. */
export interface TimeWindow {
  key: number;
  start: string;
  end: string;
}

/** The availability as the editor holds it: typed text, windows grouped by weekday. */
export interface AvailabilityDraft {
  timezone: string;
  slotMinutes: string;
  days: Record<Weekday, TimeWindow[]>;
  /** YYYY-MM-DD dates marked unavailable. */
  exceptions: string[];
}

export const WEEKDAYS: readonly { weekday: Weekday; label: string }[] = [
  { weekday: 1, label: 'Monday' },
  { weekday: 2, label: 'Tuesday' },
  { weekday: 3, label: 'Wednesday' },
  { weekday: 4, label: 'Thursday' },
  { weekday: 5, label: 'Friday' },
  { weekday: 6, label: 'Saturday' },
  { weekday: 7, label: 'Sunday' },
];

const DEFAULT_SLOT_MINUTES = 30;

let lastKey = 0;

export function newWindow(start = '', end = ''): TimeWindow {
  lastKey += 1;
  return { key: lastKey, start, end };
}

/** The saved availability, or a blank week in the doctor's own zone when none was saved yet. */
export function draftFrom(availability: Availability | null): AvailabilityDraft {
  const days = Object.fromEntries(
    WEEKDAYS.map(({ weekday }) => [weekday, [] as TimeWindow[]]),
  ) as AvailabilityDraft['days'];
  for (const window of availability?.weekly ?? []) {
    // An unknown weekday from a newer server has no row here.
    days[window.weekday as Weekday]?.push(newWindow(window.start, window.end));
  }
  return {
    timezone: availability?.timezone ?? browserTimeZone(),
    slotMinutes: String(availability?.slotMinutes ?? DEFAULT_SLOT_MINUTES),
    days,
    exceptions: (availability?.exceptions ?? []).map((exception) => exception.date),
  };
}

/** The PUT body: windows in weekday order, so `weekly.N` in a server error is the N-th window shown. */
export function availabilityFrom(draft: AvailabilityDraft): AvailabilityChanges {
  return {
    timezone: draft.timezone,
    slotMinutes: Number(draft.slotMinutes),
    weekly: WEEKDAYS.flatMap(({ weekday }) =>
      draft.days[weekday].map(({ start, end }) => ({ weekday, start, end })),
    ),
    exceptions: draft.exceptions.map((date) => ({ date, unavailable: true as const })),
  };
}

/** Where a weekday's windows start in the PUT body's `weekly` list. */
export function firstIndexOf(draft: AvailabilityDraft, weekday: Weekday): number {
  return WEEKDAYS.filter((day) => day.weekday < weekday).reduce(
    (count, day) => count + draft.days[day.weekday].length,
    0,
  );
}
