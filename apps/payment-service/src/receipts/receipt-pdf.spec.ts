import type { AppointmentMode, PaymentProviderName, RefundKind } from '@arogyam/contracts';
import { catalogueProblems, extractPdfText, translatedTexts } from '@arogyam/testing';
import type { StoredPayment } from '../payments/payment.schema';
import { HINDI } from './hi';
import { renderReceiptPdf, type ReceiptContent } from './receipt-pdf';

const payment = (provider: PaymentProviderName) =>
  ({
    _id: 'pay_7f3a9c1b',
    amount: { amount: 40000, currency: 'INR' },
    provider,
    providerPaymentId: provider === 'razorpay' ? 'pay_RZP123' : undefined,
    status: 'paid',
    paidAt: new Date('2026-12-01T04:30:00Z'),
    createdAt: new Date('2026-12-01T04:29:00Z'),
  }) as unknown as StoredPayment;

const content = (
  mode: AppointmentMode,
  provider: PaymentProviderName,
  refund?: RefundKind,
): ReceiptContent => ({
  payment: payment(provider),
  appointment: {
    doctor: { id: 'd1', fullName: 'Paisa Rao', specialization: 'Dermatology' },
    patient: { id: 'p1', fullName: 'Meena Payer' },
    startAt: '2026-12-02T05:00:00.000Z',
    mode,
  },
  subject: refund
    ? {
        kind: 'refund',
        refund: {
          id: 'ref_1',
          amount: { amount: 10000, currency: 'INR' },
          kind: refund,
          reason: 'Goodwill',
          refundedAt: new Date('2026-12-03T04:30:00Z'),
        },
      }
    : { kind: 'payment' },
  timeZone: 'Asia/Kolkata',
  language: 'hi',
});

/** The receipt's text, without the reader's own `-- 1 of 1 --` page marks, whitespace folded. */
const textOf = async (receipt: ReceiptContent): Promise<string> =>
  (await extractPdfText(await renderReceiptPdf(receipt)))
    .replace(/-- \d+ of \d+ --/g, ' ')
    .replace(/\s+/g, ' ');

/** Latin words left once names, ids and the provider's own name are taken out, but the zone and Dr. */
const englishLeft = (text: string): string[] => {
  let rest = text;
  for (const kept of ['Meena Payer', 'Paisa Rao', 'pay_7f3a9c1b', 'pay_RZP123', 'ref_1', 'Razorpay']) {
    rest = rest.split(kept).join(' ');
  }
  return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !['IST', 'Dr'].includes(word));
};

describe('receipts in Hindi', () => {
  it('has a Hindi entry for every label, with every {{place}}, in Devanagari', () => {
    const texts = translatedTexts(['apps/payment-service/src/receipts']);
    expect(texts.size).toBeGreaterThan(20); // the scan itself works
    expect(catalogueProblems(texts, HINDI)).toEqual({ missing: [], brokenPlaces: [], notDevanagari: [] });
  });

  it('labels a payment receipt in Hindi, names, ids and the amount as they are', async () => {
    const text = await textOf(content('video', 'sandbox'));
    for (const kept of ['भुगतान रसीद', 'Meena Payer', 'Dr. Paisa Rao', '₹400.00', 'pay_7f3a9c1b', 'IST']) {
      expect(text).toContain(kept);
    }
    expect(englishLeft(text)).toEqual([]);
  });

  it('leaves no English label in any mode, provider or refund kind', async () => {
    const receipts = [
      content('chat', 'razorpay'),
      content('in_person', 'sandbox', 'appointment_cancelled'),
      content('video', 'razorpay', 'admin'),
    ];
    for (const receipt of receipts) expect(englishLeft(await textOf(receipt))).toEqual([]);
  });

  it('is in English when asked in English', async () => {
    const text = await textOf({ ...content('video', 'sandbox'), language: 'en' });
    expect(text).toContain('Payment receipt');
    expect(text).toContain('Video consultation with Dr. Paisa Rao');
    expect(text).not.toMatch(/[\u0900-\u097F]/);
  });
});
