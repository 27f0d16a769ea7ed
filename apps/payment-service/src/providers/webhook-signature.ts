import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@arogyam/contracts';

/** Hex HMAC-SHA256 of the exact bytes received: Razorpay's webhook signature, and the sandbox's. */
export const webhookSignature = (rawBody: Buffer, secret: string): string =>
  createHmac('sha256', secret).update(rawBody).digest('hex');

/** Throws 401 unless `signature` is the body's signature; compared in constant time. */
export function requireValidSignature(rawBody: Buffer, signature: string | undefined, secret: string): void {
  const expected = Buffer.from(webhookSignature(rawBody, secret), 'utf8');
  const given = Buffer.from(typeof signature === 'string' ? signature : '', 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw DomainError.unauthorized('The webhook signature does not match its body.');
  }
}

/** The body as JSON, or 400: a signed body that is not JSON is still not an event. */
export function parseWebhookJson(rawBody: Buffer): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(rawBody.toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // falls through to the 400 below
  }
  throw DomainError.badRequest('The webhook body is not a JSON object.');
}
