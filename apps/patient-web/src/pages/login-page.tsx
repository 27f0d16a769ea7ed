import { LoginForm } from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { api } from '../session';

export function LoginPage() {
  return (
    <section className="card narrow">
      <title>Log in · Arogyam</title>
      <h1>Log in</h1>
      <p className="page-intro">Log in to book consultations and keep your health details in one place.</p>
      <LoginForm api={api} path="/patients/login" />
      <p className="muted">
        New to Arogyam? <Link to="/register">Create an account</Link>
      </p>
    </section>
  );
}
