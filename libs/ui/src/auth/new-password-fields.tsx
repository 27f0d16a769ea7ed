import { ApiError } from '../api/api-error';
import { rawText } from '../forms/form-values';
import type { FieldErrors } from '../hooks/use-form-errors';
import { useT } from '../i18n/use-t';
import { PasswordField } from './password-field';

/** The request's name for the new password (also the API's). */
export const NEW_PASSWORD_FIELDS = ['newPassword', 'confirmPassword'] as const;

const HINT =
  'At least 8 characters, and hard to guess: a longer phrase of unrelated words works well. Not your name or email.';

/** A new password and its confirmation, as the reset page and the change-password form ask for them. */
export function NewPasswordFields({ errors }: { errors: FieldErrors }) {
  const t = useT();
  return (
    <>
      <PasswordField
        label={t('New password')}
        name="newPassword"
        purpose="new"
        minLength={8}
        hint={HINT}
        error={errors.newPassword}
      />
      <PasswordField
        label={t('Confirm new password')}
        name="confirmPassword"
        purpose="new"
        error={errors.confirmPassword}
      />
    </>
  );
}

/**
 * The new password as typed, once both fields agree; otherwise throws, before any request, a
 * problem the form shows beside the confirmation as it shows the server's.
 */
export function readNewPassword(data: FormData): string {
  const newPassword = rawText(data, 'newPassword');
  if (newPassword !== rawText(data, 'confirmPassword'))
    throw new ApiError(400, 'Bad Request', 'The two passwords differ.', [
      { field: 'confirmPassword', problem: 'does not match the new password' },
    ]);
  return newPassword;
}
