import {
  Button,
  ErrorState,
  FormError,
  Loading,
  useAsync,
  useSession,
  useSubmit,
  type DoctorProfile,
} from '@arogyam/ui';
import { useState } from 'react';
import { PracticeFields } from '../components/practice-fields';
import { PRACTICE_FIELDS, readPracticeDetails } from '../practice-details';
import { api } from '../session';

export function EditProfilePage() {
  const profile = useAsync((signal) => api.get<DoctorProfile>('/doctors/me', { signal }), []);

  return (
    <section className="card">
      <title>My profile · Arogyam for Doctors</title>
      <h1>My profile</h1>
      <p className="page-intro">This is what patients see when they find you in search.</p>
      {profile.loading && !profile.data && <Loading label="Loading your profile…" />}
      {profile.error && (
        <ErrorState
          title="We could not load your profile"
          message={profile.error.message}
          onRetry={profile.reload}
        />
      )}
      {profile.data && <ProfileForm profile={profile.data} onSaved={profile.setData} />}
    </section>
  );
}

interface ProfileFormProps {
  profile: DoctorProfile;
  onSaved(profile: DoctorProfile): void;
}

function ProfileForm({ profile, onSaved }: ProfileFormProps) {
  const session = useSession();
  const [saved, setSaved] = useState(false);
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(PRACTICE_FIELDS);

  const save = handleSubmit(async (data) => {
    setSaved(false);
    const updated = await api.patch<DoctorProfile>(
      '/doctors/me',
      readPracticeDetails(data, { blankText: 'send' }),
    );
    onSaved(updated);
    if (session.user) session.updateUser({ ...session.user, fullName: updated.fullName });
    setSaved(true);
  });

  return (
    <form onSubmit={save} noValidate>
      <FormError message={formError} />
      <dl className="details-list">
        <dt>Email</dt>
        <dd>{profile.email}</dd>
        <dt>Registration number</dt>
        <dd>{profile.licenseNumber}</dd>
      </dl>
      <PracticeFields errors={fieldErrors} profile={profile} />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          Save
        </Button>
        <p role="status" className={saved ? 'form-success' : undefined}>
          {saved ? 'Your profile has been saved.' : ''}
        </p>
      </div>
    </form>
  );
}
