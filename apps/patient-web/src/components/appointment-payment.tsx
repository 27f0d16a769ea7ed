import { useState } from 'react';
import {
  useT,
  AsyncView,
  Button,
  FormError,
  formatDateTime,
  formatMoney,
  nullIfNotFound,
  useAction,
  useAsync,
  type Appointment,
  type Money,
  type PaymentView,
  type PublicDoctorProfile,
} from '@arogyam/ui';
import { api } from '../session';
import { PaymentReceipts } from './payment-receipts';

const STATUS_TEXT: Record<PaymentView['status'], string> = {
  created: 'Not paid yet',
  paid: 'Paid',
  partially_refunded: 'Paid, part refunded',
  refunded: 'Refunded',
  failed: 'Payment failed',
};

/** Appointments whose fee can still be paid: not cancelled, not over. */
const PAYABLE = ['booked', 'checked_in', 'in_consultation'];

interface PaymentState {
  payment: PaymentView | null;
  fee: Money;
}

/**
 * The consultation fee and its payment. With the sandbox provider (development, demos) a clearly
 * labelled sandbox checkout ends the payment; the server refuses it when a real provider runs.
 */
export function AppointmentPayment({ appointment }: { appointment: Appointment }) {
  const t = useT();
  const [checkoutOpen, setCheckoutOpen] = useState(false);
  const action = useAction();
  const state = useAsync<PaymentState>(
    async (signal) => {
      const [payment, doctor] = await Promise.all([
        nullIfNotFound(api.get<PaymentView>(`/appointments/${appointment.id}/payment`, { signal })),
        api.get<PublicDoctorProfile>(`/doctors/${appointment.doctorId}`, { signal }),
      ]);
      return { payment, fee: doctor.consultationFee };
    },
    [appointment.id, appointment.doctorId],
  );
  const show = (payment: PaymentView) => state.setData((current) => current && { ...current, payment });

  const pay = () =>
    action.run(async () => {
      const created = await api.post<PaymentView>(`/appointments/${appointment.id}/payment`);
      show(created);
      if (created.checkout?.provider === 'sandbox') setCheckoutOpen(true);
    });
  const completeSandbox = (payment: PaymentView, outcome: 'paid' | 'failed') =>
    action.run(async () => {
      show(await api.post<PaymentView>(`/payments/${payment.id}/sandbox-checkout`, { outcome }));
      setCheckoutOpen(false);
    });

  return (
    <section aria-labelledby="payment-heading">
      <h2 id="payment-heading">{t('Payment')}</h2>
      <AsyncView
        state={state}
        loadingLabel={t('Loading the payment…')}
        errorTitle={t('We could not load the payment')}
      >
        {({ payment, fee }) => {
          const amount = payment?.amount ?? fee;
          const canPay =
            PAYABLE.includes(appointment.status) &&
            (!payment || payment.status === 'created' || payment.status === 'failed') &&
            amount.amount > 0;
          return (
            <div className="card">
              <p>{t('Consultation fee: {{amount}}', { amount: formatMoney(amount) })}</p>
              <p>
                {t('Status: {{status}}', {
                  status: t(payment ? STATUS_TEXT[payment.status] : STATUS_TEXT.created),
                })}
              </p>
              {payment?.status === 'failed' && (
                <p className="policy-note policy-note-warning" role="status">
                  {/* The provider's words (Razorpay's error description), or ours when it gave none. */}
                  {payment.failureReason ?? t('The payment did not go through.')}{' '}
                  {t('Nothing was charged; you can try again.')}
                </p>
              )}
              {payment?.refunds.map((refund) => (
                <p key={refund.id}>
                  {t(
                    refund.kind === 'appointment_cancelled'
                      ? 'Refunded {{amount}} on {{time}} (appointment cancelled).'
                      : 'Refunded {{amount}} on {{time}}.',
                    { amount: formatMoney(refund.amount), time: formatDateTime(refund.refundedAt) },
                  )}
                </p>
              ))}
              {payment?.status === 'paid' && appointment.status === 'cancelled' && (
                <p className="muted">{t('A late cancellation by the patient is not refunded.')}</p>
              )}
              {payment && <PaymentReceipts payment={payment} />}
              <FormError message={action.error?.message} />
              {canPay && (
                <Button busy={action.busy} onClick={() => void pay()}>
                  {t('Pay {{amount}}', { amount: formatMoney(amount) })}
                </Button>
              )}
              {checkoutOpen && payment?.checkout?.provider === 'sandbox' && (
                <div
                  role="dialog"
                  aria-modal="false"
                  aria-labelledby="sandbox-heading"
                  className="confirm-panel"
                >
                  <h3 id="sandbox-heading">{t('Sandbox checkout (test mode: no real money moves)')}</h3>
                  <p>
                    {t('Pay {{amount}} with the sandbox provider?', { amount: formatMoney(payment.amount) })}
                  </p>
                  <div className="form-actions">
                    <Button busy={action.busy} onClick={() => void completeSandbox(payment, 'paid')}>
                      {t('Complete sandbox payment')}
                    </Button>
                    <Button
                      variant="secondary"
                      disabled={action.busy}
                      onClick={() => void completeSandbox(payment, 'failed')}
                    >
                      {t('Decline')}
                    </Button>
                  </div>
                </div>
              )}
            </div>
          );
        }}
      </AsyncView>
    </section>
  );
}
