import { useT, Button, FormError, formatMoney, saveFile, useAction, type PaymentView } from '@arogyam/ui';
import { api } from '../session';

/** Receipts are issued for money that moved: a paid payment, and each refund of it. */
const RECEIPTED: PaymentView['status'][] = ['paid', 'partially_refunded', 'refunded'];

/** Download buttons for a payment's receipt and each refund's (PDFs fetched with the session's token). */
export function PaymentReceipts({ payment }: { payment: PaymentView }) {
  const t = useT();
  const download = useAction();
  if (!RECEIPTED.includes(payment.status)) return null;
  const base = `/payments/${encodeURIComponent(payment.id)}`;
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
      {payment.refunds.map((refund) => (
        <Button
          key={refund.id}
          variant="secondary"
          busy={download.busy}
          onClick={() =>
            void save(`${base}/refunds/${encodeURIComponent(refund.id)}/receipt`, 'refund-receipt.pdf')
          }
        >
          {t('Download the receipt of the {{amount}} refund (PDF)', { amount: formatMoney(refund.amount) })}
        </Button>
      ))}
      <FormError message={download.error?.message} />
    </div>
  );
}
