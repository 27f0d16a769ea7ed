import type { OutgoingEmail } from '../channels/email/email-sender';
import type { Language } from '@arogyam/contracts';
import { textsIn } from './reader-locale';

export interface PasswordResetLetter {
  fullName: string;
  /** The app's reset page with the token: `<app>/reset-password?token=…`. */
  link: string;
  /** How long the link works from now, in whole minutes (at least 1). */
  minutesLeft: number;
}

/** The email with a password reset link: what it is for, how long it works, and what to do if unasked. */
export function passwordResetEmail(
  { fullName, link, minutesLeft }: PasswordResetLetter,
  language: Language,
): Omit<OutgoingEmail, 'id' | 'to'> {
  const t = textsIn(language);
  const lasts = minutesLeft === 1 ? t('1 minute') : t('{{count}} minutes', { count: minutesLeft });
  return {
    subject: t('Reset your Arogyam password'),
    text: [
      t('Hello {{name}},', { name: fullName }),
      '',
      t(
        'Someone (we hope you) asked to reset the password of your Arogyam account. Open this link to choose a new one:',
      ),
      '',
      link,
      '',
      t('The link works once, for the next {{lasts}}. Setting a new password signs you out everywhere.', {
        lasts,
      }),
      t('If you did not ask for this, you can ignore this email: your password stays as it is.'),
      '',
      t('— Arogyam'),
      '',
    ].join('\n'),
  };
}
