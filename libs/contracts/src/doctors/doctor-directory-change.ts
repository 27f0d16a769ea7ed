/**
 * Plain NATS (no queue group, at most once): "this doctor's listing changed". doctor-service
 * instances refresh that doctor in their search directory; gateways drop cached search answers.
 */
export const DOCTOR_DIRECTORY_CHANGED = 'doctor.directory.changed';

export interface DoctorDirectoryChange {
  doctorId: string;
  /** The instance that made the change (it has already refreshed itself). */
  origin: string;
}
