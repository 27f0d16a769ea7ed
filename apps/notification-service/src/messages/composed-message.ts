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
}
