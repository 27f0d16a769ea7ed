import { CreateDoctorProfileMessage } from '@arogyam/contracts';
import { ProfileAccountEventsConsumer } from '@arogyam/persistence';
import { PatientErasure } from '../data-rights/patient-erasure';
import { NextFreeEvents } from '../free-times/next-free-events';
import { DoctorRepository } from '../profiles/doctor.repository';
import { DoctorProfilesService } from '../profiles/doctor-profiles.service';

/**
 * Follows user-service's account events: a doctor's registration creates their profile (if the
 * gateway's direct create did not already); a suspension takes them out of search at once, a
 * reactivation puts them back. The same EventConsumer (a durable per type) takes appointment-service's
 * `appointment.next_free_changed` (free-times/) and a patient's `user.erased` (data-rights/).
 */
export const accountEventsConsumer = ProfileAccountEventsConsumer.provider({
  service: 'doctor',
  role: 'doctor',
  repository: DoctorRepository,
  createMessage: CreateDoctorProfileMessage,
  profiles: DoctorProfilesService,
  otherEvents: [NextFreeEvents, PatientErasure],
});
