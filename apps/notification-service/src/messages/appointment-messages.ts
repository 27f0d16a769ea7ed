import type { AppointmentMode, AppointmentView } from '@arogyam/contracts';
import type { ReminderLead } from '../reminders/reminder-leads';
import type { ComposedMessage } from './composed-message';
import { formatLongTime, formatShortTime } from './format-time';
import { doctorName } from './names';

/** What a message needs of an appointment: the payload of its events, or a reminder's copy of it. */
export type AppointmentFacts = Pick<AppointmentView, 'id' | 'doctor' | 'patient' | 'startAt' | 'mode'> &
  Partial<Pick<AppointmentView, 'cancellationReason'>>;

export type AppointmentChange = 'booked' | 'rescheduled' | 'cancelled';
export type Reader = 'doctor' | 'patient';

const MODES: Record<AppointmentMode, string> = {
  video: 'video consultation',
  chat: 'chat consultation',
  in_person: 'in-person visit',
};

const LEADS: Record<ReminderLead, string> = { '24h': 'in 24 hours', '15m': 'in 15 minutes' };

/** The appointment as its reader names it: the patient sees the doctor, the doctor the patient. */
function describe(appointment: AppointmentFacts, reader: Reader) {
  const doctor = doctorName(appointment.doctor.fullName);
  const patient = appointment.patient.fullName;
  const mode = MODES[appointment.mode] ?? 'appointment';
  const other = reader === 'patient' ? doctor : patient;
  const withWhom =
    reader === 'patient'
      ? `your ${mode} with ${doctor} (${appointment.doctor.specialization})`
      : `your ${mode} with ${patient}`;
  return { doctor, patient, mode, other, withWhom };
}

const sentence = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** Booked, moved or cancelled, to the doctor or the patient, with the time in the reader's zone. */
export function appointmentChangeMessage(
  change: AppointmentChange,
  appointment: AppointmentFacts,
  reader: Reader,
  zone: string,
): ComposedMessage {
  const { doctor, patient, mode, other, withWhom } = describe(appointment, reader);
  const when = formatLongTime(appointment.startAt, zone);
  const short = formatShortTime(appointment.startAt, zone);
  switch (change) {
    case 'booked':
      return reader === 'patient'
        ? {
            title: `Appointment booked with ${doctor}`,
            body: `${sentence(withWhom)} is booked for ${when}.`,
            sms: `Arogyam: ${mode} with ${doctor} booked for ${short}.`,
          }
        : {
            title: `New appointment with ${patient}`,
            body: `${patient} booked a ${mode} with you for ${when}.`,
            sms: `Arogyam: ${patient} booked a ${mode} for ${short}.`,
          };
    case 'rescheduled':
      return {
        title: `Appointment with ${other} moved`,
        body: `${sentence(withWhom)} has moved to ${when}.`,
        sms: `Arogyam: ${mode} with ${other} moved to ${short}.`,
      };
    case 'cancelled': {
      const reason = appointment.cancellationReason ? ` Reason given: ${appointment.cancellationReason}` : '';
      return {
        title: `Appointment with ${other} cancelled`,
        body: `${sentence(withWhom)} on ${when} was cancelled.${reason}`,
        sms: `Arogyam: ${mode} with ${other} on ${short} was cancelled.`,
      };
    }
  }
}

/** A reminder 24 hours or 15 minutes ahead. */
export function appointmentReminderMessage(
  lead: ReminderLead,
  appointment: AppointmentFacts,
  reader: Reader,
  zone: string,
): ComposedMessage {
  const { mode, other, withWhom } = describe(appointment, reader);
  const joinHint = appointment.mode === 'in_person' ? '' : ' Join from the appointment page in Arogyam.';
  return {
    title: `Reminder: ${mode} with ${other} ${LEADS[lead]}`,
    body: `${sentence(withWhom)} starts ${LEADS[lead]}, on ${formatLongTime(appointment.startAt, zone)}.${joinHint}`,
    sms: `Arogyam reminder: ${mode} with ${other} at ${formatShortTime(appointment.startAt, zone)}.`,
  };
}
