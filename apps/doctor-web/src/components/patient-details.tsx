import { useT, ErrorState, Loading, useAsync, type AppointmentPatient, type Gender } from '@arogyam/ui';
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
    (signal) =>
      api.get<AppointmentPatient>(`/appointments/${encodeURIComponent(appointmentId)}/patient`, { signal }),
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
      {patient.data && (
        <dl className="details-list">
          <dt>{t('Name')}</dt>
          <dd>{patient.data.fullName}</dd>
          <dt>{t('Age')}</dt>
          <dd>{patient.data.age === undefined ? 'Not given' : `${patient.data.age} years`}</dd>
          <dt>{t('Gender')}</dt>
          <dd>{patient.data.gender ? GENDER_LABELS[patient.data.gender] : 'Not given'}</dd>
          <dt>{t('Phone')}</dt>
          <dd>
            {patient.data.phone ? (
              <a href={`tel:${patient.data.phone}`}>{patient.data.phone}</a>
            ) : (
              'Not given'
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
