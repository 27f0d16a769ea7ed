import { useT, LoginForm, type DoctorProfile } from '@arogyam/ui';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../session';

export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();

  // A verified doctor starts the day at the queue; anyone else sees where their verification stands.
  const openHome = async () => {
    const profile = await api.get<DoctorProfile>('/doctors/me').catch(() => null);
    navigate(profile?.verificationStatus === 'approved' ? '/queue' : '/', { replace: true });
  };

  return (
    <section className="card narrow">
      <title>{t('Log in · Arogyam for Doctors')}</title>
      <h1>{t('Doctor log in')}</h1>
      <p className="page-intro">
        {t("See your verification status, today's queue and your practice profile.")}
      </p>
      <LoginForm api={api} path="/doctors/login" onLoggedIn={openHome} />
      <p className="muted">
        {t('New to Arogyam?')} <Link to="/register">{t('Create a doctor account')}</Link>
      </p>
    </section>
  );
}
