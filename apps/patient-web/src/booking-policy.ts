import { useAsync, type AsyncState, type BookingPolicyView } from '@arogyam/ui';
import { api } from './session';
import { BOOKING_DAYS } from './use-free-slots';

/** One read per page load: the rules change with a deployment, not while a patient books. */
let policy: Promise<BookingPolicyView> | undefined;

/** appointment-service's cancellation window and booking horizon (`GET /api/booking-policy`). */
export function useBookingPolicy(): AsyncState<BookingPolicyView> {
  return useAsync(() => {
    policy ??= api.get<BookingPolicyView>('/booking-policy').catch((error: unknown) => {
      policy = undefined; // asked again on the next page that needs it
      throw error;
    });
    return policy;
  }, []);
}

/** The last week of the slot picker (0 = the coming seven days) inside the booking horizon. */
export function useLastBookableWeek(): number {
  const policy = useBookingPolicy();
  return Math.max(0, Math.floor((policy.data?.bookingHorizonDays ?? BOOKING_DAYS) / BOOKING_DAYS) - 1);
}
