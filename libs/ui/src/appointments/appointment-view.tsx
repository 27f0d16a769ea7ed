import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ApiClient } from '../api/api-client';
import type { Appointment } from '../api/types';
import { chatRoomPath } from '../chat/chat-rooms';
import { ErrorState } from '../components/error-state';
import { Loading } from '../components/loading';
import { TimeZoneNote } from '../components/time-zone-note';
import { useAsync } from '../hooks/use-async';
import { AppointmentSummary } from './appointment-summary';
import { CallRecords } from './call-records';
import { useLiveAppointment } from './use-live-appointment';
import { useT } from '../i18n/use-t';

export interface AppointmentViewProps {
  api: ApiClient;
  /** Defaults to the route's `:id`. */
  id?: string;
  viewer: 'patient' | 'doctor';
  /** Suffix of the document title, e.g. "Arogyam for Doctors". */
  appName: string;
  /** The list this page was opened from. */
  back: { to: string; label: string };
  /**
   * What follows the summary (actions, notes, prescriptions). `update` takes the server's answer to a change
   * (the appointment's new state) or, without one, loads the appointment again.
   */
  children(appointment: Appointment, update: (updated?: Appointment) => void): ReactNode;
}

/**
 * An appointment's page: loads it (404: not found, or not yours), then its heading, summary and
 * children; follows its pushed changes live.
 */
export function AppointmentView({ api, viewer, appName, back, children, ...props }: AppointmentViewProps) {
  const t = useT();
  const params = useParams();
  const id = props.id ?? params.id ?? '';
  const state = useAsync(
    (signal) => api.get<Appointment>(`/appointments/${encodeURIComponent(id)}`, { signal }),
    [id],
  );
  // The other side's changes (check-in, completion, cancellation) show at once, without a reload.
  const announcement = useLiveAppointment(id, state.data, state.setData, state.reload);
  const backLink = (
    <p>
      <Link to={back.to}>← {t(back.label)}</Link>
    </p>
  );

  if (state.error?.statusCode === 404) {
    return (
      <div className="stack">
        <title>{`${t('Appointment not found')} · ${appName}`}</title>
        {backLink}
        <h1>{t('Appointment not found')}</h1>
        <p>{t('This appointment does not exist, or it is not one of yours.')}</p>
      </div>
    );
  }

  if (!state.data || state.error) {
    return (
      <div className="stack">
        <title>{`Appointment · ${appName}`}</title>
        {backLink}
        <h1>{t('Appointment')}</h1>
        {state.error ? (
          <ErrorState
            title={t('We could not load this appointment')}
            message={state.error.message}
            onRetry={state.reload}
          />
        ) : (
          <Loading label={t('Loading the appointment…')} />
        )}
      </div>
    );
  }

  const appointment = state.data;
  const update = (updated?: Appointment) => (updated?.id ? state.setData(updated) : state.reload());
  const other = viewer === 'patient' ? appointment.doctor.fullName : appointment.patient.fullName;
  return (
    <div className="stack">
      <title>{`${t('Appointment with {{name}}', { name: other })} · ${appName}`}</title>
      {backLink}
      <h1>{t('Appointment with {{name}}', { name: other })}</h1>
      <TimeZoneNote />
      <p role="status" className={announcement ? undefined : 'visually-hidden'}>
        {announcement}
      </p>
      <section className="card" aria-label={t('Appointment details')}>
        <AppointmentSummary appointment={appointment} viewer={viewer} />
        <p className="appointment-chat">
          <Link to={chatRoomPath(appointment.doctorId, appointment.patientId)}>
            {t('Message {{name}}', { name: other })}
          </Link>
        </p>
      </section>
      <CallRecords calls={appointment.calls} />
      {children(appointment, update)}
    </div>
  );
}
