import type { DoctorDashboard } from '@arogyam/ui';
import { useT } from '@arogyam/ui';

/** The verified doctor's at-a-glance numbers from GET /api/doctors/me/dashboard. */
export function PracticeNumbers({ dashboard }: { dashboard: DoctorDashboard }) {
  const t = useT();
  const { todayQueue } = dashboard;
  return (
    <section aria-labelledby="numbers-heading">
      <h2 id="numbers-heading">{t('Your practice today')}</h2>
      <dl className="stats">
        <div className="stat">
          <dt>{t("Patients in today's queue")}</dt>
          <dd>{todayQueue.total}</dd>
        </div>
        <div className="stat">
          <dt>{t('Waiting')}</dt>
          <dd>{todayQueue.waiting}</dd>
        </div>
        <div className="stat">
          <dt>{t('Seen today')}</dt>
          <dd>{todayQueue.completed}</dd>
        </div>
        <div className="stat">
          <dt>{t('Upcoming appointments')}</dt>
          <dd>{dashboard.upcomingCount}</dd>
        </div>
        <div className="stat">
          <dt>{t('Rating')}</dt>
          <dd>
            {dashboard.reviewCount > 0 ? dashboard.rating.toFixed(1) : '–'}
            <span className="visually-hidden"> {t('out of 5')}</span>
          </dd>
        </div>
        <div className="stat">
          <dt>{t('Reviews')}</dt>
          <dd>{dashboard.reviewCount}</dd>
        </div>
      </dl>
    </section>
  );
}
