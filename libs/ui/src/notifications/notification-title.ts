import type { NotificationKind } from '@arogyam/contracts';
import { i18n, translate } from '../i18n/i18n';

const KIND_TITLES: Record<NotificationKind, string> = {
  appointment: 'About an appointment',
  reminder: 'A reminder of an appointment',
  prescription: 'A new prescription',
  chat: 'A new message',
};

/**
 * A notification's title as the page says it: notification-service writes titles in English (as
 * its emails), so in another language the page says what kind of notice it is, in that language.
 */
export function notificationTitle({ kind, title }: { kind: NotificationKind; title: string }): string {
  if (i18n.language === 'en' || !i18n.isInitialized) return title;
  return translate(KIND_TITLES[kind] ?? title);
}
