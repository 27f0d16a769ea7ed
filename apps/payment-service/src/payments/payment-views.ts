import type { PaymentEventPayload, PaymentView } from '@arogyam/contracts';
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
  ...(payment.refund
    ? {
        refund: {
          id: payment.refund.id,
          amount: money(payment.refund.amount),
          reason: payment.refund.reason,
          refundedAt: new Date(payment.refund.refundedAt).toISOString(),
        },
      }
    : {}),
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
