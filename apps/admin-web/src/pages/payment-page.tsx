import { Link, useParams } from 'react-router-dom';
import {
  useT,
  AsyncView,
  TableRegion,
  formatDateTime,
  formatMoney,
  useAsync,
  type PaymentView,
} from '@arogyam/ui';
import { RefundForm } from '../components/refund-form';
import { PAYMENT_STATUS_LABELS } from '../payment-filters';
import { api } from '../session';

const REFUNDABLE: PaymentView['status'][] = ['paid', 'partially_refunded'];

/** One payment: what was paid, each refund with its reason, and a refund form while something is left. */
export function PaymentPage() {
  const t = useT();
  const { paymentId = '' } = useParams();
  const payment = useAsync(
    (signal) => api.get<PaymentView>(`/admin/payments/${encodeURIComponent(paymentId)}`, { signal }),
    [paymentId],
  );

  return (
    <>
      <title>{t('Payment · Arogyam Admin')}</title>
      <p>
        <Link to="/payments">{t('All payments')}</Link>
      </p>
      <h1>{t('Payment')}</h1>
      <AsyncView
        state={payment}
        loadingLabel={t('Loading the payment…')}
        errorTitle={t('We could not load the payment')}
      >
        {(found) => (
          <>
            <dl className="details-list card">
              <dt>{t('Amount')}</dt>
              <dd>{formatMoney(found.amount)}</dd>
              <dt>{t('Status')}</dt>
              <dd>{PAYMENT_STATUS_LABELS[found.status]}</dd>
              <dt>{t('Refunded')}</dt>
              <dd>{formatMoney(found.refundedAmount)}</dd>
              <dt>{t('Started')}</dt>
              <dd>{formatDateTime(found.createdAt)}</dd>
              {found.paidAt && (
                <>
                  <dt>{t('Paid')}</dt>
                  <dd>{formatDateTime(found.paidAt)}</dd>
                </>
              )}
              {found.failureReason && (
                <>
                  <dt>{t('Failure')}</dt>
                  <dd>{found.failureReason}</dd>
                </>
              )}
              <dt>{t('Provider')}</dt>
              <dd>{found.provider}</dd>
              <dt>{t('Appointment')}</dt>
              <dd>
                <Link to={`/payments?appointmentId=${encodeURIComponent(found.appointmentId)}`}>
                  <code>{found.appointmentId}</code>
                </Link>
              </dd>
              <dt>{t('Patient')}</dt>
              <dd>
                <Link to={`/payments?patientId=${encodeURIComponent(found.patientId)}`}>
                  <code>{found.patientId}</code>
                </Link>
              </dd>
            </dl>
            <h2>{t('Refunds')}</h2>
            {found.refunds.length === 0 ? (
              <p className="muted">{t('No refunds.')}</p>
            ) : (
              <TableRegion label={t('Refunds')}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('When')}</th>
                      <th scope="col">{t('Amount')}</th>
                      <th scope="col">{t('Reason')}</th>
                      <th scope="col">{t('By')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {found.refunds.map((refund) => (
                      <tr key={refund.id}>
                        <th scope="row">{formatDateTime(refund.refundedAt)}</th>
                        <td>{formatMoney(refund.amount)}</td>
                        <td>{refund.reason}</td>
                        <td>
                          {refund.kind === 'admin' ? <code>{refund.refundedBy}</code> : 'Cancellation policy'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            )}
            {REFUNDABLE.includes(found.status) && (
              <RefundForm
                key={found.refundedAmount.amount}
                payment={found}
                onChanged={(next) => payment.setData(next)}
                onStale={payment.reload}
              />
            )}
          </>
        )}
      </AsyncView>
    </>
  );
}
