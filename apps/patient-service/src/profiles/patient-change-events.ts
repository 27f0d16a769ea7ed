import {
  PatientContactEventTypes,
  ProfileEventTypes,
  type EventEnvelope,
  type PatientPhoneChangedPayload,
  type UpdatePatientProfileDto,
} from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { pushToOutbox, renamedEventsOf } from '@arogyam/persistence';

/**
 * The events a patient's own profile change announces, in the same write as the change (so none
 * is lost once it is stored): a new name (`patient.renamed`, for user-service and
 * appointment-service) and a new or cleared phone number (`patient.phone-changed`, for
 * notification-service's copy of where its SMS go).
 */
export function patientChangeEventsOf(
  userId: string,
  changes: UpdatePatientProfileDto,
): { events: EventEnvelope[]; also: { $push?: object } } {
  const events = [...renamedEventsOf(ProfileEventTypes.patientRenamed, userId, changes)];
  if (changes.phone !== undefined) {
    // Trimmed as the profile stores it (its schema trims); null clears it.
    const payload: PatientPhoneChangedPayload = { userId, phone: changes.phone?.trim() || null };
    events.push(createEvent(PatientContactEventTypes.phoneChanged, payload));
  }
  return { events, also: events.length > 0 ? pushToOutbox(...events) : {} };
}
