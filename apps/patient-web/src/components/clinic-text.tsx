import type { DoctorSummary } from '@arogyam/ui';

/** "Heartline Clinic, 12 MG Road, Bengaluru": where the doctor sees patients in person. */
export const clinicText = ({ clinic }: Pick<DoctorSummary, 'clinic'>): string | undefined =>
  clinic ? `${clinic.name}, ${clinic.addressLine}, ${clinic.city}` : undefined;
