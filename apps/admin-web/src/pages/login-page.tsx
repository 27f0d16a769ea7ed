import { useT, LoginForm } from '@arogyam/ui';
import { api } from '../session';

export function LoginPage() {
  const t = useT();
  return (
    <section className="card narrow">
      <title>{t('Log in · Arogyam Admin')}</title>
      <h1>{t('Admin log in')}</h1>
      <p className="page-intro">{t('For Arogyam staff who verify doctors and manage accounts.')}</p>
      <LoginForm api={api} path="/admin/login" />
    </section>
  );
}
