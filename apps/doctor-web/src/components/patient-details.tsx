import {
  useT,
  EmptyState,
  ErrorState,
  Loading,
  nullIfNotFound,
  useAsync,
  type AppointmentPatient,
  type Gender,
} from '@arogyam/ui';
import { api } from '../session';

const GENDER_LABELS: Record<Gender, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  undisclosed: 'Prefers not to say',
};

/** The patient's contact, age and gender, as patient-service lets this appointment's doctor see them. */
export function PatientDetails({ appointmentId }: { appointmentId: string }) {
  const t = useT();
  const patient = useAsync(
    // 404 outside the care relationship (a booking days ahead, a visit long past): said, not an error.
    (signal) =>
      nullIfNotFound(
        api.get<AppointmentPatient>(`/appointments/${encodeURIComponent(appointmentId)}/patient`, { signal }),
      ),
    [appointmentId],
  );
  return (
    <section className="card" aria-labelledby="patient-details-heading">
      <h2 id="patient-details-heading">{t('Patient')}</h2>
      {patient.loading && <Loading label={t("Loading the patient's details…")} />}
      {patient.error && (
        <ErrorState
          title={t("We could not load the patient's details")}
          message={patient.error.message}
          onRetry={patient.reload}
        />
      )}
      {patient.data === null && (
        <EmptyState title={t("The patient's details are not open to you now.")}>
          {t('They open from the day of the visit until some days after your last consultation.')}
        </EmptyState>
      )}
      {patient.data && (
        <dl className="details-list">
          <dt>{t('Name')}</dt>
          <dd>{patient.data.fullName}</dd>
          <dt>{t('Age')}</dt>
          <dd>
            {patient.data.age === undefined
              ? t('Not given')
              : t('{{years}} years', { years: patient.data.age })}
          </dd>
          <dt>{t('Gender')}</dt>
          <dd>{t(patient.data.gender ? GENDER_LABELS[patient.data.gender] : 'Not given')}</dd>
          <dt>{t('Phone')}</dt>
          <dd>
            {patient.data.phone ? (
              <a href={`tel:${patient.data.phone}`}>{patient.data.phone}</a>
            ) : (
              t('Not given')
            )}
          </dd>
          <dt>{t('Email')}</dt>
          <dd>
            <a href={`mailto:${patient.data.email}`}>{patient.data.email}</a>
          </dd>
        </dl>
      )}
    </section>
  );
}
