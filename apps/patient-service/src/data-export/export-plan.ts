import { PatientDataSubjects } from '@arogyam/contracts';

/**
 * How a file's items are laid out: one object (the account, a profile), a list, or named lists
 * (chat's rooms and messages).
 */
export type ExportFileShape = 'object' | 'list' | 'sections';

/** One file of the archive: which service holds its data, and how to ask for it. */
export interface ExportFilePlan {
  /** The file in the archive; also the step's name in the progress. */
  name: string;
  service: string;
  /** The owning service's subject; none for patient-service's own data (export-local-data.ts). */
  subject?: string;
  sections: readonly string[];
  shape: ExportFileShape;
  /** What the file holds, for README.txt. */
  describe: string;
}

/** Every file of the export, in the order they are gathered. */
export const EXPORT_PLAN: readonly ExportFilePlan[] = [
  {
    name: 'account.json',
    service: 'user',
    subject: PatientDataSubjects.user,
    sections: ['account'],
    shape: 'object',
    describe: 'Your account: email, name, status, when it was made, and the privacy notice you accepted.',
  },
  {
    name: 'profile.json',
    service: 'patient',
    sections: ['profile'],
    shape: 'object',
    describe: 'Your profile: name, phone, date of birth, gender.',
  },
  {
    name: 'medical-profile.json',
    service: 'patient',
    sections: ['medical_profile'],
    shape: 'object',
    describe: 'Your medical profile: allergies, long-term conditions, current medicines, blood group.',
  },
  {
    name: 'health-records.json',
    service: 'patient',
    sections: ['health_records'],
    shape: 'list',
    describe:
      'Your health records: title, kind, dates, notes and whom you shared each with. The files are in files/<record id>/.',
  },
  {
    name: 'appointments.json',
    service: 'appointment',
    subject: PatientDataSubjects.appointment,
    sections: ['appointments'],
    shape: 'list',
    describe:
      "Your appointments: doctor, time, kind, the reason you gave, status, cancellations, video calls, and the doctor's notes they shared with you.",
  },
  {
    name: 'prescriptions.json',
    service: 'prescription',
    subject: PatientDataSubjects.prescription,
    sections: ['prescriptions'],
    shape: 'list',
    describe: 'Your prescriptions, every version: medicines, doses, advice, the doctor who issued them.',
  },
  {
    name: 'chat.json',
    service: 'chat',
    subject: PatientDataSubjects.chat,
    sections: ['rooms', 'messages'],
    shape: 'sections',
    describe: 'Your chats with your doctors: the rooms and every message in them, yours and theirs.',
  },
  {
    name: 'payments.json',
    service: 'payment',
    subject: PatientDataSubjects.payment,
    sections: ['payments'],
    shape: 'list',
    describe: 'Your payments and refunds.',
  },
  {
    name: 'notifications.json',
    service: 'notification',
    subject: PatientDataSubjects.notification,
    sections: ['notifications', 'contact'],
    shape: 'sections',
    describe:
      'The notifications we sent you (in the app, by email and by SMS), and the name, email and phone they are sent to.',
  },
  {
    name: 'reviews.json',
    service: 'doctor',
    subject: PatientDataSubjects.doctor,
    sections: ['reviews'],
    shape: 'list',
    describe: 'The reviews you wrote of your doctors.',
  },
  {
    name: 'audit.json',
    service: 'audit',
    subject: PatientDataSubjects.audit,
    sections: ['audit'],
    shape: 'list',
    describe:
      'Who viewed your records: every time someone else reached your clinical data, and whether they were allowed.',
  },
];

/** Made from appointments.json: the video calls of your appointments. */
export const VIDEO_CALLS_FILE = 'video-calls.json';
export const VIDEO_CALLS_DESCRIPTION = 'Your video calls: when each rang, started and ended, and who joined.';
