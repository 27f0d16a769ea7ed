import { DomainError, type Actor } from '@arogyam/contracts';
import type { Appointment } from './appointment.schema';

export const NOT_FOUND = 'Appointment not found.';

/**
 * Whether the actor may see the appointment: a patient their own, a doctor theirs, an admin all.
 * Anyone else's answer 404 as if absent, so ids of other people's appointments reveal nothing.
 */
export function isVisibleTo(actor: Actor, appointment: Pick<Appointment, 'patientId' | 'doctorId'>): boolean {
  if (actor.role === 'patient') return appointment.patientId === actor.userId;
  if (actor.role === 'doctor') return appointment.doctorId === actor.userId;
  return true;
}

/** Changes are for the two people in the appointment; admins only look. */
export function requireCareParty(actor: Actor): void {
  if (actor.role !== 'patient' && actor.role !== 'doctor') {
    throw DomainError.forbidden('Only the patient or the doctor of an appointment may change it.');
  }
}
