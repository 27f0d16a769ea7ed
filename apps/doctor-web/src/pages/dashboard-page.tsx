import { ErrorState, Loading, useAsync, type DoctorDashboard, type DoctorProfile } from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { PracticeNumbers } from '../components/practice-numbers';
import { VerificationPanel } from '../components/verification-panel';
import { api } from '../session';

export function DashboardPage() {
  const profile = useAsync((signal) => api.get<DoctorProfile>('/doctors/me', { signal }), []);
  const dashboard = useAsync((signal) => api.get<DoctorDashboard>('/doctors/me/dashboard', { signal }), []);

  return (
    <>
      <title>Dashboard · Arogyam for Doctors</title>
      <h1>Dashboard</h1>
      {profile.data && <p className="page-intro">Welcome, {profile.data.fullName}.</p>}
      {profile.loading && !profile.data && <Loading label="Loading your dashboard…" />}
      {profile.error && (
        <ErrorState
          title="We could not load your profile"
          message={profile.error.message}
          onRetry={profile.reload}
        />
      )}
      {profile.data && (
        <>
          <VerificationPanel
            verificationStatus={profile.data.verificationStatus}
            verificationNote={profile.data.verificationNote}
          />
          {profile.data.verificationStatus === 'approved' && (
            <>
              {dashboard.loading && !dashboard.data && <Loading label="Loading today's numbers…" />}
              {dashboard.error && (
                <ErrorState
                  title="We could not load today's numbers"
                  message={dashboard.error.message}
                  onRetry={dashboard.reload}
                />
              )}
              {dashboard.data && <PracticeNumbers dashboard={dashboard.data} />}
            </>
          )}
          <p>
            <Link to="/profile">Edit your profile</Link> to keep your details current for patients.
          </p>
        </>
      )}
    </>
  );
}
