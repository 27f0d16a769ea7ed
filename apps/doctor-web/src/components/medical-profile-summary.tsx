import {
  useT,
  ALLERGY_SEVERITY_LABELS,
  BLOOD_GROUP_LABELS,
  ErrorState,
  Loading,
  formatDate,
  type Allergy,
  type AsyncState,
  type MedicalProfile,
} from '@arogyam/ui';

const allergyInWords = ({ substance, severity, reaction }: Allergy): string =>
  [
    substance,
    [severity && ALLERGY_SEVERITY_LABELS[severity].toLowerCase(), reaction].filter(Boolean).join(', '),
  ]
    .filter(Boolean)
    .join(': ');

const listOrNone = (items: string[]): string => (items.length > 0 ? items.join('; ') : 'None recorded');

/**
 * What the patient keeps in their medical profile, compactly, beside the notes and the
 * prescription: allergies first and marked, then conditions, medicines and blood group.
 */
export function MedicalProfileSummary({ profile }: { profile: AsyncState<MedicalProfile | null> }) {
  const t = useT();
  const data = profile.data;
  return (
    <section className="card medical-profile-summary" aria-labelledby="medical-profile-heading">
      <h2 id="medical-profile-heading">{t('Medical profile')}</h2>
      {profile.loading && !data && <Loading label={t("Loading the patient's medical profile…")} />}
      {profile.error && (
        <ErrorState
          title={t("We could not load the patient's medical profile")}
          message={profile.error.message}
          onRetry={profile.reload}
        />
      )}
      {data && (
        <>
          {data.allergies.length > 0 ? (
            <div className="allergy-list">
              <strong>{t('Allergies')}</strong>
              <ul aria-label={t('Allergies')}>
                {data.allergies.map((allergy, index) => (
                  <li key={index}>{allergyInWords(allergy)}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p>
              <strong>{t('Allergies:')}</strong> none recorded
            </p>
          )}
          <dl className="details-list">
            <dt>{t('Long-term conditions')}</dt>
            <dd>{listOrNone(data.chronicConditions)}</dd>
            <dt>{t('Current medicines')}</dt>
            <dd>
              {listOrNone(data.currentMedicines.map(({ name, dose }) => (dose ? `${name} ${dose}` : name)))}
            </dd>
            <dt>{t('Blood group')}</dt>
            <dd>{data.bloodGroup ? BLOOD_GROUP_LABELS[data.bloodGroup] : t('Not given')}</dd>
          </dl>
          <p className="muted">
            {data.updatedAt
              ? t('Kept by the patient; last changed {{date}}.', { date: formatDate(data.updatedAt) })
              : t('The patient has not filled in a medical profile.')}
          </p>
        </>
      )}
    </section>
  );
}
