import type { ApiClient } from '../api/api-client';
import { nullIfNotFound } from '../api/not-found';
import type { HealthRecord, Page } from '../api/types';
import { AsyncView } from '../components/async-view';
import { EmptyState } from '../components/empty-state';
import { useAsync } from '../hooks/use-async';
import { HealthRecordItem } from './health-record-item';
import { useT } from '../i18n/use-t';

export interface AppointmentHealthRecordsProps {
  api: ApiClient;
  appointmentId: string;
}

/**
 * For the appointment's doctor: the health records its patient shares with them, as far as the
 * care relationship allows (outside it, patient-service answers 404 and the doctor is told why).
 */
export function AppointmentHealthRecords({ api, appointmentId }: AppointmentHealthRecordsProps) {
  const t = useT();
  const base = `/appointments/${encodeURIComponent(appointmentId)}/health-records`;
  const records = useAsync(
    async (signal) => (await nullIfNotFound(api.get<Page<HealthRecord>>(base, { signal })))?.items ?? null,
    [base],
  );
  return (
    <section aria-labelledby="health-records-heading">
      <h2 id="health-records-heading">{t("Patient's health records")}</h2>
      <AsyncView
        state={records}
        loadingLabel={t('Loading health records…')}
        errorTitle={t('We could not load the records')}
      >
        {(list) =>
          list === null ? (
            <EmptyState title={t("The patient's records are not open to you now.")}>
              {t(
                'They open from the day of the visit until some days after your last consultation, or when the patient shares a record with you for this visit.',
              )}
            </EmptyState>
          ) : list.length === 0 ? (
            <EmptyState title={t('The patient has shared no health records with you.')} />
          ) : (
            <ul className="review-list" aria-label={t('Health records')}>
              {list.map((record) => (
                <HealthRecordItem
                  key={record.id}
                  api={api}
                  record={record}
                  filePath={`${base}/${encodeURIComponent(record.id)}/file`}
                />
              ))}
            </ul>
          )
        }
      </AsyncView>
    </section>
  );
}
