import { LoginForm } from '@arogyam/ui';
import { useNavigate } from 'react-router-dom';
import { api } from '../session';

export function LoginPage() {
  const navigate = useNavigate();

  return (
    <section className="card narrow">
      <title>Log in · Arogyam Admin</title>
      <h1>Admin log in</h1>
      <p className="page-intro">For Arogyam staff who verify doctors and manage accounts.</p>
      <LoginForm api={api} path="/admin/login" onLoggedIn={() => navigate('/', { replace: true })} />
    </section>
  );
}
