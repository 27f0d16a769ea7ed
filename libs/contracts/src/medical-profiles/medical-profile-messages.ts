/**
 * patient-service's medical profile subjects. The patient reads and replaces their own
 * (`ActorMessageDto`, the body a MedicalProfileDto); the doctor of an appointment reads its
 * patient's (`AppointmentForActorMessage`).
 */
export const MedicalProfileSubjects = {
  getOwn: 'patient.medical_profile.get_own',
  replaceOwn: 'patient.medical_profile.replace_own',
  forAppointment: 'patient.medical_profile.get_for_appointment',
} as const;
