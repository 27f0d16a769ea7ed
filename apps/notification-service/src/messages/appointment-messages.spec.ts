import {
  appointmentChangeMessage,
  appointmentReminderMessage,
  type AppointmentFacts,
} from './appointment-messages';
import { formatLongTime } from './format-time';

const KOLKATA = { timeZone: 'Asia/Kolkata', language: 'en' } as const;

const appointment: AppointmentFacts = {
  id: 'a1',
  doctor: { id: 'd1', fullName: 'Dr. Meera Iyer', specialization: 'Cardiology' },
  patient: { id: 'p1', fullName: 'Asha Rao' },
  startAt: '2026-03-08T15:00:00.000Z',
  mode: 'in_person',
};

describe('appointment messages', () => {
  it('write the time in the reader’s zone, across a DST change', () => {
    // 8 March 2026 is the day New York moves to daylight time.
    expect(formatLongTime(appointment.startAt, 'America/New_York')).toBe(
      'Sunday, 8 March 2026 at 11:00 am GMT-4',
    );
    expect(formatLongTime(appointment.startAt, 'Asia/Kolkata')).toBe('Sunday, 8 March 2026 at 8:30 pm IST');
  });

  it('fall back to Kolkata time for a zone that is not one', () => {
    expect(formatLongTime(appointment.startAt, 'Not/AZone')).toBe('Sunday, 8 March 2026 at 8:30 pm IST');
  });

  it('do not title a doctor twice and name the other side to each reader', () => {
    const toPatient = appointmentChangeMessage('booked', appointment, 'patient', KOLKATA);
    expect(toPatient.title).toBe('Appointment booked with Dr. Meera Iyer');
    expect(toPatient.body).toBe(
      'Your in-person visit with Dr. Meera Iyer (Cardiology) is booked for Sunday, 8 March 2026 at 8:30 pm IST.',
    );
    const toDoctor = appointmentChangeMessage('cancelled', appointment, 'doctor', KOLKATA);
    expect(toDoctor.title).toBe('Appointment with Asha Rao cancelled');
    expect(toDoctor.sms).toBe(
      'Arogyam: in-person visit with Asha Rao on Sun 8 Mar, 8:30 pm IST was cancelled.',
    );
  });

  it('a reminder for an in-person visit does not ask to join online', () => {
    const reminder = appointmentReminderMessage('15m', appointment, 'patient', KOLKATA);
    expect(reminder.title).toBe('Reminder: in-person visit with Dr. Meera Iyer in 15 minutes');
    expect(reminder.body).not.toContain('Join');
  });
});
