import type { OutgoingEmail } from '../channels/email/email-sender';

export interface PasswordResetLetter {
  fullName: string;
  /** The app's reset page with the token: `<app>/reset-password?token=…`. */
  link: string;
  /** How long the link works from now, in whole minutes (at least 1). */
  minutesLeft: number;
}

/** The email with a password reset link: what it is for, how long it works, and what to do if unasked. */
export function passwordResetEmail({
  fullName,
  link,
  minutesLeft,
}: PasswordResetLetter): Omit<OutgoingEmail, 'id' | 'to'> {
  const lasts = minutesLeft === 1 ? '1 minute' : `${minutesLeft} minutes`;
  return {
    subject: 'Reset your Arogyam password',
    text: [
      `Hello ${fullName},`,
      '',
      'Someone (we hope you) asked to reset the password of your Arogyam account. Open this link to choose a new one:',
      '',
      link,
      '',
      `The link works once, for the next ${lasts}. Setting a new password signs you out everywhere.`,
      'If you did not ask for this, you can ignore this email: your password stays as it is.',
      '',
      '— Arogyam',
      '',
    ].join('\n'),
  };
}
