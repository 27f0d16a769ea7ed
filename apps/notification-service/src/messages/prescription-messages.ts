import type { PrescriptionView } from '@arogyam/contracts';
import type { ComposedMessage } from './composed-message';
import { formatLongTime } from './format-time';
import { doctorName } from './names';

/** To the patient: which doctor issued it and when; the medicines stay in the app. */
export function prescriptionIssuedMessage(prescription: PrescriptionView, zone: string): ComposedMessage {
  const doctor = doctorName(prescription.doctor.fullName);
  const what = prescription.supersedesId ? 'a corrected prescription' : 'a prescription';
  const items = prescription.items.length === 1 ? '1 medicine' : `${prescription.items.length} medicines`;
  return {
    title: `${prescription.supersedesId ? 'Corrected prescription' : 'New prescription'} from ${doctor}`,
    body:
      `${doctor} issued ${what} for ${prescription.patient.fullName} (${items}) on ` +
      `${formatLongTime(prescription.issuedAt, zone)}. Open it in Arogyam to read or download it.`,
    sms: `Arogyam: ${doctor} issued ${what} for you. Open the app to read it.`,
  };
}
