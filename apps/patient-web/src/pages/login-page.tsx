import { useT, LoginForm } from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { api } from '../session';

export function LoginPage() {
  const t = useT();
  return (
    <section className="card narrow">
      <title>{`${t('Log in')} · Arogyam`}</title>
      <h1>{t('Log in')}</h1>
      <p className="page-intro">
        {t('Log in to book consultations and keep your health details in one place.')}
      </p>
      <LoginForm api={api} path="/patients/login" />
      <p className="muted">
        {t('New to Arogyam?')} <Link to="/register">{t('Create an account')}</Link>
      </p>
    </section>
  );
}
