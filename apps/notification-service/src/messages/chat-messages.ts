import type { ComposedMessage } from './composed-message';
import { doctorName } from './names';

const PREVIEW_LENGTH = 140;

export interface ChatSender {
  fullName?: string;
  role?: 'doctor' | 'patient';
}

/**
 * "New message from <name>". In the app the text shows a preview of the message; email and SMS
 * only say that there is one: a consultation's words do not belong in a mailbox.
 */
export function chatMessageCreatedMessage(sender: ChatSender, text: string): ComposedMessage {
  const name = sender.fullName
    ? sender.role === 'doctor'
      ? doctorName(sender.fullName)
      : sender.fullName
    : 'your care team';
  const flat = text.replace(/\s+/g, ' ').trim();
  const preview = flat.length > PREVIEW_LENGTH ? `${flat.slice(0, PREVIEW_LENGTH - 1)}…` : flat;
  return {
    title: `New message from ${name}`,
    body: preview,
    emailBody: `${name} sent you a message in Arogyam. Open the app to read it and reply.`,
    sms: `Arogyam: new message from ${name}. Open the app to read it.`,
  };
}
