import type { PatientProfileView } from '@arogyam/contracts';
import type { Patient } from './patient.schema';

export const toPatientProfileView = (patient: Patient): PatientProfileView => ({
  id: patient._id,
  email: patient.email,
  fullName: patient.fullName,
  ...(patient.phone ? { phone: patient.phone } : {}),
  ...(patient.dateOfBirth ? { dateOfBirth: patient.dateOfBirth } : {}),
  ...(patient.gender ? { gender: patient.gender } : {}),
  createdAt: new Date(patient.createdAt).toISOString(),
});
