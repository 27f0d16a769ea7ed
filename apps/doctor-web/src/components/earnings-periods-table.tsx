import { TableRegion, useT, type EarningsPeriodView } from '@arogyam/ui';
import { MoneyCells } from './money-cells';

/** Weekly or monthly totals, oldest first: each period's consultations and money. */
export function EarningsPeriodsTable({
  label,
  periodHeading,
  periods,
  periodName,
}: {
  label: string;
  periodHeading: string;
  periods: readonly EarningsPeriodView[];
  periodName(period: string): string;
}) {
  const t = useT();
  return (
    <TableRegion label={label}>
      <table>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">{periodHeading}</th>
            <th scope="col">{t('Consultations')}</th>
            <th scope="col">{t('Fees')}</th>
            <th scope="col">{t('Paid')}</th>
            <th scope="col">{t('Refunded')}</th>
            <th scope="col">{t('Net')}</th>
            <th scope="col">{t('Unpaid')}</th>
          </tr>
        </thead>
        <tbody>
          {periods.map((period) => (
            <tr key={period.period}>
              <th scope="row">{periodName(period.period)}</th>
              <td>{period.consultations}</td>
              <MoneyCells values={[period.fee, period.paid, period.refunded, period.net, period.unpaid]} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
