/** One medicine of an issued prescription. */
export interface PrescriptionItem {
  drug: string;
  dose: string;
  frequency: string;
  durationDays: number;
  instructions?: string;
}

/**
 * An issued prescription. It never changes after issue, except that a correction sets
 * `supersededById` on the version it replaces; the names and the registration number are as they
 * were when it was issued.
 */
export interface PrescriptionView {
  id: string;
  appointmentId: string;
  doctorId: string;
  patientId: string;
  doctor: { id: string; fullName: string; specialization: string; licenseNumber: string };
  patient: { id: string; fullName: string };
  items: PrescriptionItem[];
  advice?: string;
  /** 1 for an original, n + 1 for the correction of version n. */
  version: number;
  supersedesId?: string;
  supersededById?: string;
  /** Printed on the PDF, so a pharmacist can check the paper against the record. */
  verificationCode: string;
  issuedAt: string;
}

/** `prescription.prescription.pdf`: the PDF travels base64-encoded inside the JSON reply. */
export interface PrescriptionPdf {
  filename: string;
  contentBase64: string;
}
