import {
  Button,
  ErrorState,
  FormError,
  Loading,
  SelectField,
  TextField,
  formatDate,
  optionalText,
  rawText,
  useAsync,
  useSession,
  useSubmit,
  type Gender,
  type PatientProfile,
  type PatientProfileChanges,
} from '@arogyam/ui';
import { useState } from 'react';
import { GENDER_OPTIONS } from '../gender-options';
import { api } from '../session';

const FIELDS = ['fullName', 'phone', 'dateOfBirth', 'gender'] as const;

export function MyProfilePage() {
  const profile = useAsync((signal) => api.get<PatientProfile>('/patients/me', { signal }), []);

  return (
    <section className="card narrow">
      <title>My profile · Arogyam</title>
      <h1>My profile</h1>
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
  profile: PatientProfile;
  onSaved(profile: PatientProfile): void;
}

function ProfileForm({ profile, onSaved }: ProfileFormProps) {
  const session = useSession();
  const [saved, setSaved] = useState(false);
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(FIELDS);

  const save = handleSubmit(async (data) => {
    setSaved(false);
    // Blank optional fields are left out, so they keep their current value.
    const changes: PatientProfileChanges = {
      fullName: rawText(data, 'fullName').trim(),
      phone: optionalText(data, 'phone'),
      dateOfBirth: optionalText(data, 'dateOfBirth'),
      gender: optionalText(data, 'gender') as Gender | undefined,
    };
    const updated = await api.patch<PatientProfile>('/patients/me', changes);
    onSaved(updated);
    if (session.user) session.updateUser({ ...session.user, fullName: updated.fullName });
    setSaved(true);
  });

  return (
    <>
      <dl className="details-list">
        <dt>Email</dt>
        <dd>{profile.email}</dd>
        <dt>Member since</dt>
        <dd>{formatDate(profile.createdAt)}</dd>
      </dl>
      <form onSubmit={save} noValidate>
        <FormError message={formError} />
        <TextField
          label="Full name"
          name="fullName"
          autoComplete="name"
          required
          defaultValue={profile.fullName}
          error={fieldErrors.fullName}
        />
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          autoComplete="tel"
          defaultValue={profile.phone ?? ''}
          error={fieldErrors.phone}
        />
        <TextField
          label="Date of birth"
          name="dateOfBirth"
          type="date"
          autoComplete="bday"
          defaultValue={profile.dateOfBirth ?? ''}
          error={fieldErrors.dateOfBirth}
        />
        <SelectField
          label="Gender"
          name="gender"
          options={GENDER_OPTIONS}
          defaultValue={profile.gender ?? ''}
          error={fieldErrors.gender}
        />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            Save
          </Button>
          <p role="status" className={saved ? 'form-success' : undefined}>
            {saved ? 'Your profile has been saved.' : ''}
          </p>
        </div>
      </form>
    </>
  );
}
