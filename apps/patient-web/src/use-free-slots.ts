import { nextDays, useAsync, type AsyncState, type Slot } from '@arogyam/ui';
import { api } from './session';

/** How far ahead a patient can pick a time. */
export const BOOKING_DAYS = 7;

/** A doctor's free slots for the next week, in time order as the server lists them. */
export function useFreeSlots(doctorId: string): AsyncState<Slot[]> {
  return useAsync(
    async (signal) => {
      const { slots } = await api.get<{ slots: Slot[] }>(`/doctors/${encodeURIComponent(doctorId)}/slots`, {
        query: { ...nextDays(BOOKING_DAYS) },
        signal,
      });
      return slots.filter((slot) => slot.available);
    },
    [doctorId],
  );
}
