/** prescription-service's request/reply subjects (queue group `prescription-service`). */
export const PrescriptionSubjects = {
  issue: 'prescription.prescription.issue',
  list: 'prescription.prescription.list',
  get: 'prescription.prescription.get',
  pdf: 'prescription.prescription.pdf',
} as const;
