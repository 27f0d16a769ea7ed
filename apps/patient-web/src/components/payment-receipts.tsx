import { Button, FormError, saveFile, useAction, type PaymentView } from '@arogyam/ui';
import { api } from '../session';

/** Receipts are issued for money that moved: a paid payment, and each refund of it. */
const RECEIPTED: PaymentView['status'][] = ['paid', 'refunded'];

/** Download buttons for a payment's receipt and its refund's (PDFs fetched with the session's token). */
export function PaymentReceipts({ payment }: { payment: PaymentView }) {
  const download = useAction();
  if (!RECEIPTED.includes(payment.status)) return null;
  const base = `/payments/${encodeURIComponent(payment.id)}`;
  const refund = payment.refund;
  const save = (path: string, fallbackName: string) =>
    download.run(async () => saveFile(await api.download(path, fallbackName)));

  return (
    <div className="form-actions">
      <Button
        variant="secondary"
        busy={download.busy}
        onClick={() => void save(`${base}/receipt`, 'receipt.pdf')}
      >
        Download receipt (PDF)
      </Button>
      {refund && (
        <Button
          variant="secondary"
          busy={download.busy}
          onClick={() =>
            void save(`${base}/refunds/${encodeURIComponent(refund.id)}/receipt`, 'refund-receipt.pdf')
          }
        >
          Download refund receipt (PDF)
        </Button>
      )}
      <FormError message={download.error?.message} />
    </div>
  );
}
