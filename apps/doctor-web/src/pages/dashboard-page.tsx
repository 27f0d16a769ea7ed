import {
  useT,
  AsyncView,
  DoctorReviews,
  useAsync,
  type DoctorDashboard,
  type DoctorProfile,
} from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { PracticeNumbers } from '../components/practice-numbers';
import { VerificationDocuments } from '../components/verification-documents';
import { VerificationPanel } from '../components/verification-panel';
import { api } from '../session';

export function DashboardPage() {
  const t = useT();
  const profile = useAsync((signal) => api.get<DoctorProfile>('/doctors/me', { signal }), []);
  const dashboard = useAsync((signal) => api.get<DoctorDashboard>('/doctors/me/dashboard', { signal }), []);

  return (
    <>
      <title>{t('Dashboard · Arogyam for Doctors')}</title>
      <h1>{t('Dashboard')}</h1>
      {profile.data && <p className="page-intro">Welcome, {profile.data.fullName}.</p>}
      <AsyncView
        state={profile}
        loadingLabel={t('Loading your dashboard…')}
        errorTitle={t('We could not load your profile')}
      >
        {(doctor) => (
          <>
            <VerificationPanel
              verificationStatus={doctor.verificationStatus}
              verificationNote={doctor.verificationNote}
              onResubmitted={(next) => profile.setData(next)}
            />
            {doctor.verificationStatus !== 'approved' && (
              <VerificationDocuments profile={doctor} onChanged={(next) => profile.setData(next)} />
            )}
            {doctor.verificationStatus === 'approved' && (
              <p>
                <Link to="/queue">{t("Open today's queue")}</Link> or{' '}
                <Link to="/availability">{t('set your weekly hours')}</Link>.
              </p>
            )}
            {doctor.verificationStatus === 'approved' && (
              <AsyncView
                state={dashboard}
                loadingLabel={t("Loading today's numbers…")}
                errorTitle={t("We could not load today's numbers")}
              >
                {(numbers) => <PracticeNumbers dashboard={numbers} />}
              </AsyncView>
            )}
            {doctor.verificationStatus === 'approved' && (
              <DoctorReviews
                api={api}
                doctorId={doctor.id}
                heading={t('Recent reviews')}
                emptyHint={t('Patients can rate a consultation once you mark it completed.')}
              />
            )}
            <p>
              <Link to="/profile">{t('Edit your profile')}</Link> to keep your details current for patients.
            </p>
          </>
        )}
      </AsyncView>
    </>
  );
}
