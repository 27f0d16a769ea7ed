/**
 * appointment-service's answer to `appointment.patient.names_for_doctor` (message: `{actor}`, a
 * doctor): the distinct names of that doctor's patients, as booked, from their latest
 * DOCTOR_PATIENT_NAMES_SCAN appointments. Only the case study check asks; the names never leave
 * doctor-service.
 */
export interface DoctorPatientNames {
  names: string[];
}

/** How many of the doctor's latest appointments are read for names: a bound on the work per submission. */
export const DOCTOR_PATIENT_NAMES_SCAN = 2000;
