import type { ApiClient } from '../api/api-client';
import type { Page, Prescription } from '../api/types';
import { AsyncView } from '../components/async-view';
import { EmptyState } from '../components/empty-state';
import { useAsync } from '../hooks/use-async';
import { PrescriptionCard } from './prescription-card';
import { useT } from '../i18n/use-t';

export interface AppointmentPrescriptionsProps {
  api: ApiClient;
  appointmentId: string;
  /** Change it (e.g. a counter) to load the list again, after a prescription was issued. */
  refreshKey?: number;
  /** What the empty list says. */
  emptyTitle: string;
}

/** The prescriptions issued for one appointment, newest as the server orders them, each with its PDF. */
export function AppointmentPrescriptions({
  api,
  appointmentId,
  refreshKey = 0,
  emptyTitle,
}: AppointmentPrescriptionsProps) {
  const t = useT();
  const prescriptions = useAsync(
    async (signal) =>
      (await api.get<Page<Prescription>>('/prescriptions', { query: { appointmentId }, signal })).items,
    [appointmentId, refreshKey],
  );

  return (
    <section aria-labelledby="prescriptions-heading">
      <h2 id="prescriptions-heading">{t('Prescriptions')}</h2>
      <AsyncView
        state={prescriptions}
        loadingLabel={t('Loading prescriptions…')}
        errorTitle={t('We could not load the prescriptions')}
      >
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={emptyTitle} />
          ) : (
            <ul className="review-list" aria-label={t('Prescriptions')}>
              {list.map((prescription) => (
                <PrescriptionCard key={prescription.id} api={api} prescription={prescription} />
              ))}
            </ul>
          )
        }
      </AsyncView>
    </section>
  );
}
