import { Link } from 'react-router-dom';
import {
  useT,
  Button,
  EmptyState,
  SelectField,
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
} from '../payment-filters';
import { DayRangeFields } from '../components/day-range-fields';
import { PagedTable } from '../components/paged-table';
import { api } from '../session';
import { useSearchFilters } from '../use-search-filters';

/** Admins find a payment (by appointment, patient, status or dates) to see its refunds or refund it. */
export function PaymentsPage() {
  const t = useT();
  const { filters, draft, key, show, search, edit } = useSearchFilters(paymentFiltersFrom, paramsForPayments);

  const payments = useAsync(
    (signal) => api.get<Page<PaymentView>>('/admin/payments', { query: paymentQuery(filters), signal }),
    [key],
  );

  return (
    <>
      <title>{t('Payments · Arogyam Admin')}</title>
      <h1>{t('Payments')}</h1>
      <form className="filters" role="search" aria-label={t('Search payments')} onSubmit={search}>
        <TextField
          label={t('Appointment id')}
          name="appointmentId"
          value={draft.appointmentId}
          onChange={edit('appointmentId')}
        />
        <TextField
          label={t('Patient id')}
          name="patientId"
          value={draft.patientId}
          onChange={edit('patientId')}
        />
        <SelectField
          label={t('Status')}
          name="status"
          options={PAYMENT_STATUS_OPTIONS}
          value={draft.status}
          onChange={edit('status')}
        />
        <DayRangeFields draft={draft} edit={edit} />
        <Button type="submit">{t('Search')}</Button>
      </form>
      <PagedTable
        state={payments}
        loadingLabel={t('Loading payments…')}
        errorTitle={t('We could not load payments')}
        empty={<EmptyState title={t('No payments match this search.')} />}
        onPageChange={(page) => show({ ...filters, page })}
        label={t('Payments')}
        caption="Payments"
        headings={[t('Started'), t('Amount'), t('Refunded'), t('Status'), t('Appointment'), t('Patient')]}
      >
        {(items) =>
          items.map((payment) => (
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
          ))
        }
      </PagedTable>
    </>
  );
}
