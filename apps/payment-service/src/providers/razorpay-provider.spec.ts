import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { domainStatusOf as statusOf } from '../../test/domain-status';
import { RazorpayProvider } from './razorpay-provider';

const WEBHOOK_SECRET = 'whsec_test_0123456789';

/** A webhook body as Razorpay documents it for `payment.captured`. */
const captured = JSON.stringify({
  entity: 'event',
  account_id: 'acc_BFQ7uQEaa7j2z7',
  event: 'payment.captured',
  contains: ['payment'],
  payload: {
    payment: {
      entity: {
        id: 'pay_DESlfW9H8K9uqM',
        entity: 'payment',
        amount: 50000,
        currency: 'INR',
        status: 'captured',
        order_id: 'order_DESlLckIVRkHWj',
      },
    },
  },
  created_at: 1567674606,
});

/** Computed independently of the code under test: Razorpay's documented scheme. */
const razorpaySignature = (body: string, secret: string): string =>
  createHmac('sha256', secret).update(body).digest('hex');

describe('RazorpayProvider', () => {
  const provider = new RazorpayProvider({
    keyId: 'rzp_test_key',
    keySecret: 'rzp_test_secret',
    webhookSecret: WEBHOOK_SECRET,
    apiUrl: 'http://127.0.0.1:1',
  });
  const headers = (body: string, secret = WEBHOOK_SECRET): Record<string, string> => ({
    'x-razorpay-signature': razorpaySignature(body, secret),
    'x-razorpay-event-id': 'evt_1',
  });

  it('accepts a body signed with the webhook secret and reads the payment and order', () => {
    expect(provider.verifyWebhook(Buffer.from(captured), headers(captured))).toEqual({
      eventId: 'evt_1',
      kind: 'paid',
      providerOrderId: 'order_DESlLckIVRkHWj',
      providerPaymentId: 'pay_DESlfW9H8K9uqM',
    });
  });

  it('refuses with 401 a wrong secret, a changed body, a missing or malformed signature', () => {
    const body = Buffer.from(captured);
    expect(statusOf(() => provider.verifyWebhook(body, headers(captured, 'another-secret')))).toBe(401);
    const changed = captured.replace('50000', '5');
    expect(statusOf(() => provider.verifyWebhook(Buffer.from(changed), headers(captured)))).toBe(401);
    expect(statusOf(() => provider.verifyWebhook(body, { 'x-razorpay-event-id': 'evt_1' }))).toBe(401);
    expect(
      statusOf(() => provider.verifyWebhook(body, { ...headers(captured), 'x-razorpay-signature': 'abc' })),
    ).toBe(401);
  });

  it('checks the signature over the raw bytes, not a re-serialised JSON', () => {
    const spaced = captured.replace(/,/g, ', ');
    expect(statusOf(() => provider.verifyWebhook(Buffer.from(spaced), headers(captured)))).toBe(401);
    expect(provider.verifyWebhook(Buffer.from(spaced), headers(spaced)).kind).toBe('paid');
  });

  it('maps payment.failed to failed with its reason, and other events to ignored', () => {
    const failed = JSON.stringify({
      event: 'payment.failed',
      payload: {
        payment: { entity: { id: 'pay_2', order_id: 'order_2', error_description: 'Card declined' } },
      },
    });
    expect(provider.verifyWebhook(Buffer.from(failed), headers(failed))).toMatchObject({
      kind: 'failed',
      failureReason: 'Card declined',
    });
    const other = JSON.stringify({ event: 'refund.processed', payload: {} });
    expect(provider.verifyWebhook(Buffer.from(other), headers(other)).kind).toBe('ignored');
  });

  it('refuses with 400 a signed body that is not an event', () => {
    expect(statusOf(() => provider.verifyWebhook(Buffer.from('[1]'), headers('[1]')))).toBe(400);
  });

  describe('REST calls', () => {
    let server: Server;
    const requests: { method?: string; url?: string; authorization?: string; body: unknown }[] = [];
    let api: RazorpayProvider;

    beforeAll(async () => {
      server = createServer((request: IncomingMessage, response) => {
        let raw = '';
        request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        request.on('end', () => {
          requests.push({
            method: request.method,
            url: request.url,
            authorization: request.headers.authorization,
            body: JSON.parse(raw),
          });
          response.setHeader('content-type', 'application/json');
          if (request.url === '/v1/orders') return response.end(JSON.stringify({ id: 'order_X' }));
          if (request.url === '/v1/payments/pay_X/refund')
            return response.end(JSON.stringify({ id: 'rfnd_X' }));
          response.statusCode = 400;
          response.end(JSON.stringify({ error: { description: 'The id provided does not exist' } }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      api = new RazorpayProvider({
        keyId: 'rzp_test_key',
        keySecret: 's3cret',
        webhookSecret: WEBHOOK_SECRET,
        apiUrl: `http://127.0.0.1:${port}/v1`,
      });
    });

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('creates an order with basic auth and answers the checkout data', async () => {
      const order = await api.createOrder(50000, 'INR', 'payment-1');
      expect(order).toEqual({
        providerOrderId: 'order_X',
        checkout: {
          provider: 'razorpay',
          orderId: 'order_X',
          amount: { amount: 50000, currency: 'INR' },
          keyId: 'rzp_test_key',
        },
      });
      expect(requests[0]).toEqual({
        method: 'POST',
        url: '/v1/orders',
        authorization: `Basic ${Buffer.from('rzp_test_key:s3cret').toString('base64')}`,
        body: { amount: 50000, currency: 'INR', receipt: 'payment-1' },
      });
    });

    it('refunds a payment and turns a refusal into 502 with its description', async () => {
      await expect(api.refund('pay_X', 50000)).resolves.toBe('rfnd_X');
      expect(requests[1]).toMatchObject({ url: '/v1/payments/pay_X/refund', body: { amount: 50000 } });
      await expect(api.refund('pay_missing', 1)).rejects.toMatchObject({
        statusCode: 502,
        message: 'Razorpay refused: The id provided does not exist',
      });
    });
  });
});
