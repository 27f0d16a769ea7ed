import type { ApiClient } from '../api/api-client';
import { nullIfNotFound } from '../api/not-found';
import type { AppointmentReview } from '../api/types';
import { useAsync, type AsyncState } from '../hooks/use-async';

/** The patient's review of an appointment; null while there is none. */
export function useAppointmentReview(
  api: ApiClient,
  appointmentId: string,
): AsyncState<AppointmentReview | null> {
  return useAsync(
    (signal) =>
      nullIfNotFound(
        api.get<AppointmentReview>(`/appointments/${encodeURIComponent(appointmentId)}/review`, { signal }),
      ),
    [appointmentId],
  );
}
