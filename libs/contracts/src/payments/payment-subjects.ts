/** payment-service's request/reply subjects (queue group `payment-service`), `payment.<noun>.<verb>`. */
export const PaymentSubjects = {
  /** A patient starts paying for their own appointment (or gets the unpaid payment already started). */
  create: 'payment.payment.create',
  /** The payment of one appointment, for its patient, its doctor or an admin. */
  getForAppointment: 'payment.payment.get_for_appointment',
  /** A patient's own payments, newest first. */
  list: 'payment.payment.list',
  /** The payment status of several appointments: their doctor's (the queue) or an admin's. */
  statusOfAppointments: 'payment.payment.status_of_appointments',
  /** A doctor's own earnings: each consultation's fee, paid and refunded, weekly and monthly totals, what is unpaid. */
  earnings: 'payment.earnings.get',
  /** A provider's webhook, as received by the gateway: raw body and signature headers. */
  receiveWebhook: 'payment.webhook.receive',
  /** Admins: a refund by hand, of all that is left or a part, with a reason. */
  refund: 'payment.refund.create',
  /** Admins: one payment by id, with its refunds. */
  get: 'payment.payment.get',
  /** Admins: payments by appointment, patient, status and creation dates, newest first. */
  search: 'payment.payment.search',
  /** Which provider the service runs (`sandbox` or `razorpay`); the SPA and the gateway ask it. */
  provider: 'payment.provider.get',
  /** A receipt (PDF) for a paid payment, or for one of its refunds: its patient or an admin. */
  receipt: 'payment.receipt.pdf',
  /** Sandbox provider only: completes a sandbox checkout with a signed sandbox webhook. */
  completeSandboxCheckout: 'payment.sandbox.complete',
} as const;
