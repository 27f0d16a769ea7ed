// Bodies of the gateway's public REST and realtime contract (docs/api.md), as @arogyam/contracts
// declares them. Type-only: Vite erases these exports, so no backend code (validators, decorators)
// enters an app's bundle. Names the apps already used are kept as aliases.

// Accounts and sessions.
export type {
  UserRole as Role,
  AccountStatus,
  UserView as User,
  AccountView as AdminUser,
  TokenPair,
  AuthResult,
  LoginDto as Credentials,
  Money,
  Page,
  PrivacyNoticeView,
  PrivacyNoticeAcceptance,
} from '@arogyam/contracts';

// The patient's data export ("Your data").
export type { DataExportView, DataExportStatus } from '@arogyam/contracts';

// Payments.
export type { PaymentView, PaymentStatus } from '@arogyam/contracts';
export type {
  EarningsView,
  EarningsFigures,
  EarningsPeriodView,
  EarningsConsultationView,
  EarningsPaymentStatus,
} from '@arogyam/contracts';
export type { DoctorDocumentView as DoctorDocument } from '@arogyam/contracts';

// Events a service gave up on (admins' "Failed events").
export type {
  DeadLetterView as FailedEvent,
  DeadLetterReplayAnswer as ReplayAnswer,
} from '@arogyam/contracts';

// Doctors. A doctor's id is the id of its user account.
export type {
  DoctorSummary,
  DoctorGender,
  DoctorPublicProfileView as PublicDoctorProfile,
  DoctorProfileView as DoctorProfile,
  DoctorDashboardView as DoctorDashboard,
  UpdateDoctorProfileDto as DoctorProfileChanges,
  RegisterDoctorDto as DoctorRegistration,
  VerificationStatus,
  VerificationDecision,
  VerifyDoctorDto as DoctorVerification,
} from '@arogyam/contracts';

// Patients.
export type {
  Gender,
  AppointmentPatientView as AppointmentPatient,
  PatientProfileView as PatientProfile,
  UpdatePatientProfileDto as PatientProfileChanges,
  RegisterPatientDto as PatientRegistration,
} from '@arogyam/contracts';

// The medical profile a patient keeps, which the doctors of their appointments read.
export type {
  MedicalProfileView as MedicalProfile,
  MedicalProfileDto as MedicalProfileChanges,
  AllergyView as Allergy,
  AllergySeverity,
  BloodGroup,
  CurrentMedicineView as CurrentMedicine,
} from '@arogyam/contracts';

// Availability and appointments. Instants are ISO-8601 UTC; the SPAs show them in the viewer's zone.
export type {
  AvailabilityView as Availability,
  SetAvailabilityDto as AvailabilityChanges,
  SlotView as Slot,
  SlotListView as SlotList,
  BookingPolicyView,
  AppointmentMode,
  AppointmentStatus,
  RequestableStatus as AppointmentStatusChange,
  AppointmentView as Appointment,
  QueueEntryView as QueueEntry,
  AppointmentQueueView as AppointmentQueue,
  BookAppointmentDto as NewAppointment,
  ClinicalNotesView as ClinicalNotes,
  SaveClinicalNotesDto as ClinicalNotesChanges,
} from '@arogyam/contracts';

// Prescriptions.
export type {
  PrescriptionItem,
  PrescriptionView as Prescription,
  IssuePrescriptionDto as NewPrescription,
} from '@arogyam/contracts';

// Health records (the patient's own documents).
export type {
  HealthRecordView as HealthRecord,
  HealthRecordKind,
  HealthRecordContentType,
  RecordSharing,
  RecordSharingMode,
} from '@arogyam/contracts';

// The doctor's patient history (earlier consultations, inside the care relationship).
export type {
  PatientHistoryView as PatientHistory,
  EarlierConsultationView as EarlierConsultation,
  PrescriptionSummaryView as PrescriptionSummary,
  CareRelationshipView as CareRelationship,
} from '@arogyam/contracts';

// Reviews of completed appointments.
export type {
  ReviewView as Review,
  AppointmentReviewView as AppointmentReview,
  SubmitReviewDto as NewReview,
} from '@arogyam/contracts';

// Chat and notifications (REST and Socket.IO).
export type {
  ChatErrorAck,
  ChatJoinAck,
  ChatMessagePage,
  ChatMessageView,
  ChatReadView,
  ChatRoomMember,
  ChatRoomView,
  ChatTypingView,
  NotificationInboxPage,
  NotificationKind,
  NotificationPreferencesView as NotificationPreferences,
  NotificationView,
  NotificationsReadView,
} from '@arogyam/contracts';

/** ISO weekday, Monday 1 … Sunday 7: how the availability editor keys its days (the API sends a number). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

// The audit trail: a patient's "who viewed my records", admins' search.
export type {
  RecordAccessView as RecordAccess,
  AuditEntryView as AuditEntry,
  AuditResourceKind,
  AuditAction,
  AuditOutcome,
} from '@arogyam/contracts';

// Case studies (doctor-service): doctors write them, admins review them, anyone reads the published.
export type {
  CaseStudySummary,
  CaseStudyView,
  CaseStudyStatus,
  CaseStudyImageView,
  CaseStudySort,
  IdentifyingDetail,
} from '@arogyam/contracts';

// Admins' analytics (analytics-service): figures of a date range in the admin's zone.
export type {
  AnalyticsReportView as AnalyticsReport,
  AnalyticsSummary,
  AnalyticsTable,
  ConsultationOutcomeRow,
  MoneyRow,
  SignupRow,
  SpecialtyRow,
  HourRow,
  UtilisationRow,
  RatingRow,
} from '@arogyam/contracts';
