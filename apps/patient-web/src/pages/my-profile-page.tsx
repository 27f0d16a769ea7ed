import {
  useT,
  ChangePasswordForm,
  FormError,
  ProfileEditor,
  ProfileSaveActions,
  formatDate,
  type PatientProfile,
} from '@arogyam/ui';
import { DeleteAccountPanel } from '../components/delete-account-panel';
import { PersonalFields } from '../components/personal-fields';
import { PERSONAL_FIELDS, readPersonalDetails } from '../personal-details';
import { api } from '../session';

export function MyProfilePage() {
  const t = useT();
  return (
    <>
      <section className="card narrow">
        <title>{t('My profile · Arogyam')}</title>
        <h1>{t('My profile')}</h1>
        {/* Blank optional fields are left out, so they keep their current value. */}
        <ProfileEditor<PatientProfile>
          api={api}
          path="/patients/me"
          fields={PERSONAL_FIELDS}
          read={readPersonalDetails}
        >
          {(profile, form) => (
            <>
              <dl className="details-list">
                <dt>{t('Email')}</dt>
                <dd>{profile.email}</dd>
                <dt>{t('Member since')}</dt>
                <dd>{formatDate(profile.createdAt)}</dd>
              </dl>
              <form onSubmit={form.save} noValidate>
                <FormError message={form.formError} />
                <PersonalFields errors={form.fieldErrors} profile={profile} />
                <ProfileSaveActions busy={form.busy} saved={form.saved} />
              </form>
            </>
          )}
        </ProfileEditor>
      </section>
      <section className="card narrow">
        <ChangePasswordForm api={api} />
      </section>
      <DeleteAccountPanel />
    </>
  );
}
