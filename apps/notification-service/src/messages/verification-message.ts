import type { Language, VerificationDecision } from '@arogyam/contracts';
import type { OutgoingEmail } from '../channels/email/email-sender';
import { doctorName } from './names';
import { textsIn } from './reader-locale';

export interface VerificationLetter {
  fullName: string;
  decision: VerificationDecision;
  /** The reviewer's reason (always given with a rejection), written as the reviewer wrote it. */
  note?: string;
  /** The doctor app's dashboard, where the status shows and a rejected doctor resubmits. */
  link: string;
}

/** The email of an admin's decision on a doctor's registration: what it means, the reason, what next. */
export function verificationDecisionEmail(
  { fullName, decision, note, link }: VerificationLetter,
  language: Language,
): Omit<OutgoingEmail, 'id' | 'to'> {
  const t = textsIn(language);
  const approved = decision === 'approved';
  const lines = approved
    ? [
        t(
          'Your medical registration has been verified. Patients can now find you in Arogyam and book consultations.',
        ),
        ...(note ? ['', t('Note from the reviewer: {{note}}', { note })] : []),
        '',
        t('Set your weekly hours so patients see times they can book:'),
      ]
    : [
        t(
          'We could not verify your medical registration, so your profile stays hidden from patients for now.',
        ),
        '',
        note ? t('Reason: {{reason}}', { reason: note }) : t('Reason: not given'),
        '',
        t('Correct your details in your profile, then send them for review again from your dashboard:'),
      ];
  return {
    subject: approved
      ? t('Your Arogyam registration is verified')
      : t('Your Arogyam registration could not be verified'),
    text: [
      t('Hello {{name}},', { name: doctorName(fullName) }),
      '',
      ...lines,
      '',
      link,
      '',
      t('— Arogyam'),
      '',
    ].join('\n'),
  };
}
