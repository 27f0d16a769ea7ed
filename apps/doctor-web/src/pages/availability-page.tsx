import { useT, AsyncView, nullIfNotFound, useAsync, type Availability } from '@arogyam/ui';
import { AvailabilityEditor } from '../components/availability-editor';
import { api } from '../session';

export function AvailabilityPage() {
  const t = useT();
  // 404: no hours saved yet, so the editor starts from a blank week.
  const availability = useAsync(
    (signal) => nullIfNotFound(api.get<Availability>('/doctors/me/availability', { signal })),
    [],
  );

  return (
    <section className="card">
      <title>{t('Availability · Arogyam for Doctors')}</title>
      <h1>{t('Availability')}</h1>
      <p className="page-intro">
        {t(
          'Set the hours patients can book you. Free slots are cut from these windows, minus booked times and days off.',
        )}
      </p>
      <AsyncView
        state={availability}
        loadingLabel={t('Loading your hours…')}
        errorTitle={t('We could not load your hours')}
      >
        {(saved) => <AvailabilityEditor saved={saved} />}
      </AsyncView>
    </section>
  );
}
