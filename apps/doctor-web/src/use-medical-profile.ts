import { useAsync, type AsyncState, type MedicalProfile } from '@arogyam/ui';
import { api } from './session';

/**
 * The appointment's patient's medical profile, loaded only when `wanted` (each load is a read in
 * the patient's audit trail): `null` when not wanted.
 */
export function useMedicalProfile(appointmentId: string, wanted: boolean): AsyncState<MedicalProfile | null> {
  return useAsync(
    (signal) =>
      wanted
        ? api.get<MedicalProfile>(`/appointments/${encodeURIComponent(appointmentId)}/medical-profile`, {
            signal,
          })
        : Promise.resolve(null),
    [appointmentId, wanted],
  );
}
