import type { DoctorSummary, Page } from '@arogyam/contracts';

/** For tests of search: a doctor's card as doctor-service sends it. */
export const doctorCard = (id: string, nextAvailableAt: string | null = null): DoctorSummary => ({
  id,
  fullName: `Dr ${id}`,
  specialization: 'Cardiology',
  languages: ['English'],
  yearsOfExperience: 9,
  consultationFee: { amount: 40000, currency: 'INR' },
  rating: 4,
  reviewCount: 2,
  nextAvailableAt,
});

/** The first page of a search that found `doctors`. */
export const pageOf = (...doctors: DoctorSummary[]): Page<DoctorSummary> => ({
  items: doctors,
  total: doctors.length,
  page: 1,
  limit: 12,
});
