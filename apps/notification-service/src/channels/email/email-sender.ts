/** One email to one recipient; `id` is the notification id (the file name or Message-ID). */
export interface OutgoingEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
}

/** Sends email: over SMTP, or into the dev outbox. Throws a DeliveryError when it did not go out. */
export abstract class EmailSender {
  /** Where the email goes, for the start-up log: `smtp://host:port` or the outbox folder. */
  abstract readonly destination: string;

  abstract send(email: OutgoingEmail): Promise<void>;
}
