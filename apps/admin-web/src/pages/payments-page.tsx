import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  Button,
  EmptyState,
  PagedView,
  SelectField,
  TableRegion,
  TextField,
  formatDateTime,
  formatMoney,
  useAsync,
  type Page,
  type PaymentView,
} from '@arogyam/ui';
import {
  PAYMENT_STATUS_LABELS,
  PAYMENT_STATUS_OPTIONS,
  paramsForPayments,
  paymentFiltersFrom,
  paymentQuery,
  type PaymentFilters,
} from '../payment-filters';
import { api } from '../session';

/** Admins find a payment (by appointment, patient, status or dates) to see its refunds or refund it. */
export function PaymentsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = paymentFiltersFrom(searchParams);
  const [draft, setDraft] = useState<PaymentFilters>(filters);

  const payments = useAsync(
    (signal) => api.get<Page<PaymentView>>('/admin/payments', { query: paymentQuery(filters), signal }),
    [searchParams.toString()],
  );

  const show = (next: PaymentFilters) => setSearchParams(paramsForPayments(next));
  const search = (event: FormEvent) => {
    event.preventDefault();
    show({ ...draft, page: 1 });
  };
  const edit = (field: keyof PaymentFilters) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: event.target.value });

  return (
    <>
      <title>Payments · Arogyam Admin</title>
      <h1>Payments</h1>
      <form className="filters" role="search" aria-label="Search payments" onSubmit={search}>
        <TextField
          label="Appointment id"
          name="appointmentId"
          value={draft.appointmentId}
          onChange={edit('appointmentId')}
        />
        <TextField label="Patient id" name="patientId" value={draft.patientId} onChange={edit('patientId')} />
        <SelectField
          label="Status"
          name="status"
          options={PAYMENT_STATUS_OPTIONS}
          value={draft.status}
          onChange={edit('status')}
        />
        <TextField label="From" name="from" type="date" value={draft.fromDay} onChange={edit('fromDay')} />
        <TextField label="To" name="to" type="date" value={draft.toDay} onChange={edit('toDay')} />
        <Button type="submit">Search</Button>
      </form>
      <PagedView
        state={payments}
        loadingLabel="Loading payments…"
        errorTitle="We could not load payments"
        empty={<EmptyState title="No payments match this search." />}
        onPageChange={(page) => show({ ...filters, page })}
      >
        {(items, found) => (
          <TableRegion label="Payments">
            <table aria-busy={payments.loading || undefined}>
              <caption className="visually-hidden">Payments, {found.total} in total</caption>
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col">Amount</th>
                  <th scope="col">Refunded</th>
                  <th scope="col">Status</th>
                  <th scope="col">Appointment</th>
                  <th scope="col">Patient</th>
                </tr>
              </thead>
              <tbody>
                {items.map((payment) => (
                  <tr key={payment.id}>
                    <th scope="row">
                      <Link to={`/payments/${encodeURIComponent(payment.id)}`}>
                        {formatDateTime(payment.createdAt)}
                      </Link>
                    </th>
                    <td>{formatMoney(payment.amount)}</td>
                    <td>{payment.refundedAmount.amount > 0 ? formatMoney(payment.refundedAmount) : '—'}</td>
                    <td>{PAYMENT_STATUS_LABELS[payment.status]}</td>
                    <td>
                      <code>{payment.appointmentId}</code>
                    </td>
                    <td>
                      <code>{payment.patientId}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </PagedView>
    </>
  );
}
