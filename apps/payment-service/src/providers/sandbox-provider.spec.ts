import { domainStatusOf as statusOf } from '../../test/domain-status';
import { SANDBOX_SIGNATURE_HEADER, SandboxProvider } from './sandbox-provider';

describe('SandboxProvider', () => {
  const sandbox = new SandboxProvider('sandbox-secret-for-tests');

  it('creates orders locally, each its own', async () => {
    const first = await sandbox.createOrder(50000, 'INR');
    const second = await sandbox.createOrder(50000, 'INR');
    expect(first.providerOrderId).toMatch(/^sandbox_order_/);
    expect(second.providerOrderId).not.toBe(first.providerOrderId);
    expect(first.checkout).toEqual({
      provider: 'sandbox',
      orderId: first.providerOrderId,
      amount: { amount: 50000, currency: 'INR' },
    });
  });

  it('verifies the webhooks it signs', () => {
    const { rawBody, headers } = sandbox.signedWebhook({
      id: 'e1',
      event: 'payment.captured',
      orderId: 'o1',
      paymentId: 'p1',
    });
    expect(sandbox.verifyWebhook(rawBody, headers)).toEqual({
      eventId: 'e1',
      kind: 'paid',
      providerOrderId: 'o1',
      providerPaymentId: 'p1',
    });
  });

  it("refuses with 401 an unsigned webhook, another secret's and a changed body", () => {
    const body = { id: 'e2', event: 'payment.captured' as const, orderId: 'o2', paymentId: 'p2' };
    const { rawBody, headers } = sandbox.signedWebhook(body);
    expect(statusOf(() => sandbox.verifyWebhook(rawBody, {}))).toBe(401);
    const other = new SandboxProvider('another-sandbox-secret').signedWebhook(body);
    expect(statusOf(() => sandbox.verifyWebhook(other.rawBody, other.headers))).toBe(401);
    const changed = Buffer.from(rawBody.toString().replace('o2', 'o3'));
    expect(statusOf(() => sandbox.verifyWebhook(changed, headers))).toBe(401);
    expect(headers[SANDBOX_SIGNATURE_HEADER]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a failed checkout with its reason, and refunds without a network', async () => {
    const { rawBody, headers } = sandbox.signedWebhook({
      id: 'e3',
      event: 'payment.failed',
      orderId: 'o3',
      paymentId: 'p3',
      error: 'Declined',
    });
    expect(sandbox.verifyWebhook(rawBody, headers)).toMatchObject({
      kind: 'failed',
      failureReason: 'Declined',
    });
    await expect(sandbox.refund()).resolves.toMatch(/^sandbox_refund_/);
  });
});
