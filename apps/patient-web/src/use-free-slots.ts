import { useAsync, type AsyncState, type Slot } from '@arogyam/ui';
import { api } from './session';

/** One page of the slot picker: a week of the patient's local days. */
export const BOOKING_DAYS = 7;

const HOUR_MS = 3_600_000;

/**
 * The `week`-th week from today as ISO instants: week 0 from the start of this hour (so patients
 * viewing a doctor within the same hour share the gateway's cached listing) to the end of the
 * 7th local day; later weeks from local midnight to local midnight.
 */
export function weekRange(week: number, now = new Date()): { from: string; to: string } {
  const dayStart = (offset: number) => {
    const day = new Date(now);
    day.setHours(0, 0, 0, 0);
    day.setDate(day.getDate() + offset);
    return day;
  };
  const from =
    week === 0 ? new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS) : dayStart(week * BOOKING_DAYS);
  return { from: from.toISOString(), to: dayStart((week + 1) * BOOKING_DAYS).toISOString() };
}

/** Which week of the picker holds an instant (0 = the coming seven days). */
export function weekOf(instant: string, now = new Date()): number {
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  const day = new Date(instant);
  day.setHours(0, 0, 0, 0);
  return Math.max(0, Math.floor(Math.round((day.getTime() - today.getTime()) / 86_400_000) / BOOKING_DAYS));
}

/** A doctor's free slots in one week, in time order as the server lists them. */
export function useFreeSlots(doctorId: string, week: number): AsyncState<Slot[]> {
  return useAsync(
    async (signal) => {
      const { slots } = await api.get<{ slots: Slot[] }>(`/doctors/${encodeURIComponent(doctorId)}/slots`, {
        query: { ...weekRange(week) },
        signal,
      });
      return slots.filter((slot) => slot.available);
    },
    [doctorId, week],
  );
}
