import {
  useT,
  ChangePasswordForm,
  FormError,
  ProfileEditor,
  ProfileSaveActions,
  type DoctorProfile,
} from '@arogyam/ui';
import { PracticeFields } from '../components/practice-fields';
import { PublicProfileFields } from '../components/public-profile-fields';
import { PRACTICE_FIELDS, readPracticeDetails } from '../practice-details';
import { PUBLIC_PROFILE_FIELDS, readPublicProfileDetails } from '../public-profile-details';
import { api } from '../session';

const FIELDS = [...PRACTICE_FIELDS, ...PUBLIC_PROFILE_FIELDS];

const readChanges = (data: FormData) => ({
  ...readPracticeDetails(data, { blankText: 'send' }),
  ...readPublicProfileDetails(data),
});

export function EditProfilePage() {
  const t = useT();
  return (
    <>
      <section className="card">
        <title>{t('My profile · Arogyam for Doctors')}</title>
        <h1>{t('My profile')}</h1>
        <p className="page-intro">{t('This is what patients see when they find you in search.')}</p>
        <ProfileEditor<DoctorProfile> api={api} path="/doctors/me" fields={FIELDS} read={readChanges}>
          {(profile, form) => (
            <form onSubmit={form.save} noValidate>
              <FormError message={form.formError} />
              <dl className="details-list">
                <dt>{t('Email')}</dt>
                <dd>{profile.email}</dd>
                <dt>{t('Registration number')}</dt>
                <dd>{profile.licenseNumber}</dd>
              </dl>
              <PracticeFields errors={form.fieldErrors} profile={profile} />
              <PublicProfileFields errors={form.fieldErrors} profile={profile} />
              <ProfileSaveActions busy={form.busy} saved={form.saved} />
            </form>
          )}
        </ProfileEditor>
      </section>
      <section className="card">
        <ChangePasswordForm api={api} />
      </section>
    </>
  );
}
