import type { AppointmentMode, AppointmentView } from '@arogyam/contracts';
import type { ReminderLead } from '../reminders/reminder-leads';
import type { ComposedMessage } from './composed-message';
import { doctorName } from './names';
import { writerFor, type ReaderLocale } from './reader-locale';

/** What a message needs of an appointment: the payload of its events, or a reminder's copy of it. */
export type AppointmentFacts = Pick<AppointmentView, 'id' | 'doctor' | 'patient' | 'startAt' | 'mode'> &
  Partial<Pick<AppointmentView, 'cancellationReason'>>;

export type AppointmentChange = 'booked' | 'rescheduled' | 'cancelled';
export type Reader = 'doctor' | 'patient';

/** What an appointment is called inside a sentence (translated as a whole, then placed). */
const MODES: Record<AppointmentMode, string> = {
  video: 'video consultation',
  chat: 'chat consultation',
  in_person: 'in-person visit',
};

/**
 * The appointment in its reader's words: their writer's `t`, and what the sentences place, with the
 * time long (`values`) or short (`short`, for an SMS). The patient sees the doctor (with their
 * specialty in a sentence), the doctor the patient. Names and the specialty are written as their
 * owners wrote them.
 */
function inReadersWords(appointment: AppointmentFacts, reader: Reader, locale: ReaderLocale) {
  const writer = writerFor(locale);
  const { t } = writer;
  const doctor = doctorName(appointment.doctor.fullName);
  const patient = appointment.patient.fullName;
  const mode = t(MODES[appointment.mode] ?? 'appointment');
  const other = reader === 'patient' ? doctor : patient;
  const whom = reader === 'patient' ? `${doctor} (${appointment.doctor.specialization})` : patient;
  const names = { doctor, patient, mode, other, whom };
  return {
    t,
    values: { ...names, time: writer.long(appointment.startAt) },
    short: { ...names, time: writer.short(appointment.startAt) },
  };
}

/** Booked, moved or cancelled, to the doctor or the patient, in the reader's zone and language. */
export function appointmentChangeMessage(
  change: AppointmentChange,
  appointment: AppointmentFacts,
  reader: Reader,
  locale: ReaderLocale,
): ComposedMessage {
  const { t, values, short } = inReadersWords(appointment, reader, locale);
  switch (change) {
    case 'booked':
      return reader === 'patient'
        ? {
            title: t('Appointment booked with {{doctor}}', values),
            body: t('Your {{mode}} with {{whom}} is booked for {{time}}.', values),
            sms: t('Arogyam: {{mode}} with {{doctor}} booked for {{time}}.', short),
          }
        : {
            title: t('New appointment with {{patient}}', values),
            body: t('{{patient}} booked a {{mode}} with you for {{time}}.', values),
            sms: t('Arogyam: {{patient}} booked a {{mode}} for {{time}}.', short),
          };
    case 'rescheduled':
      return {
        title: t('Appointment with {{other}} moved', values),
        body: t('Your {{mode}} with {{whom}} has moved to {{time}}.', values),
        sms: t('Arogyam: {{mode}} with {{other}} moved to {{time}}.', short),
      };
    case 'cancelled': {
      // The reason is the canceller's own words: written as they wrote it.
      const reason = appointment.cancellationReason
        ? ` ${t('Reason given: {{reason}}', { reason: appointment.cancellationReason })}`
        : '';
      return {
        title: t('Appointment with {{other}} cancelled', values),
        body: `${t('Your {{mode}} with {{whom}} on {{time}} was cancelled.', values)}${reason}`,
        sms: t('Arogyam: {{mode}} with {{other}} on {{time}} was cancelled.', short),
      };
    }
  }
}

/** A reminder 24 hours or 15 minutes ahead. */
export function appointmentReminderMessage(
  lead: ReminderLead,
  appointment: AppointmentFacts,
  reader: Reader,
  locale: ReaderLocale,
): ComposedMessage {
  const { t, values, short } = inReadersWords(appointment, reader, locale);
  const joinHint =
    appointment.mode === 'in_person' ? '' : ` ${t('Join from the appointment page in Arogyam.')}`;
  const title =
    lead === '24h'
      ? t('Reminder: {{mode}} with {{other}} in 24 hours', values)
      : t('Reminder: {{mode}} with {{other}} in 15 minutes', values);
  const body =
    lead === '24h'
      ? t('Your {{mode}} with {{whom}} starts in 24 hours, on {{time}}.', values)
      : t('Your {{mode}} with {{whom}} starts in 15 minutes, on {{time}}.', values);
  return {
    title,
    body: `${body}${joinHint}`,
    sms: t('Arogyam reminder: {{mode}} with {{other}} at {{time}}.', short),
  };
}
