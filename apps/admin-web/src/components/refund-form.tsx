import { useState, type FormEvent } from 'react';
import {
  useT,
  Button,
  FormError,
  TextAreaField,
  TextField,
  fieldErrorsFrom,
  formatMoney,
  toApiError,
  type FieldErrors,
  type PaymentView,
} from '@arogyam/ui';
import { api } from '../session';

interface RefundFormProps {
  payment: PaymentView;
  /** The payment after the refund (or as it now stands, when it changed meanwhile). */
  onChanged(payment: PaymentView): void;
  /** The payment changed elsewhere (refunded by someone else): load it again. */
  onStale(): void;
}

/** A refund waiting for the admin's confirmation; its key makes a retry of this one refund idempotent. */
interface PendingRefund {
  amount: number;
  reason: string;
  idempotencyKey: string;
}

const RUPEES = /^\d{1,7}(\.\d{1,2})?$/;

const toPaise = (text: string): number | undefined => {
  const trimmed = text.trim().replace(/^₹\s*/, '');
  if (!RUPEES.test(trimmed)) return undefined;
  const [whole, fraction = ''] = trimmed.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
};

const rupeesText = (paise: number): string =>
  paise % 100 === 0 ? String(paise / 100) : (paise / 100).toFixed(2);

const newIdempotencyKey = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join(
    '',
  );

/**
 * Refund all that is left of a payment or a part, with a reason. The amount is checked here
 * first, then confirmed; the server's refusals are told apart by their code.
 */
export function RefundForm({ payment, onChanged, onStale }: RefundFormProps) {
  const t = useT();
  const left = payment.amount.amount - payment.refundedAmount.amount;
  const money = (amount: number) => formatMoney({ amount, currency: payment.amount.currency });
  const [amountText, setAmountText] = useState(rupeesText(left));
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState<PendingRefund | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const review = (event: FormEvent) => {
    event.preventDefault();
    const amount = toPaise(amountText);
    const errors: FieldErrors = {};
    if (amount === undefined) errors.amount = t('Enter an amount in rupees, like 150 or 150.50.');
    else if (amount < 1) errors.amount = t('Enter an amount of at least ₹0.01.');
    else if (amount > left)
      errors.amount = t('At most {{amount}} is left to refund.', { amount: money(left) });
    if (reason.trim().length < 3) errors.reason = t('Say why this payment is refunded, in a few words.');
    setFieldErrors(errors);
    setFormError(null);
    if (amount !== undefined && Object.keys(errors).length === 0) {
      setPending({ amount, reason: reason.trim(), idempotencyKey: newIdempotencyKey() });
    }
  };

  const confirm = async (refund: PendingRefund) => {
    setBusy(true);
    setFormError(null);
    try {
      const refunded = await api.post<PaymentView>(
        `/admin/payments/${encodeURIComponent(payment.id)}/refund`,
        { amount: { amount: refund.amount, currency: payment.amount.currency }, reason: refund.reason },
        { headers: { 'Idempotency-Key': refund.idempotencyKey } },
      );
      // The page shows the refund; the form starts afresh on the new balance (keyed by it).
      onChanged(refunded);
    } catch (thrown) {
      const error = toApiError(thrown);
      switch (error.code) {
        case 'refund_exceeds_balance':
          setPending(null);
          setFieldErrors({ amount: error.message });
          onStale();
          break;
        case 'not_refundable':
          setPending(null);
          setFormError(error.message);
          onStale();
          break;
        case 'invalid_input':
          setPending(null);
          setFieldErrors(fieldErrorsFrom(error.details));
          setFormError(error.message);
          break;
        case 'refund_in_progress':
          // Kept pending with its key: confirming again is this same refund, never a second one.
          setFormError(t('Another refund of this payment is under way. Wait a moment, then confirm again.'));
          break;
        default:
          setFormError(`${error.message} ${t('Confirming again will not refund twice.')}`);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="refund-heading" className="card">
      <h2 id="refund-heading">{t('Refund')}</h2>
      <p>
        {money(left)} of {money(payment.amount.amount)} is left to refund.
      </p>
      <FormError message={formError} />
      {pending ? (
        <div className="confirm-panel" role="alertdialog" aria-labelledby="refund-confirm-heading">
          <h3 id="refund-confirm-heading">Refund {money(pending.amount)}?</h3>
          <p>
            {money(pending.amount)} goes back to the patient's payment method
            {pending.amount === left ? ', and the payment is then refunded in full' : ''}. This cannot be
            undone.
          </p>
          <div className="form-actions">
            <Button variant="danger" busy={busy} autoFocus onClick={() => void confirm(pending)}>
              {t('Confirm refund')}
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => setPending(null)}>
              {t('Cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={review} noValidate>
          <TextField
            label={t('Amount (₹)')}
            name="amount"
            inputMode="decimal"
            value={amountText}
            onChange={(event) => setAmountText(event.target.value)}
            hint={t('All that is left, or less for a partial refund.')}
            error={fieldErrors.amount}
          />
          <TextAreaField
            label={t('Reason')}
            name="reason"
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            hint={t('Kept with the refund, e.g. that the call dropped and the doctor agreed to refund half.')}
            error={fieldErrors.reason}
          />
          <div className="form-actions">
            <Button type="submit" variant="danger">
              {t('Refund…')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
