import type { AppointmentCallRecordedPayload } from '@arogyam/contracts';
import type { ComposedMessage } from './composed-message';
import { doctorName } from './names';
import { writerFor, type ReaderLocale } from './reader-locale';

/** To the patient: the doctor rang for the video consultation and nobody answered; how to join still. */
export function missedCallMessage(
  recorded: AppointmentCallRecordedPayload,
  locale: ReaderLocale,
): ComposedMessage {
  const writer = writerFor(locale);
  const { t } = writer;
  const doctor = doctorName(recorded.doctor.fullName);
  return {
    title: t('Missed video call from {{doctor}}', { doctor }),
    body: t(
      '{{doctor}} called you at {{time}} for your video consultation and could not reach you. You can still join: open the appointment in Arogyam and choose Join video visit; the doctor will admit you.',
      { doctor, time: writer.long(recorded.call.ringingAt) },
    ),
    sms: t(
      'Arogyam: you missed a video call from {{doctor}}. Open the app and choose Join video visit to join.',
      {
        doctor,
      },
    ),
  };
}
