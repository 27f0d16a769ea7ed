import type { AuthFormProps } from './auth-form';
import { AuthForm } from './auth-form';

const MESSAGES = { conflict: 'This email is already registered. Log in instead, or use another email.' };

export type RegisterFormProps<Body> = Omit<AuthFormProps<Body>, 'messages' | 'submitLabel' | 'onSignedIn'> & {
  /** By default the app's home page replaces the registration page in the history. */
  onRegistered?: AuthFormProps<Body>['onSignedIn'];
};

/**
 * A patient or doctor sign-up form ("Create account"): the new account is signed in at once. Put
 * `<AccountFields newPassword />` among its fields.
 */
export function RegisterForm<Body>({ onRegistered, ...form }: RegisterFormProps<Body>) {
  return <AuthForm {...form} messages={MESSAGES} submitLabel="Create account" onSignedIn={onRegistered} />;
}
