import {
  useT,
  JoinVideoVisit,
  formatTimeRange,
  zoneAbbreviation,
  useAsync,
  useNow,
  useSession,
  useVideoWindow,
  videoVisitOpen,
  type Appointment,
} from '@arogyam/ui';
import { api } from '../session';

/** The part of `GET /api/patients/me/dashboard` this needs. */
interface PatientDashboard {
  upcomingAppointments: Appointment[];
}

/** The home page's "your video visit is open": a signed-in patient's video appointments they can join now. */
export function VideoVisitsNow() {
  const { user } = useSession();
  if (user?.role !== 'patient') return null;
  return <OpenVideoVisits />;
}

function OpenVideoVisits() {
  const t = useT();
  const window = useVideoWindow(api);
  const now = useNow();
  const upcoming = useAsync((signal) => api.get<PatientDashboard>('/patients/me/dashboard', { signal }), []);
  const open = window
    ? (upcoming.data?.upcomingAppointments ?? []).filter((appointment) =>
        videoVisitOpen(appointment, window, now),
      )
    : [];
  if (open.length === 0) return null;
  return (
    <section className="card video-visits-now" aria-labelledby="video-visits-now-title">
      <h2 id="video-visits-now-title">{t('Your video visit')}</h2>
      <ul className="stack">
        {open.map((appointment) => (
          <li key={appointment.id} className="row-actions">
            <span>
              {appointment.doctor.fullName}, {formatTimeRange(appointment.startAt, appointment.endAt)}{' '}
              {zoneAbbreviation(new Date(appointment.startAt))}
            </span>
            <JoinVideoVisit api={api} appointment={appointment} />
          </li>
        ))}
      </ul>
    </section>
  );
}
