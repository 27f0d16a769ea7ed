import { DeliveryError } from '../delivery-error';
import { SmsProvider, type OutgoingSms } from './sms-provider';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** An E.164 number, or a messaging service SID (MG…). */
  from: string;
  /** Injected in tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  baseUrl?: string;
}

/** Profiles may hold a national number; Arogyam's users are in India unless they say otherwise. */
const DEFAULT_COUNTRY_CODE = '+91';

/** `+91 98450 12345`, `(98450) 12345` → E.164, or undefined for what cannot be one. */
export function toE164(phone: string): string | undefined {
  const digits = phone.replace(/[^\d]/g, '');
  if (phone.trim().startsWith('+'))
    return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : undefined;
  if (digits.length === 10) return `${DEFAULT_COUNTRY_CODE}${digits}`;
  return undefined;
}

/**
 * SMS through Twilio's Messages API (`POST /2010-04-01/Accounts/{sid}/Messages.json`, HTTP basic
 * auth, form-encoded). A 400 is Twilio refusing this message (an invalid or unsubscribed number)
 * and permanent; 401/403 (credentials), 429 (throttled), 5xx and network errors are transient.
 */
export class TwilioSmsProvider extends SmsProvider {
  readonly destination = 'Twilio';
  private readonly fetch: typeof fetch;
  private readonly url: string;

  constructor(private readonly settings: TwilioSettings) {
    super();
    this.fetch = settings.fetch ?? fetch;
    const base = settings.baseUrl ?? 'https://api.twilio.com';
    this.url = `${base}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  }

  async send(sms: OutgoingSms): Promise<void> {
    const to = toE164(sms.to);
    if (!to) throw new DeliveryError('The number is not one SMS can reach', true);
    const form = new URLSearchParams({ To: to, Body: sms.text });
    form.set(this.settings.from.startsWith('MG') ? 'MessagingServiceSid' : 'From', this.settings.from);
    const credentials = Buffer.from(`${this.settings.accountSid}:${this.settings.authToken}`).toString(
      'base64',
    );
    let response: Response;
    try {
      response = await this.fetch(this.url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${credentials}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new DeliveryError(`Twilio unreachable: ${(error as Error).message}`, false);
    }
    if (response.ok) return;
    const problem = (await response.json().catch(() => ({}))) as { code?: number; message?: string };
    throw new DeliveryError(
      `Twilio answered ${response.status}${problem.code ? ` (error ${problem.code})` : ''}: ${problem.message ?? response.statusText}`,
      response.status === 400,
    );
  }
}
