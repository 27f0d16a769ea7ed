/** doctor-service's review subjects, `doctor.review.<verb>`. */
export const ReviewSubjects = {
  /** The patient reviews a completed appointment (once). */
  submit: 'doctor.review.submit',
  /** The review of one appointment, for its patient or its doctor (404 if none). */
  getForAppointment: 'doctor.review.get_for_appointment',
  /** A listed doctor's reviews, newest first; anyone may ask. */
  listForDoctor: 'doctor.review.list',
} as const;
