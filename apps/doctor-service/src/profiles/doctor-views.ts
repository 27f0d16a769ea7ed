import type {
  DoctorDocumentView,
  DoctorProfileView,
  DoctorPublicProfileView,
  DoctorSummary,
} from '@arogyam/contracts';
import type { DoctorDocument } from '../documents/doctor-document.schema';
import type { Doctor } from './doctor.schema';

/** The fields a search result needs, so search reads no more than that from the collection. */
export const DOCTOR_SUMMARY_FIELDS = {
  fullName: 1,
  specialization: 1,
  city: 1,
  gender: 1,
  languages: 1,
  yearsOfExperience: 1,
  consultationFee: 1,
  rating: 1,
  reviewCount: 1,
  qualifications: 1,
  clinic: 1,
  photo: 1,
  nextAvailableAt: 1,
  nextAvailableComputedAt: 1,
} as const;

export type DoctorSummaryFields = Pick<Doctor, '_id' | keyof typeof DOCTOR_SUMMARY_FIELDS>;

export const toDoctorSummary = (doctor: DoctorSummaryFields): DoctorSummary => ({
  id: doctor._id,
  fullName: doctor.fullName,
  specialization: doctor.specialization,
  ...(doctor.city ? { city: doctor.city } : {}),
  ...(doctor.gender ? { gender: doctor.gender } : {}),
  languages: doctor.languages ?? [],
  yearsOfExperience: doctor.yearsOfExperience,
  consultationFee: { amount: doctor.consultationFee.amount, currency: doctor.consultationFee.currency },
  rating: doctor.rating,
  reviewCount: doctor.reviewCount,
  ...(doctor.qualifications ? { qualifications: doctor.qualifications } : {}),
  ...(doctor.clinic
    ? {
        clinic: {
          name: doctor.clinic.name,
          addressLine: doctor.clinic.addressLine,
          city: doctor.clinic.city,
        },
      }
    : {}),
  ...(doctor.photo ? { photo: doctor.photo } : {}),
  // Known once appointment-service has said (null: nothing free in its lookahead); absent before.
  ...(new Date(doctor.nextAvailableComputedAt).getTime() > 0
    ? { nextAvailableAt: doctor.nextAvailableAt ? new Date(doctor.nextAvailableAt).toISOString() : null }
    : {}),
});

/** What anyone sees of a verified doctor: no email. */
export const toDoctorPublicProfileView = (doctor: Doctor): DoctorPublicProfileView => ({
  ...toDoctorSummary(doctor),
  licenseNumber: doctor.licenseNumber,
  ...(doctor.registrationCouncil ? { registrationCouncil: doctor.registrationCouncil } : {}),
  ...(doctor.registrationYear ? { registrationYear: doctor.registrationYear } : {}),
  ...(doctor.bio ? { bio: doctor.bio } : {}),
  verificationStatus: doctor.verificationStatus,
});

export const toDoctorDocumentView = (document: DoctorDocument): DoctorDocumentView => ({
  id: document.id,
  fileName: document.fileName,
  contentType: document.contentType,
  size: document.size,
  uploadedAt: new Date(document.uploadedAt).toISOString(),
});

/** What the doctor and admins see. */
export const toDoctorProfileView = (doctor: Doctor): DoctorProfileView => ({
  ...toDoctorPublicProfileView(doctor),
  email: doctor.email,
  ...(doctor.verificationNote ? { verificationNote: doctor.verificationNote } : {}),
  documents: (doctor.documents ?? []).map(toDoctorDocumentView),
  accountStatus: doctor.accountStatus,
  createdAt: new Date(doctor.createdAt).toISOString(),
});
