import { DeliveryError } from '../delivery-error';
import { TwilioSmsProvider, toE164 } from './twilio-sms.provider';

const SID = `AC${'0123456789abcdef'.repeat(2)}`;

interface Call {
  url: string;
  init: RequestInit;
}

/** A stand-in for fetch: records each request and answers with the given status and body. */
function fakeFetch(status: number, body: object): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fake = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(url), init: init ?? {} });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fake as typeof fetch, calls };
}

const provider = (fetch: typeof fetch, from = '+14155550100') =>
  new TwilioSmsProvider({ accountSid: SID, authToken: 'secret-token', from, fetch });

const failureOf = async (send: Promise<void>): Promise<DeliveryError> => {
  const error = await send.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
};

describe('TwilioSmsProvider', () => {
  it('posts the message form to the account’s Messages resource with basic auth', async () => {
    const twilio = fakeFetch(201, { sid: 'SM1', status: 'queued' });
    await provider(twilio.fetch).send({ id: 'n1', to: '+91 98450 12345', text: 'Arogyam: hello' });

    expect(twilio.calls).toHaveLength(1);
    const [{ url, init }] = twilio.calls;
    expect(url).toBe(`https://api.twilio.com/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(init.method).toBe('POST');
    const headers = init.headers as Record<string, string>;
    expect(headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:secret-token`).toString('base64')}`);
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(String(init.body)))).toEqual({
      To: '+919845012345',
      From: '+14155550100',
      Body: 'Arogyam: hello',
    });
  });

  it('sends through a messaging service when TWILIO_FROM is one', async () => {
    const twilio = fakeFetch(201, { sid: 'SM2' });
    const service = `MG${'a'.repeat(32)}`;
    await provider(twilio.fetch, service).send({ id: 'n2', to: '9845012345', text: 'hi' });
    const form = new URLSearchParams(String(twilio.calls[0].init.body));
    expect(form.get('MessagingServiceSid')).toBe(service);
    expect(form.get('From')).toBeNull();
  });

  it('a 400 (Twilio refuses this number) is permanent', async () => {
    const twilio = fakeFetch(400, { code: 21211, message: "The 'To' number is not a valid phone number." });
    const error = await failureOf(provider(twilio.fetch).send({ id: 'n3', to: '+15005550001', text: 'x' }));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('21211');
  });

  it.each([401, 429, 500, 503])('a %i is transient: the message is retried later', async (status) => {
    const twilio = fakeFetch(status, { message: 'try later' });
    expect(
      (await failureOf(provider(twilio.fetch).send({ id: 'n4', to: '+15005550006', text: 'x' }))).permanent,
    ).toBe(false);
  });

  it('a network failure is transient', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const error = await failureOf(provider(failing).send({ id: 'n5', to: '+15005550006', text: 'x' }));
    expect(error.permanent).toBe(false);
  });

  it('a number SMS cannot reach is refused before any request', async () => {
    const twilio = fakeFetch(201, {});
    const error = await failureOf(provider(twilio.fetch).send({ id: 'n6', to: '12345', text: 'x' }));
    expect(error.permanent).toBe(true);
    expect(twilio.calls).toHaveLength(0);
    // Errors reach logs: the number stays out of it (the record keeps it).
    expect(error.message).not.toContain('12345');
  });
});

describe('toE164', () => {
  it.each([
    ['+91 98450 12345', '+919845012345'],
    ['(98450) 12-345', '+919845012345'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['12345', undefined],
    ['+12', undefined],
  ])('%s → %s', (phone, e164) => {
    expect(toE164(phone)).toBe(e164);
  });
});
