import { LoginForm } from '@arogyam/ui';
import { api } from '../session';

export function LoginPage() {
  return (
    <section className="card narrow">
      <title>Log in · Arogyam Admin</title>
      <h1>Admin log in</h1>
      <p className="page-intro">For Arogyam staff who verify doctors and manage accounts.</p>
      <LoginForm api={api} path="/admin/login" />
    </section>
  );
}
