import type { ApiClient } from '../api/api-client';
import { i18n } from './i18n';

/** Tells the account the language the person reads in; best effort (the page is in it either way). */
const save = (api: ApiClient, language: string): void => {
  void api.patch('/users/me/preferences', { language }).catch(() => undefined);
};

/**
 * Keeps the signed-in account's language (user-service) the one the person reads the app in, so
 * what the services write to them (notifications, emails, SMS) is in it too: set on each sign-in
 * to this device's language, and again whenever they switch. Returns the unsubscribe function.
 */
export function followLanguageOnAccount(api: ApiClient, signedIn: () => boolean): () => void {
  const onSwitch = (language: string): void => {
    if (signedIn()) save(api, language);
  };
  i18n.on('languageChanged', onSwitch);
  return () => i18n.off('languageChanged', onSwitch);
}

/** On sign-in: the account takes the language this device shows. */
export function saveLanguageOnSignIn(api: ApiClient): void {
  if (i18n.isInitialized) save(api, i18n.language);
}
