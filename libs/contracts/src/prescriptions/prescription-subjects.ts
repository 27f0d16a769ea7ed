/** prescription-service's request/reply subjects (queue group `prescription-service`). */
export const PrescriptionSubjects = {
  issue: 'prescription.prescription.issue',
  list: 'prescription.prescription.list',
  get: 'prescription.prescription.get',
  pdf: 'prescription.prescription.pdf',
  /** The doctor of an appointment: what they prescribed its patient before (care relationship only). */
  listForHistory: 'prescription.prescription.list_for_history',
} as const;
