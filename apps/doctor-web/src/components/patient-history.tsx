import {
  useT,
  AsyncView,
  EmptyState,
  formatDate,
  formatDateTimeRange,
  modeLabel,
  nullIfNotFound,
  statusLabel,
  useAsync,
  type EarlierConsultation,
  type PatientHistory as PatientHistoryData,
} from '@arogyam/ui';
import { Fragment } from 'react';
import { api } from '../session';

const SOAP = [
  ['subjective', 'Subjective'],
  ['objective', 'Objective'],
  ['assessment', 'Assessment'],
  ['plan', 'Plan'],
] as const;

/**
 * "Earlier consultations": the patient's visits with this doctor before this appointment, with
 * their notes and prescriptions, inside the care relationship only (404 outside it: said so).
 */
export function PatientHistory({ appointmentId }: { appointmentId: string }) {
  const t = useT();
  const history = useAsync(
    (signal) =>
      nullIfNotFound(
        api.get<PatientHistoryData>(`/appointments/${encodeURIComponent(appointmentId)}/patient-history`, {
          signal,
        }),
      ),
    [appointmentId],
  );
  return (
    <section className="card" aria-labelledby="patient-history-heading">
      <h2 id="patient-history-heading">{t('Earlier consultations')}</h2>
      <AsyncView
        state={history}
        loadingLabel={t('Loading earlier consultations…')}
        errorTitle={t('We could not load the earlier consultations')}
      >
        {(found) =>
          found === null ? (
            <EmptyState title={t("The patient's history is not open to you now.")}>
              {t(
                'It opens from the day of the visit until some days after your last consultation with this patient.',
              )}
            </EmptyState>
          ) : found.consultations.length === 0 ? (
            <EmptyState title={t('No earlier consultations with you.')} />
          ) : (
            <>
              {!found.prescriptionsIncluded && (
                <p className="muted" role="status">
                  Prescriptions could not be loaded just now; the notes are shown without them.
                </p>
              )}
              <ol className="review-list" aria-label={t('Earlier consultations, latest first')}>
                {found.consultations.map((consultation) => (
                  <EarlierConsultationItem key={consultation.appointmentId} consultation={consultation} />
                ))}
              </ol>
            </>
          )
        }
      </AsyncView>
    </section>
  );
}

function EarlierConsultationItem({ consultation }: { consultation: EarlierConsultation }) {
  const t = useT();
  const headingId = `earlier-${consultation.appointmentId}`;
  const { notes, prescriptions } = consultation;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{formatDateTimeRange(consultation.startAt, consultation.endAt)}</h3>
      <p className="muted">
        {modeLabel(consultation.mode)} · {statusLabel(consultation.status)}
      </p>
      {notes ? (
        <dl className="details-list">
          {SOAP.map(([field, label]) => (
            <Fragment key={field}>
              <dt>{label}</dt>
              <dd>{notes[field] || '—'}</dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <p>{t('No notes were written.')}</p>
      )}
      {prescriptions && (
        <>
          <h4>{t('Prescriptions')}</h4>
          {prescriptions.length === 0 ? (
            <p>{t('None issued.')}</p>
          ) : (
            <ul>
              {prescriptions.map((prescription) => (
                <li key={prescription.id}>
                  {formatDate(prescription.issuedAt)}:{' '}
                  {prescription.items
                    .map((item) => `${item.drug} ${item.dose}, ${item.frequency}, ${item.durationDays} days`)
                    .join('; ')}
                  {prescription.advice && <> · {prescription.advice}</>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </li>
  );
}
