import { Link } from 'react-router-dom';
import { useT } from '@arogyam/ui';

/** Where a patient lands after deleting their account, signed out. */
export function AccountDeletedPage() {
  const t = useT();
  return (
    <section className="card narrow">
      <title>{t('Account deleted · Arogyam')}</title>
      <h1>{t('Your account was deleted')}</h1>
      <p>
        {t(
          'Your personal details have been erased. Your doctors keep their notes and prescriptions, without your name or contact details, as the law requires.',
        )}
      </p>
      <p>
        <Link to="/">{t('Find a doctor')}</Link>
      </p>
    </section>
  );
}
