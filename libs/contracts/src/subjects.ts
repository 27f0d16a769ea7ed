/**
 * NATS request/reply subjects, `<service>.<noun>.<verb>`. Every service subscribes in a
 * queue group named after itself, so N instances share the load.
 */
export const UserSubjects = {
  register: 'user.account.register',
  login: 'user.session.login',
  refresh: 'user.session.refresh',
  logout: 'user.session.logout',
  accountStatus: 'user.account.status',
  list: 'user.account.list',
  suspend: 'user.account.suspend',
  reactivate: 'user.account.reactivate',
  changePassword: 'user.account.change_password',
  getPreferences: 'user.account.get_preferences',
  setPreferences: 'user.account.set_preferences',
  /** The signed-in patient's password, checked before an erasure changes anything (403 when wrong). */
  checkPassword: 'user.account.check_password',
  /** The signed-in patient deletes their own account (docs/decisions.md, "Erasure"). */
  erase: 'user.account.erase',
  requestPasswordReset: 'user.password_reset.request',
  checkPasswordReset: 'user.password_reset.check',
  completePasswordReset: 'user.password_reset.complete',
} as const;

export const DoctorSubjects = {
  createProfile: 'doctor.profile.create',
  getOwnProfile: 'doctor.profile.get_own',
  updateOwnProfile: 'doctor.profile.update_own',
  getPublicProfile: 'doctor.profile.get',
  /** Service to service only (never routed by the gateway): the full profile, whatever its status. */
  getProfileForService: 'doctor.profile.get_for_service',
  search: 'doctor.profile.search',
  listForReview: 'doctor.verification.list',
  verify: 'doctor.verification.decide',
  /** A rejected doctor, having fixed their details, asks for review again. */
  resubmitVerification: 'doctor.verification.resubmit',
  dashboard: 'doctor.dashboard.get',
  /**
   * A doctor's verification documents: add and remove their own; read (own, or any for admins).
   * `reserveDocument` comes before the gateway puts a file in the bucket, so a file that never
   * becomes a document is found and deleted (doctor-service, documents/document-upload-sweep.ts).
   */
  reserveDocument: 'doctor.document.reserve',
  addDocument: 'doctor.document.add',
  removeDocument: 'doctor.document.remove',
  documentFile: 'doctor.document.file',
} as const;

export const PatientSubjects = {
  createProfile: 'patient.profile.create',
  getOwnProfile: 'patient.profile.get_own',
  updateOwnProfile: 'patient.profile.update_own',
  dashboard: 'patient.dashboard.get',
  /** The appointment's own doctor only: its patient's contact, age and gender. */
  forAppointment: 'patient.profile.get_for_appointment',
  /**
   * Service to service only (never routed by the gateway, and it carries no caller): a patient's
   * profile by id, for notification-service's contact details.
   */
  getForService: 'patient.profile.get_for_service',
  /**
   * Service to service only (user-service's admin user search; no caller): the ids of patients
   * whose phone number ends in the given digits (patients/phone-search.ts).
   */
  idsByPhone: 'patient.profile.ids_by_phone',
} as const;

/** Every service answers `<service>.health.check`; the gateway aggregates them. */
export const healthSubject = (service: string): string => `${service}.health.check`;

export const SERVICE_NAMES = [
  'user',
  'doctor',
  'patient',
  'appointment',
  'chat',
  'prescription',
  'payment',
  'notification',
  'video',
  'audit',
  'analytics',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The gateway's JetStream key-value bucket of request counts (rate limits shared by its replicas). */
export const GATEWAY_THROTTLE_BUCKET = 'gateway-throttle';
