import ICAL from 'ical.js';
import { appointmentInvite, type InviteFacts } from './appointment-invite';

const appointment: InviteFacts = {
  id: 'appt-1',
  doctor: { id: 'd1', fullName: 'Meera Iyer, MD; Cardiology\\Heart', specialization: 'Cardiology' },
  patient: { id: 'p1', fullName: 'Ravi Kumar' },
  startAt: '2026-12-07T04:30:00.000Z',
  endAt: '2026-12-07T05:00:00.000Z',
  mode: 'video',
} as InviteFacts;

const parse = (content: string) => {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no event');
  return { calendar, event };
};

describe('appointmentInvite', () => {
  it('round-trips through a calendar parser: UTC times, escaped text, folded lines', () => {
    const link = `https://patient.example/appointments/appt-1?${'x'.repeat(120)}`;
    const { method, content } = appointmentInvite(
      'booked',
      appointment,
      'patient',
      link,
      new Date('2026-12-05T10:00:00Z'),
      'en',
    );
    expect(method).toBe('REQUEST');
    expect(content.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const { calendar, event } = parse(content);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.getFirstPropertyValue('uid')).toBe('appt-1@arogyam');
    expect(new ICAL.Event(event).startDate.toJSDate().toISOString()).toBe('2026-12-07T04:30:00.000Z');
    expect(new ICAL.Event(event).endDate.toJSDate().toISOString()).toBe('2026-12-07T05:00:00.000Z');
    expect(event.getFirstPropertyValue('summary')).toBe(
      'Video consultation with Dr. Meera Iyer, MD; Cardiology\\Heart',
    );
    expect(event.getFirstPropertyValue('url')).toBe(link);
  });

  it('cancels the same event with a later sequence', () => {
    const booked = parse(
      appointmentInvite('booked', appointment, 'doctor', 'https://d/a', new Date(1_000_000), 'en').content,
    );
    const cancelled = appointmentInvite(
      'cancelled',
      appointment,
      'doctor',
      'https://d/a',
      new Date(2_000_000),
      'en',
    );
    const { calendar, event } = parse(cancelled.content);
    expect(cancelled.method).toBe('CANCEL');
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('uid')).toBe(booked.event.getFirstPropertyValue('uid'));
    expect(Number(event.getFirstPropertyValue('sequence'))).toBeGreaterThan(
      Number(booked.event.getFirstPropertyValue('sequence')),
    );
  });

  it('names the visit in the reader’s language, Devanagari folded on character boundaries', () => {
    const { content } = appointmentInvite('booked', appointment, 'patient', 'https://p/a', new Date(0), 'hi');
    expect(content.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const { event } = parse(content);
    expect(event.getFirstPropertyValue('summary')).toBe(
      'Dr. Meera Iyer, MD; Cardiology\\Heart के साथ वीडियो परामर्श',
    );
    expect(event.getFirstPropertyValue('description')).toBe('आरोग्यम में खोलें: https://p/a');
  });
});
