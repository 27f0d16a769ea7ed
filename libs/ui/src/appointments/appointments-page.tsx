import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { ApiClient } from '../api/api-client';
import { TimeZoneNote } from '../components/time-zone-note';
import { AppointmentsTab, type AppointmentsView } from './appointments-tab';
import { useT } from '../i18n/use-t';

const VIEWS: readonly { view: AppointmentsView; label: string }[] = [
  { view: 'upcoming', label: 'Upcoming' },
  { view: 'past', label: 'Past' },
];

const pageOf = (params: URLSearchParams): number => {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page > 0 ? page : 1;
};

interface AppointmentsPageProps {
  api: ApiClient;
  viewer: 'patient' | 'doctor';
  /** Suffix of the document title, e.g. "Arogyam for Doctors". */
  appName: string;
  upcomingHint?: ReactNode;
}

/** "My appointments": Upcoming and Past tabs, the tab and page in the address. */
export function AppointmentsPage({ api, viewer, appName, upcomingHint }: AppointmentsPageProps) {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const current = VIEWS.find((item) => item.view === searchParams.get('view')) ?? VIEWS[0];
  const page = pageOf(searchParams);

  const goToPage = (next: number) => {
    setSearchParams(next > 1 ? { view: current.view, page: String(next) } : { view: current.view });
    window.scrollTo({ top: 0 });
  };

  return (
    <>
      <title>{`${t('My appointments')} · ${appName}`}</title>
      <h1>{t('My appointments')}</h1>
      <TimeZoneNote />
      <nav className="tabs" aria-label={t('Upcoming or past appointments')}>
        {VIEWS.map((item) => (
          <Link
            key={item.view}
            to={`?view=${item.view}`}
            aria-current={item.view === current.view ? 'page' : undefined}
          >
            {t(item.label)}
          </Link>
        ))}
      </nav>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="visually-hidden">
          {t(current.view === 'past' ? 'Past appointments' : 'Upcoming appointments')}
        </h2>
        <AppointmentsTab
          key={current.view}
          api={api}
          viewer={viewer}
          view={current.view}
          label={current.label}
          page={page}
          onPageChange={goToPage}
          upcomingHint={upcomingHint}
        />
      </section>
    </>
  );
}
