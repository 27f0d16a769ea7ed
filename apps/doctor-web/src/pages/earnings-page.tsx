import {
  AsyncView,
  Button,
  EmptyState,
  FormError,
  TimeZoneNote,
  browserTimeZone,
  formatDate,
  saveFile,
  useAction,
  useAsync,
  useT,
  type EarningsView,
  type Money,
} from '@arogyam/ui';
import { EarningsConsultationsTable } from '../components/earnings-consultations-table';
import { EarningsPeriodsTable } from '../components/earnings-periods-table';
import { MoneyStat } from '../components/money-stat';
import { currentPeriods, formatMonth } from '../earnings-periods';
import { api } from '../session';

const NONE: Money = { amount: 0, currency: 'INR' };

/**
 * The doctor's earnings, by default from the first of the month two months back to the end of
 * the next one, in the doctor's own time zone (the browser's): this week, this month and what is
 * unpaid at the top, then weekly and monthly totals, then each consultation.
 */
export function EarningsPage() {
  const t = useT();
  const earnings = useAsync(
    (signal) => api.get<EarningsView>('/doctors/me/earnings', { query: { tz: browserTimeZone() }, signal }),
    [],
  );
  const now = currentPeriods();
  const exporting = useAction();
  const download = (view: EarningsView) =>
    exporting.run(async () =>
      saveFile(
        await api.download('/doctors/me/earnings.csv', `earnings-${view.from}-to-${view.to}.csv`, {
          query: { from: view.from, to: view.to, tz: view.timezone },
        }),
      ),
    );

  return (
    <>
      <title>{t('Earnings · Arogyam for Doctors')}</title>
      <h1>{t('Earnings')}</h1>
      <TimeZoneNote />
      <AsyncView
        state={earnings}
        loadingLabel={t('Loading your earnings…')}
        errorTitle={t('We could not load your earnings')}
      >
        {(view) => (
          <>
            <p className="page-intro">
              {t('Consultations from {{from}} to {{to}}.', {
                from: formatDate(view.from),
                to: formatDate(view.to),
              })}
            </p>
            <section aria-labelledby="earnings-totals-heading">
              <h2 id="earnings-totals-heading">{t('At a glance')}</h2>
              <dl className="stats">
                <MoneyStat
                  label={t('Earned this week')}
                  value={view.weeks.find((week) => week.period === now.week)?.net ?? NONE}
                />
                <MoneyStat
                  label={t('Earned this month')}
                  value={view.months.find((month) => month.period === now.month)?.net ?? NONE}
                />
                <MoneyStat label={t('Refunded')} value={view.totals.refunded} />
                <MoneyStat label={t('Still unpaid')} value={view.totals.unpaid} />
              </dl>
            </section>
            {view.consultations.length > 0 && (
              <p>
                <Button
                  type="button"
                  variant="secondary"
                  busy={exporting.busy}
                  onClick={() => void download(view)}
                >
                  {t('Download CSV')}
                </Button>
              </p>
            )}
            <FormError message={exporting.error?.message} />
            {view.consultations.length === 0 ? (
              <EmptyState title={t('No consultations in this period yet.')} />
            ) : (
              <>
                <h2>{t('By month')}</h2>
                <EarningsPeriodsTable
                  label={t('Monthly totals')}
                  periodHeading={t('Month')}
                  periods={view.months}
                  periodName={formatMonth}
                />
                <h2>{t('By week')}</h2>
                <EarningsPeriodsTable
                  label={t('Weekly totals')}
                  periodHeading={t('Week from')}
                  periods={view.weeks}
                  periodName={formatDate}
                />
                <h2>{t('Each consultation')}</h2>
                <EarningsConsultationsTable consultations={view.consultations} />
              </>
            )}
          </>
        )}
      </AsyncView>
    </>
  );
}
