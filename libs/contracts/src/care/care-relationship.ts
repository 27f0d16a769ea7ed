import type {
  AppointmentMode,
  AppointmentStatus,
  AppointmentView,
  ClinicalNotesView,
} from '../appointments/appointment-views';
import type { PrescriptionItem } from '../prescriptions/prescription-views';

/**
 * What a doctor may read of a patient through one of their appointments (docs/decisions.md,
 * "The care relationship"), decided by appointment-service:
 *  - `care`: inside the care relationship (the visit, and CARE_RELATIONSHIP_DAYS after the last
 *    completed consultation): records shared with all the patient's doctors or with this one,
 *    the medical profile, earlier consultations;
 *  - `booking`: only a booking to come: records the patient chose for this doctor, nothing else.
 * No access at all is a 404, as if the appointment did not exist.
 */
export type CareAccess = 'care' | 'booking';

export interface CareRelationshipView {
  access: CareAccess;
  /** When the care relationship lapses if nothing changes (a later visit extends it); absent for `booking`. */
  until?: string;
}

/** `appointment.care.relationship`: the doctor's appointment and what it lets them read. */
export interface CareRelationshipAnswer {
  appointment: AppointmentView;
  relationship: CareRelationshipView;
}

/** A prescription of an earlier consultation, in short. */
export interface PrescriptionSummaryView {
  id: string;
  version: number;
  issuedAt: string;
  items: PrescriptionItem[];
  advice?: string;
}

/** One earlier consultation of the patient with the same doctor. */
export interface EarlierConsultationView {
  appointmentId: string;
  startAt: string;
  endAt: string;
  mode: AppointmentMode;
  status: AppointmentStatus;
  /** The latest version of its notes, if any were written. */
  notes?: ClinicalNotesView;
  /** Added by the gateway from prescription-service; absent when it did not answer. */
  prescriptions?: PrescriptionSummaryView[];
}

/**
 * `GET /api/appointments/:id/patient-history`: the patient's consultations with this doctor
 * before this appointment, latest first.
 */
export interface PatientHistoryView {
  patientId: string;
  relationship: CareRelationshipView;
  consultations: EarlierConsultationView[];
  /** False when prescription-service did not answer: the consultations come without prescriptions. */
  prescriptionsIncluded: boolean;
}

/** `prescription.prescription.list_for_history`: what the doctor prescribed the patient, latest versions only. */
export interface PatientHistoryPrescriptionsView {
  prescriptions: (PrescriptionSummaryView & { appointmentId: string })[];
}
