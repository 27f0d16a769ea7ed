import { Link } from 'react-router-dom';

export function NotFoundPage() {
  return (
    <section>
      <title>Page not found · Arogyam Admin</title>
      <h1>Page not found</h1>
      <p>
        This page does not exist. <Link to="/">Review pending doctors</Link>.
      </p>
    </section>
  );
}
