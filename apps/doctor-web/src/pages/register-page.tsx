import { useT, AccountFields, RegisterForm, type DoctorRegistration } from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { LicenceFields } from '../components/licence-fields';
import { PracticeFields } from '../components/practice-fields';
import { LICENCE_FIELDS, readLicenceDetails } from '../licence-details';
import { PRACTICE_FIELDS, readPracticeDetails } from '../practice-details';
import { api } from '../session';

const FIELDS = [...LICENCE_FIELDS, ...PRACTICE_FIELDS] as const;

/** The details as typed: blank numbers are left out, so the server names what is missing beside its field. */
function readDetails(data: FormData): Partial<DoctorRegistration> {
  return { ...readLicenceDetails(data), ...readPracticeDetails(data, { blankText: 'omit' }) };
}

export function RegisterPage() {
  const t = useT();
  return (
    <section className="card">
      <title>{t('Join as a doctor · Arogyam for Doctors')}</title>
      <h1>{t('Join Arogyam as a doctor')}</h1>
      <p className="page-intro">
        {t(
          'After you register, an Arogyam admin checks your medical registration number. Patients can find and book you once your profile is verified.',
        )}
      </p>
      <RegisterForm api={api} path="/doctors/register" fields={FIELDS} readDetails={readDetails}>
        {(errors) => (
          <>
            <fieldset>
              <legend>{t('Your account')}</legend>
              <div className="form-grid">
                <AccountFields errors={errors} newPassword />
              </div>
            </fieldset>
            <fieldset>
              <legend>{t('Your practice')}</legend>
              <PracticeFields errors={errors} afterSpecialization={<LicenceFields errors={errors} />} />
            </fieldset>
          </>
        )}
      </RegisterForm>
      <p className="muted">
        {t('Already registered?')} <Link to="/login">{t('Sign in instead')}</Link>
      </p>
    </section>
  );
}
