import { CreateDoctorProfileMessage } from '@arogyam/contracts';
import { ProfileAccountEventsConsumer } from '@arogyam/persistence';
import { Doctor } from '../profiles/doctor.schema';
import { DoctorProfilesService } from '../profiles/doctor-profiles.service';

/**
 * Follows user-service's account events: a doctor's registration creates their profile (if the
 * gateway's direct create did not already); a suspension takes them out of search at once, a
 * reactivation puts them back.
 */
export const accountEventsConsumer = ProfileAccountEventsConsumer.provider({
  service: 'doctor',
  role: 'doctor',
  profileModel: Doctor.name,
  createMessage: CreateDoctorProfileMessage,
  profiles: DoctorProfilesService,
});
