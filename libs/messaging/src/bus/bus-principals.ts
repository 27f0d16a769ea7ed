import {
  AnalyticsSubjects,
  APPOINTMENT_REALTIME_WILDCARD,
  AppointmentCallEventTypes,
  AppointmentEventTypes,
  AppointmentSubjects,
  AuditSubjects,
  CaseStudyEventTypes,
  CaseStudySubjects,
  CLINICAL_ACCESSED_TYPES,
  ChatEventTypes,
  ChatRealtimeSubjects,
  ChatSubjects,
  DataExportSubjects,
  DOCTOR_DIRECTORY_CHANGED,
  DOCTOR_FREE_TIMES_CHANGED,
  DOCTOR_SCHEDULE_CHANGED,
  DOCTOR_SLOTS_CHANGED,
  DoctorAvailabilityEventTypes,
  DoctorEventTypes,
  DoctorSubjects,
  GATEWAY_THROTTLE_BUCKET,
  HEALTH_RECORDS_BUCKET,
  DOCTOR_DOCUMENTS_BUCKET,
  HealthRecordSubjects,
  MedicalProfileSubjects,
  NOTIFICATION_REALTIME_WILDCARD,
  NOTIFICATIONS_READ_REALTIME_WILDCARD,
  NotificationSubjects,
  PatientContactEventTypes,
  PatientSubjects,
  PatientDataSubjects,
  PATIENT_EXPORTS_BUCKET,
  PaymentEventTypes,
  PaymentSubjects,
  PrescriptionEventTypes,
  PrescriptionSubjects,
  ProfileEventTypes,
  ReviewEventTypes,
  ReviewSubjects,
  ScheduleEventTypes,
  SERVICE_NAMES,
  UserEventTypes,
  UserSubjects,
  VIDEO_INSTANCE_WILDCARD,
  VIDEO_ROOMS_BUCKET,
  VideoEventTypes,
  VideoRealtimeSubjects,
  VideoSubjects,
  clinicalAccessedType,
  eventSubject,
  healthSubject,
  type ServiceName,
} from '@arogyam/contracts';
import { principal, type BusPrincipal } from './bus-principal';

const all = (subjects: Record<string, string>): string[] => Object.values(subjects);
const except = (subjects: Record<string, string>, ...left: string[]): string[] =>
  all(subjects).filter((subject) => !left.includes(subject));
const chatRealtime = (kind: 'message' | 'typing' | 'read'): string => ChatRealtimeSubjects.of('*', kind);

/** The account events the profile services follow (never the password events, one of which carries a secret). */
const ACCOUNT_EVENTS = [
  UserEventTypes.registered,
  UserEventTypes.suspended,
  UserEventTypes.reactivated,
  UserEventTypes.erased,
];

/**
 * Subjects a service calls on another service carrying an end user as `actor`, which the callee
 * acts on. The gateway is their main publisher; these services are the only others allowed, each
 * for the reason given (docs/architecture.md, "Who may do what on NATS").
 *  - patient.profile.get_own: appointment-service asks for the booking patient's name as that
 *    patient (the caller of the booking).
 *  - appointment.appointment.set_status: video-service moves a call's appointment to
 *    in_consultation as the doctor who joined it.
 *  - appointment.appointment.get_for_actor: doctor-service (a review), patient-service (records
 *    shared with an appointment's doctor) and payment-service (paying for an appointment) pass on
 *    the caller the gateway gave them, so appointment-service decides who sees the appointment.
 *  - appointment.care.relationship: patient-service (a doctor's reads of records, medical profile)
 *    and prescription-service (a doctor's patient history) ask, as the doctor, what the care
 *    relationship lets them read; appointment-service decides.
 */
export const ACTING_FOR_A_USER = {
  patientProfile: PatientSubjects.getOwnProfile,
  appointmentStatus: AppointmentSubjects.setStatus,
  appointmentForCaller: AppointmentSubjects.getForActor,
  careRelationship: AppointmentSubjects.careRelationship,
} as const;

/** Subjects the gateway routes that carry no caller (public listings): a service may call them too. */
export const WITHOUT_A_CALLER = [DoctorSubjects.getPublicProfile, AppointmentSubjects.nextFreeSlots];

/** Subjects the gateway never routes (service to service, or for tests and tools): not in its allow list. */
const NOT_ROUTED = [
  DoctorSubjects.getProfileForService,
  AppointmentSubjects.get,
  AppointmentSubjects.patientNamesForDoctor,
  AppointmentSubjects.consultationsForDoctor,
  AppointmentSubjects.careRelationship,
  PatientSubjects.getForService,
  PatientSubjects.idsByPhone,
  VideoSubjects.status,
  PaymentSubjects.provider,
];

/**
 * Who may do what on NATS: the gateway and each service. Adding a service is one entry here
 * (its name also in SERVICE_NAMES), then `npm run nats:config` for deployments; tests and
 * `npm start` generate their server config from this on every run.
 */
export const BUS_PRINCIPALS: Record<'gateway' | ServiceName, BusPrincipal> = {
  gateway: principal({
    calls: [
      ...except(UserSubjects),
      ...except(DoctorSubjects, ...NOT_ROUTED),
      ...all(ReviewSubjects),
      ...all(CaseStudySubjects),
      ...except(PatientSubjects, ...NOT_ROUTED),
      ...all(DataExportSubjects),
      ...all(HealthRecordSubjects),
      ...all(MedicalProfileSubjects),
      ...except(AppointmentSubjects, ...NOT_ROUTED),
      ...all(ChatSubjects),
      ...all(PrescriptionSubjects),
      ...except(PaymentSubjects, ...NOT_ROUTED),
      ...all(NotificationSubjects),
      ...except(VideoSubjects, ...NOT_ROUTED),
      ...all(AuditSubjects),
      ...all(AnalyticsSubjects),
      ...SERVICE_NAMES.map(healthSubject),
    ],
    notifies: [chatRealtime('typing')],
    listens: [
      ChatRealtimeSubjects.all,
      APPOINTMENT_REALTIME_WILDCARD,
      NOTIFICATION_REALTIME_WILDCARD,
      NOTIFICATIONS_READ_REALTIME_WILDCARD,
      VideoRealtimeSubjects.all,
      DOCTOR_DIRECTORY_CHANGED,
      DOCTOR_FREE_TIMES_CHANGED,
      DOCTOR_SLOTS_CHANGED,
      // Sessions of suspended accounts end at once, and a changed password ends earlier tokens (identity/, realtime/).
      eventSubject(UserEventTypes.suspended),
      eventSubject(UserEventTypes.reactivated),
      eventSubject(UserEventTypes.passwordChanged),
      eventSubject(UserEventTypes.erased),
    ],
    keyValueBuckets: [GATEWAY_THROTTLE_BUCKET],
    // The gateway moves the bytes; patient-service owns the records and the data exports,
    // doctor-service the doctors' documents, and each says who may read them.
    objectStores: [HEALTH_RECORDS_BUCKET, DOCTOR_DOCUMENTS_BUCKET, PATIENT_EXPORTS_BUCKET],
    deadLetterAdmin: true,
  }),
  user: principal({
    serves: [...all(UserSubjects), PatientDataSubjects.user],
    // Admins' user search by phone: the numbers stay with patient-service, which answers ids.
    calls: [PatientSubjects.idsByPhone],
    // Its one audit entry is a patient erasing their account (data-rights/).
    publishesEvents: [...all(UserEventTypes), clinicalAccessedType('user')],
    consumesEvents: [ProfileEventTypes.doctorRenamed, ProfileEventTypes.patientRenamed],
  }),
  doctor: principal({
    serves: [
      ...all(DoctorSubjects),
      ...all(ReviewSubjects),
      ...all(CaseStudySubjects),
      PatientDataSubjects.doctor,
    ],
    // The names of the doctor's own patients, which a case study must not hold (case-studies/);
    // the next-free sweep asks for the doctors whose stored first free slot went stale (free-times/).
    calls: [
      ACTING_FOR_A_USER.appointmentForCaller,
      AppointmentSubjects.patientNamesForDoctor,
      AppointmentSubjects.nextFreeSlots,
    ],
    publishesEvents: [
      ...all(DoctorEventTypes),
      ...all(CaseStudyEventTypes),
      ...all(ReviewEventTypes),
      ProfileEventTypes.doctorRenamed,
    ],
    consumesEvents: [...ACCOUNT_EVENTS, DoctorAvailabilityEventTypes.nextFreeChanged],
    notifies: [DOCTOR_DIRECTORY_CHANGED, DOCTOR_FREE_TIMES_CHANGED],
    // The documents' files: its upload sweep deletes one no profile lists (documents/).
    objectStores: [DOCTOR_DOCUMENTS_BUCKET],
  }),
  patient: principal({
    serves: [
      ...all(PatientSubjects),
      ...all(HealthRecordSubjects),
      ...all(MedicalProfileSubjects),
      ...all(DataExportSubjects),
    ],
    // The data export asks every owning service for the patient's part (data-export/).
    calls: [
      ACTING_FOR_A_USER.appointmentForCaller,
      ACTING_FOR_A_USER.careRelationship,
      ...all(PatientDataSubjects),
    ],
    publishesEvents: [
      ProfileEventTypes.patientRenamed,
      PatientContactEventTypes.phoneChanged,
      clinicalAccessedType('patient'),
    ],
    consumesEvents: ACCOUNT_EVENTS,
    // The owner of the records' files: it checks, deletes and says who may read them; and of the
    // finished data exports, which it writes, expires and says who may download.
    objectStores: [HEALTH_RECORDS_BUCKET, PATIENT_EXPORTS_BUCKET],
  }),
  appointment: principal({
    serves: [...all(AppointmentSubjects), PatientDataSubjects.appointment],
    calls: [DoctorSubjects.getPublicProfile, ACTING_FOR_A_USER.patientProfile],
    publishesEvents: [
      ...all(AppointmentEventTypes),
      ...all(AppointmentCallEventTypes),
      ...all(DoctorAvailabilityEventTypes),
      ...all(ScheduleEventTypes),
      clinicalAccessedType('appointment'),
    ],
    consumesEvents: [
      VideoEventTypes.callEnded,
      VideoEventTypes.callMissed,
      VideoEventTypes.callDeclined,
      VideoEventTypes.waitingChanged,
      // Its patient name snapshots become "Deleted patient" (data-rights/).
      UserEventTypes.erased,
    ],
    notifies: [DOCTOR_SLOTS_CHANGED, DOCTOR_SCHEDULE_CHANGED, APPOINTMENT_REALTIME_WILDCARD],
    // Its instances drop their cached copy of a schedule another one replaced (availability/).
    listens: [
      DOCTOR_DIRECTORY_CHANGED,
      DOCTOR_SCHEDULE_CHANGED,
      eventSubject(ProfileEventTypes.patientRenamed),
    ],
  }),
  chat: principal({
    serves: [...all(ChatSubjects), PatientDataSubjects.chat],
    publishesEvents: [...all(ChatEventTypes), clinicalAccessedType('chat')],
    consumesEvents: [AppointmentEventTypes.booked, UserEventTypes.erased],
    notifies: [chatRealtime('message'), chatRealtime('read')],
  }),
  prescription: principal({
    serves: [...all(PrescriptionSubjects), PatientDataSubjects.prescription],
    calls: [AppointmentSubjects.get, ACTING_FOR_A_USER.careRelationship, DoctorSubjects.getProfileForService],
    publishesEvents: [...all(PrescriptionEventTypes), clinicalAccessedType('prescription')],
    // Prescriptions are kept; the patient's name on them is not (data-rights/).
    consumesEvents: [UserEventTypes.erased],
  }),
  payment: principal({
    serves: [...all(PaymentSubjects), PatientDataSubjects.payment],
    // Earnings: the calling doctor's appointment times and statuses (earnings/).
    calls: [
      ACTING_FOR_A_USER.appointmentForCaller,
      DoctorSubjects.getProfileForService,
      AppointmentSubjects.consultationsForDoctor,
    ],
    publishesEvents: all(PaymentEventTypes),
    consumesEvents: [AppointmentEventTypes.cancelled],
  }),
  notification: principal({
    serves: [...all(NotificationSubjects), PatientDataSubjects.notification],
    // Contacts its copy lacks (people from before the copy was kept: recipients/contact-directory.ts).
    calls: [DoctorSubjects.getProfileForService, PatientSubjects.getForService],
    consumesEvents: [
      // Its copy of each person's name, email and phone (recipients/contact-events.ts).
      UserEventTypes.registered,
      ProfileEventTypes.doctorRenamed,
      ProfileEventTypes.patientRenamed,
      PatientContactEventTypes.phoneChanged,
      AppointmentEventTypes.booked,
      AppointmentEventTypes.rescheduled,
      AppointmentEventTypes.cancelled,
      PrescriptionEventTypes.issued,
      ChatEventTypes.messageCreated,
      ChatEventTypes.roomRead,
      AppointmentCallEventTypes.callRecorded,
      UserEventTypes.passwordResetRequested,
      UserEventTypes.languageChanged,
      DoctorEventTypes.verified,
      UserEventTypes.erased,
    ],
    notifies: [NOTIFICATION_REALTIME_WILDCARD, NOTIFICATIONS_READ_REALTIME_WILDCARD],
  }),
  video: principal({
    // Its instances forward a room's requests to the instance hosting it (rooms/room-routing.ts).
    serves: [...all(VideoSubjects), VIDEO_INSTANCE_WILDCARD],
    calls: [AppointmentSubjects.get, ACTING_FOR_A_USER.appointmentStatus, VIDEO_INSTANCE_WILDCARD],
    publishesEvents: all(VideoEventTypes),
    notifies: [VideoRealtimeSubjects.all],
    keyValueBuckets: [VIDEO_ROOMS_BUCKET],
  }),
  // The trail of who reached clinical data: fed by the services that hold it, read through the gateway.
  audit: principal({
    serves: [...all(AuditSubjects), PatientDataSubjects.audit],
    consumesEvents: CLINICAL_ACCESSED_TYPES,
  }),
  // Admins' figures: a log of the facts it needs (ids, times, amounts, stars; nothing personal),
  // and a read model derived from it (apps/analytics-service).
  analytics: principal({
    serves: all(AnalyticsSubjects),
    consumesEvents: [
      ...all(AppointmentEventTypes),
      PaymentEventTypes.succeeded,
      PaymentEventTypes.refunded,
      UserEventTypes.registered,
      ...all(ReviewEventTypes),
      ...all(ScheduleEventTypes),
    ],
  }),
};

export type BusPrincipalName = keyof typeof BUS_PRINCIPALS;
