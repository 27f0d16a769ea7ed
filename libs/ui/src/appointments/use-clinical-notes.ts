import type { ApiClient } from '../api/api-client';
import { nullIfNotFound } from '../api/not-found';
import type { ClinicalNotes } from '../api/types';
import { useAsync, type AsyncState } from '../hooks/use-async';

/** An appointment's SOAP notes; null when there are none (for a patient: none shared yet). */
export function useClinicalNotes(api: ApiClient, appointmentId: string): AsyncState<ClinicalNotes | null> {
  return useAsync(
    (signal) =>
      nullIfNotFound(
        api.get<ClinicalNotes>(`/appointments/${encodeURIComponent(appointmentId)}/notes`, { signal }),
      ),
    [appointmentId],
  );
}
