import { CreatePatientProfileMessage } from '@arogyam/contracts';
import { ProfileAccountEventsConsumer } from '@arogyam/persistence';
import { PatientErasure } from '../data-rights/patient-erasure';
import { PatientRepository } from '../profiles/patient.repository';
import { PatientProfilesService } from '../profiles/patient-profiles.service';

/**
 * Follows user-service's account events: a patient's registration creates their profile (if the
 * gateway's direct create did not already); suspension and reactivation are mirrored on it; an
 * erasure takes everything personal (data-rights/).
 */
export const accountEventsConsumer = ProfileAccountEventsConsumer.provider({
  service: 'patient',
  role: 'patient',
  repository: PatientRepository,
  createMessage: CreatePatientProfileMessage,
  profiles: PatientProfilesService,
  otherEvents: [PatientErasure],
});
