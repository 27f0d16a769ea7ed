import type { ComposedMessage } from './composed-message';
import { doctorName } from './names';
import { writerFor, type ReaderLocale } from './reader-locale';

const PREVIEW_LENGTH = 140;

export interface ChatSender {
  fullName?: string;
  role?: 'doctor' | 'patient';
}

/**
 * "New message from <name>". In the app the text shows a preview of the message (the sender's own
 * words, untranslated); email and SMS only say that there is one: a consultation's words do not
 * belong in a mailbox.
 */
export function chatMessageCreatedMessage(
  sender: ChatSender,
  text: string,
  locale: ReaderLocale,
): ComposedMessage {
  const { t } = writerFor(locale);
  const name = sender.fullName
    ? sender.role === 'doctor'
      ? doctorName(sender.fullName)
      : sender.fullName
    : t('your care team');
  const flat = text.replace(/\s+/g, ' ').trim();
  const preview = flat.length > PREVIEW_LENGTH ? `${flat.slice(0, PREVIEW_LENGTH - 1)}…` : flat;
  return {
    title: t('New message from {{name}}', { name }),
    body: preview,
    emailBody: t('{{name}} sent you a message in Arogyam. Open the app to read it and reply.', { name }),
    sms: t('Arogyam: new message from {{name}}. Open the app to read it.', { name }),
  };
}
