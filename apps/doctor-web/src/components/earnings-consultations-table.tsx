import {
  TableRegion,
  formatDateTime,
  useT,
  type EarningsConsultationView,
  type EarningsPaymentStatus,
} from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { MoneyCells } from './money-cells';

const PAYMENT_LABELS: Record<EarningsPaymentStatus, string> = {
  paid: 'Paid',
  partially_refunded: 'Paid, part refunded',
  refunded: 'Refunded',
  created: 'Unpaid',
  failed: 'Unpaid',
  unpaid: 'Unpaid',
};

/** Each consultation of the period, oldest first, with what it brought in and what was given back. */
export function EarningsConsultationsTable({
  consultations,
}: {
  consultations: readonly EarningsConsultationView[];
}) {
  const t = useT();
  return (
    <TableRegion label={t('Consultations')}>
      <table>
        <caption className="visually-hidden">{t('Consultations, oldest first')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('When')}</th>
            <th scope="col">{t('Fee')}</th>
            <th scope="col">{t('Paid')}</th>
            <th scope="col">{t('Refunded')}</th>
            <th scope="col">{t('Net')}</th>
            <th scope="col">{t('Payment')}</th>
          </tr>
        </thead>
        <tbody>
          {consultations.map((consultation) => (
            <tr key={consultation.appointmentId}>
              <th scope="row">
                <Link to={`/appointments/${consultation.appointmentId}`}>
                  {formatDateTime(consultation.startAt)}
                </Link>
              </th>
              <MoneyCells
                values={[consultation.fee, consultation.paid, consultation.refunded, consultation.net]}
              />
              <td>{t(PAYMENT_LABELS[consultation.paymentStatus])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
