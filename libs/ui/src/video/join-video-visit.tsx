import { Link } from 'react-router-dom';
import type { ApiClient } from '../api/api-client';
import type { Appointment } from '../api/types';
import { useNow, useVideoWindow, videoVisitOpen } from './use-video-window';
import { useT } from '../i18n/use-t';

export interface JoinVideoVisitProps {
  api: ApiClient;
  appointment: Pick<Appointment, 'id' | 'mode' | 'status' | 'startAt' | 'endAt'>;
}

/**
 * The patient's "Join video visit", from VIDEO_JOIN_EARLY_MINUTES before the start until the call
 * window closes: it opens the call page, which answers a ringing call or puts them in the waiting room.
 */
export function JoinVideoVisit({ api, appointment }: JoinVideoVisitProps) {
  const t = useT();
  const window = useVideoWindow(api);
  const now = useNow();
  if (!window || !videoVisitOpen(appointment, window, now)) return null;
  return (
    <Link className="button button-primary" to={`/calls/${encodeURIComponent(appointment.id)}`}>
      {t('Join video visit')}
    </Link>
  );
}
