import type { AppointmentCallRecordedPayload } from '@arogyam/contracts';
import type { ComposedMessage } from './composed-message';
import { formatLongTime } from './format-time';
import { doctorName } from './names';

/** To the patient: the doctor rang for the video consultation and nobody answered; how to join still. */
export function missedCallMessage(recorded: AppointmentCallRecordedPayload, zone: string): ComposedMessage {
  const doctor = doctorName(recorded.doctor.fullName);
  return {
    title: `Missed video call from ${doctor}`,
    body:
      `${doctor} called you at ${formatLongTime(recorded.call.ringingAt, zone)} for your video ` +
      `consultation and could not reach you. You can still join: open the appointment in Arogyam ` +
      `and choose Join video visit; the doctor will admit you.`,
    sms: `Arogyam: you missed a video call from ${doctor}. Open the app and choose Join video visit to join.`,
  };
}
