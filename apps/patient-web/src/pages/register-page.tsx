import { useT, AccountFields, RegisterForm } from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { PersonalFields } from '../components/personal-fields';
import { PERSONAL_FIELDS, readPersonalDetails } from '../personal-details';
import { api } from '../session';

export function RegisterPage() {
  const t = useT();
  return (
    <section className="card narrow">
      <title>{`${t('Create your account')} · Arogyam`}</title>
      <h1>{t('Create your account')}</h1>
      <p className="page-intro">{t('Consult verified doctors online. It takes a minute.')}</p>
      <RegisterForm
        api={api}
        path="/patients/register"
        fields={PERSONAL_FIELDS}
        readDetails={readPersonalDetails}
      >
        {(errors) => (
          <>
            <AccountFields errors={errors} newPassword />
            <PersonalFields errors={errors} />
          </>
        )}
      </RegisterForm>
      <p className="muted">
        {t('Already have an account?')} <Link to="/login">{t('Sign in instead')}</Link>
      </p>
    </section>
  );
}
