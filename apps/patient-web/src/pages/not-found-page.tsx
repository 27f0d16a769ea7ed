import { Link } from 'react-router-dom';

export function NotFoundPage() {
  return (
    <section>
      <title>Page not found · Arogyam</title>
      <h1>Page not found</h1>
      <p>
        This page does not exist. <Link to="/">Find a doctor</Link> instead.
      </p>
    </section>
  );
}
