import type { NotificationKind } from '@arogyam/contracts';
import type { ComposedMessage } from '../messages/composed-message';
import type { ReaderLocale } from '../messages/reader-locale';
import type { Recipient } from '../recipients/recipient';

/** Something to tell one user, on every channel their preferences allow. */
export interface Notice {
  /** The event id, or a reminder occurrence's id: with the user and channel, the idempotency key. */
  sourceId: string;
  kind: NotificationKind;
  recipient: Recipient;
  /** Ids a client links to (appointmentId, prescriptionId, roomId…). */
  data: Record<string, string>;
  /** The words, in the reader's time zone and language (known only once their preferences are read). */
  compose(locale: ReaderLocale): ComposedMessage;
}
