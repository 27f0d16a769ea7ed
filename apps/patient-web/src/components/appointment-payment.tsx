import { useEffect, useState } from 'react';
import {
  Button,
  formatDateTime,
  formatMoney,
  nullIfNotFound,
  toApiError,
  type Appointment,
  type Money,
  type PaymentView,
  type PublicDoctorProfile,
} from '@arogyam/ui';
import { api } from '../session';

const STATUS_TEXT: Record<PaymentView['status'], string> = {
  created: 'Not paid yet',
  paid: 'Paid',
  refunded: 'Refunded',
  failed: 'Payment failed',
};

/**
 * The consultation fee and its payment. With the sandbox provider (development, demos) a clearly
 * labelled sandbox checkout ends the payment; the server refuses it when a real provider runs.
 */
export function AppointmentPayment({ appointment }: { appointment: Appointment }) {
  const [payment, setPayment] = useState<PaymentView | null>(null);
  const [fee, setFee] = useState<Money | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [checkoutOpen, setCheckoutOpen] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    void nullIfNotFound(
      api.get<PaymentView>(`/appointments/${appointment.id}/payment`, { signal: abort.signal }),
    )
      .then(setPayment)
      .catch(() => undefined);
    void api
      .get<PublicDoctorProfile>(`/doctors/${appointment.doctorId}`, { signal: abort.signal })
      .then((doctor) => setFee(doctor.consultationFee))
      .catch(() => undefined);
    return () => abort.abort();
  }, [appointment.id, appointment.doctorId]);

  const act = async (work: () => Promise<PaymentView>) => {
    setBusy(true);
    setError('');
    try {
      setPayment(await work());
    } catch (thrown) {
      setError(toApiError(thrown).message);
    } finally {
      setBusy(false);
    }
  };

  const pay = () =>
    act(async () => {
      const created = await api.post<PaymentView>(`/appointments/${appointment.id}/payment`);
      if (created.checkout?.provider === 'sandbox') setCheckoutOpen(true);
      return created;
    });

  const completeSandbox = (outcome: 'paid' | 'failed') =>
    act(async () => {
      if (!payment) throw new Error('No payment to complete.');
      const done = await api.post<PaymentView>(`/payments/${payment.id}/sandbox-checkout`, { outcome });
      setCheckoutOpen(false);
      return done;
    });

  const amount = payment?.amount ?? fee;
  const payable = ['booked', 'checked_in', 'in_consultation'].includes(appointment.status);
  const canPay = payable && (!payment || payment.status === 'created' || payment.status === 'failed');

  return (
    <section aria-labelledby="payment-heading">
      <h2 id="payment-heading">Payment</h2>
      <div className="card">
        {amount && <p>Consultation fee: {formatMoney(amount)}</p>}
        <p>Status: {payment ? STATUS_TEXT[payment.status] : 'Not paid yet'}</p>
        {payment?.refund && (
          <p>
            Refunded {formatMoney(payment.refund.amount)} on {formatDateTime(payment.refund.refundedAt)}
            {payment.refund.reason === 'appointment_cancelled' ? ' (appointment cancelled).' : '.'}
          </p>
        )}
        {payment?.status === 'paid' && appointment.status === 'cancelled' && !payment.refund && (
          <p className="muted">A late cancellation by the patient is not refunded.</p>
        )}
        {canPay && amount && amount.amount > 0 && (
          <Button busy={busy} onClick={() => void pay()}>
            Pay {formatMoney(amount)}
          </Button>
        )}
        {error && <p role="alert">{error}</p>}
      </div>
      {checkoutOpen && payment?.checkout?.provider === 'sandbox' && (
        <div role="dialog" aria-modal="true" aria-labelledby="sandbox-heading" className="card">
          <h3 id="sandbox-heading">Sandbox checkout (test mode: no real money moves)</h3>
          <p>Pay {formatMoney(payment.amount)} with the sandbox provider?</p>
          <Button busy={busy} onClick={() => void completeSandbox('paid')}>
            Complete sandbox payment
          </Button>{' '}
          <Button variant="secondary" disabled={busy} onClick={() => void completeSandbox('failed')}>
            Decline
          </Button>
        </div>
      )}
    </section>
  );
}
