import { LoginForm } from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { api } from '../session';

export function LoginPage() {
  return (
    <section className="card narrow">
      <title>Log in · Arogyam for Doctors</title>
      <h1>Doctor log in</h1>
      <p className="page-intro">See your verification status, today's queue and your practice profile.</p>
      <LoginForm api={api} path="/doctors/login" />
      <p className="muted">
        New to Arogyam? <Link to="/register">Create a doctor account</Link>
      </p>
    </section>
  );
}
