import {
  useT,
  DoctorReviews,
  ErrorState,
  Loading,
  MoneyText,
  useAsync,
  type DoctorGender,
  type PublicDoctorProfile,
} from '@arogyam/ui';
import { DoctorCaseStudies } from '../components/doctor-case-studies';
import { Link, useParams } from 'react-router-dom';
import { BookAppointment } from '../components/book-appointment';
import { clinicText } from '../components/clinic-text';
import { DoctorPhoto } from '../components/doctor-photo';
import { NextAvailable } from '../components/next-available';
import { Rating } from '../components/rating';
import { experienceText } from '../experience';
import { api } from '../session';

const GENDER_WORDS: Record<DoctorGender, string> = { female: 'Female', male: 'Male', other: 'Other' };

export function DoctorProfilePage() {
  const t = useT();
  const { id = '' } = useParams();
  const profile = useAsync(
    (signal) => api.get<PublicDoctorProfile>(`/doctors/${encodeURIComponent(id)}`, { signal }),
    [id],
  );

  if (profile.loading) {
    return (
      <>
        <h1>{t('Doctor profile')}</h1>
        <Loading label={t("Loading the doctor's profile…")} />
      </>
    );
  }

  // The gateway answers 404 for unknown doctors and for those not (yet) verified: both are "not found" here.
  if (profile.error?.statusCode === 404) {
    return (
      <>
        <title>{t('Doctor not found · Arogyam')}</title>
        <h1>{t('Doctor not found')}</h1>
        <p>
          {t('This doctor is not listed on Arogyam.')} <Link to="/">{t('Search for another doctor')}</Link>.
        </p>
      </>
    );
  }

  if (profile.error || !profile.data) {
    return (
      <>
        <h1>{t('Doctor profile')}</h1>
        <ErrorState
          title={t('We could not load this profile')}
          message={profile.error?.message ?? 'Please try again.'}
          onRetry={profile.reload}
        />
      </>
    );
  }

  const doctor = profile.data;
  return (
    <div className="stack">
      <article className="card">
        <title>{`${doctor.fullName} · Arogyam`}</title>
        <p>
          <Link to="/">{t('← Back to search')}</Link>
        </p>
        <div className="doctor-card-header">
          <DoctorPhoto name={doctor.fullName} photo={doctor.photo} size="large" />
          <div>
            <h1>{doctor.fullName}</h1>
            <p className="specialization">{doctor.specialization}</p>
            <NextAvailable at={doctor.nextAvailableAt} />
          </div>
        </div>
        <dl className="details-list">
          {doctor.city && (
            <>
              <dt>{t('City')}</dt>
              <dd>{doctor.city}</dd>
            </>
          )}
          {doctor.qualifications && (
            <>
              <dt>{t('Qualifications')}</dt>
              <dd>{doctor.qualifications}</dd>
            </>
          )}
          {doctor.clinic && (
            <>
              <dt>{t('Clinic')}</dt>
              <dd>{clinicText(doctor)}</dd>
            </>
          )}
          {doctor.gender && (
            <>
              <dt>{t('Gender')}</dt>
              <dd>{t(GENDER_WORDS[doctor.gender])}</dd>
            </>
          )}
          <dt>{t('Experience')}</dt>
          <dd>{experienceText(doctor.yearsOfExperience)}</dd>
          {doctor.languages.length > 0 && (
            <>
              <dt>{t('Languages')}</dt>
              <dd>{doctor.languages.join(', ')}</dd>
            </>
          )}
          <dt>{t('Consultation fee')}</dt>
          <dd>
            <MoneyText value={doctor.consultationFee} />
          </dd>
          <dt>{t('Rating')}</dt>
          <dd>
            <Rating rating={doctor.rating} reviewCount={doctor.reviewCount} />
          </dd>
        </dl>
        {doctor.bio && (
          <section>
            <h2>{t('About')}</h2>
            <p>{doctor.bio}</p>
          </section>
        )}
      </article>
      <DoctorReviews
        api={api}
        doctorId={doctor.id}
        heading={t('Patient reviews')}
        emptyHint={t('Patients can rate a consultation once it is completed.')}
      />
      <DoctorCaseStudies doctorId={doctor.id} />
      <BookAppointment
        doctorId={doctor.id}
        doctorName={doctor.fullName}
        nextAvailableAt={doctor.nextAvailableAt}
      />
    </div>
  );
}
