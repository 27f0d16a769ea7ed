import type { PaymentEventPayload, PaymentView } from '@arogyam/contracts';
import { refundedOf, refundsOf } from '../refunds/refund-balance';
import type { StoredPayment } from './payment.schema';

const money = ({ amount, currency }: { amount: number; currency: 'INR' }) => ({ amount, currency });

/** The payment as events carry it: everything but the checkout data. */
export const toPaymentEventPayload = (payment: StoredPayment): PaymentEventPayload => ({
  id: payment._id,
  appointmentId: payment.appointmentId,
  patientId: payment.patientId,
  doctorId: payment.doctorId,
  amount: money(payment.amount),
  status: payment.status,
  provider: payment.provider,
  ...(payment.paidAt ? { paidAt: new Date(payment.paidAt).toISOString() } : {}),
  ...(payment.failureReason ? { failureReason: payment.failureReason } : {}),
  refundedAmount: { amount: refundedOf(payment), currency: payment.amount.currency },
  refunds: refundsOf(payment).map((refund) => ({
    id: refund.id,
    amount: money(refund.amount),
    kind: refund.kind,
    reason: refund.reason,
    ...(refund.refundedBy ? { refundedBy: refund.refundedBy } : {}),
    refundedAt: new Date(refund.refundedAt).toISOString(),
  })),
  createdAt: new Date(payment.createdAt).toISOString(),
});

/** The public view; the checkout only while the payment is unpaid. */
export const toPaymentView = (payment: StoredPayment): PaymentView => ({
  ...toPaymentEventPayload(payment),
  ...(payment.status === 'created'
    ? {
        checkout: {
          provider: payment.checkout.provider,
          orderId: payment.checkout.orderId,
          amount: money(payment.checkout.amount),
          ...(payment.checkout.keyId ? { keyId: payment.checkout.keyId } : {}),
        },
      }
    : {}),
});
