import type { CalendarInvite } from './appointment-invite';

/** A notification's words, written for one reader in their time zone. */
export interface ComposedMessage {
  /** The in-app title and the email subject. */
  title: string;
  /** The in-app text; also the email's unless `emailBody` is set. */
  body: string;
  /** For email and SMS when the in-app text should not leave the app (a chat message's words). */
  emailBody?: string;
  /** A single short SMS. */
  sms: string;
  /** The page the message is about, in the reader's app: the email says where to open it. */
  link?: string;
  /** A calendar file the email carries (appointment changes): adds, moves or removes the event. */
  calendar?: CalendarInvite;
}
