import { Link } from 'react-router-dom';
import { useT } from '@arogyam/ui';

export function NotFoundPage() {
  const t = useT();
  return (
    <section>
      <title>{t('Page not found · Arogyam Admin')}</title>
      <h1>{t('Page not found')}</h1>
      <p>
        {t('This page does not exist.')} <Link to="/">{t('Review pending doctors')}</Link>.
      </p>
    </section>
  );
}
