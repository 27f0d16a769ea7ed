/** appointment-service's request/reply subjects, `appointment.<noun>.<verb>`. */
export const AppointmentSubjects = {
  setAvailability: 'appointment.availability.set',
  getAvailability: 'appointment.availability.get',
  listSlots: 'appointment.slot.list',
  /** Service to service (the gateway's search and profiles): each doctor's first free slot soon. */
  nextFreeSlots: 'appointment.slot.next_free',
  /** The rules a patient is shown before booking and before cancelling. */
  bookingPolicy: 'appointment.policy.get',
  book: 'appointment.appointment.book',
  reschedule: 'appointment.appointment.reschedule',
  cancel: 'appointment.appointment.cancel',
  setStatus: 'appointment.appointment.set_status',
  /** The caller's own appointments (patient or doctor). */
  list: 'appointment.appointment.list',
  /** Admins: every appointment of one UTC day. */
  listForDay: 'appointment.appointment.list_for_day',
  /** One appointment, for its patient, its doctor or an admin (404 for anyone else). */
  getForActor: 'appointment.appointment.get_for_actor',
  /** Service to service only (never routed by the gateway): one appointment by id. */
  get: 'appointment.appointment.get',
  /**
   * Service to service only (doctor-service's case study check): the names of the calling doctor's
   * patients, from their latest appointments; for that doctor only.
   */
  patientNamesForDoctor: 'appointment.patient.names_for_doctor',
  /**
   * Service to service only (payment-service's earnings): the calling doctor's appointments that
   * start in a range, id, start and status only; for that doctor only.
   */
  consultationsForDoctor: 'appointment.consultation.list_for_doctor',
  queue: 'appointment.queue.get',
  patientDashboard: 'appointment.dashboard.patient',
  doctorDashboard: 'appointment.dashboard.doctor',
  saveNotes: 'appointment.notes.save',
  getNotes: 'appointment.notes.get',
  /** The doctor of an appointment: the patient's earlier consultations with them and their notes (care relationship only). */
  patientHistory: 'appointment.notes.history',
  /**
   * Service to service, acting for the doctor: their appointment and what it lets them read of
   * its patient (care/care-relationship.ts); 404 when nothing.
   */
  careRelationship: 'appointment.care.relationship',
  /**
   * The patient, before erasing their account: 409 while a visit is in progress, otherwise every
   * upcoming booking is cancelled (each doctor told as for any cancellation).
   */
  endBookingsForErasure: 'appointment.patient.end_bookings_for_erasure',
} as const;
