import type { AppointmentCallRecordedPayload, AppointmentMode, PrescriptionView } from '@arogyam/contracts';
import { catalogueProblems, translatedTexts } from '@arogyam/testing';
import {
  appointmentChangeMessage,
  appointmentReminderMessage,
  type AppointmentFacts,
} from './appointment-messages';
import { missedCallMessage } from './call-messages';
import { chatMessageCreatedMessage } from './chat-messages';
import type { ComposedMessage } from './composed-message';
import { HINDI } from './hi';
import { passwordResetEmail } from './password-reset-message';
import { prescriptionIssuedMessage } from './prescription-messages';
import { verificationDecisionEmail } from './verification-message';

const HINDI_KOLKATA = { timeZone: 'Asia/Kolkata', language: 'hi' } as const;
const MODES: AppointmentMode[] = ['video', 'chat', 'in_person'];

const appointment = (mode: AppointmentMode): AppointmentFacts => ({
  id: 'a1',
  doctor: { id: 'd1', fullName: 'Meera Iyer', specialization: 'Cardiology' },
  patient: { id: 'p1', fullName: 'Asha Rao' },
  startAt: '2026-03-08T15:00:00.000Z',
  mode,
  cancellationReason: 'Travelling that week',
});

/**
 * Latin words left in a Hindi text once what stays as written is taken out (names, a specialty, a
 * reason, a link) and the words every language here writes in Latin letters (the zone, am/pm, the
 * doctor's title as the apps write it, SMS): each would be English the catalogue missed.
 */
const englishLeft = (text: string, asWritten: string[]): string[] => {
  const rest = asWritten.reduce((left, kept) => left.split(kept).join(' '), text);
  return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter(
    (word) => !['IST', 'am', 'pm', 'Dr', 'SMS'].includes(word),
  );
};
const NAMES = ['Meera Iyer', 'Asha Rao', 'Cardiology', 'Travelling that week'];
const words = (message: ComposedMessage): string[] => [
  message.title,
  message.body,
  message.emailBody ?? '',
  message.sms,
];

describe('notification-service in Hindi', () => {
  it('has a Hindi entry for every text it writes, with every {{place}}, in Devanagari', () => {
    const texts = translatedTexts(['apps/notification-service/src']);
    expect(texts.size).toBeGreaterThan(40); // the scan itself works
    expect(catalogueProblems(texts, HINDI)).toEqual({ missing: [], brokenPlaces: [], notDevanagari: [] });
  });

  it('writes a booking to the patient in Hindi: Hindi dates, the zone named, the doctor’s name intact', () => {
    const message = appointmentChangeMessage('booked', appointment('video'), 'patient', HINDI_KOLKATA);
    expect(message.title).toBe('Dr. Meera Iyer के साथ अपॉइंटमेंट बुक हुआ');
    expect(message.body).toBe(
      'Dr. Meera Iyer (Cardiology) के साथ आपका वीडियो परामर्श रविवार, 8 मार्च 2026, 8:30 pm IST के लिए बुक हो गया है।',
    );
    expect(message.sms).toBe(
      'आरोग्यम: Dr. Meera Iyer के साथ वीडियो परामर्श रवि 8 मार्च, 8:30 pm IST के लिए बुक हुआ।',
    );
  });

  it('leaves no English in any appointment message, to either side, in any mode', () => {
    for (const mode of MODES) {
      for (const reader of ['patient', 'doctor'] as const) {
        const messages = [
          ...(['booked', 'rescheduled', 'cancelled'] as const).map((change) =>
            appointmentChangeMessage(change, appointment(mode), reader, HINDI_KOLKATA),
          ),
          appointmentReminderMessage('24h', appointment(mode), reader, HINDI_KOLKATA),
          appointmentReminderMessage('15m', appointment(mode), reader, HINDI_KOLKATA),
        ];
        for (const message of messages) {
          for (const text of words(message)) expect(englishLeft(text, NAMES)).toEqual([]);
        }
      }
    }
    const cancelled = appointmentChangeMessage('cancelled', appointment('chat'), 'doctor', HINDI_KOLKATA);
    expect(cancelled.body).toContain('बताया गया कारण: Travelling that week'); // the reason as written
  });

  it('writes calls, chat and prescriptions in Hindi, the chat preview as it was sent', () => {
    const call = missedCallMessage(
      {
        appointmentId: 'a1',
        doctor: { id: 'd1', fullName: 'Meera Iyer' },
        patient: { id: 'p1', fullName: 'Asha Rao' },
        call: { outcome: 'missed', ringingAt: '2026-03-08T15:00:00.000Z' },
      } as AppointmentCallRecordedPayload,
      HINDI_KOLKATA,
    );
    const chat = chatMessageCreatedMessage(
      { fullName: 'Asha Rao', role: 'patient' },
      'Fever since Monday',
      HINDI_KOLKATA,
    );
    const prescription = prescriptionIssuedMessage(
      {
        id: 'rx1',
        appointmentId: 'a1',
        doctor: { id: 'd1', fullName: 'Meera Iyer' },
        patient: { id: 'p1', fullName: 'Asha Rao' },
        items: [{}, {}],
        issuedAt: '2026-03-08T15:00:00.000Z',
        supersedesId: 'rx0',
      } as unknown as PrescriptionView,
      HINDI_KOLKATA,
    );
    expect(chat.body).toBe('Fever since Monday');
    expect(chat.title).toBe('Asha Rao का नया संदेश');
    expect(prescription.body).toContain('(2 दवाएँ)');
    for (const text of [...words(call), chat.title, chat.emailBody ?? '', chat.sms, ...words(prescription)]) {
      expect(englishLeft(text, NAMES)).toEqual([]);
    }
  });

  it('writes the account emails in Hindi, the reviewer’s note as written', () => {
    const reset = passwordResetEmail(
      { fullName: 'Asha Rao', link: 'https://p/r?token=x', minutesLeft: 30 },
      'hi',
    );
    expect(reset.subject).toBe('अपना आरोग्यम पासवर्ड रीसेट करें');
    expect(reset.text).toContain('अगले 30 मिनट तक');
    const rejected = verificationDecisionEmail(
      {
        fullName: 'Meera Iyer',
        decision: 'rejected',
        note: 'Register number unreadable',
        link: 'https://d/',
      },
      'hi',
    );
    expect(rejected.text).toContain('नमस्ते Dr. Meera Iyer,');
    expect(rejected.text).toContain('कारण: Register number unreadable');
    for (const text of [reset.subject, reset.text, rejected.subject, rejected.text]) {
      expect(
        englishLeft(text, [...NAMES, 'https://p/r?token=x', 'https://d/', 'Register number unreadable']),
      ).toEqual([]);
    }
  });
});
