import type { Credentials } from '../api/types';
import {
  PRIVACY_CONSENT_FIELD,
  PrivacyConsentField,
  readPrivacyConsent,
} from '../privacy/privacy-consent-field';
import { ACCOUNT_FIELDS, readCredentials } from './account-fields';
import type { AuthFormProps } from './auth-form';
import { AuthForm } from './auth-form';

const MESSAGES = { conflict: 'This email is already registered. Log in instead, or use another email.' };

type Registration<Details> = Credentials & Details & { privacyNoticeVersion: string };

export type RegisterFormProps<Details> = Omit<
  AuthFormProps<Registration<Details>>,
  'messages' | 'submitLabel' | 'onSignedIn' | 'read'
> & {
  /** The app's own part of the body: what it asks beyond email, password and consent. */
  readDetails(data: FormData): Details;
  /** By default the app's home page replaces the registration page in the history. */
  onRegistered?: AuthFormProps<Registration<Details>>['onSignedIn'];
};

/**
 * A patient or doctor sign-up form ("Create account"): the new account is signed in at once. Put
 * `<AccountFields newPassword />` among its fields; `fields` names the app's own, and the form adds
 * the account's (email, password) before them and the privacy notice's consent after them.
 */
export function RegisterForm<Details>({
  fields,
  readDetails,
  onRegistered,
  children,
  ...form
}: RegisterFormProps<Details>) {
  return (
    <AuthForm
      {...form}
      fields={[...ACCOUNT_FIELDS, ...fields, PRIVACY_CONSENT_FIELD]}
      read={(data) => ({ ...readCredentials(data), ...readDetails(data), ...readPrivacyConsent(data) })}
      messages={MESSAGES}
      submitLabel="Create account"
      onSignedIn={onRegistered}
    >
      {(errors) => (
        <>
          {children(errors)}
          <PrivacyConsentField api={form.api} error={errors[PRIVACY_CONSENT_FIELD]} />
        </>
      )}
    </AuthForm>
  );
}
