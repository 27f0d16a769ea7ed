import type { VerificationDecision } from '@arogyam/contracts';
import type { OutgoingEmail } from '../channels/email/email-sender';
import { doctorName } from './names';

export interface VerificationLetter {
  fullName: string;
  decision: VerificationDecision;
  /** The reviewer's reason (always given with a rejection). */
  note?: string;
  /** The doctor app's dashboard, where the status shows and a rejected doctor resubmits. */
  link: string;
}

/** The email of an admin's decision on a doctor's registration: what it means, the reason, what next. */
export function verificationDecisionEmail({
  fullName,
  decision,
  note,
  link,
}: VerificationLetter): Omit<OutgoingEmail, 'id' | 'to'> {
  const approved = decision === 'approved';
  const lines = approved
    ? [
        'Your medical registration has been verified. Patients can now find you in Arogyam and book consultations.',
        ...(note ? ['', `Note from the reviewer: ${note}`] : []),
        '',
        'Set your weekly hours so patients see times they can book:',
      ]
    : [
        'We could not verify your medical registration, so your profile stays hidden from patients for now.',
        '',
        `Reason: ${note ?? 'not given'}`,
        '',
        'Correct your details in your profile, then send them for review again from your dashboard:',
      ];
  return {
    subject: approved
      ? 'Your Arogyam registration is verified'
      : 'Your Arogyam registration could not be verified',
    text: [`Hello ${doctorName(fullName)},`, '', ...lines, '', link, '', '— Arogyam', ''].join('\n'),
  };
}
