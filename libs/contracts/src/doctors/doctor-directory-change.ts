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

/**
 * Plain NATS, like the above: "this doctor's first free slot, as search knows it, changed". Only
 * the search answers that depend on free times (filtered by availability, sorted by soonest) are
 * dropped: a booking should not empty every gateway's cache of every other search.
 */
export const DOCTOR_FREE_TIMES_CHANGED = 'doctor.directory.free_times_changed';
