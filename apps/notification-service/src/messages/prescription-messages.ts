import type { PrescriptionView } from '@arogyam/contracts';
import type { ComposedMessage } from './composed-message';
import { doctorName } from './names';
import { writerFor, type ReaderLocale } from './reader-locale';

/** To the patient: which doctor issued it and when; the medicines stay in the app. */
export function prescriptionIssuedMessage(
  prescription: PrescriptionView,
  locale: ReaderLocale,
): ComposedMessage {
  const writer = writerFor(locale);
  const { t } = writer;
  const doctor = doctorName(prescription.doctor.fullName);
  const count = prescription.items.length;
  const values = {
    doctor,
    patient: prescription.patient.fullName,
    items: count === 1 ? t('1 medicine') : t('{{count}} medicines', { count }),
    time: writer.long(prescription.issuedAt),
  };
  if (prescription.supersedesId) {
    return {
      title: t('Corrected prescription from {{doctor}}', values),
      body: t(
        '{{doctor}} issued a corrected prescription for {{patient}} ({{items}}) on {{time}}. Open it in Arogyam to read or download it.',
        values,
      ),
      sms: t('Arogyam: {{doctor}} issued a corrected prescription for you. Open the app to read it.', values),
    };
  }
  return {
    title: t('New prescription from {{doctor}}', values),
    body: t(
      '{{doctor}} issued a prescription for {{patient}} ({{items}}) on {{time}}. Open it in Arogyam to read or download it.',
      values,
    ),
    sms: t('Arogyam: {{doctor}} issued a prescription for you. Open the app to read it.', values),
  };
}
