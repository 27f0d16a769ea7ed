import { FormError, ProfileEditor, ProfileSaveActions, type DoctorProfile } from '@arogyam/ui';
import { PracticeFields } from '../components/practice-fields';
import { PRACTICE_FIELDS, readPracticeDetails } from '../practice-details';
import { api } from '../session';

const readChanges = (data: FormData) => readPracticeDetails(data, { blankText: 'send' });

export function EditProfilePage() {
  return (
    <section className="card">
      <title>My profile · Arogyam for Doctors</title>
      <h1>My profile</h1>
      <p className="page-intro">This is what patients see when they find you in search.</p>
      <ProfileEditor<DoctorProfile> api={api} path="/doctors/me" fields={PRACTICE_FIELDS} read={readChanges}>
        {(profile, form) => (
          <form onSubmit={form.save} noValidate>
            <FormError message={form.formError} />
            <dl className="details-list">
              <dt>Email</dt>
              <dd>{profile.email}</dd>
              <dt>Registration number</dt>
              <dd>{profile.licenseNumber}</dd>
            </dl>
            <PracticeFields errors={form.fieldErrors} profile={profile} />
            <ProfileSaveActions busy={form.busy} saved={form.saved} />
          </form>
        )}
      </ProfileEditor>
    </section>
  );
}
