import { TimeZoneNote } from '@arogyam/ui';
import { Link, useSearchParams } from 'react-router-dom';
import { AppointmentsTab, type AppointmentsView } from '../components/appointments-tab';
import { pageFrom } from '../search-filters';

const VIEWS: readonly { view: AppointmentsView; label: string }[] = [
  { view: 'upcoming', label: 'Upcoming' },
  { view: 'past', label: 'Past' },
];

export function MyAppointmentsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const current = VIEWS.find((item) => item.view === searchParams.get('view')) ?? VIEWS[0];
  const page = pageFrom(searchParams);

  const goToPage = (next: number) => {
    setSearchParams(next > 1 ? { view: current.view, page: String(next) } : { view: current.view });
    window.scrollTo({ top: 0 });
  };

  return (
    <>
      <title>My appointments · Arogyam</title>
      <h1>My appointments</h1>
      <TimeZoneNote />
      <nav className="tabs" aria-label="Upcoming or past appointments">
        {VIEWS.map((item) => (
          <Link
            key={item.view}
            to={`?view=${item.view}`}
            aria-current={item.view === current.view ? 'page' : undefined}
          >
            {item.label}
          </Link>
        ))}
      </nav>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="visually-hidden">
          {current.label} appointments
        </h2>
        <AppointmentsTab
          key={current.view}
          view={current.view}
          label={current.label}
          page={page}
          onPageChange={goToPage}
        />
      </section>
    </>
  );
}
