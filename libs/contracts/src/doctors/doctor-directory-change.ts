/**
 * Plain NATS (no queue group, at most once): "this doctor's listing changed". Sent by the
 * doctor-service instance that changed a listing, before it answers; gateways drop their cached
 * search answers on it, appointment-service its cached profile of the doctor.
 */
export const DOCTOR_DIRECTORY_CHANGED = 'doctor.directory.changed';

/** The notice's body: the doctor, and the instance that changed them. */
export interface DoctorDirectoryChange {
  id: string;
  origin: string;
}
