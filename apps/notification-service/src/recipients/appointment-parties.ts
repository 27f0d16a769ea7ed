import type { AppointmentFacts } from '../messages/appointment-messages';
import type { Recipient } from './recipient';

type Party = Recipient & { role: 'doctor' | 'patient'; fullName: string };

/** Both sides of an appointment, each told about the other. */
export const appointmentParties = (appointment: AppointmentFacts): Party[] => [
  { userId: appointment.doctor.id, role: 'doctor', fullName: appointment.doctor.fullName },
  { userId: appointment.patient.id, role: 'patient', fullName: appointment.patient.fullName },
];
