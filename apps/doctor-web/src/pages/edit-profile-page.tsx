import {
  useT,
  ChangePasswordForm,
  FormError,
  ProfileEditor,
  ProfileSaveActions,
  type DoctorProfile,
} from '@arogyam/ui';
import { LicenceFields } from '../components/licence-fields';
import { PracticeFields } from '../components/practice-fields';
import { PublicProfileFields } from '../components/public-profile-fields';
import { LICENCE_FIELDS, readLicenceDetails } from '../licence-details';
import { PRACTICE_FIELDS, readPracticeDetails } from '../practice-details';
import { PUBLIC_PROFILE_FIELDS, readPublicProfileDetails } from '../public-profile-details';
import { api } from '../session';

const FIELDS = [...LICENCE_FIELDS, ...PRACTICE_FIELDS, ...PUBLIC_PROFILE_FIELDS];

/** Licence details go only while they may change (before approval: the form shows them then). */
const readChanges = (data: FormData) => ({
  ...(data.has('licenseNumber') ? readLicenceDetails(data) : {}),
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
                {profile.verificationStatus === 'approved' && (
                  <>
                    <dt>{t('Registration number')}</dt>
                    <dd>{profile.licenseNumber}</dd>
                    <dt>{t('Medical council')}</dt>
                    <dd>{profile.registrationCouncil ?? '—'}</dd>
                    <dt>{t('Year of registration')}</dt>
                    <dd>{profile.registrationYear ?? '—'}</dd>
                  </>
                )}
              </dl>
              {profile.verificationStatus !== 'approved' && (
                <fieldset>
                  <legend>Licence details (checked by Arogyam before you are listed)</legend>
                  <div className="form-grid">
                    <LicenceFields errors={form.fieldErrors} profile={profile} />
                  </div>
                </fieldset>
              )}
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
