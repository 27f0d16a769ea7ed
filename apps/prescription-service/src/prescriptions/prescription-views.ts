import type { PrescriptionView } from '@arogyam/contracts';
import type { Prescription } from './prescription.schema';

/** The public view; optional fields appear only when set. */
export const toPrescriptionView = (prescription: Omit<Prescription, 'outbox'>): PrescriptionView => ({
  id: prescription._id,
  appointmentId: prescription.appointmentId,
  doctorId: prescription.doctorId,
  patientId: prescription.patientId,
  doctor: {
    id: prescription.doctor.id,
    fullName: prescription.doctor.fullName,
    specialization: prescription.doctor.specialization,
    licenseNumber: prescription.doctor.licenseNumber,
  },
  patient: { id: prescription.patient.id, fullName: prescription.patient.fullName },
  items: prescription.items.map((item) => ({
    drug: item.drug,
    dose: item.dose,
    frequency: item.frequency,
    durationDays: item.durationDays,
    ...(item.instructions ? { instructions: item.instructions } : {}),
  })),
  ...(prescription.advice ? { advice: prescription.advice } : {}),
  version: prescription.version,
  ...(prescription.supersedesId ? { supersedesId: prescription.supersedesId } : {}),
  ...(prescription.supersededById ? { supersededById: prescription.supersededById } : {}),
  verificationCode: prescription.verificationCode,
  issuedAt: new Date(prescription.issuedAt).toISOString(),
});
