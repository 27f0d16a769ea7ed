/**
 * An email or SMS that did not go out. `permanent` means the provider refused this message for
 * good (an address or number it will never accept): retrying would only be refused again, so it is
 * recorded as failed. Anything else (a server down, a timeout, throttling, bad credentials) is
 * transient: the claim is released and the event retried.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
