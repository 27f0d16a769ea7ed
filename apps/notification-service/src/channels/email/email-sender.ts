import type { CalendarInvite } from '../../messages/appointment-invite';

/** One email to one recipient; `id` is the notification id (the file name or Message-ID). */
export interface OutgoingEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  /** Sent as the message's calendar part (text/calendar with its METHOD), which mail apps offer to add. */
  calendar?: CalendarInvite;
}

/** Sends email: over SMTP, or into the dev outbox. Throws a DeliveryError when it did not go out. */
export abstract class EmailSender {
  /** Where the email goes, for the start-up log: `smtp://host:port` or the outbox folder. */
  abstract readonly destination: string;

  abstract send(email: OutgoingEmail): Promise<void>;
}
