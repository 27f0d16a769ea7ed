import {
  useT,
  ACCOUNT_FIELDS,
  AccountFields,
  PRIVACY_CONSENT_FIELD,
  PrivacyConsentField,
  RegisterForm,
  readPrivacyConsent,
  readCredentials,
  type PatientRegistration,
} from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { PersonalFields } from '../components/personal-fields';
import { PERSONAL_FIELDS, readPersonalDetails } from '../personal-details';
import { api } from '../session';

const FIELDS = [...ACCOUNT_FIELDS, ...PERSONAL_FIELDS, PRIVACY_CONSENT_FIELD] as const;

function readRegistration(data: FormData): PatientRegistration {
  return { ...readCredentials(data), ...readPersonalDetails(data), ...readPrivacyConsent(data) };
}

export function RegisterPage() {
  const t = useT();
  return (
    <section className="card narrow">
      <title>{`${t('Create your account')} · Arogyam`}</title>
      <h1>{t('Create your account')}</h1>
      <p className="page-intro">{t('Consult verified doctors online. It takes a minute.')}</p>
      <RegisterForm api={api} path="/patients/register" fields={FIELDS} read={readRegistration}>
        {(errors) => (
          <>
            <AccountFields errors={errors} newPassword />
            <PersonalFields errors={errors} />
            <PrivacyConsentField api={api} error={errors[PRIVACY_CONSENT_FIELD]} />
          </>
        )}
      </RegisterForm>
      <p className="muted">
        {t('Already have an account?')} <Link to="/login">{t('Sign in instead')}</Link>
      </p>
    </section>
  );
}
