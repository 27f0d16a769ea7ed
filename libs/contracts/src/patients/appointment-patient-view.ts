import type { Gender } from './patient-profile-fields.dto';

/**
 * What the doctor of an appointment sees of its patient (`GET /api/appointments/:id/patient`):
 * how to reach them and what a consultation needs to know. `age` in whole years today, from
 * `dateOfBirth`; fields the patient did not give are absent.
 */
export interface AppointmentPatientView {
  id: string;
  fullName: string;
  email: string;
  phone?: string;
  dateOfBirth?: string;
  age?: number;
  gender?: Gender;
}
