import { Link, useParams } from 'react-router-dom';
import { AsyncView, TableRegion, formatDateTime, formatMoney, useAsync, type PaymentView } from '@arogyam/ui';
import { RefundForm } from '../components/refund-form';
import { PAYMENT_STATUS_LABELS } from '../payment-filters';
import { api } from '../session';

const REFUNDABLE: PaymentView['status'][] = ['paid', 'partially_refunded'];

/** One payment: what was paid, each refund with its reason, and a refund form while something is left. */
export function PaymentPage() {
  const { paymentId = '' } = useParams();
  const payment = useAsync(
    (signal) => api.get<PaymentView>(`/admin/payments/${encodeURIComponent(paymentId)}`, { signal }),
    [paymentId],
  );

  return (
    <>
      <title>Payment · Arogyam Admin</title>
      <p>
        <Link to="/payments">All payments</Link>
      </p>
      <h1>Payment</h1>
      <AsyncView
        state={payment}
        loadingLabel="Loading the payment…"
        errorTitle="We could not load the payment"
      >
        {(found) => (
          <>
            <dl className="details-list card">
              <dt>Amount</dt>
              <dd>{formatMoney(found.amount)}</dd>
              <dt>Status</dt>
              <dd>{PAYMENT_STATUS_LABELS[found.status]}</dd>
              <dt>Refunded</dt>
              <dd>{formatMoney(found.refundedAmount)}</dd>
              <dt>Started</dt>
              <dd>{formatDateTime(found.createdAt)}</dd>
              {found.paidAt && (
                <>
                  <dt>Paid</dt>
                  <dd>{formatDateTime(found.paidAt)}</dd>
                </>
              )}
              {found.failureReason && (
                <>
                  <dt>Failure</dt>
                  <dd>{found.failureReason}</dd>
                </>
              )}
              <dt>Provider</dt>
              <dd>{found.provider}</dd>
              <dt>Appointment</dt>
              <dd>
                <Link to={`/payments?appointmentId=${encodeURIComponent(found.appointmentId)}`}>
                  <code>{found.appointmentId}</code>
                </Link>
              </dd>
              <dt>Patient</dt>
              <dd>
                <Link to={`/payments?patientId=${encodeURIComponent(found.patientId)}`}>
                  <code>{found.patientId}</code>
                </Link>
              </dd>
            </dl>
            <h2>Refunds</h2>
            {found.refunds.length === 0 ? (
              <p className="muted">No refunds.</p>
            ) : (
              <TableRegion label="Refunds">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Amount</th>
                      <th scope="col">Reason</th>
                      <th scope="col">By</th>
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
