/** One SMS; `id` is the notification id. */
export interface OutgoingSms {
  id: string;
  to: string;
  text: string;
}

/** Sends SMS through a provider (Twilio) or into the dev outbox. Throws a DeliveryError when it did not go out. */
export abstract class SmsProvider {
  /** For the start-up log. */
  abstract readonly destination: string;

  abstract send(sms: OutgoingSms): Promise<void>;
}
