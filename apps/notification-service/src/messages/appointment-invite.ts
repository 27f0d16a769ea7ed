import type { AppointmentView, Language } from '@arogyam/contracts';
import type { AppointmentChange, Reader } from './appointment-messages';
import { doctorName } from './names';
import { textsIn } from './reader-locale';

/** A calendar file for an email: REQUEST adds or updates the event, CANCEL removes it. */
export interface CalendarInvite {
  method: 'REQUEST' | 'CANCEL';
  /** RFC 5545 text, CRLF line endings. */
  content: string;
}

export type InviteFacts = Pick<AppointmentView, 'id' | 'doctor' | 'patient' | 'startAt' | 'endAt' | 'mode'>;

const MODES: Record<AppointmentView['mode'], string> = {
  video: 'Video consultation',
  chat: 'Chat consultation',
  in_person: 'In-person visit',
};

/** 20261205T103000Z: the UTC form every calendar reads without a zone table. */
const utc = (instant: Date): string =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
const text = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets continue on the next, after a space (RFC 5545 3.1). */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const character of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (Buffer.byteLength(current + character, 'utf8') > limit) {
      parts.push(current);
      current = character;
    } else current += character;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * The appointment as a calendar event for one reader, its summary in their language. Every email about the same appointment
 * carries the same UID; SEQUENCE is the change's time in seconds, so a later change (a move, a
 * cancellation) replaces what an earlier email added, whatever order they are opened in.
 */
export function appointmentInvite(
  change: AppointmentChange,
  appointment: InviteFacts,
  reader: Reader,
  link: string,
  changedAt: Date,
  language: Language,
): CalendarInvite {
  const t = textsIn(language);
  const method = change === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const other = reader === 'patient' ? doctorName(appointment.doctor.fullName) : appointment.patient.fullName;
  const mode = t(MODES[appointment.mode] ?? 'Appointment');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Arogyam//Appointments//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${appointment.id}@arogyam`,
    `SEQUENCE:${Math.floor(changedAt.getTime() / 1000)}`,
    `DTSTAMP:${utc(changedAt)}`,
    `DTSTART:${utc(new Date(appointment.startAt))}`,
    `DTEND:${utc(new Date(appointment.endAt))}`,
    `SUMMARY:${text(t('{{mode}} with {{other}}', { mode, other }))}`,
    `DESCRIPTION:${text(t('Open it in Arogyam: {{link}}', { link }))}`,
    `URL:${link}`,
    `STATUS:${change === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return { method, content: `${lines.map(fold).join('\r\n')}\r\n` };
}
